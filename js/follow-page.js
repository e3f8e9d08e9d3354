// Cards follow the page's colour scheme and language.
//
// theme="auto" follows the page as well as the OS. When <html> or <body>
// says dark or light (data-theme, data-bs-theme, data-color-scheme,
// data-color-mode; a dark, dark-mode or theme-dark class), or else the root's
// color-scheme or the color-scheme <meta> is only one of them, card.css's
// prefers-color-scheme rule (auto cards' dark palette) is turned on or off in
// the one shared sheet: nothing per card, no re-render, still one adopted
// sheet. One observer for the page, made with the first card; at most one
// look a frame.
import { cardSheet } from "./styles.js";
import { instanceCards } from "./wasm.js";

const THEME_ATTRS = ["data-theme", "data-bs-theme", "data-color-scheme", "data-color-mode"];

let following = false;

/** Starts following the page, once: call it when a card adopts cardSheet. */
export function followPage() {
  if (following) return;
  following = true;
  const d = document;
  const darkRule = [...cardSheet.cssRules].find((r) => /scheme/.test(r.conditionText));
  let frame = 0;
  const matchScheme = () => {
    frame = 0;
    const declared = [];
    for (const e of [d.documentElement, d.body]) if (e) declared.push(...THEME_ATTRS.map((a) => e.getAttribute(a)), ...e.classList);
    declared.push(getComputedStyle(d.documentElement).colorScheme, d.querySelector("meta[name=color-scheme]")?.content.trim());
    let m;
    for (const v of declared) if ((m = /^(?:only |theme-)?(dark|light)(?: only|-mode)?$/.exec(v))) break;
    const media = m ? (m[1] == "dark" ? "all" : "not all") : "(prefers-color-scheme: dark)"; // as the browser writes it
    // Only a change is written: a write restyles every card.
    if (darkRule.media.mediaText != media) darkRule.media.mediaText = media;
  };
  matchScheme();
  const watch = new MutationObserver((changes) => {
    frame ||= requestAnimationFrame(matchScheme);
    if (changes.some((c) => c.attributeName == "lang")) rerenderForLang();
  });
  const attributeFilter = [...THEME_ATTRS, "class", "style", "lang"];
  for (const e of [d.documentElement, d.body]) e && watch.observe(e, { attributeFilter });
  d.head && watch.observe(d.head, { childList: true });
}

/** A page that switches language (`lang` on <html> or <body>) re-renders
 * the cards that follow it: those without a `locale` of their own. */
function rerenderForLang() {
  for (const ref of instanceCards) {
    const card = ref.deref();
    if (card && card.renderedLocale != card.locale()) card.rerender();
  }
}
