// summary-card: the module entry. Defines <summary-card>, upgrades every
// [data-summary-card] element (now and later), and exports render/validate.
//
// This file is the thin shell around the wasm core: it finds the data (src,
// inline JSON, or the JS API), tracks data-state, fires events and owns each
// card's lifetime. Rust parses, validates and builds the DOM.

import init, {
  load_locale,
  locale_file,
  mount,
  mount_message,
  shim_words,
  validate as validateText,
  __wbg_reset_state as resetWasm,
  __sc_on_trap as onTrap,
} from "../build/pkg/summary_card.js";
import css from "../src/card.css";

const OPTIONS = ["theme", "layout", "locale", "wpm", "share", "heading-level"];
const HOOK = "data-summary-card";
/** How long a `src` request may take before the card says so. */
const FETCH_TIMEOUT_MS = 10_000;

/** The shim's own words in `locale`, `[retry, loading]` (English without wasm). */
function words(locale) {
  try {
    return shim_words(locale);
  } catch {
    return ["Retry", "Loading summary…"];
  }
}

// Only English is built into the wasm. A card in another language first
// loads its message table, locales/<tag>.json beside this module: one request
// per language per page, shared by its cards. If that fails, the card shows
// English and the console says why, once.
//
// Each table is named by a literal `new URL("./…", import.meta.url)`, the one
// form every bundler (Vite, webpack, Parcel, Rollup's import-meta-assets)
// recognises as an asset to copy and rename; a template literal would make
// Vite look for a glob and webpack for a context. (The build pads each table
// to 4 KB, Vite's limit for inlining an asset into the bundle as a data:
// URL.) `scripts/check-package.mjs` checks this list against dist/locales/.
const LOCALE_URLS = {
  ar: () => new URL("./locales/ar.json", import.meta.url),
  de: () => new URL("./locales/de.json", import.meta.url),
  es: () => new URL("./locales/es.json", import.meta.url),
  fr: () => new URL("./locales/fr.json", import.meta.url),
  he: () => new URL("./locales/he.json", import.meta.url),
  hi: () => new URL("./locales/hi.json", import.meta.url),
  ja: () => new URL("./locales/ja.json", import.meta.url),
  pt: () => new URL("./locales/pt.json", import.meta.url),
  zh: () => new URL("./locales/zh.json", import.meta.url),
};
let tables = {}; // file name -> promise, settled once its table is in (or will not be)

/** Where `locales/<tag>.json` is: beside the .wasm that loaded, if it was not beside this module. */
const tableUrl = (tag) => (home ? new URL(`locales/${tag}.json`, home) : LOCALE_URLS[tag]());

/** Resolves once the words for `locale` are in the wasm, or will not be. Never rejects. */
const lang = (locale) =>
  wasmReady
    .then((ok) => {
      const tag = ok && locale_file(locale);
      const url = tag && tableUrl(tag);
      return (
        tag &&
        (tables[tag] ??= fetch(url)
          .then((res) => res.ok && res.text())
          .then((text) => {
            if (!(text && load_locale(tag, text))) throw 0;
          })
          .catch(() => console.warn(`summary-card: could not load ${url}; showing English.`)))
      );
    })
    .catch(() => {});

/** A failed `src` request: the card offers a Retry button. */
class NetworkError extends Error {}

// One stylesheet object for every card on the page.
let sheet = null;
// Added for cards beyond a page's first EAGER: far off screen, they skip
// style, layout and paint (1,000 cards: all ready 4x sooner, no frame over
// 50 ms). Not for the first ones, since tools and tests treat skipped content
// as invisible; the clip margin keeps the card's shadow.
let farSheet = null;
try {
  sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  farSheet = new CSSStyleSheet();
  farSheet.replaceSync(":host{content-visibility:auto;contain-intrinsic-size:auto 1500px;overflow-clip-margin:32px}");
} catch {
  sheet = null;
}

