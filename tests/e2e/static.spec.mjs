// The CLI's static output (`summary-card render`) in a real page: the card
// shows without JavaScript (declarative shadow DOM with its stylesheet), and
// the widget, when the page loads it, replaces it with the live card in place:
// no skeleton, no slot, nothing moves, the same parts and text, then a share
// button that works. Pages are rendered fresh by the CLI for each run (the
// same `cargo run` the build uses), so they cannot go stale.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { test, expect, SEED } from "./fixtures.mjs";

const TOP = fileURLToPath(new URL("../..", import.meta.url));

/** `summary-card ARGS...`'s standard output (`input` on its standard input). */
function cli(args, input) {
  return execFileSync("cargo", ["run", "--quiet", "--bin", "summary-card", "--", ...args], {
    cwd: TOP,
    encoding: "utf8",
    input,
    stdio: ["pipe", "pipe", "pipe"],
  });
}

/** `summary-card render ARGS...` as text. */
const render = (...args) => cli(["render", ...args]);

/** A page holding `card` (CLI output) between two paragraphs, with the widget unless `script` is false. */
function pageWith(card, { script = true } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>static</title></head><body>
<p id="before">Before the card.</p>
${card}
<p id="after">After the card.</p>
${script ? '<script type="module" src="/dist/summary-card.js"></script>' : ""}
</body></html>`;
}

/** Serves `html` at `path` on the test server's origin (so /dist/ resolves). */
async function serveAt(page, server, path, html) {
  await page.route(server + path, (route) => route.fulfill({ body: html, contentType: "text/html; charset=utf-8" }));
  return server + path;
}

/** Every part in the card's shadow root with its text, in document order. */
/**
 * Records in `window.__seen` every element that enters the first
 * `<summary-card>`'s shadow root after the HTML is parsed (a skeleton, a
 * slot, the live card).
 */
async function recordShadowAdditions(page) {
  await page.addInitScript(() => {
    window.__seen = [];
    document.addEventListener("DOMContentLoaded", () => {
      const root = document.querySelector("summary-card").shadowRoot;
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of r.addedNodes) if (n.nodeType === 1) window.__seen.push(n.localName + "." + n.className);
      }).observe(root, { childList: true });
    });
  });
}

/** Holds requests to `pattern` back until the returned function is called. */
async function holdBack(page, pattern) {
  let release;
  const gate = new Promise((r) => (release = r));
  await page.route(pattern, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

const partsOf = (host) =>
  [...host.shadowRoot.querySelectorAll("[part]")].map((e) => e.getAttribute("part") + "=" + e.textContent);

let seedCard;
test.beforeAll(() => {
  test.setTimeout(180_000); // a first `cargo run` may compile
  seedCard = render("www/episodes/ilya.json");
});

test("without JavaScript the CLI output shows the card, styled", async ({ browser, server }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await serveAt(page, server, "/__static-nojs.html", pageWith(seedCard));
  await page.goto(server + "/__static-nojs.html");
  const host = page.locator("summary-card");
  // The template became the shadow root: nothing of it is left in the light DOM.
  await expect(page.locator("summary-card > template")).toHaveCount(0);
  await expect(host.locator("[part=title]")).toHaveText(SEED.title);
  await expect(host.locator("[part=title]")).toBeVisible();
  await expect(host.locator("[part=stats]")).toHaveText(SEED.stats);
  await expect(host.locator("[part=stats]")).toBeVisible();
  await expect(host.locator("[part=footer]")).toHaveText(SEED.footer);
  await expect(host.locator("[part=takeaway]")).toHaveCount(5);
  // The inlined stylesheet applies: the spoken stats sentence is visually hidden.
  const vh = await host.locator("p.vh").first().boundingBox();
  expect(vh.width).toBeLessThanOrEqual(1);
  // The data and JSON-LD scripts show nothing.
  await expect(page.locator("body")).not.toContainText('"takeaways"');
  await expect(host).not.toHaveAttribute("data-state", /./);
  await context.close();
});

test("without JavaScript the buttons that need it are hidden, and shown where the widget runs", async ({ browser, page, server }) => {
  // Share (the card's and each takeaway's) and a compact card's "Show all"
  // do nothing without script: a reader without JavaScript sees none of
  // them, and every takeaway.
  const compact = render("www/episodes/ilya.json", "--layout", "compact");
  const context = await browser.newContext({ javaScriptEnabled: false });
  const nojs = await context.newPage();
  await nojs.goto(await serveAt(nojs, server, "/__static-nojs-buttons.html", pageWith(seedCard + compact)));
  const [full, small] = [nojs.locator("summary-card").first(), nojs.locator("summary-card").nth(1)];
  await expect(full.locator("[part=title]")).toBeVisible();
  await expect(full.locator("[part=share-button]")).toHaveCount(1);
  await expect(full.locator("[part=share-button]")).toBeHidden();
  await expect(full.locator(".share-prompt")).toBeHidden();
  await expect(full.locator(".takeaway-share")).toHaveCount(5);
  for (const b of await full.locator(".takeaway-share").all()) await expect(b).toBeHidden();
  await expect(small.locator(".more")).toHaveCount(1);
  await expect(small.locator(".more")).toBeHidden();
  for (const li of await small.locator(".points li[id]").all()) await expect(li).toBeVisible();
  await expect(small.locator(".points li[id]")).toHaveCount(5);
  await context.close();

  // The same page with script: the buttons show before the upgrade (so
  // nothing moves when it comes) and after it.
  const release = await holdBack(page, "**/dist/summary-card.wasm");
  await page.goto(await serveAt(page, server, "/__static-buttons.html", pageWith(seedCard + compact)));
  const host = page.locator("summary-card").first();
  await expect(host).toHaveAttribute("data-state", "loading");
  await expect(host.locator("[part=share-button]")).toBeVisible();
  await expect(host.locator(".takeaway-share").first()).toBeVisible();
  await expect(page.locator("summary-card").nth(1).locator(".more")).toBeVisible();
  release();
  await expect(host).toHaveAttribute("data-state", "ready");
  await expect(host.locator("[part=share-button]")).toBeVisible();
  await expect(host.locator(".takeaway-share").first()).toBeVisible();
  await expect(page.locator("summary-card").nth(1).locator(".more")).toBeVisible();
});

test("the widget upgrades the CLI output in place", async ({ page, server }) => {
  await page.addInitScript(() => {
    // The share menu rather than the system sheet.
    delete Navigator.prototype.share;
    delete Navigator.prototype.canShare;
  });
  await recordShadowAdditions(page);
  // The wasm waits until the test has looked at the loading card.
  const release = await holdBack(page, "**/dist/summary-card.wasm");
  await page.goto(await serveAt(page, server, "/__static.html", pageWith(seedCard)));
  const host = page.locator("summary-card");
  await expect(host).toHaveAttribute("data-state", "loading");
  await expect(host.locator("[part=title]")).toHaveText(SEED.title);
  await expect(host.locator("[part=title]")).toBeVisible();
  await expect(host.locator("[part=stats]")).toHaveText(SEED.stats);
  const before = await host.evaluate(partsOf);
  const box = await host.boundingBox();
  const after = await page.locator("#after").boundingBox();
  expect(before.length).toBeGreaterThan(20);

  release();
  await expect(host).toHaveAttribute("data-state", "ready");
  // Same parts with the same text; nothing moved.
  expect(await host.evaluate(partsOf)).toEqual(before);
  expect(await host.boundingBox()).toEqual(box);
  expect(await page.locator("#after").boundingBox()).toEqual(after);
  // Only the live card came in: no skeleton or slot on the way.
  expect(await page.evaluate(() => window.__seen)).toEqual(["div.sc"]);
  // The inline <style> gave way to the shared stylesheet.
  expect(await host.evaluate((h) => [h.shadowRoot.querySelectorAll("style").length, h.shadowRoot.adoptedStyleSheets.length])).toEqual([0, 1]);
  // The live card works.
  await host.locator("[part=share-button]").click();
  await expect(host.locator("[part=share-menu]")).toBeVisible();
});

test("with a src as well, the pre-rendered card stays while the data loads (no skeleton)", async ({ page, server }) => {
  await recordShadowAdditions(page);
  const release = await holdBack(page, "**/episodes/ilya.json");
  const html = seedCard.replace("<summary-card ", '<summary-card src="/episodes/ilya.json" ');
  const requested = page.waitForRequest("**/episodes/ilya.json");
  await page.goto(await serveAt(page, server, "/__static-src.html", pageWith(html)));
  const host = page.locator("summary-card");
  // The widget is past its skeleton step once it asks for the data.
  await requested;
  await expect(host).toHaveAttribute("data-state", "loading");
  await expect(host.locator("[part=title]")).toHaveText(SEED.title);
  expect(await page.evaluate(() => window.__seen)).toEqual([]);
  const before = await host.evaluate(partsOf);
  release();
  await expect(host).toHaveAttribute("data-state", "ready");
  expect(await host.evaluate(partsOf)).toEqual(before);
  expect(await page.evaluate(() => window.__seen)).toEqual(["div.sc"]);
});

test("a collection renders as a showcase and upgrades to the same showcase", async ({ page, server }) => {
  const html = render("www/episodes/season.json", "--layout", "compact");
  await page.goto(await serveAt(page, server, "/__static-season.html", pageWith(html, { script: false })));
  const host = page.locator("summary-card");
  await expect(host.locator("[part=card]")).toHaveCount(3);
  const before = await host.evaluate(partsOf);
  await page.addScriptTag({ type: "module", url: "/dist/summary-card.js" });
  await expect(host).toHaveAttribute("data-state", "ready");
  expect(await host.evaluate(partsOf)).toEqual(before);
});

test("a non-English render stays in its language through the upgrade", async ({ page, server }) => {
  const html = render("www/episodes/ilya.json", "--locale", "de", "--theme", "dark");
  const release = await holdBack(page, "**/dist/locales/de.json");
  await page.goto(await serveAt(page, server, "/__static-de.html", pageWith(html)));
  const host = page.locator("summary-card");
  await expect(host).toHaveAttribute("locale", "de");
  await expect(host).toHaveAttribute("theme", "dark");
  const before = await host.evaluate(partsOf);
  expect(before).toContain("share-button=Teilen");
  release();
  await expect(host).toHaveAttribute("data-state", "ready");
  expect(await host.evaluate(partsOf)).toEqual(before);
  await expect(host.locator(".sc")).toHaveAttribute("lang", "de");
});

test("hostile data in the CLI output stays text, with or without the widget", async ({ page, server }) => {
  await page.addInitScript(() => {
    window.__pwnedCalls = [];
    Object.defineProperty(window, "__pwned", { value: (x) => window.__pwnedCalls.push(String(x)) });
  });
  const html = render("tests/corpus/ok-text-close-script.json");
  await page.goto(await serveAt(page, server, "/__static-hostile.html", pageWith(html)));
  const host = page.locator("summary-card");
  await expect(host).toHaveAttribute("data-state", "ready");
  await expect(host.locator("[part=title]")).toHaveText("</script><script>__pwned('close-script')</script><!--<script>");
  // One data script and one JSON-LD block: nothing broke out of either.
  expect(await page.locator("script").count()).toBe(3);
  expect(await page.evaluate(() => window.__pwnedCalls)).toEqual([]);
  const ld = JSON.parse(await page.locator("script[type='application/ld+json']").textContent());
  expect(ld.name).toBe("</script><script>__pwned('close-script')</script><!--<script>");
});

test("a feed becomes a season showcase: from-rss --all, render, then the widget upgrades it", async ({ page, server }) => {
  // The podcaster's path, end to end: the feed's three newest episodes as a
  // collection, their placeholders filled in, rendered to static HTML, shown
  // without JavaScript, then upgraded by the widget with nothing changed.
  const season = JSON.parse(cli(["from-rss", "tests/fixtures/feed.xml", "--all", "--limit", "3"]));
  expect(season.episodes.map((e) => e.title)).toEqual([
    "Q&A: Rust & WebAssembly, with Ada Osei",
    "The Long Now of Data: Archives <That Last>",
    "Bonus: Listener Mail & Corrections",
  ]);
  // Unfilled, the collection is refused with the placeholders' paths.
  expect(() => cli(["render", "-"], JSON.stringify(season))).toThrow(/episodes\[0\]\.takeaways\[0\]\.title/);
  for (const [i, e] of season.episodes.entries())
    e.takeaways = [{ title: `Takeaway of episode ${i + 1}`, text: "What the podcaster wrote." }];
  const html = cli(["render", "-"], JSON.stringify(season));
  await page.goto(await serveAt(page, server, "/__static-feed.html", pageWith(html, { script: false })));
  const host = page.locator("summary-card");
  await expect(host.locator("[part=card]")).toHaveCount(3);
  await expect(host.locator("[part=title]")).toHaveText(season.episodes.map((e) => e.title));
  await expect(host.locator("[part=takeaway]").first()).toContainText("Takeaway of episode 1");
  const before = await host.evaluate(partsOf);
  await page.addScriptTag({ type: "module", url: "/dist/summary-card.js" });
  await expect(host).toHaveAttribute("data-state", "ready");
  expect(await host.evaluate(partsOf)).toEqual(before);
  // The feed's itunes:duration (1:30:00) became the first episode's stats.
  await expect(host.locator("[part=stats]").first()).toContainText("90 min episode");
});
