// Hostile data (issue "Safe on any page"): every document of tests/corpus is
// rendered through every embed form (module + `<summary-card src>`, inline
// `<script type="application/json">`, the classic `data-summary-card` hook with
// embed.js, by src and inline) and through render() (object and JSON text).
// Nothing may execute, no element or attribute outside the card's own
// vocabulary may appear, links and images stay http(s), data stays text and
// every data string is isolated for bidirectional text.
import { readdirSync, readFileSync } from "node:fs";
import { test, expect, SEED } from "./fixtures.mjs";
import { corpus, fileText, DIR, OK_HREFS, TEXT_PAYLOADS } from "../corpus/corpus.mjs";

const DOCS = corpus();

test.describe.configure({ mode: "parallel" });

// The card's own vocabulary: every tag and attribute the widget creates,
// read off the seed card (full and compact), a collection, the open share
// menu, the Mastodon form, the loading skeleton and the error view
// (src/core/view.rs, src/web/share_menu.rs, js/card.js). Hard-coded on purpose:
// a new tag or attribute must be added here by someone who thought about it.
const TAGS = [
  "div", "article", "header", "img", "p", "a", "span", "bdi", "h2", "h3", "h4", "h5", "time", "ul", "li", "strong",
  "section", "nav", "blockquote", "button", "footer", "slot", "form", "label", "input",
  // The element that tells a card when its host leaves the page (js/card.js, Life).
  "summary-card-life",
];
const ATTRS = [
  "class", "part", "id", "dir", "role", "type", "tabindex", "href", "target", "rel", "src", "alt", "width", "height",
  "loading", "decoding", "referrerpolicy", "datetime", "aria-hidden", "aria-label", "aria-labelledby",
  "aria-describedby", "aria-haspopup", "aria-expanded", "aria-busy", "data-theme", "data-layout", "data-highlight",
  "data-target", "name", "inputmode", "autocomplete", "placeholder", "required", "lang", "hidden", "aria-controls",
  "data-more", "data-less", "data-part",
  // The share buttons' and status lines' marks for the share module: card and takeaway numbers.
  "data-share", "data-share-status",
];

/**
 * A data string as the card shows it: the validator makes U+0000 a U+FFFD
 * (issue 16: the static HTML, the widget and the JSON-LD then agree).
 */
const asShown = (s) => s.replaceAll("\0", "\ufffd");

/** Every string a card shows from its data, trimmed as the validator trims. */
function dataStrings(doc) {
  const out = [];
  const add = (s) => typeof s === "string" && s.trim() && out.push(asShown(s.trim()));
  for (const c of doc.episodes || [doc]) {
    add(c.title);
    add(c.show?.name);
    for (const s of [...(c.guests || []), ...(c.topics || [])]) add(s);
    for (const p of [...(c.takeaways || []), ...(c.questions || [])]) add(p.title), add(p.text);
    add(c.covers);
    add(c.notable_moment);
    for (const l of c.listen || []) add(l.label);
    add(c.cta?.text);
  }
  return out;
}

/**
 * Runs in the page: audits the shadow root of `host` and returns a list of
 * problems (empty when all is well) with what was found.
 */