// theme="auto" follows the page as well as the OS. When <html> or <body>
// says dark or light (data-theme, data-bs-theme, data-color-scheme,
// data-color-mode; a dark, dark-mode or theme-dark class), or else the root's
// color-scheme or the color-scheme <meta> is only one of them, card.css's
// prefers-color-scheme rule (auto cards' dark palette) is turned on or off in
// the one shared sheet: nothing per card, no re-render, still one adopted
// sheet. One observer for the page, made with the first card; at most one
// look a frame.
let osDark = null;
let pageFrame = 0;
const THEME_ATTRS = ["data-theme", "data-bs-theme", "data-color-scheme", "data-color-mode"];

function followPage() {
  pageFrame = 0;
  const d = document;
  const said = [];
  for (const e of [d.documentElement, d.body]) if (e) said.push(...THEME_ATTRS.map((a) => e.getAttribute(a)), ...e.classList);
  said.push(getComputedStyle(d.documentElement).colorScheme, d.querySelector("meta[name=color-scheme]")?.content.trim());
  let m;
  for (const v of said) if ((m = /^(?:only |theme-)?(dark|light)(?: only|-mode)?$/.exec(v))) break;
  const media = m ? (m[1] == "dark" ? "all" : "not all") : "(prefers-color-scheme: dark)"; // as the browser writes it
  // Only a change is written: a write restyles every card.
  if (osDark.media.mediaText != media) osDark.media.mediaText = media;
}

/** A page that switches language (`lang` on <html> or <body>) re-renders
 * the cards that follow it: those without a `locale` of their own. */
function relang() {
  for (const ref of live) {
    const card = ref.deref();
    if (card && card.said != card.locale()) card.rerender();
  }
}

function watchPage() {
  if (osDark) return;
  osDark = [...sheet.cssRules].find((r) => /scheme/.test(r.conditionText));
  followPage();
  const d = document;
  const watch = new MutationObserver((changes) => {
    pageFrame ||= requestAnimationFrame(followPage);
    if (changes.some((c) => c.attributeName == "lang")) relang();
  });
  const attributeFilter = [...THEME_ATTRS, "class", "style", "lang"];
  for (const e of [d.documentElement, d.body]) e && watch.observe(e, { attributeFilter });
  d.head && watch.observe(d.head, { childList: true });
}

