// The benchmark's floor: a small hand-written vanilla-JS renderer of the same
// card markup as <summary-card> (same tags, classes, parts, text and CSS),
// with basic validation, data-state, the same events, a share button, src
// loading with the same skeleton, and destroy(). No framework, no build, no
// innerHTML with data: createElement and textContent only.
//
// The stylesheet is src/card.css itself, imported as a CSS module script
// (a constructable stylesheet, adopted once per shadow root); the bench
// server serves /bench/baseline/card.css from src/card.css.
import sheet from "./card.css" with { type: "css" };

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WPM = 238;
const CJK_PER_MINUTE = 300;

// ---- validation (basic type checks, with paths, like validate()) ----------

const kind = (v) => (v === null ? "null" : Array.isArray(v) ? "an array" : typeof v === "object" ? "an object" : typeof v === "string" ? "a string" : typeof v === "number" ? "a number" : typeof v === "boolean" ? "a boolean" : typeof v);
const isUrl = (v, mailto) => typeof v === "string" && (/^https?:\/\/[^\s/?#]+/i.test(v) || (mailto && /^mailto:\S/i.test(v)));

function check(d) {
  const errors = [];
  const err = (path, message) => errors.push({ path, message });
  const str = (v, path, required) => {
    if (v === undefined && !required) return false;
    if (typeof v !== "string") return err(path, "expected a string, found " + kind(v)), false;
    if (required && !v.trim()) return err(path, "must not be empty"), false;
    if (v.length > 5000) return err(path, "is longer than 5000 characters"), false;
    return true;
  };
  const url = (v, path, mailto) => {
    if (v !== undefined && str(v, path, true) && !isUrl(v, mailto)) err(path, "expected an absolute http(s) URL");
  };
  const list = (v, path, required, each) => {
    if (v === undefined && !required) return;
    if (!Array.isArray(v)) return err(path, "expected an array, found " + kind(v));
    if (required && !v.length) return err(path, "needs at least one item");
    if (v.length > 100) return err(path, "has " + v.length + " items; the limit is 100");
    v.forEach((x, i) => each(x, path + "[" + i + "]"));
  };
  const obj = (v, path) => (v && typeof v === "object" && !Array.isArray(v)) || (err(path, "expected an object, found " + kind(v)), false);
  const point = (p, path) => {
    if (!obj(p, path)) return;
    str(p.title, path + ".title", false);
    str(p.text, path + ".text", true);
  };
  if (!obj(d, "")) return errors;
  if (d.version !== undefined && d.version !== 1) err("version", "expected 1");
  str(d.id, "id", false);
  url(d.url, "url");
  if (d.show !== undefined && obj(d.show, "show")) {
    str(d.show.name, "show.name", true);
    url(d.show.url, "show.url");
    url(d.show.artwork, "show.artwork");
  }
  str(d.title, "title", true);
  list(d.guests, "guests", false, (g, p) => str(g, p, true));
  if (d.published !== undefined && str(d.published, "published", true) && !parseDate(d.published)) err("published", "expected an ISO 8601 date");
  if (d.duration !== undefined && durationSeconds(d.duration) === null) err("duration", "expected seconds, H:MM:SS or MM:SS");
  list(d.topics, "topics", false, (t, p) => str(t, p, true));
  if (d.ai_generated !== undefined && typeof d.ai_generated !== "boolean") err("ai_generated", "expected a boolean, found " + kind(d.ai_generated));
  list(d.takeaways, "takeaways", true, point);
  str(d.covers, "covers", false);
  list(d.questions, "questions", false, point);
  str(d.notable_moment, "notable_moment", false);
  list(d.listen, "listen", false, (l, p) => obj(l, p) && (str(l.label, p + ".label", true), url(l.url, p + ".url")));
  if (d.cta !== undefined && obj(d.cta, "cta")) {
    str(d.cta.text, "cta.text", true);
    url(d.cta.url, "cta.url", true);
  }
  return errors;
}

// ---- computed text ---------------------------------------------------------

function durationSeconds(v) {
  if (typeof v === "number") return Number.isInteger(v) && v > 0 && v <= 3600000 ? v : null;
  if (typeof v !== "string") return null;
  const m = /^\s*(\d{1,7})(?::(\d{1,7}))?(?::(\d{1,7}))?\s*$/.exec(v);
  if (!m) return null;
  const [a, b, c] = [m[1], m[2], m[3]].map((x) => (x === undefined ? undefined : +x));
  const s = c !== undefined ? (b < 60 && c < 60 ? a * 3600 + b * 60 + c : -1) : b !== undefined ? (b < 60 ? a * 60 + b : -1) : a;
  return s > 0 && s <= 3600000 ? s : null;
}

function parseDate(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return y >= 1000 && days && d >= 1 && d <= days ? { y, mo, d } : null;
}

const minutes = (secs) => Math.max(1, Math.floor((secs + 30) / 60));
const durationLabel = (m) => (m >= 120 ? Math.floor(m / 60) + " h" + (m % 60 ? " " + (m % 60) + " min" : "") : m + " min");
const isoDuration = (m) => "PT" + (m >= 60 ? Math.floor(m / 60) + "H" : "") + (m % 60 || m < 60 ? (m % 60) + "M" : "");

const isCjk = (c) =>
  (c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
  (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff66 && c <= 0xff9f) || (c >= 0x20000 && c <= 0x3134f);
const isSpace = (c) => c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
const isWordy = (c) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ||
  (c > 0x7f && !isSpace(c) && !(c >= 0x2000 && c <= 0x206f) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xff00 && c <= 0xff0f));

/** Words and CJK characters of the shown text, read at `wpm`, rounded up, at least 1. */
function readMinutes(d, wpm = WPM) {
  let words = 0, cjk = 0;
  const add = (s) => {
    if (!s) return;
    let inWord = false;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) c = s.codePointAt(i++);
      if (isCjk(c)) (cjk++, (inWord = false));
      else if (isSpace(c)) inWord = false;
      else if (!inWord && isWordy(c)) (words++, (inWord = true));
    }
  };
  add(d.show?.name);
  add(d.title);
  for (const s of d.guests || []) add(s);
  for (const s of d.topics || []) add(s);
  for (const p of [...d.takeaways, ...(d.questions || [])]) (add(p.title), add(p.text));
  add(d.covers);
  add(d.notable_moment);
  add(d.cta?.text);
  return Math.max(1, Math.ceil((words * CJK_PER_MINUTE + cjk * WPM) / (CJK_PER_MINUTE * wpm)));
}

