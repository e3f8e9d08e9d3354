// The JS API demo: render, update, destroy, validate.
import { render, validate } from "/dist/summary-card.js";

const target = document.getElementById("target");
const data = await (await fetch("/episodes/ilya.json")).json();
// Artwork must be an absolute URL; this demo serves its own.
data.show.artwork = new URL("/art.svg", location.href).href;
let card = await render(target, data, { theme: "light" });

document.getElementById("update").onclick = () => card.update({ ...data, title: "Updated: " + data.title });
document.getElementById("destroy").onclick = () => card.destroy();
document.getElementById("again").onclick = async () => (card = await render(target, data));

const bad = { title: "x", takeaways: [{ title: 42, text: "y" }] };
document.getElementById("validation").textContent =
  "validate(seed) → " + JSON.stringify(validate(data)) + "\nvalidate(" + JSON.stringify(bad) + ") → " + JSON.stringify(validate(bad));
