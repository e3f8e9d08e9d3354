// The stylesheets cards adopt: one object of each for the whole page, or
// neither where constructable stylesheets are missing.
import css from "../src/card.css";

// farSheet is added for cards beyond a page's first EAGER (scheduler.js): far
// off screen, they skip style, layout and paint (1,000 cards: all ready 4x
// sooner, no frame over 50 ms). Not for the first ones, since tools and tests
// treat skipped content as invisible; the clip margin keeps the card's shadow.
export const [cardSheet, farSheet] = (() => {
  try {
    const card = new CSSStyleSheet();
    card.replaceSync(css);
    const far = new CSSStyleSheet();
    far.replaceSync(":host{content-visibility:auto;contain-intrinsic-size:auto 1500px;overflow-clip-margin:32px}");
    return [card, far];
  } catch {
    return [];
  }
})();
