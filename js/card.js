// One card on one host element: it finds the data (src, inline JSON, or the
// JS API), tracks data-state, fires events and owns the card's lifetime. The
// wasm parses, validates and builds the DOM.
import { mount, mount_message } from "../build/pkg/summary_card.js";
import { followPage } from "./follow-page.js";
import { localeTable, shimWords, whenLocaleLoaded } from "./locales.js";
import { listenForShare } from "./share.js";
import { fetchesAtOnce, isFar, noteFullCard, queueMount, stopWaitingForViewport, whenNearViewport } from "./scheduler.js";
import { sheetsFor } from "./styles.js";
import { callWasm, errorList, generation, inBrowser, instanceCards, wasmError, wasmReady } from "./wasm.js";

/** How long a `src` request may take before the card says so. */
const FETCH_TIMEOUT_MS = 10_000;

/**
 * The largest document, in bytes: the wasm's limit (src/core/limits.rs),
 * checked here before the text is copied into wasm memory, which never
 * shrinks. The message is the validator's.
 */
const MAX_BYTES = 1 << 20;
const tooLarge = (size) =>
  Object.assign(new Error("the document is " + size + " bytes; the limit is 1 MiB (" + MAX_BYTES + " bytes)"), { inData: 1 });

/**
 * The JSON text, or the limit error when it is over MAX_BYTES (its UTF-8
 * length: 1 to 3 bytes a UTF-16 unit, so only a long text is encoded to count).
 */
export function withinLimit(text) {
  if (typeof text != "string" || text.length * 3 <= MAX_BYTES) return text;
  const size = new TextEncoder().encode(text).length;
  return size > MAX_BYTES ? tooLarge(size) : text;
}

/** A failed `src` request: the card offers a Retry button. */
class NetworkError extends Error {}

const cardsByHost = new WeakMap();

/** The card on `host`, if any. */
export const cardOf = (host) => cardsByHost.get(host);

/** One card on one host element: its data, state, and everything it owns. */
export class Card {
  /** Option name -> string or null. */
  #readOption;
  /** The JSON text loaded last, else null. */
  text = null;
  /** The data's problems, as the summary-card:error event reports them. */
  errors = [];
  #handle = null;
  /** The instance generation that made #handle. */
  #handleGeneration = -1;
  /** Aborts the `src` request under way. */
  #request = null;
  /** Counts loads and destroy(): a step of an older load stops. */
  #loadId = 0;
  /** Given farSheet, so skipped by layout while off screen. */
  #isFar = false;
  #ref = new WeakRef(this);
  /** Set by destroy(): nothing revives the card after it. */
  #destroyed = false;
  /** Told when a host other than `<summary-card>` leaves its document (see Life). */
  #life = null;
  /** Watches the inline JSON, for frameworks that replace it. */
  #inlineWatch = null;
  /** Removes the shadow root's share listeners (js/share.js). */
  #shareListen = null;
  /** What the share module needs of the card shown: its text, wpm, share and locale; else null. */
  #shareArgs = null;
  /** The share module's session for the card shown, made on its first share click. */
  #shareSession = null;

  constructor(host, readOption, apiText = null) {
    this.host = host;
    this.#readOption = readOption;
    /** JSON text (or the Error saying why there is none) from the JS API, else null. */
    this.apiText = apiText;
    cardsByHost.set(host, this);
  }

  /** Whether destroy() was called: the card is gone for good. */
  get destroyed() {
    return this.#destroyed;
  }

  /**
   * The host's shadow root, made and given the card's sheets when needed:
   * those of the host's document (a constructed sheet belongs to one).
   */
  #root() {
    const root = this.host.shadowRoot || this.host.attachShadow({ mode: "open" });
    const [cardSheet, farSheet] = sheetsFor(this.host.ownerDocument);
    if (cardSheet && root.adoptedStyleSheets[0] !== cardSheet) {
      followPage();
      this.#isFar = isFar();
      root.adoptedStyleSheets = this.#isFar ? [cardSheet, farSheet] : [cardSheet];
    }
    if (!this.#life && this.host.localName !== "summary-card" && customElements.get(LIFE)) {
      this.#life = document.createElement(LIFE);
      this.#life.card = this;
    }
    if (this.#life && this.#life.parentNode !== root) root.append(this.#life);
    return root;
  }

