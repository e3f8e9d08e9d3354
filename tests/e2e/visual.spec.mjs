// Visual regression: screenshots of the seed card (www/episodes/ilya.json) in
// light, dark, compact, 300 px, right-to-left (locale="ar") and CJK
// (locale="ja") are kept as reference images in tests/visual/ (the path
// template is in playwright.config.mjs). A test fails when the rendering
// differs from its reference in more than 0.2% of the pixels.
//
// After a deliberate change to the card's look, regenerate and commit them:
//
//   npx playwright test tests/e2e/visual.spec.mjs --update-snapshots
//
// The references depend on the browser build and the installed fonts: they
// are made with Debian's Chromium and the fonts `scripts/setup.sh --browsers`
// installs (DejaVu, Liberation, WenQuanYi Micro Hei, Lohit Devanagari).
//
// Deterministic conditions: a fixed viewport and device scale, light color
// scheme, reduced motion, animations disabled, caret hidden, the mouse away
// from the card, web fonts settled, and a page (served by this test from the
// test server's origin) that holds only the card in a fixed-width container.
// The seed data is served with its show's artwork pointing at /art.svg, so the
// screenshots include the artwork image, loaded and decoded.
import { readFile } from "node:fs/promises";
import { test, expect } from "./fixtures.mjs";

test.use({
  viewport: { width: 1000, height: 800 },
  deviceScaleFactor: 1,
  colorScheme: "light",
  reducedMotion: "reduce",
  locale: "en-US",
  timezoneId: "UTC",
});

const SEED = JSON.parse(await readFile(new URL("../../www/episodes/ilya.json", import.meta.url), "utf8"));

/** name -> the card's attributes, the container's width and the page background. */
const CASES = {
  "seed-light": { attrs: 'theme="light"', width: 640, bg: "#ffffff" },
  "seed-dark": { attrs: 'theme="dark"', width: 640, bg: "#111111" },
  "seed-compact": { attrs: 'theme="light" layout="compact"', width: 640, bg: "#ffffff" },
  "seed-300": { attrs: 'theme="light"', width: 300, bg: "#ffffff" },
  "seed-ar": { attrs: 'theme="light" locale="ar"', width: 640, bg: "#ffffff" },
  "seed-ja": { attrs: 'theme="light" locale="ja"', width: 640, bg: "#ffffff" },
};

/** Serves a page holding only the card, and the seed with artwork, at fixed test-only URLs. */
async function openCard(page, server, { attrs, width, bg }) {
  const data = { ...SEED, show: { ...SEED.show, artwork: server + "/art.svg" } };
  await page.route(server + "/__visual/seed.json", (route) =>
    route.fulfill({ contentType: "application/json", body: JSON.stringify(data) }),
  );
  await page.route(server + "/__visual/card.html", (route) =>
    route.fulfill({
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>visual</title>
<style>html, body { margin: 0; background: ${bg}; } #box { width: ${width}px; padding: 16px; }</style>
<script type="module" src="/dist/summary-card.js"></script></head>
<body><div id="box"><summary-card id="card" ${attrs} src="/__visual/seed.json"></summary-card></div></body></html>`,
    }),
  );
  await page.goto(server + "/__visual/card.html");
  const card = page.locator("#card");
  await expect(card).toHaveAttribute("data-state", "ready");
  await expect(card.locator("[part=title]")).toHaveText(SEED.title);
  const art = card.locator("img.artwork");
  await expect(art).toHaveJSProperty("complete", true);
  await expect(art).not.toHaveJSProperty("naturalWidth", 0);
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all([...document.querySelector("#card").shadowRoot.querySelectorAll("img")].map((i) => i.decode()));
  });
  await page.mouse.move(0, 0);
  return card;
}

for (const [name, setup] of Object.entries(CASES)) {
  test(`${name} looks like its reference image`, async ({ page, server }) => {
    const card = await openCard(page, server, setup);
    await expect(card).toHaveScreenshot(`${name}.png`, {
      maxDiffPixelRatio: 0.002,
      animations: "disabled",
      caret: "hide",
      scale: "css",
    });
  });
}
