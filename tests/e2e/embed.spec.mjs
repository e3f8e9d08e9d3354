// Each embed form of docs/contract.md §3 renders the seed card, and one page
// loads the wasm module once however many cards and script tags it has.
import { test, expect, expectSeedCard } from "./fixtures.mjs";

test("a: module + <summary-card src>", async ({ page, server }) => {
  await page.goto(server + "/embed-module.html");
  await expectSeedCard(page, "summary-card");
});

test("the demo's first page shows the seed card", async ({ page, server }) => {
  await page.goto(server + "/");
  await expectSeedCard(page, "summary-card#seed");
});

test("b: inline JSON makes no request for data", async ({ page, server }) => {
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(server + "/embed-inline.html");
  await expectSeedCard(page, "summary-card");
  expect(requests.filter((p) => p.endsWith(".json"))).toEqual([]);
});

test("c: classic embed.js + data-summary-card, src and inline; wasm loads once", async ({ page, server }) => {
  const wasm = [];
  page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(r.url()));
  await page.goto(server + "/embed-classic.html");
  await expectSeedCard(page, "#by-src");
  await expectSeedCard(page, "#inline");
  await expect(page.locator("#by-src .sc")).toHaveAttribute("data-theme", "light");
  expect(wasm).toEqual([server + "/dist/summary-card.wasm"]);
});

test("fallback content shows until the card is ready", async ({ page, server }) => {
  let release;
  const gate = new Promise((r) => (release = r));
  await page.route("**/episodes/ilya.json", async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto(server + "/embed-module.html");
  await expect(page.locator("summary-card")).toHaveAttribute("data-state", "loading");
  await expect(page.getByRole("link", { name: /Ilya Sutskever/ })).toBeVisible();
  release();
  await expect(page.locator("summary-card")).toHaveAttribute("data-state", "ready");
  await expect(page.locator("summary-card > a")).toBeHidden();
});

test("many cards and both script forms on one page instantiate wasm once", async ({ page, server }) => {
  const wasm = [];
  page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(r.url()));
  await page.goto(server + "/embed-module.html");
  await page.evaluate(() => {
    for (let i = 0; i < 5; i++) {
      const c = document.createElement("summary-card");
      c.setAttribute("src", "/episodes/ilya.json");
      document.body.append(c);
      const d = document.createElement("div");
      d.setAttribute("data-summary-card", "/episodes/ilya.json");
      document.body.append(d);
      const s = document.createElement("script");
      s.src = "/dist/embed.js";
      document.body.append(s);
    }
  });
  await expect(page.locator("[data-state=ready]")).toHaveCount(11);
  expect(wasm.length).toBe(1);
});

test("cards added later and cards moved in the page", async ({ page, server }) => {
  await page.goto(server + "/embed-module.html");
  await expect(page.locator("summary-card")).toHaveAttribute("data-state", "ready");
  await page.evaluate(() => {
    const card = document.querySelector("summary-card");
    const box = document.createElement("section");
    document.body.append(box);
    box.append(card); // a move: disconnect + connect
  });
  await expect(page.locator("section > summary-card")).toHaveAttribute("data-state", "ready");
  await expect(page.locator("section > summary-card [part=card]")).toHaveCount(1);
});

test("a hook on an element that cannot hold a shadow root fails quietly", async ({ page, server }) => {
  await page.goto(server + "/embed-module.html");
  await page.evaluate(() => {
    const a = document.createElement("a");
    a.id = "hostless";
    a.setAttribute("data-summary-card", "/episodes/ilya.json");
    document.body.append(a);
  });
  await expect(page.locator("#hostless")).toHaveAttribute("data-state", "error");
  await expect(page.locator("summary-card")).toHaveAttribute("data-state", "ready");
});
