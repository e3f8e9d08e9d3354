// "Moving a card in the DOM does not duplicate it; removing it (destroy() or
// detaching the element) releases every listener, timer, observer and
// request." Mounts and destroys 10,000 cards each way and checks that the JS
// heap and the wasm memory stop growing; prints the figures.
//
// The wasm instance is not exported by the module, so a test-only spy around
// WebAssembly.instantiate(Streaming) keeps it: its `memory`, its externref
// table and its `live_listeners()` count.
import { test, expect, SEED, spyOnWasm as spy } from "./fixtures.mjs";

const CYCLES = 10_000;
const WARM_UP = 1_000;
/** Allowed JS heap growth between warm-up and the end, after a forced GC. */
const HEAP_SLACK = 512 * 1024;

/** Opens the empty page and prepares both loops. */
async function open(page, server) {
  await spy(page);
  await page.goto(server + "/csp/empty.html");
  await page.evaluate(async () => {
    const { render } = await import("/dist/summary-card.js");
    const data = await (await fetch("/episodes/ilya.json")).json();
    const text = JSON.stringify(data);
    const box = document.getElementById("box");
    const check = (el) => {
      if (el.getAttribute("data-state") !== "ready" || !el.shadowRoot.querySelector("[part=card]")) {
        throw new Error("a card did not render: " + el.getAttribute("data-state"));
      }
    };
    // The JS API: render(), then destroy(), then the host leaves the page.
    window.__viaApi = async (n) => {
      for (let i = 0; i < n; i++) {
        const el = document.createElement("div");
        box.append(el);
        const card = await render(el, data);
        check(el);
        card.destroy();
        el.remove();
      }
    };
    // <summary-card>, or an element with data-summary-card, with inline
    // JSON: appended, then detached.
    const viaDetach = (tag) => async (n) => {
      for (let i = 0; i < n; i++) {
        const el = document.createElement(tag);
        if (tag !== "summary-card") el.setAttribute("data-summary-card", "");
        const script = document.createElement("script");
        script.type = "application/json";
        script.textContent = text;
        el.append(script);
        const ready = new Promise((r) => el.addEventListener("summary-card:ready", r, { once: true }));
        box.append(el);
        await ready;
        check(el);
        el.remove();
        await null; // the card is let go in a microtask (a move keeps it)
        if (el.hasAttribute("data-state")) throw new Error("a detached card was not destroyed");
      }
    };
    window.__viaElement = viaDetach("summary-card");
    window.__viaHook = viaDetach("div");
  });
  await expect.poll(() => page.evaluate(() => window.__wasm !== null)).toBe(true);
}

/** JS heap after a full GC, and the wasm figures. */
async function measure(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  return { heap: usedSize, ...(await page.evaluate(() => window.__wasmStats())) };
}

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(2) + " MB";

for (const [way, loop] of [
  ["render() + destroy()", "__viaApi"],
  ["<summary-card> appended + detached", "__viaElement"],
  ["[data-summary-card] appended + detached", "__viaHook"],
]) {
  test(`${CYCLES} cards mounted and removed via ${way}: heap and wasm memory stop growing`, async ({ page, server }) => {
    test.setTimeout(120_000);
    await open(page, server);
    const cdp = await page.context().newCDPSession(page);
    const fresh = await measure(page, cdp);
    await page.evaluate((n) => window[n.loop](n.count), { loop, count: WARM_UP });
    const warm = await measure(page, cdp);
    const started = Date.now();
    await page.evaluate((n) => window[n.loop](n.count), { loop, count: CYCLES - WARM_UP });
    const ms = (Date.now() - started) / (CYCLES - WARM_UP);
    const end = await measure(page, cdp);
    const kb = (bytes) => (bytes >= 0 ? "+" : "") + (bytes / 1024).toFixed(1) + " KB";
    console.log(
      `[leak] ${way}, ${CYCLES} cycles: ${ms.toFixed(3)} ms per mount+remove\n` +
        `[leak]   JS heap (after GC): ${mb(fresh.heap)} with no card, ${mb(warm.heap)} after ${WARM_UP}, ` +
        `${mb(end.heap)} after ${CYCLES} (${kb(end.heap - warm.heap)} since warm-up)\n` +
        `[leak]   wasm memory: ${fresh.memory} bytes with no card, ${warm.memory} after ${WARM_UP}, ${end.memory} after ${CYCLES}; ` +
        `externref table: ${fresh.externrefs}, ${warm.externrefs}, ${end.externrefs}`,
    );
    expect(end.memory, "wasm memory grew after warm-up").toBe(warm.memory);
    expect(end.externrefs, "the externref table grew after warm-up").toBe(warm.externrefs);
    expect(end.heap - warm.heap, "JS heap growth after warm-up").toBeLessThan(HEAP_SLACK);
    expect(end).toMatchObject({ listeners: 0, timers: 0, cards: 0 });
    expect(await page.evaluate(() => document.getElementById("box").childElementCount)).toBe(0);
  });
}

