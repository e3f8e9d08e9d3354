// Issue 17: the share menu is a second wasm module (dist/summary-card-share.js
// and .wasm), loaded on a card's first share click or as a pointer or focus
// nears a share button, never at page load, and once per page however many
// cards. Its sessions are freed with their cards: listeners back to
// baseline in both modules, and no memory growth.
import { test, expect, spyOnWasm } from "./fixtures.mjs";

const SHARE_FILES = /\/summary-card-share\.(js|wasm)$/;

/** Counts the page's requests for the share module's files, by file. */
function countShareRequests(page) {
  const seen = { js: 0, wasm: 0 };
  page.on("request", (r) => {
    const m = SHARE_FILES.exec(new URL(r.url()).pathname);
    if (m) seen[m[1]]++;
  });
  return seen;
}

/** The empty page with `n` cards (inline JSON) in #box, each ready; without the Web Share API. */
async function pageWithCards(page, server, n) {
  await spyOnWasm(page);
  await page.addInitScript(() => {
    delete Navigator.prototype.share;
    delete Navigator.prototype.canShare;
  });
  await page.goto(server + "/csp/empty.html");
  await page.evaluate(async (n) => {
    const text = await (await fetch("/episodes/ilya.json")).text();
    const box = document.getElementById("box");
    for (let i = 0; i < n; i++) {
      const el = document.createElement("summary-card");
      el.id = "c" + i;
      const script = document.createElement("script");
      script.type = "application/json";
      script.textContent = text;
      el.append(script);
      box.append(el);
    }
  }, n);
  for (let i = 0; i < n; i++) await expect(page.locator("#c" + i)).toHaveAttribute("data-state", "ready");
}

test("the share module is not loaded at page load; the first share click loads it once for every card", async ({ page, server }) => {
  const seen = countShareRequests(page);
  await page.goto(server + "/share.html");
  await expect(page.locator("#full")).toHaveAttribute("data-state", "ready");
  await expect(page.locator("#narrow")).toHaveAttribute("data-state", "ready");
  await page.waitForTimeout(300);
  expect(seen).toEqual({ js: 0, wasm: 0 });
  expect(await page.evaluate(() => performance.getEntriesByType("resource").filter((e) => /summary-card-share/.test(e.name)).length)).toBe(0);

  await page.evaluate(() => {
    delete Navigator.prototype.share;
  });
  await page.locator("#full [part=share-button]").click();
  await expect(page.locator("#full [part=share-menu]")).toBeVisible();
  expect(seen).toEqual({ js: 1, wasm: 1 });
  // Another card, a takeaway's button, the first card again: no new request.
  await page.locator("#narrow [part=share-button]").click();
  await expect(page.locator("#narrow [part=share-menu]")).toBeVisible();
  await page.locator("#full .takeaway-share").first().click();
  await expect(page.locator("#full [part=share-menu]")).toBeVisible();
  await page.waitForTimeout(100);
  expect(seen).toEqual({ js: 1, wasm: 1 });
});

test("many cards: one load of the share module, on the first click", async ({ page, server }) => {
  const seen = countShareRequests(page);
  await pageWithCards(page, server, 12);
  await page.waitForTimeout(200);
  expect(seen).toEqual({ js: 0, wasm: 0 });
  // Clicked at once, before the module is there: each card opens its menu.
  await page.evaluate(() => {
    for (const id of ["c0", "c5", "c11"]) document.getElementById(id).shadowRoot.querySelector("[part=share-button]").click();
  });
  for (const id of ["c0", "c5", "c11"]) await expect(page.locator(`#${id} [part=share-menu]`)).toBeVisible();
  await page.locator("h1").click(); // a click outside closes them
  await expect(page.locator("summary-card [part=share-menu]")).toHaveCount(0);
  for (let i = 0; i < 12; i++) {
    await page.locator(`#c${i} [part=share-button]`).click();
    await expect(page.locator(`#c${i} [part=share-menu]`)).toBeVisible();
  }
  expect(seen).toEqual({ js: 1, wasm: 1 });
});

test("a pointer over a share button starts the load; the click finds it running", async ({ page, server }) => {
  const seen = countShareRequests(page);
  await page.goto(server + "/share.html");
  await expect(page.locator("#full")).toHaveAttribute("data-state", "ready");
  expect(seen).toEqual({ js: 0, wasm: 0 });
  await page.locator("#full [part=title]").hover();
  await page.waitForTimeout(100);
  expect(seen).toEqual({ js: 0, wasm: 0 });
  await page.locator("#full [part=share-button]").hover();
  await expect.poll(() => seen.wasm).toBe(1);
  expect(seen.js).toBe(1);
});