// One wasm instance per page, however many cards and script tags. Outside a
// browser (a server-side render importing this module) nothing loads and
// nothing is defined, so the import itself never throws.
const browser = typeof document == "object";
let wasmError = browser ? null : "summary-card needs a browser.";
/** The package's dist/ URL, when this module runs away from it (see loadWasm). */
let home = null;
const wasmReady = browser
  ? loadWasm().then(
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
async function loadWasm() {
  let url = new URL("./summary-card.wasm", import.meta.url);
  if (/\/\.vite\/deps\//.test(url.pathname)) url = new URL("summary-card.wasm", (home = new URL("/node_modules/summary-card/dist/", url)));
  const res = await fetchWasm(url);
  if (typeof res == "string")
    throw new Error(
      `could not load ${url} (${res}). A bundler that does not copy new URL() assets needs dist/summary-card.wasm and dist/locales/ of the package copied beside its output.`,
    );
  await init({ module_or_path: res });
}

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

// A trap (a Rust panic aborts; or memory ran out) leaves the instance in an
// unknown state. The shim drops it: every handle made by it is freed where
// possible, a fresh instance of the same compiled module replaces it, and the
// cards that were showing render again there. Handles remember the
// generation that made them, so none is ever freed in the wrong instance.
let generation = 0;
/** Cards holding a handle in the current instance (weakly). */
const live = new Set();
let recovering = false;

/** Runs a wasm call; a trap starts a fresh instance, then is rethrown. */
function guard(call) {
  try {
    return call();
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) recover();
    throw e;
  }
}

function recover() {
  if (recovering) return;
  recovering = true;
  const shown = [];
  for (const ref of live) {
    const card = ref.deref();
    if (card) shown.push(card);
  }
  for (const card of shown) card.drop();
  live.clear();
  tables = {}; // the fresh instance has only English
  try {
    resetWasm();
    generation++;
    console.error("summary-card: the WebAssembly instance trapped; started a fresh one.");
  } catch (e) {
    wasmError = "the WebAssembly module could not be restarted (" + e + ").";
    console.error("summary-card: " + wasmError);
  }
  recovering = false;
  for (const card of shown) card.text !== null ? card.rerender() : card.load();
}

// A trap inside one of the card's event listeners: never into the page.
onTrap((e) => {
  console.error("summary-card: an event handler failed", e);
  if (e instanceof WebAssembly.RuntimeError) queueMicrotask(recover);
});

function describeLoadError(e) {
  const text = String((e && e.message) || e);
  if (/Content Security Policy|unsafe-eval|wasm-eval/i.test(text)) {
    return "this page's Content Security Policy blocks WebAssembly: add 'wasm-unsafe-eval' to script-src.";
  }
  return /^could not load/.test(text) ? text : "the WebAssembly module could not be loaded (" + text + ").";
}

/** [path, message, path, message...] to [{ path, message }]. */
function pairs(flat) {
  const out = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push({ path: flat[i], message: flat[i + 1] });
  return out;
}

/**
 * Data given to the JS API as JSON text (strings are taken as JSON already),
 * or the Error saying why it has no JSON form (a cycle, a BigInt).
 */
function given(data) {
  try {
    return typeof data === "string" ? data : JSON.stringify(data) ?? "null";
  } catch (e) {
    return new Error("could not be turned into JSON: " + e.message);
  }
}

function el(tag, attrs, text) {
  const e = document.createElement(tag);
  for (const k in attrs) e.setAttribute(k, attrs[k]);
  if (text) e.textContent = text;
  return e;
}

/** The JSON inside a host's <script type="application/json">, if any. */
function inlineScript(host) {
  for (const c of host.children) {
    if (c.localName === "script" && /json/i.test(c.type)) return c;
  }
  return null;
}

/** Waits for the parser to finish the host's children when it is still at work. */
function parsed() {
  return document.readyState === "loading"
    ? new Promise((r) => document.addEventListener("DOMContentLoaded", r, { once: true }))
    : Promise.resolve();
}

const cards = new WeakMap();

// Mounting is queued and done in slices of at most SLICE_MS, yielding to the
// browser between slices, so 1,000 inline cards never make a long task; the
// queue runs in arrival (document) order, so the first screenful goes first.
// A slice that leaves in the page a card laid out in full (one of the first
// EAGER) ends after SLICE_MS, since the frame after it lays that card out
// (about 5 ms a card); other slices (far cards, with farSheet, or cards
// already removed from the page) after FAR_SLICE_MS, since they cost the
// frame little: fewer frames, each still well under 50 ms.
const SLICE_MS = 8;
const FAR_SLICE_MS = 24;
const queue = [];
let draining = false;
// The current slice: it opens with the first job of a task and closes at the
// task's end. Jobs queued from many promise callbacks in one task each start
// a drain, so the budget spans drains, not one.
let sliceStart = 0;
let sliceOpen = false;
/** Cards laid out in full that the current slice mounted. */
let sliceFull = [];

function openSlice() {
  if (sliceOpen) return;
  sliceOpen = true;
  sliceStart = performance.now();
  sliceFull = [];
  // Closed, it holds no card: a destroyed one must not stay in memory.
  setTimeout(() => ((sliceOpen = false), (sliceFull = [])));
}

/** How long the current slice may run. */
function budget() {
  return sliceFull.some((c) => c.host.isConnected) ? SLICE_MS : FAR_SLICE_MS;
}

/** Runs `job` (synchronous) when its turn comes; settles as it does. */
function queued(job) {
  return new Promise((resolve, reject) => {
    queue.push(() => {
      try {
        resolve(job());
      } catch (e) {
        reject(e);
      }
    });
    if (!draining) drain();
  });
}

/**
 * Waits for the next frame to be painted (so each frame lays out only the
 * cards of one slice), or 100 ms where frames are not coming (a hidden tab).
 */
function breathe() {
  return new Promise((resolve) => {
    const late = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(late);
      setTimeout(resolve, 0);
    });
  });
}

async function drain() {
  draining = true;
  openSlice();
  while (queue.length) {
    if (performance.now() - sliceStart > budget() && document.visibilityState !== "hidden") {
      await breathe();
      sliceOpen = false;
      openSlice();
    }
    queue.shift()();
  }
  draining = false;
}

