// The JS API under a strict CSP: render, update, destroy and validate, from
// an external module (the page has no inline script). Writes what it saw to
// #result as JSON for tests/e2e/csp.spec.mjs.
import { render, validate } from "/dist/summary-card.js";

const $ = (id) => document.getElementById(id);
const data = await (await fetch("/episodes/ilya.json")).json();
const bad = { version: 1, title: "Broken", url: "javascript:alert(1)", takeaways: [{ title: 42, text: "x" }] };

const seed = await render($("target"), data);
const broken = await render($("bad"), bad);
const updated = await render($("updated"), { title: "Before", takeaways: [{ text: "one" }] });
await updated.update({ title: "After", takeaways: [{ text: "two" }] });
const destroyed = await render($("destroyed"), data);
destroyed.destroy();

$("result").textContent = JSON.stringify({
  seed: seed.errors,
  bad: broken.errors,
  updated: updated.errors,
  destroyedParts: $("destroyed").shadowRoot.querySelectorAll("[part]").length,
  validSeed: validate(data),
  validBad: validate(bad),
});