test("moving a card keeps one card and its listeners; no duplicate", async ({ page, server }) => {
  await open(page, server);
  await page.evaluate(async () => {
    const text = await (await fetch("/episodes/ilya.json")).text();
    const box = document.getElementById("box");
    const el = document.createElement("summary-card");
    el.id = "element";
    el.setAttribute("src", "/episodes/ilya.json");
    const hook = document.createElement("div");
    hook.id = "hook";
    hook.setAttribute("data-summary-card", "");
    const script = document.createElement("script");
    script.type = "application/json";
    script.textContent = text;
    hook.append(script);
    box.append(el, hook);
  });
  await expect(page.locator("#element")).toHaveAttribute("data-state", "ready");
  await expect(page.locator("#hook")).toHaveAttribute("data-state", "ready");
  const before = await page.evaluate(() => window.__wasmStats());
  expect(before.listeners).toBeGreaterThan(0);
  const shape = () =>
    page.evaluate(() =>
      ["element", "hook"].map((id) => {
        const root = document.getElementById(id).shadowRoot;
        return [id, root.childElementCount, root.querySelectorAll("[part=card]").length, root.querySelectorAll("*").length];
      }),
    );
  const rendered = await shape();
  await page.evaluate(() => {
    window.__readyAgain = 0;
    document.addEventListener("summary-card:ready", () => window.__readyAgain++);
  });
  for (let i = 0; i < 3; i++) {
    await page.evaluate(() => {
      const to = document.getElementById(document.getElementById("element").parentElement.id === "box" ? "elsewhere" : "box");
      to.append(document.getElementById("element"), document.getElementById("hook"));
    });
    await page.waitForTimeout(50);
  }
  await expect(page.locator("#elsewhere > #element")).toHaveAttribute("data-state", "ready");
  await expect(page.locator("#elsewhere > #hook")).toHaveAttribute("data-state", "ready");
  expect(await shape()).toEqual(rendered);
  for (const id of ["#element", "#hook"]) {
    await expect(page.locator(id + " [part=card]")).toHaveCount(1);
    await expect(page.locator(id + " [part=title]")).toHaveText(SEED.title);
  }
  expect(await page.evaluate(() => window.__readyAgain)).toBe(0); // kept as it was, not rendered again
  expect(await page.evaluate(() => window.__wasmStats())).toEqual(before);
  // Detaching both releases everything.
  await page.evaluate(() => {
    document.getElementById("element").remove();
    document.getElementById("hook").remove();
  });
  await expect.poll(() => page.evaluate(() => window.__wasmStats())).toMatchObject({ listeners: 0, timers: 0, cards: 0 });
});

test("detaching a card while its data loads aborts the request and its timer", async ({ page, server }) => {
  await open(page, server);
  let release;
  const gate = new Promise((r) => (release = r));
  await page.route("**/episodes/slow.json", async (route) => {
    await gate;
    await route.fulfill({ status: 200, contentType: "application/json", body: "{}" }).catch(() => {});
  });
  const failed = page.waitForEvent("requestfailed", (r) => r.url().endsWith("/episodes/slow.json"));
  await page.evaluate(() => {
    const el = document.createElement("summary-card");
    el.id = "slow";
    el.setAttribute("src", "/episodes/slow.json");
    document.getElementById("box").append(el);
  });
  await expect(page.locator("#slow")).toHaveAttribute("data-state", "loading");
  await expect.poll(() => page.evaluate(() => window.__timers.size)).toBe(1); // the 10 s fetch timeout
  await page.evaluate(() => document.getElementById("slow").remove());
  expect((await failed).failure().errorText).toMatch(/ABORTED/);
  release();
  await expect.poll(() => page.evaluate(() => window.__wasmStats())).toMatchObject({ listeners: 0, timers: 0, cards: 0 });
});

// A plain element given to render() and then detached without destroy() is
// released too (destroyRemoved() in js/elements.js looks for data-state). The
// Rust side holds the card's nodes and window listeners as externrefs, which
// are GC roots, so without this each such card would leak for good.
test("a host rendered with render() and detached without destroy() is released", async ({ page, server }) => {
  await open(page, server);
  await page.evaluate(async () => {
    const { render } = await import("/dist/summary-card.js");
    const el = document.createElement("div");
    document.getElementById("box").append(el);
    await render(el, await (await fetch("/episodes/ilya.json")).json());
    el.remove();
  });
  await page.waitForTimeout(100);
  expect(await page.evaluate(() => window.__wasmStats())).toMatchObject({ listeners: 0, timers: 0 });
});
