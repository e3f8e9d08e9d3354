// "Share as image" (issue 18): the share menu's quote card, a 1080x1350 PNG
// drawn on a canvas in the page, shared as a file where navigator.share
// takes files, else downloaded. Only through the contract: the parts, the
// data-state, the menu item's data-target and the summary-card:share
// event; the PNG is decoded and its pixels read in the page.
import { test, expect, STRICT_CSP, serveUnderCsp } from "./fixtures.mjs";
import { readFileSync, writeFileSync } from "node:fs";

const read = (path) => readFileSync(new URL(path, import.meta.url), "utf8");
const SEED = read("../../www/episodes/ilya.json");
const AR = read("../fixtures/quote-ar.json");
const JA = read("../fixtures/quote-ja.json");
const W = 1080;
const H = 1350;
/** The picture's safe margin (src/core/quote.rs MARGIN). */
const MARGIN = 96;

const inline = (json, attrs = "") =>
  `<summary-card ${attrs}><script type="application/json">${json.replace(/</g, "\\u003c")}</script></summary-card>`;

/**
 * Web Share that takes files only: canShare refuses the link alone (so the
 * share button opens the menu) and accepts `{ files }`; share records what
 * it was given.
 */
async function filesOnlyShare(page) {
  await page.addInitScript(() => {
    window.__shared = [];
    window.__events = [];
    Navigator.prototype.canShare = (data) => Boolean(data && data.files && data.files.length);
    Navigator.prototype.share = function (data) {
      window.__shared.push(data);
      return Promise.resolve();
    };
    document.addEventListener("summary-card:share", (e) => window.__events.push(e.detail));
  });
}

