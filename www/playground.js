// playground.html: edit the JSON, see the card, copy the snippets that give it.
//
// The JSON text goes to validate() and card.update() as text, so the problems
// listed are exactly what the widget's own parser and validator say (a syntax
// error carries its line and column). The card keeps the last valid version
// while the editor has problems. Data only ever reaches the page through
// textContent and attributes; no inline script or style (strict CSP).
import { render, validate } from "/dist/summary-card.js";

const $ = (id) => document.getElementById(id);
const editor = $("json");
const count = $("problem-count");
const list = $("problems");
const stale = $("stale");
const slot = $("card-slot");
const snippetNote = $("snippet-note");
const copyStatus = $("copy-status");
const loadStatus = $("load-status");
const optionControls = [...$("options").querySelectorAll("[data-attr]")];
const distInput = $("w-dist");
const srcInput = $("w-src");

const SEED = "/episodes/ilya.json";
const SEASON = "/episodes/season.json";
const DEBOUNCE_MS = 250;
/** Problems listed at most (the count says how many there are). */
const SHOWN_MAX = 100;
const DEFAULT_DIST = "/dist/";
const DEFAULT_SRC = "/episodes/your-episode.json";
/** Used when the example cannot be fetched. */
const MINIMAL = `{
  "version": 1,
  "title": "My episode",
  "takeaways": [
    { "title": "First takeaway", "text": "What a listener should remember." }
  ]
}
`;

let handle = null; // render()'s promise of the card handle
let host = null; // the <summary-card> element
let shown = null; // the JSON text the card shows: the last valid one
let reported = null; // the problems last listed, to leave the live region alone when nothing changed
let timer = 0;

// ---- where a problem is -------------------------------------------------

/** A validator position ends a syntax error's message: "(line 3, column 5)". */
const AT = /\s*\(line (\d+), column (\d+)\)$/;

/** 1-based line and column of UTF-16 index `at`; columns count characters, as the validator does. */
function lineCol(text, at) {
  let line = 1;
  let start = 0;
  for (let j = text.indexOf("\n"); j !== -1 && j < at; j = text.indexOf("\n", j + 1)) {
    line++;
    start = j + 1;
  }
  let column = 1;
  for (const ch of text.slice(start, at)) if (ch !== "\ufeff") column++;
  return { line, column };
}

/** The UTF-16 index of a 1-based line and column (in characters). */
function indexAt(text, line, column) {
  let i = 0;
  for (let l = 1; l < line; l++) {
    const j = text.indexOf("\n", i);
    if (j === -1) return text.length;
    i = j + 1;
  }
  for (let c = 1; c < column && i < text.length && text[i] !== "\n"; ) {
    const cp = text.codePointAt(i);
    i += cp > 0xffff ? 2 : 1;
    if (cp !== 0xfeff) c++;
  }
  return i;
}

/**
 * Where JSON.parse stops, when the validator's message carries no position:
 * V8 says "line L column C" or "position N" (not every version says either).
 */
function parsePosition(text) {
  const bom = text.startsWith("\ufeff") ? 1 : 0;
  try {
    JSON.parse(text.slice(bom));
    return null;
  } catch (e) {
    const message = String(e && e.message);
    let m = /line (\d+) column (\d+)/.exec(message);
    if (m) return { line: Number(m[1]), column: Number(m[2]) };
    m = /position (\d+)/.exec(message);
    return m ? lineCol(text, Number(m[1]) + bom) : null;
  }
}

/**
 * [start, end) of the value at `path` ("takeaways[2].title") in valid JSON
 * `text`. A path that is not there (a missing field) gives the first
 * character of the nearest value that is, as the validator reports it.
 * Duplicate keys: the last one wins, as in the widget's parser.
 */
function locate(text, path) {
  const steps = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) steps.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  const n = text.length;
  let i = 0;
  const ws = () => {
    while (i < n && " \t\r\n\ufeff".includes(text[i])) i++;
  };
  const skipString = () => {
    i++;
    while (i < n && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
  };
  const skipValue = () => {
    ws();
    if (text[i] === '"') return skipString();
    if (text[i] === "{" || text[i] === "[") {
      let depth = 0;
      while (i < n) {
        const c = text[i];
        if (c === '"') {
          skipString();
          continue;
        }
        if (c === "{" || c === "[") depth++;
        else if ((c === "}" || c === "]") && --depth === 0) return void i++;
        i++;
      }
      return;
    }
    while (i < n && !",]} \t\r\n".includes(text[i])) i++;
  };
  /** Moves `i` to the value at `step` inside the value at `i`; false when it is not there. */
  const enter = (step) => {
    ws();
    if (typeof step === "number") {
      if (text[i] !== "[") return false;
      i++;
      ws();
      if (text[i] === "]") return false;
      for (let k = 0; k < step; k++) {
        skipValue();
        ws();
        if (text[i] !== ",") return false;
        i++;
      }
      ws();
      return true;
    }
    if (text[i] !== "{") return false;
    i++;
    let hit = -1;
    for (ws(); text[i] === '"'; ) {
      const k0 = i;
      skipString();
      let key = null;
      try {
        key = JSON.parse(text.slice(k0, i));
      } catch {}
      ws();
      if (text[i] !== ":") break;
      i++;
      ws();
      if (key === step) hit = i;
      skipValue();
      ws();
      if (text[i] !== ",") break;
      i++;
      ws();
    }
    if (hit < 0) return false;
    i = hit;
    return true;
  };
  ws();
  let start = i;
  let whole = true;
  for (const step of steps) {
    if (!enter(step)) {
      whole = false;
      break;
    }
    start = i;
  }
  if (!whole) return [start, Math.min(start + 1, n)];
  i = start;
  skipValue();
  return [start, i];
}

