// The hostile-data corpus: documents written to attack the card, and what
// each must do. `node tests/corpus/corpus.mjs` (re)writes the JSON files
// beside this module; tests/e2e/hostile-data.spec.mjs checks that the files
// on disk are exactly what this module generates, then renders each through
// every embed form and render().
//
// File names say the outcome, so native tests can reuse the files without
// this module: `ok-*.json` must render (every payload shown as plain text),
// `bad-*.json` must fail validation with a clear message and render no link.
//
// Every payload is "execute-detectable": if any of it ran it would call
// window.__pwned(...) (the tests install a recorder before the page loads),
// open a dialog, or request a URL on evil.example.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const P = (tag) => `__pwned('${tag}')`;

/** Markup and script payloads for text fields: each must show as literal text. */
export const TEXT_PAYLOADS = {
  script: `<script>${P("script")}</script>`,
  "img-onerror": `<img src=x onerror="${P("img")}">`,
  "attr-breakout": `"><svg onload=${P("breakout-dq")}>'><img src=x onerror=${P("breakout-sq")}>`,
  "close-host": `</summary-card></div><script>${P("close-host")}</script><summary-card>`,
  "close-script": `</script><script>${P("close-script")}</script><!--<script>`,
  svg: `<svg xmlns="http://www.w3.org/2000/svg"><script>${P("svg-script")}</script><a xlink:href="javascript:${P("xlink")}"><text>x</text></a><animate onbegin="${P("animate")}" attributeName="x" dur="1s"/></svg>`,
  mathml: `<math><mtext><table><mglyph><style><img src=x onerror="${P("mxss")}"></style></mglyph></table></mtext><maction actiontype="statusline" xlink:href="javascript:${P("maction")}">x</maction></math>`,
  "iframe-style": `<iframe srcdoc="<script>parent.${P("srcdoc")}</script>"></iframe><style>@import "https://evil.example/x.css";</style><div style="background:url(javascript:${P("css")})">`,
  entities: `&lt;script&gt;${P("entity")}&lt;/script&gt; &#60;img src=x onerror=${P("entity-img")}&#62; &amp;amp;`,
  templates: `{{constructor.constructor("${P("angular")}")()}} \${${P("template-literal")}} <%= ${P("erb")} %> #{${P("ruby")}}`,
  "url-as-text": `javascript:${P("text-url")} data:text/html,<script>${P("text-data")}</script>`,
  controls: `NUL\u0000 ESC\u001b[2J BEL\u0007 DEL\u007f C1\u0085\u009b ZWJ\u200d BOM\ufeff LS\u2028 PS\u2029 end`,
};

/** Links that pass the allowlist but try to break out of the attribute. */
const OK_URLS = {
  url: `HTTPS://OK.EXAMPLE/episode?q="onfocus="${P("url")}`,
  show: { url: ` \thttps://ok.example/sh\now'onmouseover='${P("show")} `, artwork: `https://ok.example/art.png?"onerror="${P("art")}` },
  listen: [
    `https://ok.example/"onmouseover="${P("listen-dq")}`,
    `https://ok.example/<script>${P("listen-tag")}</script>`,
    `http://ok.example/#javascript:${P("listen-frag")}`,
  ],
  cta: `MAILTO:hello@ok.example?subject=<img src=x onerror=${P("cta")}>`,
};

/** What the validated URLs must become in href/src (scheme case-folded, trimmed, tabs and newlines removed). */
export const OK_HREFS = {
  show: `https://ok.example/show'onmouseover='${P("show")}`,
  artwork: OK_URLS.show.artwork,
  listen: OK_URLS.listen,
  cta: `mailto:hello@ok.example?subject=<img src=x onerror=${P("cta")}>`,
};

/** A complete card with `text` in every text field and tricky-but-valid links. */
function textCard(text) {
  return {
    version: 1,
    id: "hostile",
    url: OK_URLS.url,
    show: { name: text, url: OK_URLS.show.url, artwork: OK_URLS.show.artwork },
    title: text,
    guests: [text, "Second guest"],
    published: "2025-11-25",
    duration: "1:36:00",
    topics: [text, "Plain topic"],
    ai_generated: true,
    takeaways: [
      { title: text, text },
      { title: "Plain title", text: "Plain text around " + text + " and after" },
    ],
    covers: text,
    questions: [{ title: text, text }],
    notable_moment: text,
    listen: OK_URLS.listen.map((url, i) => ({ label: i === 0 ? text : "Listen " + i, url })),
    cta: { text, url: OK_URLS.cta },
  };
}

