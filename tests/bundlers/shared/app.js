// The user's code, the same in every fixture: the package imported by name,
// one card through render(), and two <summary-card> elements already in the
// page (English and French, inline data). window.result says what render()
// and validate() returned.
import { render, validate } from "summary-card";

const episode = {
  version: 1,
  title: "Bundled card",
  show: { name: "Fixture Show" },
  duration: "1:36:00",
  takeaways: [{ title: "It bundles", text: "The card renders from an installed package." }],
};

async function main() {
  const problems = validate(episode);
  const card = await render(document.querySelector("#api"), episode, { theme: "light" });
  return { problems, errors: card.errors };
}

window.result = main();