test("navigator.share is called within the first click's user activation", async ({ page, server }) => {
  await page.addInitScript(() => {
    window.__shared = [];
    Navigator.prototype.share = function (data) {
      window.__shared.push({ active: navigator.userActivation?.isActive ?? true, url: data.url });
      return Promise.resolve();
    };
    Navigator.prototype.canShare = () => true;
  });
  await page.goto(server + "/share.html");
  await expect(page.locator("#full")).toHaveAttribute("data-state", "ready");
  await page.locator("#full [part=share-button]").click();
  await expect.poll(() => page.evaluate(() => window.__shared.length)).toBe(1);
  expect(await page.evaluate(() => window.__shared[0].active)).toBe(true);
});

test("destroying cards whose menus are open leaves both modules' listeners at baseline and their memory flat", async ({ page, server }) => {
  test.setTimeout(120_000);
  await pageWithCards(page, server, 0);
  const base = await page.evaluate(() => window.__wasmStats());
  expect(base).toMatchObject({ listeners: 0, shareListeners: 0, cards: 0 });
  await page.evaluate(() => {
    window.__cycle = async (n) => {
      const { render } = await import("/dist/summary-card.js");
      const data = await (await fetch("/episodes/ilya.json")).json();
      const box = document.getElementById("box");
      for (let i = 0; i < n; i++) {
        const el = document.createElement("div");
        box.append(el);
        const card = await render(el, data);
        el.shadowRoot.querySelector("[part=share-button]").click();
        // The first click waits for the module; later ones are at once.
        for (let t = 0; !el.shadowRoot.querySelector("[part=share-menu]"); t++) {
          if (t > 200) throw new Error("the menu did not open");
          await new Promise((r) => setTimeout(r, 10));
        }
        // Mastodon with no server remembered: its form adds a listener.
        el.shadowRoot.querySelector("[data-target=mastodon]")?.click();
        if (i % 2) card.destroy();
        el.remove(); // (a detached host is destroyed in a microtask)
        await null;
      }
    };
  });
  await page.evaluate(() => window.__cycle(50));
  const open = await page.evaluate(async () => {
    const el = document.createElement("div");
    document.getElementById("box").append(el);
    const { render } = await import("/dist/summary-card.js");
    const card = await render(el, await (await fetch("/episodes/ilya.json")).json());
    el.shadowRoot.querySelector("[part=share-button]").click();
    const during = window.__wasmStats();
    card.destroy();
    el.remove();
    return during;
  });
  expect(open.shareListeners, "an open menu has listeners in the share module").toBeGreaterThan(0);
  await expect.poll(() => page.evaluate(() => window.__wasmStats())).toMatchObject({ listeners: 0, shareListeners: 0, cards: 0 });
  const warm = await page.evaluate(() => window.__wasmStats());
  await page.evaluate(() => window.__cycle(300));
  await expect.poll(() => page.evaluate(() => window.__wasmStats())).toMatchObject({ listeners: 0, shareListeners: 0, cards: 0 });
  const end = await page.evaluate(() => window.__wasmStats());
  expect(end.shareMemory, "the share module's memory grew").toBe(warm.shareMemory);
  expect(end.memory, "the card module's memory grew").toBe(warm.memory);
  expect(end.externrefs).toBe(warm.externrefs);
});

test("a share module that cannot load: a polite status, a console error, nothing in the page; the next click tries again", async ({ page, server }) => {
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.addInitScript(() => {
    delete Navigator.prototype.share;
  });
  let fail = true;
  await page.route("**/dist/summary-card-share.wasm", (route) => (fail ? route.fulfill({ status: 503, body: "down" }) : route.continue()));
  await page.goto(server + "/share.html");
  await expect(page.locator("#full")).toHaveAttribute("data-state", "ready");
  await page.locator("#full [part=share-button]").click();
  const status = page.locator("#full [role=status].status");
  await expect(status).toHaveText(/Sharing is not available right now/);
  expect(errors.join("\n")).toMatch(/summary-card: the share menu could not be loaded: could not load .*summary-card-share\.wasm \(HTTP 503\)/);
  await expect(page.locator("#full [part=share-menu]")).toHaveCount(0);
  fail = false;
  await page.locator("#full [part=share-button]").click();
  await expect(page.locator("#full [part=share-menu]")).toBeVisible();
  // (The fixture checks that nothing reached window.onerror or unhandledrejection.)
});
