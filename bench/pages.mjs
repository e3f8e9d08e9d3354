// The benchmark pages, generated per implementation: `impl` is "ours"
// (<summary-card> from /dist/) or "base" (<baseline-card> from
// /bench/baseline/). Both get byte-for-byte the same page apart from the tag
// name and the script URL. Served by bench/server.mjs at
// /bench/pages/<name>.html?impl=ours|base.
import { readFileSync } from "node:fs";

const SEED_TEXT = readFileSync(new URL("../www/episodes/ilya.json", import.meta.url), "utf8");
export const SEED = JSON.parse(SEED_TEXT);

export const IMPLS = {
  ours: { tag: "summary-card", module: "/dist/summary-card.js", files: /^\/dist\// },
  base: { tag: "baseline-card", module: "/bench/baseline/card.js", files: /^\/bench\/baseline\// },
};

/** Episode `i` (0 = the seed itself): a distinct id and title. */
export function episode(i) {
  if (i === 0) return SEED;
  return { ...SEED, id: SEED.id + "-" + i, title: SEED.title + " (part " + (i + 1) + ")" };
}

/** JSON safe inside <script>. */
const inline = (data) => JSON.stringify(data).replace(/</g, "\\u003c");

const STYLE = `body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#222;background:#fafafa}
main{max-width:760px;margin:0 auto;padding:24px 16px}
main>*{margin:0 0 24px}`;

function page(impl, title, body, { head = "" } = {}) {
  const { module } = IMPLS[impl];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>bench: ${title} (${impl})</title>
<style>${STYLE}</style>
${head}<script type="module" src="${module}"></script>
</head>
<body>
<main>
<h1>${title}</h1>
<p>A page with podcast summary cards, for the benchmark.</p>
${body}
</main>
</body>
</html>
`;
}

function inlineCards(impl, n) {
  const { tag } = IMPLS[impl];
  let out = "";
  for (let i = 0; i < n; i++) out += `<${tag}><script type="application/json">${inline(episode(i))}</script></${tag}>\n`;
  return out;
}

function srcCards(impl, n) {
  const { tag } = IMPLS[impl];
  let out = "";
  for (let i = 0; i < n; i++) out += `<${tag} src="/bench/data/episode.json?i=${i}"></${tag}>\n`;
  return out;
}

const PROSE = `<p>This paragraph follows the card. If the card's loading state does not
reserve the card's space, this text jumps down when the card arrives: a
layout shift.</p>
<p>More text after the card, so that the shift is visible in the first
screenful. Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do
eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>`;

/** The CLI's static HTML of the seed (`summary-card render`), for the pre-rendered row. */
let staticCard = null;
export const setStaticCard = (html) => (staticCard = html);

/** name → (impl, query) → HTML. */
export const PAGES = {
  /** One card, data inline. */
  "one": (impl) => page(impl, "One card", inlineCards(impl, 1)),
  /** 100 cards, data inline. */
  "hundred": (impl) => page(impl, "100 cards", inlineCards(impl, 100)),
  /** 1,000 cards in a long page, data inline. */
  "thousand": (impl) => page(impl, "1,000 cards", inlineCards(impl, 1000)),
  /** 1,000 cards in a long page, each with its own `src`. */
  "thousand-src": (impl) => page(impl, "1,000 src cards", srcCards(impl, 1000)),
  /**
   * Text after a `src` card whose data takes `delay` ms (default 300) to
   * arrive; `reserve=1` adds the page rule the README recommends to reserve
   * the card's space from the first paint.
   */
  "cls": (impl, q) => {
    const { tag } = IMPLS[impl];
    const delay = Number(q.get("delay") ?? 300);
    const head = q.get("reserve") === "1" ? `<style>${tag}:not([data-state=ready]){display:block;min-height:min(100vh,1200px)}</style>\n` : "";
    return page(impl, "Text after a src card", `<${tag} src="/bench/data/episode.json?delay=${delay}"></${tag}>\n${PROSE}`, { head });
  },
  /**
   * A bare page (no page styles, no heading above): one card with a fallback
   * link, then text. `form`: a (module + `src` element, the default), b
   * (module + inline JSON) or c (embed.js + `[data-summary-card]` hook; the
   * baseline has no classic loader or hook, so its page is form a's).
   * `delay`: ms before a `src` answers (default 300); `reserve=1` adds the
   * README's page rule; `static=1` puts the CLI's pre-rendered card (set by
   * the runner, setStaticCard) in place of the element (form b, inline data).
   */
  "cls-bare": (impl, q) => {
    const { tag, module } = IMPLS[impl];
    const form = impl === "base" && q.get("form") === "c" ? "a" : q.get("form") || "a";
    const url = `/bench/data/episode.json?delay=${Number(q.get("delay") ?? 300)}`;
    const fallback = `<a href="${url}">Read the episode summary</a>`;
    let head = q.get("reserve") === "1" ? `<style>${tag}:not([data-state=ready]),[data-summary-card]:not([data-state=ready]){display:block;min-height:min(100vh,1200px)}</style>\n` : "";
    let card, tail = "";
    if (q.get("static") === "1") {
      if (!staticCard) throw new Error("no pre-rendered card: the runner sets it (setStaticCard)");
      card = staticCard.replace(/<(\/?)summary-card\b/g, "<$1" + tag);
    } else if (form === "b") card = `<${tag}><script type="application/json">${inline(SEED)}</script>${fallback}</${tag}>`;
    else if (form === "c") card = `<div data-summary-card="${url}">${fallback}</div>`;
    else card = `<${tag} src="${url}">${fallback}</${tag}>`;
    if (form === "c") tail = `<script async src="/dist/embed.js"></script>\n`;
    else head += `<script type="module" src="${module}"></script>\n`;
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>bench: a bare page (${impl})</title>
${head}</head>
<body>
${card}
${PROSE}
${PROSE}
${tail}</body>
</html>
`;
  },
  /** An empty page whose module drives render()/destroy() cycles: window.__cycles(n). */
  "memory": (impl) =>
    page(impl, "render()/destroy() cycles", `<div id="box"></div>
<script type="application/json" id="data">${inline(SEED)}</script>
<script type="module">
import { render } from "${IMPLS[impl].module}";
const data = JSON.parse(document.getElementById("data").textContent);
const box = document.getElementById("box");
window.__cycles = async (n) => {
  for (let i = 0; i < n; i++) {
    const el = document.createElement("div");
    box.append(el);
    const card = await render(el, data);
    if (el.getAttribute("data-state") !== "ready") throw new Error("a card did not render: " + el.getAttribute("data-state"));
    card.destroy();
    el.remove();
  }
};
window.__cyclesReady = true;
</script>`),
};

/** The list of pages, for the server's index. */
export function index() {
  const links = Object.keys(PAGES)
    .flatMap((name) => Object.keys(IMPLS).map((impl) => `<li><a href="/bench/pages/${name}.html?impl=${impl}">${name} (${impl})</a></li>`))
    .join("\n");
  return `<!doctype html><meta charset="utf-8"><title>bench pages</title><h1>Benchmark pages</h1><ul>\n${links}\n</ul>\n`;
}