function slug(title) {
  let s = "";
  for (const ch of title) {
    if (/^[A-Za-z0-9]$/.test(ch)) {
      if (s.length >= 60) break;
      s += ch.toLowerCase();
    } else if (s && !s.endsWith("-")) s += "-";
  }
  s = s.replace(/-+$/, "");
  return s || "summary";
}

// ---- DOM -------------------------------------------------------------------

function h(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  if (attrs) for (const k in attrs) e.setAttribute(k, attrs[k]);
  for (const k of kids) if (k) e.append(k); // falsy: an absent optional part
  return e;
}
/** External links open in a new tab without our window (mailto: links as they are). */
const link = (href, part, attrs, text) =>
  h("a", { href, ...(part && { part }), ...(!href.startsWith("mailto:") && { target: "_blank", rel: "noopener noreferrer" }), ...attrs }, text);
const section = (tag, part, id, title, body) => h(tag, { part, class: "section", "aria-labelledby": id }, h("h3", { id }, title), body);
const points = (items, part, titlePart, textPart, extra) =>
  h("ul", extra ? { class: "points", id: extra.list } : { class: "points" }, ...items.map((p, i) =>
    h("li", extra ? { part, id: extra.id(i) } : { part },
      p.title !== undefined && h("strong", { part: titlePart, dir: "auto" }, p.title),
      h("span", { part: textPart, dir: "auto" }, p.text),
      extra && extra.button(i))));