function audit({ host, tags, attrs, strings }) {
  const el = document.getElementById(host);
  const problems = [];
  const root = el.shadowRoot;
  if (!root) return { problems: ["no shadow root"], state: el.getAttribute("data-state") };
  const TAGS = new Set(tags), ATTRS = new Set(attrs), STRINGS = new Set(strings);
  const XHTML = "http://www.w3.org/1999/xhtml";
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  let images = 0, cards = 0, isolated = 0;
  const found = new Set();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.ELEMENT_NODE) {
      const tag = n.localName;
      if (!TAGS.has(tag) || n.namespaceURI !== XHTML) problems.push(`element <${tag}> (${n.namespaceURI})`);
      if (n.shadowRoot) problems.push(`<${tag}> has its own shadow root`);
      for (const a of n.attributes) {
        if (!ATTRS.has(a.name)) problems.push(`attribute <${tag} ${a.name}="${a.value}">`);
        else if (a.name.startsWith("data-share") && !/^\d+(\.\d+)?$/.test(a.value)) problems.push(`attribute <${tag} ${a.name}="${a.value}"> (not a number)`);
      }
      if (n.hasAttribute("href")) {
        const href = n.getAttribute("href");
        const mailtoOk = n.matches("a.cta-link, [part=share-menu] a[data-target=email]");
        if (tag !== "a") problems.push(`href on <${tag}>`);
        if (!/^https?:\/\/[^/\s]/i.test(href) && !(mailtoOk && /^mailto:/i.test(href))) problems.push(`link to ${href}`);
        if (!/^(https?|mailto):$/.test(n.protocol)) problems.push(`link whose protocol is ${n.protocol}`);
      }
      if (n.hasAttribute("src")) {
        const src = n.getAttribute("src");
        if (!n.matches("img.artwork")) problems.push(`src on <${tag}>`);
        if (!/^https?:\/\/[^/\s]/i.test(src)) problems.push(`image from ${src}`);
      }
      if (tag === "img") images++;
      if (tag === "article") cards++;
    } else if (n.nodeType === Node.TEXT_NODE) {
      if (!STRINGS.has(n.data)) continue;
      found.add(n.data);
      // A data string sits alone in an element that isolates it for bidi.
      const p = n.parentElement;
      if (!(p.localName === "bdi" || p.getAttribute("dir") === "auto")) problems.push(`<${p.localName}> does not isolate ${JSON.stringify(n.data)}`);
      else if (p.textContent !== n.data) problems.push(`<${p.localName} dir> holds ${JSON.stringify(n.data)} beside other text`);
      else isolated++;
    } else {
      problems.push(`node of type ${n.nodeType}: ${n.nodeValue}`);
    }
  }
  if (images > cards) problems.push(`${images} images for ${cards} cards`);
  const missing = strings.filter((s) => !found.has(s));
  return { problems, state: el.getAttribute("data-state"), images, cards, isolated, missing };
}