  /** The host left its document: the card is released, unless the host was only moved. */
  hostLeft() {
    queueMicrotask(() => this.host.isConnected || this.destroy());
  }

  /** The host moved to another document (an iframe, a picture-in-picture window): its sheets follow. */
  hostAdopted() {
    if (!this.#destroyed && this.host.shadowRoot) this.#root();
  }

  /** The option `name`, or "" when it is not set. */
  #option(name) {
    return this.#readOption(name) ?? "";
  }

  /** The `locale` attribute, else the nearest `lang` (the page's), else English. */
  locale() {
    return this.#option("locale") || this.host.closest("[lang]")?.lang || document.documentElement.lang || "en";
  }

  /** Shows `nodes` in the shadow root instead of the card (its handle is freed). */
  #show(...nodes) {
    this.dropHandle();
    const root = this.#root();
    for (const n of [...root.childNodes]) if (n !== this.#life) n.remove();
    root.append(...nodes);
  }

  /** Keeps `handle`, made by the current instance. */
  #keepHandle(handle) {
    this.#handle = handle;
    this.#handleGeneration = generation;
    instanceCards.add(this.#ref);
  }

  /** Frees the handle (its nodes and listeners) in the instance that made it. */
  dropHandle() {
    this.#dropShareSession();
    const handle = this.#handle;
    this.#handle = null;
    instanceCards.delete(this.#ref);
    if (!handle || this.#handleGeneration !== generation) return;
    try {
      callWasm(() => handle.free());
    } catch (e) {
      console.error("summary-card: could not release a card", this.host, e);
    }
  }

  /**
   * The share module's session for the card shown (`share`, the module:
   * js/summary-card-share.js), made on first use; null when there is none.
   */
  shareSession(share) {
    if (!this.#shareArgs) return null;
    // A session of a share instance that trapped since is gone with it.
    if (this.#shareSession && !share.current(this.#shareSession.entry)) this.#shareSession = null;
    if (!this.#shareSession) {
      const [text, wpm, targets, locale] = this.#shareArgs;
      const entry = share.newSession(this.host.shadowRoot, text, wpm, targets, locale, localeTable(locale));
      if (!entry) return null;
      this.#shareSession = { entry, free: () => share.free(entry) };
    }
    return this.#shareSession.entry;
  }

  /** Frees the share session (its open menu and listeners), if any. */
  #dropShareSession() {
    const session = this.#shareSession;
    this.#shareSession = null;
    this.#shareArgs = null;
    try {
      session?.free();
    } catch (e) {
      console.error("summary-card: could not release a card's share menu", this.host, e);
    }
  }

  #emit(name, detail) {
    this.host.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
  }

  /** Loads the data (again) and renders. Never throws, never rejects. */
  async load() {
    if (this.#destroyed) return;
    const id = ++this.#loadId;
    this.#request?.abort();
    this.#request = null;
    try {
      this.host.setAttribute("data-state", "loading");
      stopWaitingForViewport(this.host);
      let text = this.apiText;
      if (text instanceof Error) throw text;
      if (text === null) {
        const src = this.#readOption("src");
        if (src) {
          // While the data is on its way the page's fallback stays, with a
          // hidden "Loading summary…" status: the host's box changes once,
          // when the card comes (a skeleton in between was a second layout
          // shift). Only a card that waits for the viewport holds a
          // skeleton's height, so that it stays far. A pre-rendered card
          // (the CLI's) stays as it is.
          const waits = !fetchesAtOnce();
          if (!this.#handle && !this.host.shadowRoot?.querySelector("[part=card]"))
            await queueMount(() => id === this.#loadId && this.#showLoading(waits));
          if (waits) await whenNearViewport(this.host);
          if (id !== this.#loadId) return;
          text = await this.#fetchText(src);
        } else {
          await whenParsed();
          if (id !== this.#loadId) return;
          this.#watchInlineJson();
          const script = inlineJson(this.host);
          if (!script) throw new Error('no data: give the card a src attribute or a <script type="application/json"> child.');
          // (API text was checked by toJsonText, a src body as it streamed in.)
          text = withinLimit(script.textContent);
          if (text instanceof Error) throw text;
        }
      }
      if (id !== this.#loadId) return;
      this.text = text;
      await this.#render(id);
    } catch (e) {
      if (id !== this.#loadId || e?.name === "AbortError") return;
      try {
        await this.#fail(String(e?.message ?? e), id, e instanceof NetworkError, e?.inData);
      } catch (e2) {
        this.host.setAttribute("data-state", "error");
        console.error("summary-card: cannot show a card in this element", this.host, e2);
      }
    }
  }

  /**
   * Loads again when the inline JSON changes: frameworks (React, Vue,
   * Svelte) replace the script element or its text when their data changes.
   */
  #watchInlineJson() {
    if (this.#inlineWatch) return;
    this.#inlineWatch = new MutationObserver(() => {
      if (this.apiText !== null || this.#readOption("src")) return;
      const script = inlineJson(this.host);
      if ((script ? script.textContent : null) !== this.text) this.load();
    });
    this.#inlineWatch.observe(this.host, { childList: true, subtree: true, characterData: true });
  }

  /**
   * The loading state while `src` loads: a polite, visually hidden status and
   * the page's fallback; with `skeleton`, a box holding the card's place.
   */
  #showLoading(skeleton) {
    const theme = this.#option("theme") || "auto";
    // A polite status: "Loading summary…" in the card's language, then the card.
    const box = newElement("div", { class: skeleton ? "sc loading" : "sc", "data-theme": theme, role: "status", "aria-busy": "true" });
    const locale = this.locale();
    const word = newElement("span", { class: "vh" });
    const say = () => (word.textContent = shimWords(locale)[1]);
    say();
    // The words come with the wasm and the card's table: say it again then.
    whenLocaleLoaded(locale).then(say);
    box.append(word);
    this.#show(box, newElement("slot"));
  }

  /** Fetches `src` as text; every failure becomes an error naming the URL. */
  async #fetchText(src) {
    const ctrl = (this.#request = new AbortController());
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
      // The size is checked before the body is read, then as it streams in.
      const declared = Number(res.headers.get("content-length"));
      if (declared > MAX_BYTES && !res.headers.get("content-encoding")) {
        ctrl.abort();
        throw tooLarge(declared);
      }
      try {
        return await readCapped(res, ctrl);
      } catch (e) {
        if (e.inData) throw e;
        if (timedOut) throw fail("no answer within " + FETCH_TIMEOUT_MS / 1000 + " seconds.");
        throw e.name === "AbortError" ? e : fail("the response broke off.");
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /** Renders again after an option changed. Never rejects. */
  rerender() {
    this.#render().catch((e) => console.error("summary-card: cannot re-render this card", this.host, e));
  }

  /** Renders the loaded text with the current options. */
  async #render(id = this.#loadId) {
    if (!(await wasmReady)) return this.#fail(wasmError, id);
    await whenLocaleLoaded(this.locale());
    if (id !== this.#loadId) return;
    await queueMount(() => this.#mount(id));
  }

  /** Mounts the card now (a queued job): returns a promise only on failure. */
  #mount(id) {
    if (id !== this.#loadId) return;
    this.#show();
    try {
      const root = this.#root();
      const options = ["theme", "layout", "wpm", "share", "heading-level"].map((n) => this.#option(n));
      /** The locale the card was last rendered in (a new page `lang` re-renders it). */
      this.renderedLocale = this.locale();
      this.#keepHandle(callWasm(() => mount(root, this.text, ...options, this.renderedLocale)));
      this.#shareArgs = [this.text, options[2], options[3], this.renderedLocale];
      if (!this.#shareListen) listenForShare(root, (this.#shareListen = new AbortController()).signal, this);
      if (!this.#isFar) noteFullCard(this.host);
      this.errors = errorList(callWasm(() => this.#handle.errors));
    } catch (e) {
      this.dropHandle();
      return this.#fail(
        e instanceof WebAssembly.RuntimeError
          ? "an internal error stopped this card (a bug in summary-card; the console has details). Other cards are not affected."
          : "internal error (" + e + ").",
        id,
      );
    }
    if (this.errors.length) {
      this.host.setAttribute("data-state", "error");
      console.error("summary-card: the data has " + this.errors.length + " problem(s):\n" +
        this.errors.map((e) => "  " + (e.path || "(document)") + ": " + e.message).join("\n"), this.host);
      this.#emit("summary-card:error", { errors: this.errors });
    } else {
      this.host.setAttribute("data-state", "ready");
      this.#emit("summary-card:ready", {});
    }
  }

  /** Shows an alert for a problem found before the wasm reads the data (network, size, no data). */
  async #fail(message, id, retry = false, inData = false) {
    await whenLocaleLoaded(this.locale());
    if (id !== this.#loadId) return;
    this.errors = [{ path: "", message }];
    // A problem with the data reads as the validator's do; others as sentences.
    const sentence = inData ? message : message.charAt(0).toUpperCase() + message.slice(1);
    let shown = false;
    if (await wasmReady) {
      try {
        this.#show();
        const root = this.#root();
        this.#keepHandle(callWasm(() => mount_message(root, sentence, this.#option("theme"), this.locale())));
        const alert = this.#root().querySelector("[part=error]");
        if (retry && alert) {
          const button = newElement("button", { type: "button", class: "retry" }, shimWords(this.locale())[0]);
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
      this.#show(newElement("div", { part: "error", role: "alert" }, "This summary can't be shown. " + sentence), newElement("slot"));
    }
    this.host.setAttribute("data-state", "error");
    console.error("summary-card: " + message, this.host);
    this.#emit("summary-card:error", { errors: this.errors });
  }

  /** Removes the card and everything it added; the host shows its own children again. */
  destroy() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#loadId++;
    stopWaitingForViewport(this.host);
    this.#request?.abort();
    this.#request = null;
    this.#inlineWatch?.disconnect();
    this.#inlineWatch = null;
    this.#shareListen?.abort();
    this.#shareListen = null;
    this.dropHandle();
    if (cardsByHost.get(this.host) === this) {
      cardsByHost.delete(this.host);
      if (this.host.shadowRoot) this.#show(newElement("slot"));
      this.host.removeAttribute("data-state");
    }
    if (this.#life) this.#life.card = null;
    this.#life?.remove();
    this.#life = null;
  }
}

/**
 * An element in the shadow root of every card whose host is not a
 * `<summary-card>` (those of render() and of hooks): custom elements are told
 * when they leave a document, wherever they are, so the card is released when
 * its host is removed even inside another component's shadow root, where the
 * page's MutationObserver does not look.
 */
export const LIFE = "summary-card-life";
export class Life extends (inBrowser ? HTMLElement : Object) {
  /** The card to tell; null once it is destroyed. */
  card = null;
  disconnectedCallback() {
    this.card?.hostLeft();
  }
  adoptedCallback() {
    this.card?.hostAdopted();
  }
}

/** `res`'s body as text, read until MAX_BYTES: past that, the request stops with the limit error. */
async function readCapped(res, ctrl) {
  const reader = res.body?.getReader();
  if (!reader) return "";
  const utf8 = new TextDecoder();
  let text = "";
  for (let size = 0; ; ) {
    const { done, value } = await reader.read();
    if (done) return text + utf8.decode();
    if ((size += value.length) > MAX_BYTES) {
      ctrl.abort();
      throw tooLarge("over " + MAX_BYTES);
    }
    text += utf8.decode(value, { stream: true });
  }
}

/** A new `tag` element with the attributes `attrs` and, when given, the text `text`. */
function newElement(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  // Own keys only: a polluted Object.prototype must add no attribute.
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text) e.textContent = text;
  return e;
}

/** The host's <script type="application/json"> child, if any. */
function inlineJson(host) {
  for (const c of host.children) {
    if (c.localName === "script" && /json/i.test(c.type)) return c;
  }
  return null;
}

/** Waits for the parser to finish the host's children when it is still at work. */
function whenParsed() {
  return document.readyState === "loading"
    ? new Promise((r) => document.addEventListener("DOMContentLoaded", r, { once: true }))
    : Promise.resolve();
}
