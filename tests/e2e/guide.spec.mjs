// www/embed-guide.html: the live example renders; every snippet uses the
// contract's names correctly (the runnable ones are pasted into fresh pages
// and must render, the example data must validate); every link resolves;
// axe finds nothing; the page keeps the strict CSP it recommends.
import { test, expect, expectSeedCard, expectNoAxeViolations, serveUnderCsp } from "./fixtures.mjs";

const OPTIONS = ["theme", "layout", "locale", "wpm", "share", "heading-level"];
const VALUES = { theme: ["light", "dark", "auto"], layout: ["full", "compact"] };

/** Every snippet on the page: its text, what language it is in, whether it can run as it is. */
async function snippets(page) {
  return page.locator("pre.snippet").evaluateAll((pres) =>
    pres.map((p) => ({ text: p.querySelector("code").textContent, lang: p.dataset.lang, run: p.hasAttribute("data-run") })),
  );
}

/** The text without template syntax (Hugo, Liquid, JSX values), so only HTML is left to check. */
const plain = (s) =>
  s
    .replace(/\{\{[\s\S]*?\}\}/g, "")
    .replace(/\{%[\s\S]*?%\}/g, "")
    .replace(/=\{[^}]*\}/g, '=""')
    .replace(/\$\{[^}]*\}/g, "");

test("the live example card renders the seed episode", async ({ page, server }) => {
  await page.goto(server + "/embed-guide.html");
  await expectSeedCard(page, "#example");
  // It sits under an h2, so its title is an h3.
  await expect(page.locator("#example h3[part=title]")).toHaveCount(1);
});

test("every snippet is plausible: contract names, attributes and values, script types", async ({ page, server }) => {
  await page.goto(server + "/embed-guide.html");
  const all = await snippets(page);
  expect(all.length).toBeGreaterThan(20);
  for (const { text, lang } of all) {
    expect(text.trim(), "empty snippet").not.toBe("");
    expect(text, text).toMatch(/summary-card|SummaryCard|wasm-unsafe-eval|application\/wasm|Access-Control-Allow-Origin|"takeaways"/);
    const html = plain(text);
    // <summary-card> takes only the contract's attributes, with valid values.
    // (Astro's <SummaryCard> component passes its props on as the same attributes.)
    for (const [, attrs] of html.matchAll(/<(?:summary-card|SummaryCard)\b([^>]*?)\/?>/g)) {
      for (const [, name, value] of attrs.matchAll(/([a-z][a-z-]*)(?:="([^"]*)")?/g)) {
        expect(["src", ...OPTIONS], `${name} in ${text}`).toContain(name);
        if (VALUES[name] && value) expect(VALUES[name], `${name}="${value}"`).toContain(value);
      }
    }
    // The hook element's options are data-* versions of the same names.
    for (const [tag] of html.matchAll(/<[a-z]+\b[^>]*\bdata-summary-card\b[^>]*>/g)) {
      for (const [, name, value] of tag.matchAll(/\b(data-[a-z-]+)(?:="([^"]*)")?/g)) {
        expect(["data-summary-card", ...OPTIONS.map((o) => "data-" + o)], `${name} in ${text}`).toContain(name);
        const option = name.slice(5);
        if (VALUES[option] && value) expect(VALUES[option]).toContain(value);
      }
    }
    // summary-card.js is a module; embed.js is a classic script.
    for (const [tag] of text.matchAll(/<script\b[^>]*>/g)) {
      if (/summary-card\.js/.test(tag)) expect(tag, tag).toMatch(/type="module"/);
      if (/embed\.js/.test(tag)) {
        expect(tag, tag).not.toMatch(/type="module"/);
        expect(tag, tag).toMatch(/\basync\b/);
      }
    }
    // No other element name, event or option name is invented.
    expect(text).not.toMatch(/<summary-card-|summary-card:(?!ready|error|share)[a-z]/);
    if (/Content-Security-Policy|script-src/.test(text)) expect(text).toContain("'wasm-unsafe-eval'");
    if (lang === "json") expect(() => JSON.parse(text), text).not.toThrow();
  }
});

