// The JavaScript API: render() and validate().
import { validate as validateText } from "../build/pkg/summary_card.js";
import { Card, cardOf, withinLimit } from "./card.js";
import { hookOptions, SummaryCardElement } from "./elements.js";
import { callWasm, errorList, wasmError } from "./wasm.js";

/**
 * Data given to the JS API as JSON text (strings are taken as JSON already),
 * or the Error saying why it has no JSON form (a cycle, a BigInt).
 */
function toJsonText(data) {
  try {
    return withinLimit(typeof data === "string" ? data : JSON.stringify(data) ?? "null");
  } catch (e) {
    // Whatever was thrown (a getter or toJSON may throw null).
    return new Error("could not be turned into JSON: " + (e instanceof Error ? e.message : String(e)));
  }
}

/** `options`' own property `name`, or undefined: a polluted Object.prototype sets no option. */
function ownOption(options, name) {
  if (options === null || typeof options !== "object") return undefined;
  try {
    return Object.hasOwn(options, name) ? options[name] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Renders `data` (an object, or JSON text) into `element`.
 * Resolves when the card is ready or shows its error. Rejects only when
 * `element` is not an element (a TypeError that says so).
 */
export async function render(element, data, options = {}) {
  if (!(element instanceof Element || element?.nodeType === 1))
    throw new TypeError("summary-card: render(element, data) needs an element, got " + describe(element) + ".");
  cardOf(element)?.destroy();
  const text = toJsonText(data);
  const attrs = element.localName === "summary-card" ? (n) => element.getAttribute(n) : hookOptions(element);
  // Options by attribute name, or camelCase for the two-word ones (headingLevel).
  const option = (n) => ownOption(options, n) ?? ownOption(options, n.replace(/-(\w)/g, (_, c) => c.toUpperCase()));
  const readOption = (n) => {
    const v = option(n);
    try {
      return v != null ? String(v) : attrs(n);
    } catch {
      return attrs(n);
    }
  };
  const card = new Card(element, readOption, text);
  if (element instanceof SummaryCardElement) element._card = card;
  await card.load();
  let warned = false;
  /** Whether this handle's card was destroyed or replaced; says so once. */
  const stale = (what) => {
    if (!card.destroyed && cardOf(element) === card) return false;
    if (!warned) console.warn(`summary-card: ${what}() on a destroyed or replaced card does nothing.`, element);
    warned = true;
    return true;
  };
  return {
    element,
    get errors() {
      return card.errors.slice();
    },
    async update(newData) {
      if (stale("update")) return;
      card.apiText = toJsonText(newData);
      await card.load();
    },
    // A second render() destroys the card it replaces, so a stale handle's
    // card is always destroyed already, and destroy() then does nothing.
    destroy() {
      card.destroy();
    },
  };
}

/** What was given instead of an element, for the error message. */
function describe(x) {
  if (x === null || x === undefined) return String(x);
  if (x?.nodeType === 3) return "a text node";
  if (x?.nodeType === 9) return "a document";
  return typeof x === "object" ? "an object that is not an element" : "a " + typeof x;
}

/** Every problem in `data` as [{ path, message }]; [] when it is valid. */
export function validate(data) {
  const text = toJsonText(data);
  if (text instanceof Error) return [{ path: "", message: text.message }];
  if (wasmError) return [{ path: "", message: wasmError }];
  try {
    return errorList(callWasm(() => validateText(text)));
  } catch (e) {
    return [{ path: "", message: "internal error (" + e + ")" }];
  }
}