/** Minimal escaping any page must apply to JSON inside <script>: `</` and `<!--`. */
const inlineJson = (text) => text.replace(/<\//g, "<\\/").replace(/<!--/g, "<\\u0021--");

const page = (title, head, body) =>
  `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n${head}</head>\n<body>\n<main>\n<h1>Hostile data: ${title}</h1>\n${body}</main>\n</body>\n</html>\n`;

/** Forms a and b for each document, the seed as a neighbour, and targets for render(). */
function modulePage(docs) {
  const cards = docs.map(
    ({ name, text }, i) => `<summary-card id="by-src-${i}" src="/corpus/${name}.json"><a href="https://fallback.example/">Fallback link</a></summary-card>
<summary-card id="inline-${i}"><script type="application/json">${inlineJson(text)}</script><p>Fallback text</p></summary-card>
<div id="api-object-${i}"></div>
<div id="api-text-${i}"></div>
`,
  );
  return page(
    docs.map((d) => d.name).join(", "),
    '<script type="module" src="/dist/summary-card.js"></script>\n',
    `<summary-card id="seed" src="/episodes/ilya.json"></summary-card>\n${cards.join("")}`,
  );
}

/** Form c: the classic script and hook elements, no module tag in the page. */
function classicPage(docs) {
  const cards = docs.map(
    ({ name, text }, i) => `<div id="hook-src-${i}" data-summary-card="/corpus/${name}.json"></div>
<div id="hook-inline-${i}" data-summary-card><script type="application/json">${inlineJson(text)}</script></div>
`,
  );
  return page(
    docs.map((d) => d.name).join(", "),
    "",
    `<div id="seed" data-summary-card="/episodes/ilya.json"></div>\n${cards.join("")}<script async src="/dist/embed.js"></script>\n`,
  );
}

/**
 * Traps for anything executing or leaving the page: window.__pwned records
 * calls, dialogs are recorded, requests outside the expected few are
 * recorded and refused, and the corpus and generated pages are served.
 */
async function trap(p, server) {
  const seen = { dialogs: [], requests: [], popups: 0 };
  await p.addInitScript(() => {
    window.__pwnedCalls = [];
    Object.defineProperty(window, "__pwned", { value: (x) => window.__pwnedCalls.push(String(x)) });
    // No Web Share in the test browser: the share button opens the menu.
    delete Navigator.prototype.share;
    delete Navigator.prototype.canShare;
  });
  p.on("dialog", (d) => {
    seen.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  p.on("popup", () => seen.popups++);
  const pages = new Map();
  await p.route("**/*", (route) => {
    const url = new URL(route.request().url());
    const here = url.origin === server;
    if (here && pages.has(url.pathname)) return route.fulfill({ body: pages.get(url.pathname), contentType: "text/html" });
    if (here && url.pathname.startsWith("/corpus/")) {
      const file = DIR + url.pathname.slice("/corpus/".length);
      return route.fulfill({ body: readFileSync(file), contentType: "application/json" });
    }
    const allowed = here
      ? /^\/(dist\/(summary-card\.js|summary-card\.wasm|summary-card-share\.js|summary-card-share\.wasm|embed\.js)|episodes\/ilya\.json|favicon\.ico)$/.test(url.pathname)
      : url.origin === "https://ok.example" && url.pathname === "/art.png";
    if (!allowed) seen.requests.push(url.href);
    return here && allowed ? route.continue() : route.abort();
  });
  return { seen, serve: (path, html) => pages.set(path, html) };
}

/** The light DOM as element names and ids, for comparing with the served HTML. */
async function lightDom(p, html) {
  return p.evaluate((html) => {
    const list = (doc) => [...doc.querySelectorAll("*")].map((e) => e.localName + (e.id ? "#" + e.id : ""));
    return { live: list(document), served: list(new DOMParser().parseFromString(html, "text/html")) };
  }, html);
}

async function settle(p, ids) {
  for (const id of ids) await expect(p.locator("#" + id)).toHaveAttribute("data-state", /^(ready|error)$/);
}

async function nothingRan(p, seen) {
  const traps = await p.evaluate(() => ({
    pwned: window.__pwnedCalls,
    polluted: [Object.prototype.polluted, {}.polluted, [].polluted, Object.prototype.title, Function.prototype.polluted],
  }));
  expect(traps.pwned, "payloads that ran").toEqual([]);
  expect(traps.polluted, "prototype pollution").toEqual([undefined, undefined, undefined, undefined, undefined]);
  expect(seen.dialogs, "dialogs").toEqual([]);
  expect(seen.requests, "requests outside the card's own").toEqual([]);
  expect(seen.popups, "popups").toBe(0);
}

test("the corpus files are exactly what tests/corpus/corpus.mjs generates", () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith(".json")).sort();
  expect(files).toEqual(Object.keys(DOCS).map((n) => n + ".json").sort());
  for (const [name, { doc }] of Object.entries(DOCS)) expect(readFileSync(DIR + name + ".json", "utf8"), name).toBe(fileText(doc));
});

/** Checks what one document shows in the card `host` (`#by-src-0`, say). */
async function expectDoc(p, { name, spec, doc }, host) {
  const card = p.locator("#" + host);
  if (spec.expect === "ready" && !doc.episodes) {
    if (spec.text !== undefined) {
      // The payload is the exact text of each part that shows it.
      const t = asShown(spec.text.trim());
      const text = (sel) => card.locator(sel).first().evaluate((e) => e.textContent);
      for (const part of ["title", "show", "takeaway-title", "takeaway-text", "question-title", "question-text", "topic"]) {
        expect(await text(`[part=${part}]`), `${name}: [part=${part}]`).toBe(t);
      }
      expect(await text("[part=guests]"), name).toBe("with " + t + " and Second guest");
      for (const sel of ["[part=covers] p", "[part=notable] p", ".cta a", "[part=listen] a"]) expect(await text(sel), `${name}: ${sel}`).toBe(t);
    }
    if (name.startsWith("ok-text-") || name === "ok-urls-attribute-breakout") {
      // Links that passed the allowlist are set as attribute values, whole.
      await expect(card.locator("[part=show]")).toHaveAttribute("href", OK_HREFS.show);
      await expect(card.locator("img.artwork")).toHaveAttribute("src", OK_HREFS.artwork);
      const listen = await card.locator("[part=listen] a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      expect(listen, name).toEqual(OK_HREFS.listen);
      await expect(card.locator(".cta a")).toHaveAttribute("href", OK_HREFS.cta);
    }
  }
  if (spec.expect === "error") {
    // The alert names the problem; the data it quotes stays text, with
    // control and bidi characters shown as escapes.
    const alert = card.locator("[part=error]");
    await expect(alert).toHaveAttribute("role", "alert");
    await expect(alert).toContainText("This summary can't be shown.");
    await expect(alert).toContainText(spec.paths[0] + ": ");
    if (spec.url !== undefined) await expect(alert).toContainText("expected an absolute https: or http: URL, found the string");
    const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
    expect(await alert.evaluate((e, raw) => new RegExp(raw).test(e.textContent), raw.source), `${name}: raw control in the alert`).toBe(false);
  }
}

/**
 * Renders `names` through every embed form and render(), two pages in all,
 * and checks each card, the neighbour and the host page.
 */
async function runCorpus(p, server, names) {
  const docs = names.map((name) => {
    const text = readFileSync(DIR + name + ".json", "utf8");
    const doc = JSON.parse(text);
    const spec = DOCS[name];
    return { name, text, doc, spec, strings: spec.expect === "ready" ? dataStrings(doc) : [] };
  });
  const { seen, serve } = await trap(p, server);
  const check = async (d, host) => {
    const r = await p.evaluate(audit, { host, tags: TAGS, attrs: ATTRS, strings: d.strings });
    expect(r.problems, `${d.name} in #${host}`).toEqual([]);
    expect(r.state, `${d.name} in #${host}`).toBe(d.spec.expect);
    if (d.spec.expect === "ready" && !d.doc.episodes) expect(r.missing, `${d.name}: data not shown as text in #${host}`).toEqual([]);
    await expectDoc(p, d, host);
  };
  const id = names.length === 1 ? names[0] : "group-" + names.length + "-" + names[0];

  // a, b and d: the module page, then render() with the object and the text.
  const mod = modulePage(docs);
  serve(`/corpus-pages/${id}.html`, mod);
  await p.goto(`${server}/corpus-pages/${id}.html`);
  await p.evaluate(async (texts) => {
    const { render } = await import("/dist/summary-card.js");
    for (const [i, text] of texts.entries()) {
      await render(document.getElementById("api-object-" + i), JSON.parse(text));
      await render(document.getElementById("api-text-" + i), text);
    }
  }, docs.map((d) => d.text));
  const forms = ["by-src", "inline", "api-object", "api-text"];
  for (const [i, d] of docs.entries()) {
    for (const form of forms) {
      await expect(p.locator(`#${form}-${i}`)).toHaveAttribute("data-state", /^(ready|error)$/);
      await check(d, `${form}-${i}`);
    }
    if (d.spec.expect === "ready") {
      // The share menu is built from the data too.
      const card = p.locator(`#by-src-${i}`);
      await card.locator("[part=share-button]").first().click();
      await expect(card.locator("[part=share-menu]")).toBeVisible();
      await check(d, `by-src-${i}`);
      await p.keyboard.press("Escape");
    } else {
      await expect(p.locator(`#by-src-${i}`).getByRole("link", { name: "Fallback link" })).toBeVisible();
      const errors = await p.evaluate(async (text) => (await import("/dist/summary-card.js")).validate(text), d.text);
      expect(errors.map((e) => e.path), d.name).toEqual(d.spec.paths);
    }
  }
  await expect(p.locator("#seed")).toHaveAttribute("data-state", "ready");
  await expect(p.locator("#seed [part=title]")).toHaveText(SEED.title);
  const dom = await lightDom(p, mod);
  expect(dom.live, "the host page's own elements").toEqual(dom.served);
  await nothingRan(p, seen);

  // c: the classic page.
  const classic = classicPage(docs);
  serve(`/corpus-pages/${id}-classic.html`, classic);
  await p.goto(`${server}/corpus-pages/${id}-classic.html`);
  for (const [i, d] of docs.entries()) {
    for (const form of ["hook-src", "hook-inline"]) {
      await expect(p.locator(`#${form}-${i}`)).toHaveAttribute("data-state", /^(ready|error)$/);
      await check(d, `${form}-${i}`);
    }
  }
  await expect(p.locator("#seed")).toHaveAttribute("data-state", "ready");
  const classicDom = await lightDom(p, classic);
  expect(classicDom.live, "the host page's own elements").toEqual(classicDom.served);
  await nothingRan(p, seen);
}

// Each valid document on its own pages; the invalid ones (error views, all
// alike) share pages, half of them at a time.
const names = Object.keys(DOCS);
for (const name of names.filter((n) => n.startsWith("ok-"))) {
  test(`corpus ${name}`, async ({ page: p, server }) => runCorpus(p, server, [name]));
}
const bad = names.filter((n) => n.startsWith("bad-"));
const half = Math.ceil(bad.length / 2);
for (let i = 0; i < bad.length; i += half) {
  const group = bad.slice(i, i + half);
  test(`corpus ${group[0]} … ${group.at(-1)} (${group.length} invalid documents)`, async ({ page: p, server }) =>
    runCorpus(p, server, group));
}

test("a right-to-left override in one field cannot reorder the rest of the card", async ({ page: p, server }) => {
  const name = "ok-bidi-overrides";
  const text = readFileSync(DIR + name + ".json", "utf8");
  const { serve } = await trap(p, server);
  serve("/corpus-pages/bidi.html", modulePage([{ name, text }]));
  await p.goto(server + "/corpus-pages/bidi.html");
  await settle(p, ["seed", "by-src-0"]);
  const layout = (id) =>
    p.evaluate((id) => {
      const root = document.getElementById(id).shadowRoot;
      const box = (sel) => root.querySelector(sel).getBoundingClientRect();
      const guests = [...root.querySelectorAll("[part=guests] bdi")].map((b) => b.getBoundingClientRect());
      return {
        title: getComputedStyle(root.querySelector("[part=title]")).unicodeBidi,
        stats: root.querySelector("[part=stats]").textContent,
        durationLeft: box("[part=duration]").left,
        readLeft: box("[part=read-time]").left,
        guests: guests.map((g) => [g.left, g.right]),
        withLeft: (() => {
          const r = document.createRange();
          const t = root.querySelector("[part=guests]").firstChild;
          r.setStart(t, 0);
          r.setEnd(t, 4);
          return r.getBoundingClientRect().left;
        })(),
      };
    }, id);
  const seed = await layout("seed");
  const bidi = await layout("by-src-0");
  // The stats line reads the same way as the seed's: duration, then read time.
  expect(bidi.stats).toMatch(/^96 min episode · \d+ min read$/);
  expect(seed.durationLeft).toBeLessThan(seed.readLeft);
  expect(bidi.durationLeft).toBeLessThan(bidi.readLeft);
  // "with", then Mallory's (reversed) name, then "and", then Bob, left to right.
  const [mallory, bob] = bidi.guests;
  expect(bidi.withLeft).toBeLessThan(mallory[0]);
  expect(mallory[1]).toBeLessThan(bob[0]);
  // The title is its own isolated paragraph.
  expect(["isolate", "plaintext", "isolate-override"]).toContain(bidi.title);
});

test("the traps catch what they are meant to catch", async ({ page: p, server }) => {
  // Guards against a suite that passes because it looks at nothing: markup
  // forced into a rendered card by the test itself must trip each check.
  const name = "ok-text-img-onerror";
  const text = readFileSync(DIR + name + ".json", "utf8");
  const { seen, serve } = await trap(p, server);
  serve("/corpus-pages/self-test.html", modulePage([{ name, text }]));
  await p.goto(server + "/corpus-pages/self-test.html");
  await settle(p, ["by-src-0"]);
  await p.evaluate(
    ([html]) => {
      const root = document.getElementById("by-src-0").shadowRoot;
      root.querySelector("[part=covers] p").innerHTML = html;
      root.querySelector("[part=notable] p").innerHTML = '<a href="javascript:void 0">x</a><svg></svg>';
    },
    [TEXT_PAYLOADS["img-onerror"]],
  );
  const r = await p.evaluate(audit, { host: "by-src-0", tags: TAGS, attrs: ATTRS, strings: dataStrings(JSON.parse(text)) });
  expect(r.problems).toEqual(
    expect.arrayContaining([
      expect.stringContaining("attribute <img onerror="),
      "link to javascript:void 0",
      expect.stringMatching(/^element <svg>/),
      "2 images for 1 cards",
    ]),
  );
  await expect.poll(() => p.evaluate(() => window.__pwnedCalls)).toEqual(["img"]);
  expect(seen.requests).toEqual([server + "/corpus-pages/x"]);
});