/** Opens a page holding `body` and waits for its cards to be ready. */
async function open(page, server, body) {
  await page.route(server + "/t/image.html", (r) =>
    r.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="/dist/summary-card.js"></script></head><body>${body}</body></html>`,
    }),
  );
  await page.goto(server + "/t/image.html");
  await expect(page.locator("summary-card").first()).toHaveAttribute("data-state", "ready");
}

/** Opens the menu of the card (`takeaway` undefined) or of a takeaway and picks the image. */
async function shareImage(page, takeaway) {
  const card = page.locator("summary-card").first();
  if (takeaway === undefined) {
    await card.locator("[part~=share-button]").click();
  } else {
    await card.locator("[part~=takeaway]").nth(takeaway).getByRole("button").click();
  }
  const menu = card.locator("[part~=share-menu]");
  await expect(menu).toBeVisible();
  await menu.locator("[data-target=image]").click();
}

/**
 * The shared file, decoded in the page: its name, type and size, the
 * background (a corner pixel), the pixels that differ from it inside and
 * outside the safe margins, the box of those inside, how many rows hold
 * ink, and how many pixels are close to `probe` (an `#rrggbb`).
 */
async function sharedPicture(page, probe = "#000000") {
  await expect.poll(() => page.evaluate(() => window.__shared.length)).toBe(1);
  if (process.env.SHARE_IMAGE_OUT) {
    // For a person to look at: SHARE_IMAGE_OUT=dir keeps each picture there.
    const b64 = await page.evaluate(async () => {
      const bytes = new Uint8Array(await window.__shared[0].files[0].arrayBuffer());
      return btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(""));
    });
    const name = test.info().title.replace(/[^a-z0-9]+/gi, "-").slice(0, 60);
    writeFileSync(`${process.env.SHARE_IMAGE_OUT}/${name}.png`, Buffer.from(b64, "base64"));
  }
  return page.evaluate(
    async ({ probe, margin }) => {
      const data = window.__shared[0];
      const file = data.files[0];
      const bitmap = await createImageBitmap(file);
      const canvas = document.createElement("canvas");
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      const ctx = canvas.getContext("2d");
      ctx.drawImage(bitmap, 0, 0);
      const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const bg = [px[0], px[1], px[2]];
      const want = [1, 3, 5].map((i) => parseInt(probe.slice(i, i + 2), 16));
      let inside = 0;
      let outside = 0;
      let near = 0;
      const box = { left: Infinity, right: -1, top: Infinity, bottom: -1 };
      const rows = new Set();
      for (let y = 0; y < bitmap.height; y++) {
        for (let x = 0; x < bitmap.width; x++) {
          const i = (y * bitmap.width + x) * 4;
          const diff = Math.abs(px[i] - bg[0]) + Math.abs(px[i + 1] - bg[1]) + Math.abs(px[i + 2] - bg[2]);
          if (Math.abs(px[i] - want[0]) + Math.abs(px[i + 1] - want[1]) + Math.abs(px[i + 2] - want[2]) < 12) near++;
          if (diff < 24) continue;
          const safe = x >= margin && x < bitmap.width - margin && y >= margin && y < bitmap.height - margin;
          if (!safe) {
            outside++;
            continue;
          }
          inside++;
          rows.add(y);
          box.left = Math.min(box.left, x);
          box.right = Math.max(box.right, x);
          box.top = Math.min(box.top, y);
          box.bottom = Math.max(box.bottom, y);
        }
      }
      return {
        count: data.files.length,
        name: file.name,
        type: file.type,
        width: bitmap.width,
        height: bitmap.height,
        keys: Object.keys(data).sort(),
        bg,
        inside,
        outside,
        near,
        box,
        rows: rows.size,
      };
    },
    { probe, margin: MARGIN },
  );
}

const lightness = ([r, g, b]) => (r * 299 + g * 587 + b * 114) / 255;

test("the card's picture: one 1080x1350 PNG shared as a file, ink only inside the margins", async ({ page, server }) => {
  await filesOnlyShare(page);
  await open(page, server, inline(SEED));
  await shareImage(page);
  const p = await sharedPicture(page, "#4f46e5");
  expect(p).toMatchObject({ count: 1, type: "image/png", width: W, height: H, outside: 0 });
  expect(p.name).toMatch(/^ilya-sutskever[a-z0-9-]*\.png$/);
  expect(p.keys).toEqual(["files", "text", "title", "url"]);
  // A light picture on the light theme, with plenty of text in it and the
  // theme's accent (the show's name, the numbers, the link).
  expect(lightness(p.bg)).toBeGreaterThan(900);
  expect(p.inside).toBeGreaterThan(20000);
  expect(p.near).toBeGreaterThan(500);
  expect(p.box.top).toBeLessThan(MARGIN + 20);
  expect(p.box.bottom).toBeGreaterThan(H - MARGIN - 40);
  await expect.poll(() => page.evaluate(() => window.__events)).toEqual([
    { target: "image", url: "https://www.dwarkesh.com/p/ilya-sutskever-2" },
  ]);
  const shared = await page.evaluate(() => ({ title: window.__shared[0].title, url: window.__shared[0].url }));
  expect(shared).toEqual({ title: JSON.parse(SEED).title, url: "https://www.dwarkesh.com/p/ilya-sutskever-2" });
});

test("a takeaway's picture on the dark theme: a dark background and the page's accent", async ({ page, server }) => {
  await filesOnlyShare(page);
  await open(page, server, inline(SEED, 'theme="dark" style="--sc-accent: #f43f5e"'));
  await shareImage(page, 1);
  const p = await sharedPicture(page, "#f43f5e");
  expect(p).toMatchObject({ count: 1, type: "image/png", width: W, height: H, outside: 0 });
  expect(lightness(p.bg)).toBeLessThan(150);
  // The accent's bar beside the quote, the show's name and the link.
  expect(p.near).toBeGreaterThan(2000);
  expect(p.inside).toBeGreaterThan(20000);
  await expect.poll(() => page.evaluate(() => window.__events.map((e) => e.target))).toEqual(["image"]);
});

test("without Web Share the picture is downloaded as a .png", async ({ page, server }) => {
  await page.addInitScript(() => {
    delete Navigator.prototype.share;
    delete Navigator.prototype.canShare;
    window.__events = [];
    document.addEventListener("summary-card:share", (e) => window.__events.push(e.detail));
    window.__urls = { made: [], revoked: [] };
    const { createObjectURL, revokeObjectURL } = URL;
    URL.createObjectURL = (blob) => {
      const url = createObjectURL(blob);
      window.__urls.made.push(url);
      return url;
    };
    URL.revokeObjectURL = (url) => {
      window.__urls.revoked.push(url);
      revokeObjectURL(url);
    };
  });
  await open(page, server, inline(SEED));
  const download = page.waitForEvent("download");
  await shareImage(page, 0);
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.png$/);
  const bytes = readFileSync(await file.path());
  // The PNG signature and its IHDR's size.
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([W, H]);
  const card = page.locator("summary-card").first();
  await expect(card.locator("[role=status]")).toHaveText("Image saved");
  await expect.poll(() => page.evaluate(() => window.__events.map((e) => e.target))).toEqual(["image"]);
  // One blob URL, revoked afterwards; no link left in the page.
  const urls = await page.evaluate(() => window.__urls);
  expect(urls.made).toHaveLength(1);
  await expect.poll(() => page.evaluate(() => window.__urls.revoked), { timeout: 10_000 }).toEqual(urls.made);
  expect(await page.evaluate(() => document.querySelectorAll("a[download]").length)).toBe(0);
});

