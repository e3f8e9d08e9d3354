// `npm run bench`: summary-card against the vanilla-JS baseline
// (bench/baseline/card.js), in Debian's Chromium, headless, through
// playwright-core. Every scenario runs on the same generated page for both
// implementations (bench/pages.mjs), alternating which goes first, in a fresh
// browser context each time (a first visit: nothing cached), RUNS times
// (default 10); the table shows medians. Prints one markdown table and writes
// bench/RESULTS.md.
//
// Environment: RUNS (timed page loads per scenario and implementation,
// default 10), MEM_RUNS (runs of 3,000 render()/destroy() cycles per
// implementation, default RUNS),
// CHROMIUM_PATH (default /usr/bin/chromium), RESULTS (where to write, default
// bench/RESULTS.md; "-" for nowhere), SCENARIOS (a comma list of one,
// hundred, thousand, src, cls, memory: only those; default all), FIRST_CARD_BEFORE
// (the 100-card page's first card time before issue 17, ms, for its target), DIST
// (the widget's files from another directory than dist/, e.g. an older build).
import { chromium } from "playwright-core";
import { gzipSync, brotliCompressSync, constants as zlib } from "node:zlib";
import { transform } from "esbuild";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { serve } from "./server.mjs";
import { IMPLS, setStaticCard } from "./pages.mjs";

const RUNS = Math.max(1, Number(process.env.RUNS || 10));
const MEM_RUNS = Math.max(1, Number(process.env.MEM_RUNS || RUNS));
const RESULTS = process.env.RESULTS ?? fileURLToPath(new URL("RESULTS.md", import.meta.url));
const VIEWPORT = { width: 1280, height: 720 };
const CHECKPOINTS = [200, 2000, 3000];
/** 100 cards, the first card's ready time before issue 17 (median, 5 runs of commit 133a211, load average about 2). */
const FIRST_CARD_BEFORE = Number(process.env.FIRST_CARD_BEFORE || NaN);
/** The `src` page counts requests until none has come for this long. */
const QUIET_MS = 500;
const started = Date.now();
/** SCENARIOS=one,hundred,thousand,src,cls,memory (default all): a partial run, while iterating. */
const SCENARIOS = process.env.SCENARIOS ? process.env.SCENARIOS.split(",") : null;
const want = (name) => !SCENARIOS || SCENARIOS.includes(name);
const log = (...a) => console.error(...a);

// ---- what every timed page gets before its own scripts ---------------------

/** Ready times (performance.now(), i.e. since navigation start), long tasks and layout shifts. */
function instrument() {
  const b = (window.__bench = { ready: [], readyAt: new WeakMap(), errors: [], lt: [], loaf: [], shifts: [], waiter: null });
  addEventListener(
    "summary-card:ready",
    (e) => {
      const t = performance.now();
      b.ready.push(t);
      b.readyAt.set(e.target, t);
      b.waiter?.();
    },
    true,
  );
  addEventListener(
    "summary-card:error",
    (e) => {
      b.errors.push(String(e.detail?.errors?.[0]?.message));
      b.waiter?.();
    },
    true,
  );
  const observe = (type, f) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(f)).observe({ type, buffered: true });
    } catch {}
  };
  observe("longtask", (e) => b.lt.push([e.startTime, e.duration]));
  // Long animation frames also count the style, layout and paint that follow the tasks.
  observe("long-animation-frame", (e) => b.loaf.push([e.startTime, e.duration, e.blockingDuration]));
  observe("layout-shift", (e) => e.hadRecentInput || b.shifts.push([e.startTime, e.value]));
  /** Resolves true when `n` cards are ready, false on an error or after `ms`. */
  b.until = (n, ms) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      b.waiter = () => {
        if (b.errors.length) resolve(false);
        else if (b.ready.length >= n) (clearTimeout(timer), resolve(true));
      };
      b.waiter();
    });
  /** Two frames and `ms` of quiet, so that long tasks and shifts are reported. */
  b.settle = (ms) => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, ms))));
  /** Cards on the page, how many intersect the viewport, and when the last of those got ready. */
  b.screen = (tag) => {
    const hosts = [...document.querySelectorAll(tag)];
    const seen = hosts.filter((h) => {
      const r = h.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight && r.height > 0;
    });
    const times = seen.map((h) => b.readyAt.get(h));
    return {
      hosts: hosts.length,
      visible: seen.length,
      visibleReady: times.filter((t) => t !== undefined).length,
      first: times.length && times.every((t) => t !== undefined) ? Math.max(...times) : null,
      scrollY,
    };
  };
}

/** The wasm instance's memory, kept by a spy around WebAssembly.instantiate(Streaming). */
function wasmSpy() {
  window.__memories = [];
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    if (!original) continue;
    WebAssembly[name] = (...args) =>
      original.apply(WebAssembly, args).then((r) => {
        const instance = r instanceof WebAssembly.Instance ? r : r.instance;
        const memory = instance?.exports?.memory;
        if (memory instanceof WebAssembly.Memory) window.__memories.push(memory);
        return r;
      });
  }
  window.__wasmBytes = () => window.__memories.reduce((n, m) => n + m.buffer.byteLength, 0);
}