/** Every problem in `text`, each with where it is when that can be told. */
function problems(text) {
  return validate(text).map(({ path, message }, k) => {
    const p = { path, message, at: null };
    if (k >= SHOWN_MAX) return p;
    try {
      const m = !path && AT.exec(message);
      if (m) {
        // A syntax error (or too deep a nesting): the validator says where.
        const line = Number(m[1]);
        const column = Number(m[2]);
        const start = indexAt(text, line, column);
        p.message = message.slice(0, m.index);
        p.at = { line, column, start, end: start };
      } else if (!path && /JSON/.test(message)) {
        const pos = parsePosition(text);
        if (pos) p.at = { ...pos, start: indexAt(text, pos.line, pos.column), end: indexAt(text, pos.line, pos.column) };
      } else if (path) {
        const [start, end] = locate(text, path);
        p.at = { ...lineCol(text, start), start, end };
      }
    } catch {
      p.at = null; // where is a help, never a reason to fail
    }
    return p;
  });
}

// ---- the problem list ---------------------------------------------------

function report(found) {
  const key = JSON.stringify(found.map((p) => [p.path, p.message, p.at && p.at.line, p.at && p.at.column]));
  if (key === reported) return;
  reported = key;
  const n = found.length;
  count.textContent = n === 0 ? "No problems" : n === 1 ? "1 problem" : `${n} problems`;
  const items = found.slice(0, SHOWN_MAX).map((p) => {
    const li = document.createElement("li");
    if (p.at) {
      const go = document.createElement("button");
      go.type = "button";
      go.className = "at";
      go.dataset.start = p.at.start;
      go.dataset.end = p.at.end;
      go.textContent = `line ${p.at.line}, column ${p.at.column}`;
      li.append(go, " ");
    }
    if (p.path || !p.at) {
      const code = document.createElement("code");
      code.textContent = p.path || "(document)";
      li.append(code, ": ");
    }
    li.append(p.message);
    return li;
  });
  if (n > SHOWN_MAX) {
    const li = document.createElement("li");
    li.textContent = `… and ${n - SHOWN_MAX} more`;
    items.push(li);
  }
  list.replaceChildren(...items);
}

// "line 3, column 5": selects that place in the editor.
list.addEventListener("click", (e) => {
  const go = e.target.closest("button.at");
  if (!go) return;
  const start = Math.min(Number(go.dataset.start), editor.value.length);
  const end = Math.min(Number(go.dataset.end), editor.value.length);
  editor.focus();
  editor.setSelectionRange(start, end);
  scrollToLine(editor.value.slice(0, start).split("\n").length);
});

/** Scrolls the editor so `line` is in view (an estimate: long lines wrap). */
function scrollToLine(line) {
  const lh = parseFloat(getComputedStyle(editor).lineHeight) || 20;
  const y = (line - 1) * lh;
  if (y < editor.scrollTop || y > editor.scrollTop + editor.clientHeight - lh) editor.scrollTop = Math.max(0, y - editor.clientHeight / 3);
}

// ---- the card -----------------------------------------------------------

function applyOptions() {
  if (!host) return;
  for (const c of optionControls) {
    if (c.value === c.dataset.default) host.removeAttribute(c.dataset.attr);
    else host.setAttribute(c.dataset.attr, c.value);
  }
}

/** Shows `text` (valid JSON) in the card: render() once, then update(). */
function showCard(text) {
  shown = text;
  if (!handle) {
    host = document.createElement("summary-card");
    host.id = "card";
    host.setAttribute("heading-level", "3"); // under this page's h2
    applyOptions(); // attributes: changing one later re-renders the card
    handle = render(host, text);
    slot.replaceChildren(host);
  } else {
    handle.then((card) => card.update(text));
  }
}

function check() {
  clearTimeout(timer);
  const text = editor.value;
  const found = problems(text);
  report(found);
  if (!found.length && text !== shown) showCard(text);
  stale.hidden = snippetNote.hidden = !found.length || shown === null;
  snippets();
}