for (const [lang, json, title] of [
  ["ar", AR, "المشاركة كصورة"],
  ["ja", JA, "画像で共有"],
]) {
  test(`a ${lang} takeaway wraps inside the margins`, async ({ page, server }) => {
    await filesOnlyShare(page);
    await open(page, server, inline(json, `locale="${lang}"`));
    const card = page.locator("summary-card").first();
    await card.locator("[part~=takeaway]").first().getByRole("button").click();
    // The locale's words.
    await expect(card.locator("[part~=share-menu] [data-target=image]")).toHaveText(title);
    await card.locator("[part~=share-menu] [data-target=image]").click();
    const p = await sharedPicture(page);
    expect(p).toMatchObject({ count: 1, width: W, height: H, outside: 0 });
    // The long takeaway takes several lines, all of them inside.
    expect(p.rows).toBeGreaterThan(300);
    expect(p.box.left).toBeGreaterThanOrEqual(MARGIN);
    expect(p.box.right).toBeLessThan(W - MARGIN);
    expect(p.box.right - p.box.left).toBeGreaterThan(700);
  });
}

/** The seed with the show's artwork at `src`. */
const withArt = (src) => {
  const card = JSON.parse(SEED);
  card.show.artwork = src;
  return JSON.stringify(card);
};
/** art.svg's background, which no other part of the picture has. */
const ART_NAVY = "#1f3a5f";

test("a same-origin artwork is drawn in the picture", async ({ page, server }) => {
  await filesOnlyShare(page);
  await open(page, server, inline(withArt(server + "/art.svg")));
  const img = page.locator("summary-card .art img");
  await expect(img).toHaveJSProperty("complete", true);
  await expect.poll(() => img.evaluate((i) => i.naturalWidth)).toBeGreaterThan(0);
  await shareImage(page);
  const p = await sharedPicture(page, ART_NAVY);
  expect(p).toMatchObject({ count: 1, width: W, height: H, outside: 0 });
  expect(p.near).toBeGreaterThan(3000);
});

test("a cross-origin artwork, which would taint the canvas, gives way to the initial tile", async ({ page, server }) => {
  await filesOnlyShare(page);
  await page.route("https://art.example/art.svg", (r) =>
    r.fulfill({ contentType: "image/svg+xml", body: read("../../www/art.svg") }),
  );
  await open(page, server, inline(withArt("https://art.example/art.svg")));
  const img = page.locator("summary-card .art img");
  await expect.poll(() => img.evaluate((i) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
  await shareImage(page);
  // A PNG at all says the canvas stayed clean (a tainted one refuses toBlob).
  const p = await sharedPicture(page, ART_NAVY);
  expect(p).toMatchObject({ count: 1, type: "image/png", width: W, height: H, outside: 0 });
  expect(p.near).toBe(0);
  await expect.poll(() => page.evaluate(() => window.__events.map((e) => e.target))).toEqual(["image"]);
});

test("under a strict CSP with Trusted Types: downloaded, with no violation", async ({ page, server }) => {
  await serveUnderCsp(page, server, STRICT_CSP + "; require-trusted-types-for 'script'; trusted-types 'none'");
  await page.addInitScript(() => {
    delete Navigator.prototype.share;
    delete Navigator.prototype.canShare;
  });
  const messages = [];
  page.on("console", (m) => /Content Security Policy|Trusted ?Type|Refused to/i.test(m.text()) && messages.push(m.text()));
  await page.goto(server + "/csp/module.html");
  const card = page.locator("summary-card").first();
  await expect(card).toHaveAttribute("data-state", "ready");
  const download = page.waitForEvent("download");
  await card.locator("[part~=share-button]").click();
  await card.locator("[part~=share-menu] [data-target=image]").click();
  expect((await download).suggestedFilename()).toMatch(/\.png$/);
  await expect(card.locator("[role=status]")).toHaveText("Image saved");
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(messages).toEqual([]);
});
