// Privacy: the card requests only its own files, the `src` the page asked
// for and the images the data names; it sets no cookie and stores nothing
// (the one exception, the reader's Mastodon server, is tested in share.spec).
import { test, expect, expectSeedCard } from "./fixtures.mjs";

test("a card makes no request beyond its files, its src and its images, and stores nothing", async ({ page, server }) => {
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(server + "/api.html");
  await expectSeedCard(page, "#target");
  const card = page.locator("#target");
  await expect(card.locator("img")).toHaveJSProperty("complete", true);

  // Use it the way a reader does: open the share menu, copy the link, close it.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await card.locator("[part=share-button]").click();
  await card.locator("[part=share-menu] [data-target=copy]").click();
  await page.keyboard.press("Escape");
  await page.mouse.click(5, 5);

  const expected = [
    "/api.html", // the page
    "/demo.css", // the page's own style
    "/api.js", // the page's own script
    "/dist/summary-card.js",
    "/dist/summary-card.wasm",
    "/dist/summary-card-share.js", // the share menu's module, on the first Share press
    "/dist/summary-card-share.wasm",
    "/episodes/ilya.json", // fetched by the page's script, not by the card
    "/art.svg", // the artwork the data names
  ];
  expect([...new Set(requests)].sort()).toEqual(expected.sort());

  const stored = await page.evaluate(async () => ({
    cookie: document.cookie,
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    databases: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
    workers: (await navigator.serviceWorker.getRegistrations()).length,
  }));
  expect(stored).toEqual({ cookie: "", local: [], session: [], databases: [], caches: [], workers: 0 });
});