editor.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(check, DEBOUNCE_MS);
});

$("options").addEventListener("change", () => {
  applyOptions();
  snippets();
});
$("where").addEventListener("input", snippets);
$("where").addEventListener("submit", (e) => e.preventDefault());
$("options").addEventListener("submit", (e) => e.preventDefault());

// ---- loading and formatting ---------------------------------------------

/** Puts the JSON at `url` in the editor. `first`: the page's start (said only if it fails). */
async function load(url, { first = false } = {}) {
  loadStatus.textContent = "";
  let text;
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`the server answered ${res.status}`);
    text = await res.text();
    if (!first) loadStatus.textContent = `Loaded ${url}.`;
  } catch (e) {
    loadStatus.textContent = `Could not load ${url} (${e.message}).` + (first ? " Starting from a minimal example." : "");
    if (!first) return;
    text = MINIMAL;
  }
  editor.value = text;
  editor.scrollTop = 0;
  check();
}

$("load-seed").addEventListener("click", () => load(SEED));
$("load-season").addEventListener("click", () => load(SEASON));
$("format").addEventListener("click", () => {
  try {
    editor.value = JSON.stringify(JSON.parse(editor.value.replace(/^\ufeff/, "")), null, 2) + "\n";
    loadStatus.textContent = "Formatted.";
    check();
  } catch {
    loadStatus.textContent = "Fix the syntax error first: only valid JSON can be formatted.";
  }
});

// ---- the snippets -------------------------------------------------------

/** Text for an HTML attribute value or element content. */
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The chosen options as attributes (`data-` ones for form c); defaults are left out. */
function attrs(prefix) {
  return optionControls
    .filter((c) => c.value !== c.dataset.default)
    .map((c) => ` ${prefix}${c.dataset.attr}="${esc(c.value)}"`)
    .join("");
}

function parsed(text) {
  try {
    return JSON.parse(text.replace(/^\ufeff/, ""));
  } catch {
    return null;
  }
}

/**
 * Minified JSON for an inline script element. No `<` is left (each is
 * `\u003c`, inside strings the only place JSON can hold one), so neither
 * `</script>` nor `<!--` can change how the HTML parser reads it.
 */
function inlineJson(text) {
  const data = parsed(text);
  return (data === null ? text.trim() : JSON.stringify(data)).replace(/</g, "\\u003c");
}

/** A link to the episode, shown until the card is ready and without JavaScript. */
function fallbackLink(data) {
  if (!data || typeof data.title !== "string" || typeof data.url !== "string") return "";
  return `\n  <a href="${esc(data.url)}">${esc(data.title)}</a>\n`;
}

function dist() {
  const d = distInput.value.trim() || DEFAULT_DIST;
  return d.endsWith("/") ? d : d + "/";
}

function snippets() {
  const src = srcInput.value.trim() || DEFAULT_SRC;
  for (const e of document.querySelectorAll(".src-echo")) e.textContent = src;
  const codes = { a: $("sn-a"), b: $("sn-b"), c: $("sn-c") };
  const ready = shown !== null;
  for (const b of document.querySelectorAll("button.copy")) b.disabled = !ready;
  if (!ready) {
    for (const code of Object.values(codes)) code.textContent = "<!-- the snippet appears once the JSON is valid -->";
    return;
  }
  const module = `<script type="module" src="${esc(dist() + "summary-card.js")}"></script>`;
  const link = fallbackLink(parsed(shown));
  codes.a.textContent = `${module}\n<summary-card src="${esc(src)}"${attrs("")}>${link}</summary-card>`;
  codes.b.textContent =
    `${module}\n<summary-card${attrs("")}>\n  <script type="application/json">${inlineJson(shown)}</script>\n</summary-card>`;
  codes.c.textContent =
    `<div data-summary-card="${esc(src)}"${attrs("data-")}>${link}</div>\n<script async src="${esc(dist() + "embed.js")}"></script>`;
}

// ---- copying ------------------------------------------------------------

let sayTimer = 0;
/** Says `message` in the live region; cleared first so the same words are announced again. */
function say(message) {
  copyStatus.textContent = "";
  clearTimeout(sayTimer);
  sayTimer = setTimeout(() => (copyStatus.textContent = message), 50);
}

for (const button of document.querySelectorAll("button.copy")) {
  button.addEventListener("click", async () => {
    const code = $(button.dataset.copy);
    const what = button.textContent.replace(/^Copy /, "");
    try {
      if (!navigator.clipboard || !navigator.clipboard.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(code.textContent);
      say(`Copied ${what}.`);
    } catch {
      // No clipboard here (an insecure origin, or refused): select the text instead.
      getSelection().selectAllChildren(code);
      say(`Could not copy: ${what} is selected, press Ctrl+C (⌘C on a Mac) to copy it.`);
    }
  });
}

// ---- start --------------------------------------------------------------

snippets();
load(SEED, { first: true });