// A page's first EAGER `src` cards load at once, wherever they are (a page
// with a few cards shows them all, as readers and tests expect); cards
// beyond EAGER also get farSheet. Beyond
// those, a card far from the viewport waits until it comes within NEAR of it
// before fetching, and its skeleton holds its place meanwhile: a season of
// 1,000 episodes costs only the requests a reader scrolls to.
const EAGER = 24;
const NEAR = "250% 0px";
const waiting = new Map(); // host -> resolve
let nearby = null;
let eager = 0;

/** Resolves once `host` may fetch: at once for the first EAGER, else when near the viewport. */
function near(host) {
  if (eager < EAGER || typeof IntersectionObserver !== "function") {
    eager++;
    return Promise.resolve();
  }
  nearby ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        nearby.unobserve(e.target);
        waiting.get(e.target)?.();
        waiting.delete(e.target);
      }
    },
    { rootMargin: NEAR },
  );
  return new Promise((resolve) => {
    waiting.set(host, resolve);
    nearby.observe(host);
  });
}

/** Stops waiting for `host` to come near (it was removed or reloaded). */
function forget(host) {
  if (waiting.delete(host)) nearby.unobserve(host);
}

/** One card on one host element: its data, state, and everything it owns. */
class Card {
  constructor(host, read, text = null) {
    this.host = host;
    this.read = read; // option name -> string or null
    this.given = text; // JSON text (or why there is none) from the JS API, else null
    this.text = null;
    this.handle = null;
    this.errors = [];
    this.abort = null;
    this.run = 0;
    this.gen = -1; // the instance generation that made `handle`
    this.ref = new WeakRef(this);
    cards.set(host, this);
  }

  root() {
    const root = this.host.shadowRoot || this.host.attachShadow({ mode: "open" });
    if (sheet && root.adoptedStyleSheets[0] !== sheet) {
      watchPage();
      // far: given farSheet, so skipped by layout while off screen.
      this.far = live.size >= EAGER;
      root.adoptedStyleSheets = this.far ? [sheet, farSheet] : [sheet];
    }
    return root;
  }

  opt(name) {
    return this.read(name) ?? "";
  }

  /** The `locale` attribute, else the nearest `lang` (the page's), else English. */
  locale() {
    return this.opt("locale") || this.host.closest("[lang]")?.lang || document.documentElement.lang || "en";
  }

  show(...nodes) {
    this.drop();
    this.root().replaceChildren(...nodes);
  }

  /** Keeps `handle`, made by the current instance. */
  keep(handle) {
    this.handle = handle;
    this.gen = generation;
    live.add(this.ref);
  }

  /** Frees the handle (its nodes and listeners) in the instance that made it. */
  drop() {
    const handle = this.handle;
    this.handle = null;
    live.delete(this.ref);
    if (!handle || this.gen !== generation) return;
    try {
      guard(() => handle.free());
    } catch (e) {
      console.error("summary-card: could not release a card", this.host, e);
    }
  }

  emit(name, detail) {
    this.host.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
  }

  /** Loads the data (again) and renders. Never throws, never rejects. */
  async load() {
    const run = ++this.run;
    this.abort?.abort();
    this.abort = null;
    try {
      this.host.setAttribute("data-state", "loading");
      forget(this.host);
      let text = this.given;
      if (text instanceof Error) throw text;
      if (text === null) {
        const src = this.read("src");
        if (src) {
          // A skeleton holds the card's place while the data is on its way,
          // unless a pre-rendered card (the CLI's) already does.
          if (!this.handle && !this.host.shadowRoot?.querySelector("[part=card]"))
            await queued(() => run === this.run && this.skeleton());
          await near(this.host);
          if (run !== this.run) return;
          text = await this.fetch(src);
        } else {
          await parsed();
          const script = inlineScript(this.host);
          if (!script) throw new Error('no data: give the card a src attribute or a <script type="application/json"> child.');
          text = script.textContent;
        }
      }
      if (run !== this.run) return;
      this.text = text;
      await this.render(run);
    } catch (e) {
      if (run !== this.run || e.name === "AbortError") return;
      try {
        await this.fail(e.message, run, e instanceof NetworkError);
      } catch (e2) {
        this.host.setAttribute("data-state", "error");
        console.error("summary-card: cannot show a card in this element", this.host, e2);
      }
    }
  }