/** The card's DOM (the same markup as summary-card's full layout) and its share buttons. */
function view(d, theme) {
  const id = (n) => "sc0-" + n;
  const buttons = [];
  const frag = d.id ?? slug(d.title);
  const read = readMinutes(d);
  const secs = d.duration !== undefined ? durationSeconds(d.duration) : null;
  const mins = secs === null ? null : minutes(secs);
  const date = d.published !== undefined ? parseDate(d.published) : null;
  const share = (i, label) => {
    const b = h("button", i < 0
      ? { part: "share-button", type: "button", "aria-describedby": id("share-prompt"), "aria-haspopup": "menu", "aria-expanded": "false" }
      : { class: "takeaway-share", type: "button", "aria-label": label, "aria-haspopup": "menu", "aria-expanded": "false" }, "Share");
    buttons.push([b, i]);
    return b;
  };
  const guests = d.guests?.length && h("p", { part: "guests", dir: "auto" }, "with ");
  d.guests?.forEach((g, i) => {
    if (i) guests.append(i + 1 === d.guests.length ? " and " : ", ");
    guests.append(h("bdi", null, g));
  });
  const status = h("p", { class: "status", role: "status" });
  const initial = d.show && [...d.show.name].find((c) => /[\p{L}\p{N}]/u.test(c))?.toUpperCase();
  const root = h("div", { class: "sc", "data-theme": theme, lang: "en", dir: "ltr" },
    h("article", { part: "card", class: "card", "data-layout": "full", "aria-labelledby": id("title") },
      h("header", { class: "head" },
        d.show?.artwork && h("span", { class: "art", "aria-hidden": "true" }, initial,
          h("img", { class: "artwork", src: d.show.artwork, alt: "", width: "64", height: "64", loading: "lazy", decoding: "async", referrerpolicy: "no-referrer" })),
        h("div", { class: "head-text" },
          d.show && h("p", { class: "show-line" }, d.show.url ? link(d.show.url, "show", { dir: "auto" }, d.show.name) : h("span", { part: "show", dir: "auto" }, d.show.name)),
          h("h2", { part: "title", id: id("title"), dir: "auto" }, d.title),
          guests,
          date && h("p", { class: "published" }, h("time", { datetime: d.published.slice(0, 10) }, MONTHS[date.mo - 1] + " " + date.d + ", " + date.y)))),
      h("p", { class: "vh" }, (mins !== null ? mins + "-minute episode, " : "") + read + "-minute read"),
      h("p", { part: "stats", class: "stats", "aria-hidden": "true" },
        mins !== null && h("span", { part: "duration" }, h("time", { datetime: isoDuration(mins) }, durationLabel(mins)), " episode"),
        mins !== null && h("span", { class: "sep" }, " · "),
        h("span", { part: "read-time" }, read + " min read")),
      d.topics?.length && h("ul", { part: "topics", "aria-label": "Topics" }, ...d.topics.map((t) => h("li", { part: "topic", dir: "auto" }, t))),
      d.ai_generated && h("p", { part: "ai-label" }, "AI-generated summary"),
      d.ai_generated && h("p", { class: "vh" }, "Written by AI from the episode; it may contain mistakes."),
      section("section", "takeaways", id("takeaways"), "Key takeaways",
        points(d.takeaways, "takeaway", "takeaway-title", "takeaway-text", {
          list: id("takeaway-list"),
          id: (i) => frag + "-takeaway-" + (i + 1),
          button: (i) => share(i, "Share takeaway " + (i + 1)),
        })),
      d.covers !== undefined && section("section", "covers", id("covers"), "What it covers", h("p", { dir: "auto" }, d.covers)),
      d.questions?.length && section("section", "questions", id("questions"), "Key questions answered", points(d.questions, "question", "question-title", "question-text")),
      d.notable_moment !== undefined && section("section", "notable", id("notable"), "Notable moment", h("blockquote", null, h("p", { dir: "auto" }, d.notable_moment))),
      d.listen?.length && section("nav", "listen", id("listen"), "Listen", h("ul", { class: "links" }, ...d.listen.map((l) => h("li", null, link(l.url, null, { dir: "auto" }, l.label))))),
      h("div", { class: "share" },
        h("p", { class: "share-prompt", id: id("share-prompt") }, "Know someone who'd find this useful?"),
        share(-1),
        status),
      d.cta && h("p", { class: "cta" }, link(d.cta.url, null, { class: "cta-link", dir: "auto" }, d.cta.text)),
      h("footer", { part: "footer" }, "You just read a " + read + "-minute summary" + (mins !== null ? " of a " + mins + "-minute episode" : "") + ".")));
  return { root, buttons, status, frag };
}

const errorView = (theme, message, more = 0) =>
  h("div", { class: "sc", "data-theme": theme, lang: "en", dir: "ltr" },
    h("div", { part: "error", class: "error", role: "alert" },
      h("p", { class: "error-title" }, "This summary can't be shown."),
      h("p", { class: "error-detail", lang: "en", dir: "auto" }, message),
      more > 0 && h("p", { class: "error-more" }, "…and " + more + (more === 1 ? " more problem" : " more problems") + " (the browser console lists them all).")),
    h("slot"));

// ---- one card --------------------------------------------------------------

const cards = new WeakMap();

class Card {
  constructor(host, theme) {
    this.host = host;
    this.theme = theme || "auto";
    this.off = [];
    this.abort = null;
    cards.set(host, this);
    const root = host.shadowRoot || host.attachShadow({ mode: "open" });
    if (root.adoptedStyleSheets[0] !== sheet) root.adoptedStyleSheets = [sheet];
    this.root = root;
  }

