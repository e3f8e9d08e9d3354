// Where cards come from in the page: <summary-card> elements, and elements
// with the data-summary-card hook, now and as they are added or removed.
import { Card, cardOf, LIFE, Life } from "./card.js";
import { inBrowser } from "./wasm.js";

/** The options a card reads (besides `src`), as attribute names. */
const OPTIONS = ["theme", "layout", "locale", "wpm", "share", "heading-level"];
const HOOK = "data-summary-card";

/** `<summary-card>`: attributes are read live, so changes re-render. */
export class SummaryCardElement extends (inBrowser ? HTMLElement : Object) {
  static observedAttributes = ["src", ...OPTIONS];
  /** Tells this element from another library's `<summary-card>`. */
  static [Symbol.for("summary-card")] = true;

  connectedCallback() {
    // A move (disconnect then connect in one task) keeps the card as it is.
    if (this._card && cardOf(this) === this._card) return;
    this._card = new Card(this, (n) => this.getAttribute(n));
    this._card.load();
  }

  disconnectedCallback() {
    this._card?.hostLeft();
  }

  adoptedCallback() {
    this._card?.hostAdopted();
  }

  attributeChangedCallback(name, before, after) {
    const card = cardOf(this);
    if (!card || before === after || card !== this._card) return;
    if (name === "src") card.load();
    else if (card.text !== null) card.rerender();
  }
}

/** The option reader of an element with `data-summary-card`: options come from `data-*`. */
export function hookOptions(host) {
  return (name) => (name === "src" ? host.getAttribute(HOOK) || null : host.getAttribute("data-" + name));
}

/** The elements matching `selector` in the subtree of `node`, itself included. */
function findAll(node, selector) {
  return node.matches(selector) ? [node, ...node.querySelectorAll(selector)] : [...node.querySelectorAll(selector)];
}

/** Starts a card on every hook element in `node`'s subtree. */
function upgradeHooks(node) {
  if (node.nodeType !== 1) return;
  for (const host of findAll(node, `[${HOOK}]`)) {
    if (!cardOf(host) && host.localName !== "summary-card") new Card(host, hookOptions(host)).load();
  }
}

/**
 * Destroys the cards in a removed subtree: hook elements, and any element
 * given to render() (it carries data-state). `<summary-card>` elements see
 * their own disconnection. Runs after the task, so a move is not a removal.
 */
function destroyRemoved(node) {
  if (node.nodeType !== 1 || node.isConnected) return;
  for (const host of findAll(node, `[${HOOK}],[data-state]`)) if (host.localName !== "summary-card") cardOf(host)?.destroy();
}

/** Defines `name` as `cls` unless it is defined; says why on the console when it cannot. */
function define(name, cls) {
  try {
    if (!customElements.get(name)) customElements.define(name, cls);
    return true;
  } catch (e) {
    console.warn(`summary-card: could not define <${name}> (${e?.message ?? e}).`);
    return false;
  }
}

/**
 * Defines `<summary-card>` and upgrades every hook element, now and later.
 * Does nothing outside a browser, or when another copy of this module did
 * it. When the page's own `<summary-card>` is already there, it says so once
 * and still upgrades the hooks (they go through the JS API's Card).
 */
export function defineElements() {
  if (!inBrowser) return;
  const existing = customElements.get("summary-card");
  if (existing?.[Symbol.for("summary-card")]) return;
  define(LIFE, Life);
  if (existing) console.warn("summary-card: another <summary-card> is defined here; [data-summary-card] and render() still work.");
  else define("summary-card", SummaryCardElement);
  upgradeHooks(document.documentElement);
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "attributes") {
        const card = cardOf(r.target);
        if (!card || r.target.localName === "summary-card") continue;
        if (r.attributeName === HOOK) card.load();
        else if (card.text !== null) card.rerender();
        continue;
      }
      for (const n of r.removedNodes) destroyRemoved(n);
      for (const n of r.addedNodes) upgradeHooks(n);
    }
  }).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: [HOOK, ...OPTIONS.map((o) => "data-" + o)],
  });
}