// ---- statistics and formatting ---------------------------------------------

function median(xs) {
  const v = xs.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}
const ms = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) + " ms" : "n/a");
const kb = (x) => (Number.isFinite(x) ? (x / 1000).toFixed(1) + " KB" : "n/a");
const mb = (x) => (Number.isFinite(x) ? (x / 1e6).toFixed(2) + " MB" : "n/a");
const int = (x) => (Number.isFinite(x) ? String(Math.round(x)) : "n/a");
const signed = (f) => (x) => (Number.isFinite(x) && x > 0 ? "+" : "") + f(x);
const bytes = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") + " B" : "n/a");
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) + "×" : "—");

// ---- scenarios ------------------------------------------------------------

let browser, server;

async function context(init) {
  const ctx = await browser.newContext({ viewport: VIEWPORT });
  await ctx.addInitScript(init);
  const page = await ctx.newPage();
  page.on("pageerror", (e) => log("  page error:", e.message));
  return { ctx, page };
}

const pageUrl = (name, impl, query = "") => `${server.url}/bench/pages/${name}.html?impl=${impl}${query}`;

/** Loads a page of `n` inline cards; times to ready, first screenful, long tasks, layout shifts. */
async function loadCards(name, impl, n, { sizes = false } = {}) {
  const { ctx, page } = await context(instrument);
  const bodies = [];
  if (sizes) {
    page.on("response", (r) => {
      const path = new URL(r.url()).pathname;
      if (IMPLS[impl].files.test(path)) bodies.push(r.body().then((b) => ({ path, bytes: b })));
    });
  }
  try {
    await page.goto(pageUrl(name, impl), { waitUntil: "commit", timeout: 120_000 });
    const ok = await page.evaluate((n) => window.__bench.until(n, 120_000), n);
    await page.evaluate(() => window.__bench.settle(300));
    const r = await page.evaluate((tag) => {
      const b = window.__bench;
      const nav = performance.getEntriesByType("navigation")[0];
      return { ready: b.ready.slice(), errors: b.errors, lt: b.lt, loaf: b.loaf, shifts: b.shifts, screen: b.screen(tag), parsed: nav?.domInteractive };
    }, IMPLS[impl].tag);
    if (!ok || r.errors.length) throw new Error(`${name}/${impl}: ${r.ready.length} of ${n} ready; errors: ${r.errors.join("; ")}`);
    if (r.screen.scrollY !== 0) log(`  warning: ${name}/${impl} scrolled to ${r.screen.scrollY}; first screenful is off`);
    const all = Math.max(...r.ready);
    return {
      all,
      firstCard: Math.min(...r.ready),
      first: r.screen.first,
      parsed: r.parsed,
      allPainted: painted(r.loaf, all),
      firstPainted: painted(r.loaf, r.screen.first),
      visible: r.screen.visible,
      tbt: r.lt.reduce((s, [, d]) => s + Math.max(0, d - 50), 0),
      maxTask: r.lt.reduce((m, [, d]) => Math.max(m, d), 0),
      tasks: r.lt.length,
      maxFrame: r.loaf.reduce((m, [, d]) => Math.max(m, d), 0),
      loafBlocking: r.loaf.reduce((s, [, , b]) => s + b, 0),
      cls: r.shifts.reduce((s, [, v]) => s + v, 0),
      files: sizes ? await Promise.all(bodies) : null,
    };
  } finally {
    await ctx.close();
  }
}

/**
 * When what changed at time `t` was on screen, about: the end of the long
 * animation frame whose tasks include `t` (its style, layout and paint come
 * last), else `t` itself (that frame took under 50 ms).
 */
function painted(loaf, t) {
  if (t === null || !Number.isFinite(t)) return NaN;
  let end = t;
  for (const [start, duration] of loaf) if (start <= t && t <= start + duration) end = Math.max(end, start + duration);
  return end;
}

