// The page's one WebAssembly instance, however many cards and script tags:
// loading it, and replacing it when it traps. Outside a browser (a
// server-side render importing the module) nothing loads and the import
// itself never throws. Its `let`s change only here: an import is a
// read-only view of them.
import init, { __wbg_reset_state as resetInstance, __sc_on_trap as onTrap } from "../build/pkg/summary_card.js";

export const inBrowser = typeof document == "object";

/** Why the wasm cannot be used (a sentence for the card), else null. */
export let wasmError = inBrowser ? null : "summary-card needs a browser.";
/** Where the .wasm and locales/ are when not beside this module (see start), else null. */
export let assetBase = null;

/** Resolves to whether the wasm started. Never rejects. */
export const wasmReady = inBrowser
  ? start().then(
      () => true,
      (e) => {
        wasmError = describeLoadError(e);
        console.error("summary-card: " + wasmError, e);
        return false;
      },
    )
  : Promise.resolve(false);

/**
 * Fetches and starts the wasm beside this module. Vite's dev server runs
 * packages from a pre-bundled copy in node_modules/.vite/deps/ without their
 * files (vitejs/vite#8427), so there the files are in the package's own
 * dist/. A missing file is an error that says which URL was tried and what
 * to copy.
 */
async function start() {
  let url = new URL("./summary-card.wasm", import.meta.url);
  if (/\/\.vite\/deps\//.test(url.pathname)) url = new URL("summary-card.wasm", (assetBase = new URL("/node_modules/summary-card/dist/", url)));
  const res = await fetchWasm(url);
  if (typeof res == "string")
    throw new Error(
      `could not load ${url} (${res}). A bundler that does not copy new URL() assets needs dist/summary-card.wasm and dist/locales/ of the package copied beside its output.`,
    );
  await init({ module_or_path: res });
}

// A trap (a Rust panic aborts; or memory ran out) leaves the instance in an
// unknown state. It is dropped: every handle made by it is freed where
// possible, a fresh instance of the same compiled module replaces it, and the
// cards that were showing render again there. Handles remember the
// generation that made them, so none is ever freed in the wrong instance.

/** Counts instances: the first is 0, each restart adds one. */
export let generation = 0;
/** Weak refs to the cards holding a handle in the current instance. */
export const instanceCards = new Set();
let restarting = false;

/** Runs a wasm call; a trap starts a fresh instance, then is rethrown. */
export function callWasm(call) {
  try {
    return call();
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) restart();
    throw e;
  }
}

/** Replaces a trapped instance, then renders its cards again. */
function restart() {
  if (restarting) return;
  restarting = true;
  const shown = [];
  for (const ref of instanceCards) {
    const card = ref.deref();
    if (card) shown.push(card);
  }
  for (const card of shown) card.dropHandle();
  instanceCards.clear();
  try {
    resetInstance();
    generation++;
    console.error("summary-card: the WebAssembly instance trapped; started a fresh one.");
  } catch (e) {
    wasmError = "the WebAssembly module could not be restarted (" + e + ").";
    console.error("summary-card: " + wasmError);
  }
  restarting = false;
  for (const card of shown) card.text !== null ? card.rerender() : card.load();
}

// A trap inside one of the card's event listeners: never into the page.
onTrap((e) => {
  console.error("summary-card: an event handler failed", e);
  if (e instanceof WebAssembly.RuntimeError) queueMicrotask(restart);
});

/** The wasm's Response, or why there is none. */
async function fetchWasm(url) {
  let res;
  try {
    res = await fetch(url, { credentials: "same-origin" });
  } catch {
    return "the request failed";
  }
  const type = res.headers.get("content-type") || "";
  return !res.ok ? "HTTP " + res.status : /html/.test(type) ? "the server sent " + type + ", not wasm" : res;
}

function describeLoadError(e) {
  const text = String((e && e.message) || e);
  if (/Content Security Policy|unsafe-eval|wasm-eval/i.test(text)) {
    return "this page's Content Security Policy blocks WebAssembly: add 'wasm-unsafe-eval' to script-src.";
  }
  return /^could not load/.test(text) ? text : "the WebAssembly module could not be loaded (" + text + ").";
}

/** The wasm's errors, [path, message, path, message...], as [{ path, message }]. */
export function errorList(flat) {
  const out = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push({ path: flat[i], message: flat[i + 1] });
  return out;
}
