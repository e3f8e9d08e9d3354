// Only English is built into the wasm. A card in another language first
// fetches its message table, /dist/locales/<tag>.json, once per page and
// language; English pages fetch none; a table that cannot be had leaves the
// card in English with one console warning.
import { test, expect } from "./fixtures.mjs";
import { readFileSync } from "node:fs";

const seed = readFileSync(new URL("../../www/episodes/ilya.json", import.meta.url), "utf8");
const inline = (attrs = "") =>
  `<summary-card ${attrs}><script type="application/json">${seed.replace(/</g, "\\u003c")}</script></summary-card>`;
const FOOTER = {
  en: "You just read a 3-minute summary of a 96-minute episode.",
  de: "Sie haben gerade eine 3-minütige Zusammenfassung einer 96-minütigen Folge gelesen.",
  fr: "Vous venez de lire un résumé de 3\u00a0minutes d’un épisode de 96\u00a0minutes.",
};

/**
 * Opens a page holding `body` (`lang` on <html>) and records its requests
 * for message tables and its console warnings.
 */
async function open(page, server, body, lang = "en") {
  const tables = [];
  const warnings = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith("/dist/locales/")) tables.push(path);
  });
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.route(server + "/t/locales.html", (r) =>
    r.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><script type="module" src="/dist/summary-card.js"></script></head><body>${body}</body></html>`,
    }),
  );
  await page.goto(server + "/t/locales.html");
  return { tables, warnings };
}

test("an English page fetches no message table", async ({ page, server }) => {
  const { tables } = await open(page, server, inline() + inline('locale="en-GB"') + `<summary-card src="/episodes/ilya.json"></summary-card>`);
  for (const card of await page.locator("summary-card").all()) {
    await expect(card).toHaveAttribute("data-state", "ready");
    await expect(card.locator("[part=footer]")).toHaveText(FOOTER.en);
  }
  // A language the widget does not ship is English too.
  await page.evaluate(() => (document.documentElement.lang = "sv"));
  await page.waitForTimeout(200);
  expect(tables).toEqual([]);
});

test("two German cards share one request for de.json and speak German", async ({ page, server }) => {
  const { tables, warnings } = await open(page, server, inline() + inline('locale="de-AT"') + `<summary-card src="/episodes/ilya.json"></summary-card>`, "de");
  for (const card of await page.locator("summary-card").all()) {
    await expect(card).toHaveAttribute("data-state", "ready");
    await expect(card.locator("[part=footer]")).toHaveText(FOOTER.de);
    await expect(card.locator("[part=share-button]")).toHaveText("Teilen");
    await expect(card.locator(".published time")).toHaveText("25.11.2025");
  }
  expect(tables).toEqual(["/dist/locales/de.json"]);
  expect(warnings).toEqual([]);
});

test("a card stays loading until its table is in", async ({ page, server }) => {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route("**/dist/locales/ja.json", async (route) => {
    await held;
    await route.continue();
  });
  await open(page, server, inline('locale="ja"'));
  const card = page.locator("summary-card");
  await page.waitForTimeout(300);
  await expect(card).toHaveAttribute("data-state", "loading");
  await expect(card.locator("[part=card]")).toHaveCount(0);
  release();
  await expect(card).toHaveAttribute("data-state", "ready");
  await expect(card.locator("[part=share-button]")).toHaveText("共有");
});

test("a table that cannot be had: the card in English, one console warning, no page error", async ({ page, server }) => {
  await page.route("**/dist/locales/fr.json", (route) => route.fulfill({ status: 404, body: "not found" }));
  await page.route("**/dist/locales/es.json", (route) => route.fulfill({ contentType: "application/json", body: '{"episode": "half a table"}' }));
  const { tables, warnings } = await open(page, server, inline('locale="fr"') + inline('locale="fr-CA"') + inline('locale="es"'));
  for (const card of await page.locator("summary-card").all()) {
    await expect(card).toHaveAttribute("data-state", "ready");
    await expect(card.locator("[part=footer]")).toHaveText(FOOTER.en);
  }
  // English words, so an English card: lang, numbers and dates to match.
  const [french] = await page.locator("summary-card").all();
  await expect(french.locator(".sc")).toHaveAttribute("lang", "en");
  await expect(french.locator(".published time")).toHaveText("Nov 25, 2025");
  expect(tables.sort()).toEqual(["/dist/locales/es.json", "/dist/locales/fr.json"]);
  expect(warnings.filter((w) => w.includes("fr.json"))).toHaveLength(1);
  expect(warnings.filter((w) => w.includes("es.json"))).toHaveLength(1);
  expect(warnings.every((w) => w.includes("showing English"))).toBe(true);
});

test("changing locale from en to fr fetches fr.json and renders in French", async ({ page, server }) => {
  const { tables } = await open(page, server, inline('locale="en"'));
  const card = page.locator("summary-card");
  await expect(card.locator("[part=footer]")).toHaveText(FOOTER.en);
  expect(tables).toEqual([]);
  await card.evaluate((e) => e.setAttribute("locale", "fr"));
  await expect(card.locator("[part=footer]")).toHaveText(FOOTER.fr);
  await expect(card.locator(".sc")).toHaveAttribute("lang", "fr");
  await expect(card).toHaveAttribute("data-state", "ready");
  // Back and forth again: no second request.
  await card.evaluate((e) => e.setAttribute("locale", "en"));
  await expect(card.locator("[part=footer]")).toHaveText(FOOTER.en);
  await card.evaluate((e) => e.setAttribute("locale", "fr-FR"));
  await expect(card.locator("[part=footer]")).toHaveText(FOOTER.fr);
  expect(tables).toEqual(["/dist/locales/fr.json"]);
});
