// The JavaScript API: render() and validate().
import { validate as validateText } from "../build/pkg/summary_card.js";
import { Card, cardOf } from "./card.js";
import { hookOptions, SummaryCardElement } from "./elements.js";
import { callWasm, errorList, wasmError } from "./wasm.js";

/**
 * Data given to the JS API as JSON text (strings are taken as JSON already),
 * or the Error saying why it has no JSON form (a cycle, a BigInt).
 */
function toJsonText(data) {
  try {
    return typeof data === "string" ? data : JSON.stringify(data) ?? "null";
  } catch (e) {
    return new Error("could not be turned into JSON: " + e.message);
  }
}

/**
 * Renders `data` (an object, or JSON text) into `element`.
 * Resolves when the card is ready or shows its error; never rejects.
 */
export async function render(element, data, options = {}) {
  cardOf(element)?.destroy();
  const text = toJsonText(data);
  const attrs = element.localName === "summary-card" ? (n) => element.getAttribute(n) : hookOptions(element);
  // Options by attribute name, or camelCase for the two-word ones (headingLevel).
  const option = (n) => options[n] ?? options[n.replace(/-(\w)/g, (_, c) => c.toUpperCase())];
  const card = new Card(element, (n) => (option(n) != null ? String(option(n)) : attrs(n)), text);
  if (element instanceof SummaryCardElement) element._card = card;
  await card.load();
  return {
    element,
    get errors() {
      return card.errors.slice();
    },
    async update(newData) {
      card.apiText = toJsonText(newData);
      await card.load();
    },
    destroy() {
      card.destroy();
    },
  };
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
