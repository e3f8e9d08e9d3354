// The stylesheets cards adopt: one object of each per document (a
// constructed sheet can be adopted only in the document that made it), or
// neither where constructable stylesheets are missing.
import css from "../src/card.css";

// farSheet is added for cards beyond a page's first EAGER (scheduler.js): far
// off screen, they skip style, layout and paint (1,000 cards: all ready 4x
// sooner, no frame over 50 ms). Not for the first ones, since tools and tests
// treat skipped content as invisible; the clip margin keeps the card's shadow.
const FAR = ":host{content-visibility:auto;contain-intrinsic-size:auto 1500px;overflow-clip-margin:32px}";

/** `[card, far]` made in `win`'s realm, or [] where it cannot make them. */
function makeSheets(win) {
  try {
    const card = new win.CSSStyleSheet();
    card.replaceSync(css);
    const far = new win.CSSStyleSheet();
    far.replaceSync(FAR);
    return [card, far];
  } catch {
    return [];
  }
}

const inBrowser = typeof document == "object";

/** The main document's sheets (follow-page.js turns their dark rule on and off). */
export const [cardSheet, farSheet] = inBrowser ? makeSheets(window) : [];

const byDocument = new WeakMap();

/**
 * The sheets for a card in `doc`: the main document's, or a set made for
 * another document (a same-origin iframe, a picture-in-picture window) the
 * first time a card moves there. [] where there are none.
 */
export function sheetsFor(doc) {
  if (doc === document || !cardSheet) return cardSheet ? [cardSheet, farSheet] : [];
  let sheets = byDocument.get(doc);
  if (!sheets) byDocument.set(doc, (sheets = doc.defaultView ? makeSheets(doc.defaultView) : []));
  return sheets;
}