/** Schemes and forms that must never become a link or an image source. */
export const BAD_URLS = {
  javascript: `javascript:${P("js")}`,
  "javascript-upper": `JAVASCRIPT:${P("JS")}`,
  "javascript-whitespace": ` \tjava\nscript:${P("ws")}`,
  "javascript-control": `\u0001\u0000javascript:${P("ctl")}`,
  "javascript-nul-inside": `java\u0000script:${P("nul")}`,
  "javascript-hex-entity": `jav&#x61;script:${P("hex")}`,
  "javascript-dec-entity": `&#106;avascript:${P("dec")}`,
  "javascript-named-entity": `javascript&colon;${P("colon")}`,
  "javascript-fullwidth": `ｊａｖａｓｃｒｉｐｔ：${P("fullwidth")}`,
  "javascript-slashes": `javascript://ok.example/%0a${P("slashes")}`,
  "data-html": `data:text/html,<script>${P("data")}</script>`,
  "data-svg": `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="${P("data-svg")}"/>`,
  vbscript: `vbscript:msgbox("${P("vb")}")`,
  "protocol-relative": "//evil.example/x",
  relative: "/relative/evil",
  "bare-host": "evil.example/x",
  "one-slash": "https:/evil.example/x",
  backslashes: "https:\\\\evil.example\\x",
  "empty-host": "https://",
  // Links no browser can parse (issue 16): dead links, never shown.
  "port-range": "https://evil.example:99999/x",
  "ipv6-unclosed": "https://[::1/x",
  "host-bad-escape": "https://evil%zz.example/x",
  ftp: "ftp://evil.example/x",
  file: "file:///etc/passwd",
  blob: "blob:https://evil.example/0f0f0f0f-0000-0000-0000-000000000000",
  "bidi-in-url": "https://ok.example/\u202Egpj.exe",
  "mailto-outside-cta": "mailto:evil@evil.example",
};

/** The paths a bad URL must be reported at: every URL field (mailto: is fine for cta.url). */
export function badUrlPaths(name) {
  const all = ["url", "show.url", "show.artwork", "listen[0].url", "cta.url"];
  return name === "mailto-outside-cta" ? all.filter((p) => p !== "cta.url") : all;
}

function badUrlCard(url) {
  return {
    version: 1,
    url,
    show: { name: "Show", url, artwork: url },
    title: "Every link here is hostile",
    takeaways: [{ title: "Still", text: "Nothing here may become a link." }],
    listen: [{ label: "Listen", url }],
    cta: { text: "Subscribe", url },
  };
}

/** `__proto__`, `constructor` and `prototype` at several levels: unknown fields, ignored. */
function protoCard() {
  const evil = () => ({
    polluted: 1,
    title: `<img src=x onerror=${P("proto")}>`,
    url: `javascript:${P("proto-url")}`,
    takeaways: [{ text: "from the prototype" }],
  });
  const ctor = () => ({ prototype: { polluted: 1 }, name: "evil" });
  return {
    ["__proto__"]: evil(),
    constructor: ctor(),
    prototype: { polluted: 1 },
    hasOwnProperty: "not a function",
    toString: "not a function",
    valueOf: 1,
    version: 1,
    title: "Prototype keys are only unknown fields",
    show: { name: "Show", ["__proto__"]: evil(), constructor: ctor() },
    guests: ["Guest"],
    takeaways: [
      { text: "First", ["__proto__"]: evil(), constructor: ctor(), prototype: { polluted: 1 } },
      { title: "__proto__", text: "constructor" },
    ],
    questions: [{ text: "Q", ["__proto__"]: { title: "polluted question" } }],
    listen: [{ label: "Listen on ok.example", url: "https://ok.example/l", ["__proto__"]: evil(), constructor: ctor() }],
    cta: { text: "Subscribe", url: "https://ok.example/c", ["__proto__"]: { polluted: 1 }, constructor: ctor() },
  };
}

function protoCollection() {
  return {
    ["__proto__"]: { polluted: 1, episodes: [] },
    constructor: { prototype: { polluted: 1 } },
    version: 1,
    episodes: [protoCard(), { title: "Second", takeaways: [{ text: "x" }], ["__proto__"]: { polluted: 1 } }],
  };
}