test("the example data and every inline JSON in a snippet validate", async ({ page, server }) => {
  await page.goto(server + "/embed-guide.html");
  const all = await snippets(page);
  const docs = [];
  for (const { text, lang } of all) {
    if (lang === "json") docs.push(text);
    for (const [, json] of text.matchAll(/<script type="application\/json">([\s\S]*?)<\/script>/g)) {
      if (!/\{\{|\{%/.test(json)) docs.push(json);
    }
  }
  expect(docs.length).toBeGreaterThanOrEqual(3);
  const problems = await page.evaluate(async (docs) => {
    const { validate } = await import("/dist/summary-card.js");
    return docs.map((d) => validate(d));
  }, docs);
  for (const [i, p] of problems.entries()) expect(p, docs[i]).toEqual([]);
});

test("the runnable snippets, pasted into a fresh page, each render a card", async ({ page, server, context }) => {
  await page.goto(server + "/embed-guide.html");
  const runnable = (await snippets(page)).filter((s) => s.run);
  expect(runnable.length).toBe(3);
  for (const { text } of runnable) {
    const p = await context.newPage();
    await p.route(server + "/pasted.html", (r) =>
      r.fulfill({
        contentType: "text/html; charset=utf-8",
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My blog</title></head><body><main>${text}</main></body></html>`,
      }),
    );
    const errors = [];
    p.on("pageerror", (e) => errors.push(e.message));
    await p.goto(server + "/pasted.html");
    const host = p.locator("summary-card, [data-summary-card]");
    await expect(host, text).toHaveAttribute("data-state", "ready");
    await expect(host.locator("[part=title]"), text).not.toBeEmpty();
    expect(errors).toEqual([]);
    await p.close();
  }
});

test("every internal link resolves and every table-of-contents entry has its section", async ({ page, server }) => {
  await page.goto(server + "/embed-guide.html");
  const links = await page.locator("a[href]").evaluateAll((as) => as.map((a) => ({ href: a.href, raw: a.getAttribute("href") })));
  expect(links.length).toBeGreaterThan(10);
  for (const { href, raw } of links) {
    const url = new URL(href);
    if (url.origin !== server) {
      expect(url.protocol, href).toBe("https:");
      continue;
    }
    if (raw.startsWith("#")) {
      await expect(page.locator(raw), raw).toHaveCount(1);
      continue;
    }
    const res = await page.request.get(url.origin + url.pathname);
    expect(res.status(), href).toBe(200);
    if (url.hash) {
      const other = await idsAt(page, url.origin + url.pathname);
      expect(other, href).toContain(url.hash.slice(1));
    }
  }
  const toc = await page.locator(".toc a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(toc.length).toBe(10);
  for (const id of toc) {
    await expect(page.locator(`${id} > h2`), id).toHaveCount(1);
  }
});

/** The ids in the page at `url` (for links to a fragment of another page). */
async function idsAt(page, url) {
  const html = await (await page.request.get(url)).text();
  return [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
}

test("the playground's link to the data format lands on its section", async ({ page, server }) => {
  await page.goto(server + "/playground.html");
  await page.getByRole("link", { name: "the data format" }).click();
  await expect(page).toHaveURL(/embed-guide\.html#data$/);
  await expect(page.locator("#data h2")).toBeInViewport();
});

test("Copy puts a snippet on the clipboard and says so", async ({ page, server, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server });
  await page.goto(server + "/embed-guide.html");
  const pre = page.locator("pre.snippet").nth(3);
  const button = page.locator("button.copy").nth(3);
  await expect(button).toHaveAccessibleName(/^Copy: c\. The classic embed\.js and data-summary-card/);
  await button.click();
  await expect(page.locator("#copy-status")).toHaveText(/^Copied snippet 4 \(c\. The classic/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await pre.locator("code").textContent());
});

test("axe: no violations", async ({ page, server }) => {
  await page.goto(server + "/embed-guide.html");
  await expect(page.locator("#example")).toHaveAttribute("data-state", "ready");
  await expectNoAxeViolations(page);
});

test("the guide keeps the strict CSP it recommends", async ({ page, server }) => {
  await serveUnderCsp(page, server);
  await page.goto(server + "/embed-guide.html");
  await expect(page.locator("#example")).toHaveAttribute("data-state", "ready");
  await expect(page.locator("button.copy").first()).toBeVisible();
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
});

test("the demo's first page links to the playground and the guide", async ({ page, server }) => {
  await page.goto(server + "/");
  for (const [name, path, heading] of [
    [/^Playground/, "/playground.html", "Playground"],
    [/^Embed guide/, "/embed-guide.html", "Embed guide"],
  ]) {
    await page.getByRole("link", { name }).click();
    await expect(page).toHaveURL(server + path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await page.goBack();
  }
});
