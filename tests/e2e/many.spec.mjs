// Many cards on one page: far-away `src` cards wait until a reader comes near
// them; inline cards all render, in slices that leave the page responsive.
// (How fast is the benchmark's business: `npm run bench`.)
import { readFileSync } from "node:fs";
import { test, expect } from "./fixtures.mjs";

const SEED_JSON = readFileSync(new URL("../../www/episodes/ilya.json", import.meta.url), "utf8");

/** Serves `body` as the page /generated/many.html. */
async function openPage(page, server, body) {
  await page.route("**/generated/many.html", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module" src="/dist/summary-card.js"></script></head><body style="margin:0">${body}</body></html>`,
    }),
  );
  await page.goto(server + "/generated/many.html");
}

test("src cards far from the viewport are fetched only when the reader comes near", async ({ page, server }) => {
  const fetched = new Set();
  await page.route("**/episodes/n/*.json", (route) => {
    fetched.add(route.request().url().split("/").pop());
    route.fulfill({ body: SEED_JSON, contentType: "application/json" });
  });
  const n = 200;
  const cards = Array.from({ length: n }, (_, i) => `<summary-card id="c${i}" src="/episodes/n/${i}.json"></summary-card>`);
  await openPage(page, server, cards.join("\n"));

  await expect(page.locator("#c0")).toHaveAttribute("data-state", "ready");
  // Far beyond the first 24: those hold no height while loading (issue 17),
  // so the skeletons after them, up to about #c35, can be near at the start.
  await expect(page.locator("#c60")).toHaveAttribute("data-state", "loading");
  await page.waitForTimeout(300); // give any eager fetch its chance (an absence can only be waited for)
  const before = fetched.size;
  expect(before).toBeGreaterThan(0);
  expect(before).toBeLessThan(40); // the first 24 load at once; the rest wait
  expect(fetched.has(`${n - 1}.json`)).toBe(false);
  // Waiting cards hold their place: a skeleton with a height.
  const box = await page.locator(`#c${n - 1}`).boundingBox();
  expect(box.height).toBeGreaterThan(100);

  // Scrolling to the end fetches the last card, not everything in between.
  await page.locator(`#c${n - 1}`).scrollIntoViewIfNeeded();
  await expect(page.locator(`#c${n - 1}`)).toHaveAttribute("data-state", "ready");
  expect(fetched.size).toBeLessThan(n / 2);
});

test("1,000 inline cards all render, in slices that let the page respond", async ({ page, server }) => {
  await page.addInitScript(() => {
    // Counts frames between the first card ready and the last: rendering
    // everything in one task would leave the page no frame in between.
    window.__frames = 0;
    const frame = () => {
      window.__frames++;
      if (document.querySelectorAll("summary-card:not([data-state=ready])").length) requestAnimationFrame(frame);
    };
    document.addEventListener("summary-card:ready", () => requestAnimationFrame(frame), { once: true });
  });
  const data = SEED_JSON.replaceAll("</", "<\\/");
  const cards = Array.from({ length: 1000 }, (_, i) =>
    `<summary-card id="c${i}" layout="compact"><script type="application/json">${data}</script></summary-card>`,
  );
  await openPage(page, server, cards.join("\n"));
  await expect(page.locator("summary-card[data-state=ready]")).toHaveCount(1000, { timeout: 60_000 });
  // All in the DOM, for find-in-page and search engines.
  await expect(page.locator("#c999 [part=title]")).toHaveText(/Ilya Sutskever/);
  // Rendering 1,000 cards took many slices; the page painted in between.
  expect(await page.evaluate(() => window.__frames)).toBeGreaterThan(5);
});