const RLO = "\u202E", LRO = "\u202D", RLE = "\u202B", LRI = "\u2066", RLI = "\u2067", FSI = "\u2068", RLM = "\u200F", ALM = "\u061C";

/** Unterminated bidi overrides and isolates in every text field. */
function bidiCard() {
  return {
    version: 1,
    url: "https://ok.example/bidi",
    show: { name: LRI + "show name, isolate never closed", url: "https://ok.example/show" },
    title: RLO + "reversed title",
    guests: [RLO + "Mallory", "Bob"],
    duration: "1:36:00",
    topics: [RLI + "rli topic", RLE + "embedded topic"],
    takeaways: [
      { title: LRO + "forced LTR", text: RLO + "override in a takeaway " + FSI + "and an isolate" },
      { title: RLM + "mark", text: ALM + "Arabic letter mark" },
    ],
    covers: RLO + "covers",
    questions: [{ title: RLO + "question", text: RLE + "embedding" }],
    notable_moment: RLO + "notable",
    listen: [{ label: RLO + "listen", url: "https://ok.example/listen" }],
    cta: { text: RLO + "subscribe", url: "https://ok.example/cta" },
  };
}

/** A collection whose shared show name is hostile: it ends up in the list's heading. */
function collection() {
  const ep = (n) => ({
    ...textCard(TEXT_PAYLOADS.script),
    id: "ep-" + n,
    show: { name: RLO + TEXT_PAYLOADS["img-onerror"], url: "https://ok.example/show" },
  });
  return { version: 1, episodes: [ep(1), ep(2)] };
}

/** Invalid documents whose error messages quote hostile data. */
function quotedInErrors() {
  return {
    version: `<svg onload=${P("version")}>`,
    id: `"><img src=x onerror=${P("id")}>`,
    title: ["<script>", P("title-array")],
    guests: `<img src=x onerror=${P("guests")}>` + RLO + "reversed",
    published: RLO + `<script>${P("date")}</script>`,
    duration: `<svg onload=${P("duration")}>`,
    takeaways: [{ title: 1, text: `\u001b[2J\u001b]0;${P("terminal")}\u0007` + RLO }],
    ai_generated: `<math><maction actiontype="statusline">${P("ai")}</maction></math>`,
  };
}

/** name -> { doc, expect: "ready" | "error", paths?: [...] }. */
export function corpus() {
  const out = {};
  for (const [name, text] of Object.entries(TEXT_PAYLOADS)) {
    out["ok-text-" + name] = { doc: textCard(text), expect: "ready", text };
  }
  out["ok-urls-attribute-breakout"] = { doc: textCard("Links that try to break out of their attribute"), expect: "ready" };
  out["ok-proto-keys"] = { doc: protoCard(), expect: "ready" };
  out["ok-proto-keys-collection"] = { doc: protoCollection(), expect: "ready" };
  out["ok-bidi-overrides"] = { doc: bidiCard(), expect: "ready" };
  out["ok-collection-hostile-show"] = { doc: collection(), expect: "ready" };
  for (const [name, url] of Object.entries(BAD_URLS)) {
    out["bad-url-" + name] = { doc: badUrlCard(url), expect: "error", paths: badUrlPaths(name), url };
  }
  out["bad-quoted-in-errors"] = {
    doc: quotedInErrors(),
    expect: "error",
    paths: ["version", "id", "title", "guests", "published", "duration", "takeaways[0].title", "ai_generated"],
  };
  return out;
}

/**
 * The file text for a document. (`["__proto__"]: x` above is a computed key:
 * an own member that JSON.stringify writes out, where a plain `__proto__: x`
 * would set the literal's prototype and vanish from the file.)
 */
export function fileText(doc) {
  // Invisible characters are written as \u escapes, so the files can be read
  // (and reviewed) without a bidi override reordering the JSON itself.
  const invisible = /[\u0080-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
  const hex = (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0");
  return JSON.stringify(doc, null, 2).replace(invisible, hex) + "\n";
}

export const DIR = fileURLToPath(new URL(".", import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, { doc }] of Object.entries(corpus())) writeFileSync(DIR + name + ".json", fileText(doc));
  console.log("wrote " + Object.keys(corpus()).length + " documents to " + DIR);
}

/** The committed file for `name`. */
export function readDoc(name) {
  return readFileSync(DIR + name + ".json", "utf8");
}
