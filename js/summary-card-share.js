// The share module: a second, small WebAssembly module (summary-card-share.wasm,
// Rust, the crate's `share-module` build: src/web/share_entry.rs) with
// everything a share button does (the Web Share call, the menu, the
// Mastodon form, copy, the links and texts). js/share.js imports this file
// on a card's first share click (or as a pointer or focus nears a share
// button), never at page load; it is built into dist/ on its own.
//
// Each card gets a session (its document, options and open menu) on its
// first click; the card frees it when it is rendered again or destroyed.
import init, {
  __sc_on_trap as onTrap,
  __wbg_reset_state as resetInstance,
  session,
  share_load_locale,
} from "../build/pkg-share/summary_card.js";

/** Counts instances: the first is 0, each restart after a trap adds one. */
let generation = 0;
/** The message tables loaded into the current instance. */
const tables = new Set();
let started = null;

/**
 * Fetches and starts the wasm beside this module (in Vite's dev server, the
 * package's own dist/, as for the card's wasm: see wasm.js). Resolves once
 * it runs; rejects with a sentence naming the URL. A failed start can be
 * tried again.
 */
export function start() {
  started ??= (async () => {
    let url = new URL("./summary-card-share.wasm", import.meta.url);
    if (/\/\.vite\/deps\//.test(url.pathname)) url = new URL("/node_modules/summary-card/dist/summary-card-share.wasm", url);
    let res;
    try {
      res = await fetch(url, { credentials: "same-origin" });
    } catch {
      res = null;
    }
    const type = res?.headers.get("content-type") || "";
    if (!res?.ok || /html/.test(type))
      throw new Error(`could not load ${url} (${res ? (res.ok ? "the server sent " + type : "HTTP " + res.status) : "the request failed"})`);
    await init({ module_or_path: res });
  })().catch((e) => {
    started = null;
    throw e;
  });
  return started;
}

/** Runs a wasm call; a trap replaces the instance, then is rethrown. */
function call(f) {
  try {
    return f();
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) restart();
    throw e;
  }
}

/**
 * A trapped instance is replaced by a fresh one of the same module; the
 * sessions it held are dropped (never freed in the new one), so a card's
 * next click makes a new session.
 */
function restart() {
  try {
    resetInstance();
    generation++;
    tables.clear();
    console.error("summary-card: the share module trapped; started a fresh one.");
  } catch (e) {
    console.error("summary-card: the share module could not be restarted", e);
  }
}

// A trap inside one of the menu's listeners: never into the page.
onTrap((e) => {
  console.error("summary-card: a share handler failed", e);
  if (e instanceof WebAssembly.RuntimeError) queueMicrotask(restart);
});

/**
 * A session for the card in the shadow root `root` (the text and the
 * `wpm`, `share` and locale values its mount had; `table`, `[tag, json]`,
 * the message table the card's wasm has for that locale, else null), or null
 * when the text is not a card.
 */
export function newSession(root, text, wpm, share, locale, table) {
  if (table && !tables.has(table[0])) {
    call(() => share_load_locale(table[0], table[1]));
    tables.add(table[0]);
  }
  const s = call(() => session(root, text, wpm, share, locale));
  return s ? { s, generation } : null;
}

/** Whether the session belongs to the running instance (after a trap, a card makes a new one). */
export const current = (entry) => entry.generation === generation;

/** A click on `button`, one of the session's card's share buttons. */
export function open(entry, button) {
  if (entry.generation === generation) call(() => entry.s.open(button));
}

/** Frees the session (its open menu and listeners), in the instance that made it. */
export function free(entry) {
  if (entry.generation === generation) call(() => entry.s.free());
}