  emit(name, detail) {
    this.host.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
  }

  on(target, type, f) {
    target.addEventListener(type, f);
    this.off.push(() => target.removeEventListener(type, f));
  }

  clear() {
    for (const f of this.off) f();
    this.off = [];
  }

  loading() {
    this.host.setAttribute("data-state", "loading");
    this.clear();
    this.root.replaceChildren(h("div", { class: "sc loading", "data-theme": this.theme, "aria-busy": "true" }), h("slot"));
  }

  /** Renders parsed data (or JSON text); returns the errors. */
  show(data) {
    this.clear();
    let errors;
    if (typeof data === "string") {
      try {
        data = JSON.parse(data);
      } catch (e) {
        errors = [{ path: "", message: "invalid JSON: " + e.message }];
      }
    }
    errors ??= check(data);
    if (errors.length) return this.fail(errors);
    const { root, buttons, status, frag } = view(data, this.theme);
    const url = data.url || location.href.split("#")[0] + "#" + frag;
    for (const [b, i] of buttons) {
      this.on(b, "click", () => {
        const text = i < 0 ? data.title : data.takeaways[i].title || data.takeaways[i].text;
        const link = i < 0 ? url : url.split("#")[0] + "#" + frag + "-takeaway-" + (i + 1);
        this.emit("summary-card:share", { target: navigator.share ? "native" : "copy", url: link });
        if (navigator.share) navigator.share({ title: data.title, text, url: link }).catch(() => {});
        else navigator.clipboard?.writeText(link).then(() => (status.textContent = "Link copied."), () => (status.textContent = "Could not copy the link."));
      });
    }
    const highlight = () => {
      for (const li of root.querySelectorAll("[part=takeaway]")) li.toggleAttribute("data-highlight", "#" + li.id === location.hash);
    };
    if (location.hash) highlight();
    this.on(window, "hashchange", highlight);
    this.root.replaceChildren(root);
    this.errors = [];
    this.host.setAttribute("data-state", "ready");
    this.emit("summary-card:ready", {});
    return this.errors;
  }

  fail(errors) {
    this.errors = errors;
    const first = errors[0].path ? errors[0].path + ": " + errors[0].message : errors[0].message;
    this.root.replaceChildren(errorView(this.theme, first, errors.length - 1));
    this.host.setAttribute("data-state", "error");
    console.error("baseline-card:", errors);
    this.emit("summary-card:error", { errors });
    return errors;
  }

  async load(src) {
    this.loading();
    const ctrl = (this.abort = new AbortController());
    try {
      const res = await fetch(new URL(src, document.baseURI), { signal: ctrl.signal, credentials: "same-origin" });
      if (!res.ok) throw new Error("the server answered " + res.status);
      const text = await res.text();
      if (this.abort === ctrl) this.show(text);
    } catch (e) {
      if (e.name !== "AbortError") this.fail([{ path: "", message: "could not load " + src + ": " + e.message }]);
    }
  }

  destroy() {
    this.abort?.abort();
    this.abort = null;
    this.clear();
    this.root.replaceChildren(h("slot"));
    this.host.removeAttribute("data-state");
    cards.delete(this.host);
  }
}

/** render(element, data) → { element, errors, update, destroy }, like summary-card's. */
export async function render(element, data, options = {}) {
  cards.get(element)?.destroy();
  const card = new Card(element, options.theme);
  card.host.setAttribute("data-state", "loading");
  card.show(data);
  return {
    element,
    get errors() {
      return card.errors.slice();
    },
    async update(d) {
      card.show(d);
    },
    destroy() {
      card.destroy();
    },
  };
}

export const validate = (data) => check(typeof data === "string" ? JSON.parse(data) : data);

class BaselineCard extends HTMLElement {
  connectedCallback() {
    if (cards.has(this)) return;
    const card = new Card(this, this.getAttribute("theme"));
    const src = this.getAttribute("src");
    if (src) return void card.load(src);
    card.loading();
    const go = () => {
      const script = [...this.children].find((c) => c.localName === "script" && /json/i.test(c.type));
      if (script) card.show(script.textContent);
      else card.fail([{ path: "", message: 'no data: give the card a src attribute or a <script type="application/json"> child.' }]);
    };
    document.readyState === "loading" ? document.addEventListener("DOMContentLoaded", go, { once: true }) : go();
  }

  disconnectedCallback() {
    queueMicrotask(() => !this.isConnected && cards.get(this)?.destroy());
  }
}

if (!customElements.get("baseline-card")) customElements.define("baseline-card", BaselineCard);