/** 1,000 `src` cards: JSON requests before any scrolling, then one far card scrolled into view. */
async function srcCards(impl) {
  const { ctx, page } = await context(instrument);
  const tag = IMPLS[impl].tag;
  let requests = 0;
  let lastRequest = Date.now();
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/bench/data/episode.json") (requests++, (lastRequest = Date.now()));
  });
  try {
    await page.goto(pageUrl("thousand-src", impl), { waitUntil: "commit", timeout: 120_000 });
    // Until the first screenful is ready and no JSON has been requested for QUIET_MS.
    const deadline = Date.now() + 60_000;
    let screen;
    for (;;) {
      screen = await page.evaluate((tag) => window.__bench.screen(tag), tag);
      const errors = await page.evaluate(() => window.__bench.errors);
      if (errors.length) throw new Error(`thousand-src/${impl}: ${errors.join("; ")}`);
      if (screen.first !== null && screen.visible > 0 && Date.now() - lastRequest > QUIET_MS) break;
      if (Date.now() > deadline) throw new Error(`thousand-src/${impl}: the first screenful never got ready`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const before = requests;
    const readyBefore = await page.evaluate(() => window.__bench.ready.length);
    // Scroll card #500 into view: how long until it is ready?
    const far = await page.evaluate((tag) => {
      const host = document.querySelectorAll(tag)[499];
      const t0 = performance.now();
      host.scrollIntoView();
      if (host.getAttribute("data-state") === "ready") return 0;
      return new Promise((resolve) => {
        host.addEventListener("summary-card:ready", () => resolve(performance.now() - t0), { once: true });
        setTimeout(() => resolve(null), 15_000);
      });
    }, tag);
    return { requests: before, readyBefore, first: screen.first, far: far ?? NaN };
  } finally {
    await ctx.close();
  }
}

/** A `src` card followed by text: cumulative layout shift. */
async function cls(impl, query = "", name = "cls") {
  const { ctx, page } = await context(instrument);
  try {
    await page.goto(pageUrl(name, impl, query), { waitUntil: "commit" });
    const ok = await page.evaluate(() => window.__bench.until(1, 30_000));
    await page.evaluate(() => window.__bench.settle(500));
    const shifts = await page.evaluate(() => window.__bench.shifts);
    if (!ok) throw new Error(`cls/${impl}: the card did not get ready`);
    return { cls: shifts.reduce((s, [, v]) => s + v, 0), shifts: shifts.length };
  } finally {
    await ctx.close();
  }
}

/** 3,000 render()/destroy() cycles; JS heap after GC, wasm memory, DOM counters at each checkpoint. */
async function memory(impl) {
  const { ctx, page } = await context(wasmSpy);
  try {
    const cdp = await ctx.newCDPSession(page);
    await page.goto(pageUrl("memory", impl));
    await page.waitForFunction(() => window.__cyclesReady === true);
    const measure = async () => {
      await cdp.send("HeapProfiler.collectGarbage");
      await cdp.send("HeapProfiler.collectGarbage");
      const { usedSize } = await cdp.send("Runtime.getHeapUsage");
      const { nodes, jsEventListeners } = await cdp.send("Memory.getDOMCounters");
      return { heap: usedSize, wasm: await page.evaluate(() => window.__wasmBytes()), nodes, listeners: jsEventListeners };
    };
    const at = { 0: await measure() };
    let done = 0;
    for (const n of CHECKPOINTS) {
      const t0 = Date.now();
      await page.evaluate((k) => window.__cycles(k), n - done);
      at[n] = { ...(await measure()), msPerCycle: (Date.now() - t0) / (n - done) };
      done = n;
    }
    return at;
  } finally {
    await ctx.close();
  }
}

/** The baseline must show the very markup our card shows. */
async function parity() {
  const html = {};
  for (const impl of Object.keys(IMPLS)) {
    const { ctx, page } = await context(instrument);
    await page.goto(pageUrl("one", impl));
    await page.evaluate(() => window.__bench.until(1, 30_000));
    html[impl] = await page.evaluate((tag) => document.querySelector(tag).shadowRoot.innerHTML, IMPLS[impl].tag);
    await ctx.close();
  }
  return html.ours === html.base;
}

function compressed(files) {
  let raw = 0, gzip = 0, brotli = 0;
  const each = [];
  for (const { path, bytes } of files) {
    const g = gzipSync(bytes, { level: 9 }).length;
    const b = brotliCompressSync(bytes, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length;
    raw += bytes.length;
    gzip += g;
    brotli += b;
    each.push({ path, raw: bytes.length, gzip: g, brotli: b });
  }
  return { raw, gzip, brotli, each };
}

/** Whether `js` (esbuild output) holds `css` as its string literal. */
function bundles(js, css) {
  const i = js.indexOf(css.slice(0, 24));
  const quote = js[i - 1];
  if (i < 1 || !"`'\"".includes(quote)) return false;
  let j = i;
  while (j < js.length && js[j] !== quote) j += js[j] === "\\" ? 2 : 1;
  try {
    return Function(`return ${quote}${js.slice(i, j)}${quote}`)() === css;
  } catch {
    return false;
  }
}

// ---- the run ----------------------------------------------------------------

// A snapshot of dist/ and src/card.css, so that a rebuild during the run
// (others work in this checkout) cannot mix two builds in one table.
const top = fileURLToPath(new URL("..", import.meta.url));
const snapshot = mkdtempSync(join(os.tmpdir(), "summary-card-bench-"));
cpSync(process.env.DIST || join(top, "dist"), join(snapshot, "dist"), { recursive: true });
// The baseline, minified as scripts/build.mjs minifies dist/ (esbuild), so
// that the sizes compare like with like; its stylesheet is src/card.css.
mkdirSync(join(snapshot, "baseline"));
const css = readFileSync(join(top, "src", "card.css"), "utf8");
const baselineJs = readFileSync(join(top, "bench", "baseline", "card.js"), "utf8");
const cssMin = (await transform(css, { loader: "css", minify: true })).code;
writeFileSync(join(snapshot, "baseline", "card.css"), cssMin);
writeFileSync(join(snapshot, "baseline", "card.js"), (await transform(baselineJs, { loader: "js", format: "esm", minify: true, legalComments: "none" })).code);
const digest = createHash("sha256");
for (const f of readdirSync(join(snapshot, "dist"), { recursive: true }).sort()) {
  const path = join(snapshot, "dist", f);
  if (statSync(path).isFile()) digest.update(f).update(readFileSync(path));
}
const distHash = digest.digest("hex").slice(0, 12);
const ourJs = readFileSync(join(snapshot, "dist", "summary-card.js"), "utf8");
const sameCss = bundles(ourJs, cssMin) || bundles(ourJs, css);
let commit = "unknown";
try {
  commit = execFileSync("git", ["-C", top, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  const dirty = execFileSync("git", ["-C", top, "status", "--porcelain", "--", "js", "src", "Cargo.toml", "scripts/build.mjs"], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((l) => "`" + l.slice(3) + "`");
  if (dirty.length) commit += " plus uncommitted changes to " + dirty.join(", ");
} catch {}
if (process.env.DIST) commit = "(DIST=" + process.env.DIST + ", not this checkout's dist/)";
if (!sameCss) log("bench: warning: src/card.css (minified) is not the CSS inside dist/summary-card.js (rebuild?); the baseline uses src/card.css");

// The CLI's pre-rendered card of the seed, for the bare page's pre-rendered row.
try {
  setStaticCard(execFileSync("cargo", ["run", "--quiet", "--bin", "summary-card", "--", "render", "www/episodes/ilya.json"], { cwd: top, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }));
} catch (e) {
  log("bench: could not render the static card (cargo run): " + e.message);
}

server = await serve(0, "127.0.0.1", { dist: join(snapshot, "dist"), baseline: join(snapshot, "baseline") });
browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
const loadAtStart = os.loadavg()[0];
const results = { ours: {}, base: {} };
const push = (impl, key, value) => (results[impl][key] ??= []).push(value);
/** ours/baseline of the same run (the two loads ran back to back, under about the same load). */
const paired = {};
const pair = (key, got) => {
  if (Number.isFinite(got.ours?.[key]) && Number.isFinite(got.base?.[key]) && got.base[key] > 0) (paired[key] ??= []).push(got.ours[key] / got.base[key]);
};
const failures = [];
/** Seconds spent per scenario, for the progress log. */
const spent = {};
/** Runs one measurement; a failure is logged and counted, and the run goes on. */
async function attempt(what, f) {
  const t0 = Date.now();
  try {
    return await f();
  } catch (e) {
    failures.push(what + ": " + String(e.message).split("\n")[0]);
    log("  failed: " + failures.at(-1));
    return null;
  } finally {
    const k = what.split("/")[0];
    spent[k] = (spent[k] ?? 0) + (Date.now() - t0) / 1000;
  }
}
let same, files;
/** The bare page's CLS rows: key, query. */
const BARE = [
  ["bare.a", "&form=a"],
  ["bare.b", "&form=b"],
  ["bare.c", "&form=c"],
  ["bare.reserve", "&form=a&reserve=1"],
  ["bare.static", "&static=1"],
];

try {
  same = await attempt("parity", parity);
  log(`bench: baseline markup ${same ? "is identical to" : "DIFFERS from"} summary-card's; ${RUNS} runs, ${MEM_RUNS} memory runs`);
  files = {};
  for (let run = 0; run < RUNS; run++) {
    const order = run % 2 ? ["base", "ours"] : ["ours", "base"];
    let got = {};
    for (const impl of want("one") ? order : []) {
      const one = await attempt(`one/${impl}`, () => loadCards("one", impl, 1, { sizes: !files[impl] }));
      if (one?.files) files[impl] = one.files;
      if (one) push(impl, "one", one.all);
      got[impl] = { one: one?.all };
    }
    pair("one", got);
    got = {};
    for (const impl of want("hundred") ? order : []) {
      const r = await attempt(`hundred/${impl}`, () => loadCards("hundred", impl, 100));
      if (r) (push(impl, "hundred", r.all), push(impl, "hundred.firstCard", r.firstCard), push(impl, "hundred.maxTask", r.maxTask), push(impl, "hundred.maxFrame", r.maxFrame));
      got[impl] = { hundred: r?.all, "hundred.firstCard": r?.firstCard };
    }
    pair("hundred", got);
    pair("hundred.firstCard", got);
    got = {};
    for (const impl of want("thousand") ? order : []) {
      const r = await attempt(`thousand/${impl}`, () => loadCards("thousand", impl, 1000));
      for (const k in r) push(impl, "thousand." + k, r[k]);
      got[impl] = Object.fromEntries(Object.entries(r ?? {}).map(([k, v]) => ["thousand." + k, v]));
    }
    for (const k of ["thousand.first", "thousand.all", "thousand.maxTask", "thousand.maxFrame"]) pair(k, got);
    got = {};
    for (const impl of want("src") ? order : []) {
      const r = await attempt(`thousand-src/${impl}`, () => srcCards(impl));
      for (const k in r) push(impl, "src." + k, r[k]);
      got[impl] = { "src.first": r?.first };
    }
    pair("src.first", got);
    for (const impl of want("cls") ? order : []) {
      const r = await attempt(`cls/${impl}`, () => cls(impl));
      if (r) push(impl, "cls", r.cls);
      const reserved = await attempt(`cls/${impl}`, () => cls(impl, "&reserve=1"));
      if (reserved) push(impl, "clsReserved", reserved.cls);
      // The bare page, per embed form; then with the README's rule, and pre-rendered (ours only: the baseline has no static form).
      for (const [key, query] of BARE) {
        if (impl === "base" && key === "bare.static") continue;
        const r = await attempt(`cls-bare/${impl}`, () => cls(impl, query, "cls-bare"));
        if (r) (push(impl, key, r.cls), push(impl, key + ".n", r.shifts));
      }
    }
    log(`bench: run ${run + 1}/${RUNS} done (${((Date.now() - started) / 1000).toFixed(0)} s; so far ${Object.entries(spent).map(([k, v]) => k + " " + v.toFixed(0) + " s").join(", ")})`);
  }
  for (let run = 0; run < (want("memory") ? MEM_RUNS : 0); run++) {
    for (const impl of run % 2 ? ["base", "ours"] : ["ours", "base"]) {
      const at = await attempt(`memory/${impl}`, () => memory(impl));
      if (!at) continue;
      for (const n of [0, ...CHECKPOINTS]) for (const k in at[n]) push(impl, `mem.${n}.${k}`, at[n][k]);
      push(impl, "mem.growth", (at[3000].heap - at[2000].heap) / 1000);
      push(impl, "mem.wasmGrowth", at[3000].wasm - at[2000].wasm);
      push(impl, "mem.nodesDelta", at[3000].nodes - at[0].nodes);
      push(impl, "mem.listenersDelta", at[3000].listeners - at[0].listeners);
    }
    log(`bench: memory run ${run + 1}/${MEM_RUNS} done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
} finally {
  var version = browser.version();
  await browser.close();
  await server.close();
  rmSync(snapshot, { recursive: true, force: true });
}

// ---- the table ----------------------------------------------------------------

const med = (impl, key) => median(results[impl][key] ?? []);
const size = { ours: compressed(files.ours ?? []), base: compressed(files.base ?? []) };
const oneOurs = med("ours", "one");
const rows = [];
/** Sample ranges of the timed rows, for RESULTS.md: [metric, key, formatter]. */
const spreads = [];
const range = (impl, key, fmt) => {
  const v = (results[impl][key] ?? []).filter(Number.isFinite);
  return v.length ? `${fmt(Math.min(...v))} – ${fmt(Math.max(...v))} (${v.length})` : "n/a";
};
const timed = (metric, key) => spreads.push([metric, key]);
/** A row: metric, our value, the baseline's, formatter, target text, met (our value, baseline's) → bool|null. */
function row(metric, ours, base, fmt, target = "—", met = null, showRatio = true) {
  rows.push([metric, fmt(ours), fmt(base), showRatio ? ratio(ours, base) : "—", target, met === null ? "—" : met(ours, base) ? "yes" : "**no**"]);
}
const sameCount = (x) => Number.isFinite(x) && x === 0;

row("widget transfer, raw", size.ours.raw, size.base.raw, kb);
row("widget transfer, gzip -9", size.ours.gzip, size.base.gzip, kb, "≤ 45 KB (issue 17)", (o) => o <= 45_000);
row("widget transfer, brotli (q 11)", size.ours.brotli, size.base.brotli, kb);
row("1 card (inline): navigation → ready", oneOurs, med("base", "one"), ms, "≤ 1.5× baseline", (o, b) => o <= 1.5 * b);
row("100 cards (inline): navigation → all ready", med("ours", "hundred"), med("base", "hundred"), ms, "≤ 1.5× baseline (issue 17)", (o, b) => o <= 1.5 * b);
rows.at(-1)[3] += paired.hundred ? ` (paired ${median(paired.hundred).toFixed(2)}×)` : "";
row("100 cards (inline): navigation → first card ready", med("ours", "hundred.firstCard"), med("base", "hundred.firstCard"), ms,
  ...(Number.isFinite(FIRST_CARD_BEFORE) ? [`no later than before issue 17 (${ms(FIRST_CARD_BEFORE)})`, (o) => o <= FIRST_CARD_BEFORE] : []));
rows.at(-1)[3] += paired["hundred.firstCard"] ? ` (paired ${median(paired["hundred.firstCard"]).toFixed(2)}×)` : "";
row("100 cards (inline): longest task", med("ours", "hundred.maxTask"), med("base", "hundred.maxTask"), ms, "no long task > 50 ms", (o) => o <= 50);
row("100 cards (inline): longest animation frame", med("ours", "hundred.maxFrame"), med("base", "hundred.maxFrame"), ms);
row("1,000 cards (inline): navigation → first screenful ready", med("ours", "thousand.first"), med("base", "thousand.first"), ms,
  `≤ 1.5× our 1-card time (${ms(1.5 * oneOurs)})`, (o) => o <= 1.5 * oneOurs);
row("1,000 cards (inline): navigation → HTML parsed (`domInteractive`; module scripts run after it)", med("ours", "thousand.parsed"), med("base", "thousand.parsed"), ms);
row("1,000 cards (inline): … first screenful on screen (≈, LoAF)", med("ours", "thousand.firstPainted"), med("base", "thousand.firstPainted"), ms);
row("1,000 cards (inline): navigation → all ready", med("ours", "thousand.all"), med("base", "thousand.all"), ms, "all render", (o) => Number.isFinite(o));
row("1,000 cards (inline): … all laid out and on screen (≈, LoAF)", med("ours", "thousand.allPainted"), med("base", "thousand.allPainted"), ms);
row("1,000 cards (inline): longest task", med("ours", "thousand.maxTask"), med("base", "thousand.maxTask"), ms, "no long task > 50 ms", (o) => o <= 50);
row("1,000 cards (inline): total blocking time (Σ long task − 50 ms)", med("ours", "thousand.tbt"), med("base", "thousand.tbt"), ms, "0 ms (no long task)", (o) => o === 0);
row("1,000 cards (inline): longest animation frame (tasks + style + layout)", med("ours", "thousand.maxFrame"), med("base", "thousand.maxFrame"), ms, "none > 50 ms", (o) => o <= 50);
row("1,000 cards (inline): Σ LoAF blocking duration", med("ours", "thousand.loafBlocking"), med("base", "thousand.loafBlocking"), ms, "0 ms", (o) => o === 0);
row("1,000 `src` cards: JSON requests before scrolling", med("ours", "src.requests"), med("base", "src.requests"), int,
  "far cards not fetched (≤ 100)", (o) => o <= 100, false);
row("1,000 `src` cards: navigation → first screenful ready", med("ours", "src.first"), med("base", "src.first"), ms);
row("1,000 `src` cards: card #500 ready after scrolling to it", med("ours", "src.far"), med("base", "src.far"), ms, "—", null, false);
for (const n of CHECKPOINTS) {
  row(`JS heap after GC, ${n.toLocaleString("en-US")} render()/destroy() cycles`, med("ours", `mem.${n}.heap`), med("base", `mem.${n}.heap`), mb);
}
row("JS heap growth per cycle, cycles 2,000 → 3,000", med("ours", "mem.growth"), med("base", "mem.growth"), signed(bytes), "≤ 64 B", (o) => o <= 64, false);
row("wasm memory at 200 / 2,000 / 3,000 cycles", NaN, NaN, () => "", "—", null, false);
rows[rows.length - 1][1] = CHECKPOINTS.map((n) => kb(med("ours", `mem.${n}.wasm`))).join(" / ");
rows[rows.length - 1][2] = "none (no wasm)";
row("wasm memory growth, cycles 2,000 → 3,000", med("ours", "mem.wasmGrowth"), med("base", "mem.wasmGrowth"), signed(bytes), "≤ 65,536 B (one page)", (o) => o <= 65536, false);
row("DOM nodes after 3,000 cycles − at start", med("ours", "mem.nodesDelta"), med("base", "mem.nodesDelta"), signed(int), "0", sameCount, false);
row("JS event listeners after 3,000 cycles − at start", med("ours", "mem.listenersDelta"), med("base", "mem.listenersDelta"), signed(int), "0", sameCount, false);
row("render() + destroy(), per cycle (2,000 → 3,000)", med("ours", "mem.3000.msPerCycle"), med("base", "mem.3000.msPerCycle"), ms);
const shift = (x) => (Number.isFinite(x) ? x.toFixed(3) : "n/a");
row("cumulative layout shift, text after a `src` card", med("ours", "cls"), med("base", "cls"), shift, "0", (o) => o === 0, false);
row("… the same, the page reserving the space (README's rule)", med("ours", "clsReserved"), med("base", "clsReserved"), shift, "0", (o) => o === 0, false);
/** CLS with the median count of shifts, e.g. "0.332 (1 shift)". */
const shifts = (key) => (impl) => {
  const v = med(impl, key);
  const n = med(impl, key + ".n");
  return Number.isFinite(v) ? `${shift(v)} (${int(n)} shift${n === 1 ? "" : "s"})` : "n/a";
};
const bareRow = (metric, key, target, met) => {
  rows.push([metric, shifts(key)("ours"), key === "bare.static" ? "— (no static form)" : shifts(key)("base"), "—", target,
    met(med("ours", key), med("base", key), med("ours", key + ".n"), med("base", key + ".n")) ? "yes" : "**no**"]);
};
const noWorse = (o, b, on, bn) => o <= b + 0.0005 && on <= Math.min(1, bn);
bareRow("CLS, bare page, text after a loading card, form a (module + `src` element)", "bare.a", "≤ baseline, ≤ 1 shift (issue 17)", noWorse);
bareRow("CLS, bare page, form b (inline JSON)", "bare.b", "≤ baseline, ≤ 1 shift (issue 17)", noWorse);
bareRow("CLS, bare page, form c (embed.js + `[data-summary-card]` with `src`; baseline: its form a)", "bare.c", "≤ baseline, ≤ 1 shift (issue 17)", noWorse);
bareRow("CLS, bare page, form a, the page reserving the space (README's rule)", "bare.reserve", "0", (o) => o === 0);
bareRow("CLS, bare page, the CLI's pre-rendered card (inline data)", "bare.static", "0", (o) => o === 0);

timed("1 card (inline): navigation → ready", "one");
timed("100 cards (inline): navigation → all ready", "hundred");
timed("100 cards (inline): navigation → first card ready", "hundred.firstCard");
timed("1,000 cards (inline): navigation → first screenful ready", "thousand.first");
timed("1,000 cards (inline): navigation → all ready", "thousand.all");
timed("1,000 cards (inline): longest task", "thousand.maxTask");
timed("1,000 cards (inline): longest animation frame", "thousand.maxFrame");
timed("1,000 `src` cards: navigation → first screenful ready", "src.first");
timed("1,000 `src` cards: JSON requests before scrolling", "src.requests");

const table = [
  "| metric | summary-card | baseline | ratio | target | met? |",
  "|---|---|---|---|---|---|",
  ...rows.map((r) => "| " + r.join(" | ") + " |"),
].join("\n");
console.log(table);
if (failures.length) log(`bench: ${failures.length} measurement(s) failed:\n  ` + failures.join("\n  "));

const seconds = ((Date.now() - started) / 1000).toFixed(0);
const cpu = os.cpus();
const date = new Date().toISOString().slice(0, 10);
const fileRows = ["ours", "base"].flatMap((impl) =>
  size[impl].each.map((f) => `| ${impl === "ours" ? "summary-card" : "baseline"} | \`${f.path}\` | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`),
);
const md = `# Benchmark results

Run on ${date}: \`${process.env.npm_lifecycle_event === "bench" ? "npm run bench" : "node bench/run.mjs"}\` (\`RUNS=${RUNS} MEM_RUNS=${MEM_RUNS}\`), ${seconds} s for the runner.

Machine: ${cpu[0]?.model?.trim()}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM,
${os.type()} ${os.release()} (${os.arch()}); Chromium ${version} (Debian's, headless; ${VIEWPORT.width}×${VIEWPORT.height} viewport),
Node ${process.version}. Load average at the start: ${loadAtStart.toFixed(2)} (a shared machine: timings are noisy, read the ratios rather than absolute times).

Widget: \`dist/\` as built from commit ${commit} (files' sha256 ${distHash}); the baseline's stylesheet
${sameCss ? "is the very CSS inside that build" : "(src/card.css) is **not** the CSS inside that build (rebuild before benchmarking)"}.
The baseline's two files are served minified by esbuild, as \`scripts/build.mjs\` minifies \`dist/\`.

Medians of ${RUNS} page loads per implementation and scenario (alternating which goes first, each in a fresh
browser context, so nothing is cached), and of ${MEM_RUNS} memory runs. The baseline is \`bench/baseline/card.js\`,
a hand-written vanilla-JS renderer of the same card (its shadow root's HTML for the seed is
${same ? "identical to" : "**different from**"} summary-card's), with the same stylesheet (\`src/card.css\`, imported as a CSS module
script). Ratio = summary-card / baseline.

${table}

${failures.length ? "**Failed measurements** (left out of the medians):\n\n" + failures.map((f) => "- " + f).join("\n") + "\n\n" : ""}Spread of the timed figures (min – max over the runs, and how many runs), and the median of the ratios of
loads made back to back (a cross-check of the ratio of medians above, less sensitive to other work on the machine):

| metric | summary-card | baseline | median paired ratio |
|---|---|---|---|
${spreads.map(([m, k]) => `| ${m} | ${range("ours", k, k === "src.requests" ? int : ms)} | ${range("base", k, k === "src.requests" ? int : ms)} | ${paired[k] ? median(paired[k]).toFixed(2) + "×" : "—"} |`).join("\n")}

Files the one-card page downloads for the widget (sizes of each file compressed on its own, summed above; KB = 1,000 bytes):

| implementation | file | raw | gzip -9 | brotli |
|---|---|---|---|---|
${fileRows.join("\n")}

## Where a target is not met: the measured reasons

- **Transfer** counts what a page loads up front. The share menu and its "Share as image" are a second
  module fetched on a card's first Share press (\`dist/summary-card-share.*\`, not loaded here; sizes in
  \`docs/performance.md\`). What is left up front is the card's own code: the validator with its messages and
  URL host check, the view, the JSON parser, the message tables' reader, and the wasm-bindgen runtime and glue.
  Every lever tried, with its bytes, is in \`bench/SIZE.md\` (issue 17 sections).
- **100 cards, all ready**: the script is about 1 ms a card. The gap is frame pacing: with no long task
  allowed, the first 24 cards (laid out in full) mount in 8 ms slices, each followed by a frame that lays
  them out, while the baseline mounts all 100 in one long task (see its longest task above) and lays them out
  once. Building a card's DOM in one wasm→JS crossing cut script per card by 13–28% but made all-ready later,
  with long tasks, so it was not kept (\`bench/SIZE.md\`, issue 17 speed section; \`docs/decisions.md\`).

## What is measured

- **Transfer**: every response under \`/dist/\` (summary-card) or \`/bench/baseline/\` (the baseline) that the
  one-card page loads, compressed here with \`gzip -9\` and brotli at quality 11 (what a server would send).
- **Times** run from navigation start (\`performance.now()\` in the page) to the \`summary-card:ready\` event of
  the last card (both implementations fire it right after setting \`data-state="ready"\`), caught by a capturing
  listener installed with \`page.addInitScript\`. The **first screenful** is the latest ready time among the
  cards that intersect the ${VIEWPORT.width}×${VIEWPORT.height} viewport once the page has settled (scrolled to the top).
- **Long tasks** come from a \`PerformanceObserver\` (\`longtask\`, buffered) from navigation until two frames and
  300 ms after the last card is ready; total blocking time is Σ (duration − 50 ms). Chromium does not always
  count a frame's style and layout in a long task (a 1,000-card page spends seconds there), so the table also
  shows **long animation frames** (\`long-animation-frame\`, buffered: the tasks of a frame plus its style,
  layout and paint; Σ of their \`blockingDuration\`). "On screen (≈)" is the end of the long animation frame
  whose tasks include the ready time (its rendering comes last), or the ready time itself when that frame
  took under 50 ms. The inline 1,000-card page is 7.5 MB of HTML, and module scripts run only once it is
  parsed, so no card (of either implementation) can be ready before \`domInteractive\`: that, not the one-card
  time, is the floor of its first screenful. All of these include the browser's own work on the page (parsing 7.5 MB of HTML, style
  and layout of 1,000 cards of about 150 nodes each), for both implementations.
- **\`src\` cards** (\`bench/pages\` \`thousand-src\`): each card has its own URL. Requests for them are counted until the
  first screenful is ready and no JSON has been requested for ${QUIET_MS} ms, before any scrolling; then card #500 is
  scrolled into view and timed until it is ready (0 when it already was).
- **Memory** (\`memory\` page): 3,000 cycles of \`await render(div, data)\`, \`destroy()\`, \`div.remove()\` with a new
  \`div\` each time; at the start and at each checkpoint, two \`HeapProfiler.collectGarbage\`, then
  \`Runtime.getHeapUsage\` (used JS heap) and \`Memory.getDOMCounters\` (nodes, JS event listeners) over the DevTools
  protocol, and the wasm linear memory's size from a spy around \`WebAssembly.instantiate(Streaming)\`.
- **Layout shift** (\`cls\` page): the sum of \`layout-shift\` entries (buffered, none after input) on a page where text
  follows a \`src\` card whose JSON arrives after 300 ms, until 500 ms after the card is ready; the page as
  embed (a) has it, and again with the page rule the README recommends,
  \`summary-card:not([data-state=ready]) { display: block; min-height: min(100vh, 1200px) }\` (for the baseline,
  the same rule on \`baseline-card\`).
- **Layout shift on a bare page** (\`cls-bare\` page: no page styles, no heading above the card): one card with a
  fallback link, then text; the same sum and window, with the median count of shifts. Form a is the module and a
  \`src\` element (300 ms data), b inline JSON, c \`embed.js\` and a \`[data-summary-card]\` hook with a \`src\` (the
  baseline has no classic loader or hook: its row c is its form a). Then form a with the README's rule, and the
  CLI's pre-rendered card (\`summary-card render\` of the seed, inline data; ours only). Issue 17's target: no
  worse than the baseline and at most one shift (fallback → card) in every form; 0 with the rule or pre-rendered.
- **100 cards' first card** is the earliest ready event on that page; its target is the figure before issue 17
  (\`FIRST_CARD_BEFORE\`, ms, measured with the build before it, \`DIST=\`, in the same session).

## How to run

\`\`\`sh
npm run bench                   # set-up, build dist/, then node bench/run.mjs
RUNS=20 MEM_RUNS=5 node bench/run.mjs   # more runs, against the dist/ already built
SCENARIOS=hundred,cls RUNS=5 RESULTS=- node bench/run.mjs   # only some scenarios, printing the table
DIST=/tmp/old-dist SCENARIOS=hundred RUNS=5 RESULTS=- node bench/run.mjs   # another build's files
node bench/server.mjs           # the pages by hand (baseline unminified): http://127.0.0.1:8081/bench/
\`\`\`
`;
if (RESULTS !== "-") {
  writeFileSync(RESULTS, md);
  log(`bench: wrote ${RESULTS} (${seconds} s)`);
}