  skeleton() {
    const theme = this.opt("theme") || "auto";
    // A polite status: "Loading summary…" in the card's language, then the card.
    const box = el("div", { class: "sc loading", "data-theme": theme, role: "status", "aria-busy": "true" });
    const locale = this.locale();
    const word = el("span", { class: "vh" });
    const say = () => (word.textContent = words(locale)[1]);
    say();
    // The words come with the wasm and the card's table: say it again then.
    lang(locale).then(say);
    box.append(word);
    this.show(box, el("slot"));
  }

  /** Fetches `src` as text; every failure becomes an error naming the URL. */
  async fetch(src) {
    const ctrl = (this.abort = new AbortController());
    const url = new URL(src, document.baseURI).href;
    const fail = (why) => new NetworkError("could not load " + src + ": " + why);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ctrl.abort();
    }, FETCH_TIMEOUT_MS);
    try {
      let res;
      try {
        res = await fetch(url, { signal: ctrl.signal, credentials: "same-origin" });
      } catch (e) {
        if (timedOut) throw fail("no answer within " + FETCH_TIMEOUT_MS / 1000 + " seconds.");
        if (e.name === "AbortError") throw e;
        throw fail("the request failed (offline, or refused by CORS).");
      }
      if (!res.ok) throw fail("the server answered " + res.status + (res.statusText ? " " + res.statusText : "") + ".");
      const type = (res.headers.get("content-type") || "").split(";")[0].trim().toLowerCase();
      if (type && !/json|^text\/plain$/.test(type)) throw fail("the server sent " + type + ", not JSON.");
      try {
        return await res.text();
      } catch (e) {
        if (timedOut) throw fail("no answer within " + FETCH_TIMEOUT_MS / 1000 + " seconds.");
        throw e.name === "AbortError" ? e : fail("the response broke off.");
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /** Renders again after an option changed. Never rejects. */
  rerender() {
    this.render().catch((e) => console.error("summary-card: cannot re-render this card", this.host, e));
  }

  /** Renders the loaded text with the current options. */
  async render(run = this.run) {
    if (!(await wasmReady)) return this.fail(wasmError, run);
    await lang(this.locale());
    if (run !== this.run) return;
    await queued(() => this.mount(run));
  }

  /** Mounts the card now (a queued job): returns a promise only on failure. */
  mount(run) {
    if (run !== this.run) return;
    this.show();
    try {
      const o = (n) => this.opt(n);
      const root = this.root();
      this.keep(guard(() => mount(root, this.text, o("theme"), o("layout"), o("wpm"), o("share"), o("heading-level"), (this.said = this.locale()))));
      if (!this.far) sliceFull.push(this);
      this.errors = pairs(guard(() => this.handle.errors));
    } catch (e) {
      this.drop();
      return this.fail(
        e instanceof WebAssembly.RuntimeError
          ? "an internal error stopped this card (a bug in summary-card; the console has details). Other cards are not affected."
          : "internal error (" + e + ").",
        run,
      );
    }
    if (this.errors.length) {
      this.host.setAttribute("data-state", "error");
      console.error("summary-card: the data has " + this.errors.length + " problem(s):\n" +
        this.errors.map((e) => "  " + (e.path || "(document)") + ": " + e.message).join("\n"), this.host);
      this.emit("summary-card:error", { errors: this.errors });
    } else {
      this.host.setAttribute("data-state", "ready");
      this.emit("summary-card:ready", {});
    }
  }

  /** Shows an alert for a problem that is not in the data itself. */
  async fail(message, run, retry = false) {
    await lang(this.locale());
    if (run !== this.run) return;
    this.errors = [{ path: "", message }];
    const sentence = message.charAt(0).toUpperCase() + message.slice(1);
    let shown = false;
    if (await wasmReady) {
      try {
        this.show();
        const root = this.root();
        this.keep(guard(() => mount_message(root, sentence, this.opt("theme"), this.locale())));
        const alert = this.root().querySelector("[part=error]");
        if (retry && alert) {
          const button = el("button", { type: "button", class: "retry" }, words(this.locale())[0]);
          button.addEventListener("click", () => this.load(), { once: true });
          alert.append(button);
        }
        shown = true;
      } catch {
        shown = false;
      }
    }
    if (!shown) {
      // Without wasm: a plain alert, and the page's fallback stays visible.
      this.show(el("div", { part: "error", role: "alert" }, "This summary can't be shown. " + sentence), el("slot"));
    }
    this.host.setAttribute("data-state", "error");
    console.error("summary-card: " + message, this.host);
    this.emit("summary-card:error", { errors: this.errors });
  }

  /** Removes the card and everything it added; the host shows its own children again. */
  destroy() {
    this.run++;
    forget(this.host);
    this.abort?.abort();
    this.abort = null;
    if (this.host.shadowRoot) this.show(el("slot"));
    this.host.removeAttribute("data-state");
    if (cards.get(this.host) === this) cards.delete(this.host);
  }
}

/** `<summary-card>`: attributes are read live, so changes re-render. */
class SummaryCardElement extends (browser ? HTMLElement : Object) {
  static observedAttributes = ["src", ...OPTIONS];

  connectedCallback() {
    // A move (disconnect then connect in one task) keeps the card as it is.
    if (this._card && cards.get(this) === this._card) return;
    this._card = new Card(this, (n) => this.getAttribute(n));
    this._card.load();
  }

  disconnectedCallback() {
    queueMicrotask(() => {
      if (!this.isConnected && this._card) {
        this._card.destroy();
        this._card = null;
      }
    });
  }

  attributeChangedCallback(name, before, after) {
    const card = cards.get(this);
    if (!card || before === after || card !== this._card) return;
    if (name === "src") card.load();
    else if (card.text !== null) card.rerender();
  }
}

/** An element with `data-summary-card`: options come from `data-*`. */
function hookRead(host) {
  return (name) => (name === "src" ? host.getAttribute(HOOK) || null : host.getAttribute("data-" + name));
}

function upgrade(node) {
  if (node.nodeType !== 1) return;
  const found = node.matches(`[${HOOK}]`) ? [node] : [];
  for (const e of node.querySelectorAll(`[${HOOK}]`)) found.push(e);
  for (const host of found) {
    if (!cards.has(host) && host.localName !== "summary-card") new Card(host, hookRead(host)).load();
  }
}

/**
 * Destroys the cards in a removed subtree: hook elements, and any element
 * given to render() (it carries data-state). `<summary-card>` elements see
 * their own disconnection. Runs after the task, so a move is not a removal.
 */
function release(node) {
  if (node.nodeType !== 1 || node.isConnected) return;
  const hosts = `[${HOOK}],[data-state]`;
  const found = node.matches(hosts) ? [node] : [];
  for (const e of node.querySelectorAll(hosts)) found.push(e);
  for (const host of found) if (host.localName !== "summary-card") cards.get(host)?.destroy();
}

if (browser && !customElements.get("summary-card")) {
  customElements.define("summary-card", SummaryCardElement);
  upgrade(document.documentElement);
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "attributes") {
        const card = cards.get(r.target);
        if (!card || r.target.localName === "summary-card") continue;
        if (r.attributeName === HOOK) card.load();
        else if (card.text !== null) card.rerender();
        continue;
      }
      for (const n of r.removedNodes) release(n);
      for (const n of r.addedNodes) upgrade(n);
    }
  }).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: [HOOK, ...OPTIONS.map((o) => "data-" + o)],
  });
}

/**
 * Renders `data` (an object, or JSON text) into `element`.
 * Resolves when the card is ready or shows its error; never rejects.
 */
export async function render(element, data, options = {}) {
  cards.get(element)?.destroy();
  const text = given(data);
  const attrs = element.localName === "summary-card" ? (n) => element.getAttribute(n) : hookRead(element);
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
      card.given = given(newData);
      await card.load();
    },
    destroy() {
      card.destroy();
    },
  };
}

/** Every problem in `data` as [{ path, message }]; [] when it is valid. */
export function validate(data) {
  const text = given(data);
  if (text instanceof Error) return [{ path: "", message: text.message }];
  if (wasmError) return [{ path: "", message: wasmError }];
  try {
    return pairs(guard(() => validateText(text)));
  } catch (e) {
    return [{ path: "", message: "internal error (" + e + ")" }];
  }
}

// The exports work synchronously once this module has evaluated.
await wasmReady;
