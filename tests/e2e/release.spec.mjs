// The download for people without npm, used as EMBED.md tells a blogger:
// `npm run release`'s zip unpacked into a site (its summary-card/ folder
// uploaded as /summary-card/), the snippet from EMBED.md pasted into a blog
// post, served from 127.0.0.1 and opened in Chromium.
import { test, expect, SEED, run, serveDir } from "./fixtures.mjs";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { unzipSync } from "fflate";

const top = fileURLToPath(new URL("../../", import.meta.url));
const { version } = JSON.parse(readFileSync(join(top, "package.json"), "utf8"));

let site = null;
let server = null;
let files = [];
let snippet = "";

test.beforeAll(async () => {
  const made = await run(process.execPath, ["scripts/release.mjs"], top);
  expect(made.code, made.err).toBe(0);
  expect(made.out).toContain(`release/summary-card-${version}.zip`);
  site = mkdtempSync(join(tmpdir(), "summary-card-release-"));
  const zip = unzipSync(readFileSync(join(top, `release/summary-card-${version}.zip`)));
  files = Object.keys(zip).sort();
  for (const [path, bytes] of Object.entries(zip)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), bytes);
  }
  // The first html block of EMBED.md is what the blogger pastes.
  snippet = /```html\n([\s\S]*?)```/.exec(readFileSync(join(site, "summary-card/EMBED.md"), "utf8"))[1];
  server = await serveDir(site);
});

test.afterAll(async () => {
  await server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

/** A blog post holding `body`, served at /post.html; returns what went wrong on load. */
async function openPost(page, body) {
  writeFileSync(join(site, "post.html"), `<!doctype html><html lang="en"><meta charset="utf-8"><link rel="icon" href="data:,"><title>My blog</title><h1>My post</h1>\n${body}\n<p>The end.</p>`);
  const failed = [];
  page.on("response", (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  page.on("console", (m) => m.type() === "error" && failed.push(m.text()));
  await page.goto(server.url + "/post.html");
  return failed;
}

test("the zip holds one folder with the widget's files, EMBED.md, an example and the licences", () => {
  const want = ["summary-card.js", "summary-card.wasm", "summary-card-share.js", "summary-card-share.wasm", "embed.js", "summary-card.d.ts", "summary-card.schema.json", "EMBED.md", "index.html", "episode.json", "LICENSE-MIT", "LICENSE-APACHE"];
  const locales = files.filter((f) => f.startsWith("summary-card/locales/"));
  expect(locales).toContain("summary-card/locales/fr.json");
  expect(locales.length).toBe(9);
  expect(files).toEqual([...want.map((f) => `summary-card/${f}`), ...locales].sort());
  // The same bytes as the built dist/.
  for (const f of ["summary-card.js", "summary-card.wasm", "summary-card-share.js", "summary-card-share.wasm", "embed.js"]) {
    expect(readFileSync(join(site, "summary-card", f)).equals(readFileSync(join(top, "dist", f))), f).toBe(true);
  }
  expect(readFileSync(join(site, "summary-card/EMBED.md"), "utf8")).toContain(`summary-card ${version}`);
});

test("EMBED.md's snippet, pasted into a blog post, shows the card", async ({ page }) => {
  expect(snippet).toContain('src="/summary-card/embed.js"');
  const failed = await openPost(page, snippet);
  const card = page.locator("[data-summary-card]");
  await expect(card).toHaveAttribute("data-state", "ready");
  await expect(card.locator("[part=title]")).toHaveText(SEED.title);
  await expect(card.locator("[part=footer]")).toHaveText(SEED.footer);
  expect(failed).toEqual([]);
});

test("the snippet with data-locale=\"fr\", as EMBED.md says, shows the card in French", async ({ page }) => {
  expect(readFileSync(join(site, "summary-card/EMBED.md"), "utf8")).toContain('data-locale="fr"');
  const failed = await openPost(page, snippet.replace("<div data-summary-card", '<div data-locale="fr" data-summary-card'));
  const card = page.locator("[data-summary-card]");
  await expect(card).toHaveAttribute("data-state", "ready");
  await expect(card.locator("[part=share-button]")).toHaveText("Partager");
  expect(failed).toEqual([]);
});

test("the example index.html works where it is uploaded", async ({ page }) => {
  const failed = [];
  page.on("response", (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  await page.goto(server.url + "/summary-card/index.html");
  const card = page.locator("[data-summary-card]");
  await expect(card).toHaveAttribute("data-state", "ready");
  await expect(card.locator("[part=title]")).toHaveText(SEED.title);
  expect(failed).toEqual([]);
});
