// www/playground.html: the JSON editor, its problem list, the live card, the
// option controls, and the three embed snippets, each of which is pasted into
// a fresh page to prove it gives the card the playground shows.
import { test, expect, SEED, expectNoAxeViolations as expectNoViolations, serveUnderCsp } from "./fixtures.mjs";

/** A title that would break out of an unescaped inline script element. */
const HOSTILE = 'Fixed </script><script>window.__pwned = 1</script> <!-- & <b>bold</b>';

async function open(page, server) {
  await page.goto(server + "/playground.html");
  const card = page.locator("#card");
  await expect(card).toHaveAttribute("data-state", "ready");
  await expect(card.locator("[part=title]")).toHaveText(SEED.title);
  return card;
}

const editor = (page) => page.getByLabel("Episode JSON");

/** Replaces the editor's text, as typing would (one input event). */
async function edit(page, change) {
  const box = editor(page);
  const text = change(await box.inputValue());
  await box.fill(text);
  return text;
}

test("loads the example episode into the editor and the card, with no problems", async ({ page, server }) => {
  await open(page, server);
  const seed = await (await page.request.get(server + "/episodes/ilya.json")).text();
  await expect(editor(page)).toHaveValue(seed);
  await expect(page.locator("#problem-count")).toHaveText("No problems");
  await expect(page.locator("#problems li")).toHaveCount(0);
  await expect(page.locator("#stale")).toBeHidden();
  await expect(page.locator("#card [part=takeaway]")).toHaveCount(5);
  // The card sits under the page's "The card" heading (h2), so its title is an h3.
  await expect(page.locator("#card h3[part=title]")).toHaveCount(1);
});

test("a wrong type is listed by path, message and place; the card keeps the last valid version", async ({ page, server }) => {
  const card = await open(page, server);
  const text = await edit(page, (t) => t.replace(JSON.stringify(SEED.title), "42"));
  const problems = page.locator("#problems li");
  await expect(problems).toHaveCount(1);
  await expect(problems).toContainText("title: expected a string, found 42");
  await expect(page.locator("#problem-count")).toHaveText("1 problem");
  await expect(page.locator("#problems")).toHaveAttribute("aria-live", "polite");
  // The place is where the 42 is, found by walking the JSON path.
  const lines = text.split("\n");
  const line = lines.findIndex((l) => l.includes('"title": 42'));
  const column = lines[line].indexOf("42") + 1;
  const go = problems.locator("button.at");
  await expect(go).toHaveText(`line ${line + 1}, column ${column}`);
  await go.click();
  await expect(editor(page)).toBeFocused();
  const sel = await editor(page).evaluate((e) => e.value.slice(e.selectionStart, e.selectionEnd));
  expect(sel).toBe("42");
  // The card still shows the last valid data, and says so.
  await expect(page.locator("#stale")).toBeVisible();
  await expect(card).toHaveAttribute("data-state", "ready");
  await expect(card.locator("[part=title]")).toHaveText(SEED.title);

  // Several problems at once, each with its own path, in the validator's order.
  await edit(page, (t) => t.replace('"duration": "1:36:00"', '"duration": "1h"').replace('"title": "RL Training Limitations"', '"title": true'));
  await expect(problems).toHaveCount(3);
  await expect(page.locator("#problem-count")).toHaveText("3 problems");
  await expect(problems.nth(0)).toContainText("title: expected a string, found 42");
  const all = (await problems.allTextContents()).join("\n");
  expect(all).toContain('duration: expected seconds, "MM:SS" or "H:MM:SS", found the string "1h"');
  expect(all).toContain("takeaways[0].title: expected a string, found true");

  // A required field removed: the place is the object that lacks it.
  await edit(page, () => '{\n  "version": 1,\n  "takeaways": [{ "text": "x" }]\n}\n');
  await expect(problems).toHaveCount(1);
  await expect(problems).toContainText("title: is required");
  await expect(problems.locator("button.at")).toHaveText("line 1, column 1");
});

test("a JSON syntax error is listed with its line and column, and the button selects that place", async ({ page, server }) => {
  const card = await open(page, server);
  const text = await edit(page, (t) => t.replace('"guests": [', '"guests" ['));
  const problems = page.locator("#problems li");
  await expect(problems).toHaveCount(1);
  await expect(problems).toContainText("not valid JSON");
  const lines = text.split("\n");
  const line = lines.findIndex((l) => l.includes('"guests" ['));
  const column = lines[line].indexOf("[") + 1;
  await expect(problems.locator("button.at")).toHaveText(`line ${line + 1}, column ${column}`);
  await problems.locator("button.at").click();
  const at = await editor(page).evaluate((e) => e.selectionStart);
  expect(at).toBe(text.indexOf('"guests" [') + '"guests" '.length);
  await expect(card.locator("[part=title]")).toHaveText(SEED.title);
  await expect(page.locator("#stale")).toBeVisible();

  // Past an astral character the column counts characters (16), not UTF-16 units (17),
  // and the button still finds the right place in the text.
  await edit(page, () => '{"title": "é😀" x}');
  await expect(problems.locator("button.at")).toHaveText("line 1, column 16");
  await problems.locator("button.at").click();
  expect(await editor(page).evaluate((e) => e.value.slice(e.selectionStart))).toBe("x}");
});

test("fixing the JSON clears the list and the card updates", async ({ page, server }) => {
  const card = await open(page, server);
  await edit(page, (t) => t.replace(JSON.stringify(SEED.title), '"A new title"').replace('"version": 1,', '"version": 1'));
  await expect(page.locator("#problems li")).toHaveCount(1);
  await expect(card.locator("[part=title]")).toHaveText(SEED.title);
  await edit(page, (t) => t.replace('"version": 1', '"version": 1,'));
  await expect(page.locator("#problem-count")).toHaveText("No problems");
  await expect(page.locator("#problems li")).toHaveCount(0);
  await expect(card.locator("[part=title]")).toHaveText("A new title");
  await expect(card).toHaveAttribute("data-state", "ready");
  await expect(page.locator("#stale")).toBeHidden();
});

test("typing is debounced: one update after a burst of input", async ({ page, server }) => {
  const card = await open(page, server);
  // Each update() sets data-state="loading" at once: count them.
  await card.evaluate((e) => {
    window.__loads = 0;
    new MutationObserver(() => e.getAttribute("data-state") === "loading" && window.__loads++).observe(e, {
      attributeFilter: ["data-state"],
    });
  });
  const box = editor(page);
  await box.evaluate((e) => {
    const i = e.value.indexOf("Ilya Sutskever –");
    e.setSelectionRange(i, i);
  });
  await box.pressSequentially("Dr. ");
  await expect(card.locator("[part=title]")).toHaveText("Dr. " + SEED.title);
  await page.waitForTimeout(400);
  expect(await page.evaluate(() => window.__loads)).toBe(1);
});

test("theme, layout and locale change the card", async ({ page, server }) => {
  const card = await open(page, server);
  await page.getByLabel("layout").selectOption("compact");
  await expect(card.locator("[part=card]")).toHaveAttribute("data-layout", "compact");
  await expect(card.locator("[part=takeaway]")).toHaveCount(3);
  await expect(card).toHaveAttribute("data-state", "ready");

  await page.getByLabel("theme").selectOption("dark");
  await expect(card).toHaveAttribute("theme", "dark");
  await expect(card.locator(".sc")).toHaveAttribute("data-theme", "dark");
  const bg = await card.locator("[part=card]").evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(bg).toBe("rgb(23, 24, 29)"); // #17181d, the dark palette

  await page.getByLabel("locale").selectOption("fr");
  await expect(card.locator(".sc")).toHaveAttribute("lang", "fr");
  await expect(card.locator("[part=stats]")).not.toHaveText(SEED.stats);
  await expect(card.locator("[part=duration]")).toContainText("96");
  await expect(card).toHaveAttribute("data-state", "ready");
  // The options stay through an edit of the data.
  await edit(page, (t) => t.replace(JSON.stringify(SEED.title), '"Titre"'));
  await expect(card.locator("[part=title]")).toHaveText("Titre");
  await expect(card.locator(".sc")).toHaveAttribute("lang", "fr");
  await expect(card.locator("[part=card]")).toHaveAttribute("data-layout", "compact");

  await page.getByLabel("locale").selectOption("ar");
  await expect(card.locator(".sc")).toHaveAttribute("dir", "rtl");
  // Back to the defaults: the attributes go away.
  await page.getByLabel("theme").selectOption("auto");
  await page.getByLabel("layout").selectOption("full");
  await page.getByLabel("locale").selectOption("");
  await expect(card).not.toHaveAttribute("theme", /.*/);
  await expect(card).not.toHaveAttribute("layout", /.*/);
  await expect(card).not.toHaveAttribute("locale", /.*/);
  await expect(card.locator(".sc")).toHaveAttribute("lang", "en");
  await expect(card.locator("[part=takeaway]")).toHaveCount(5);
});

test("a collection renders as a showcase of compact cards", async ({ page, server }) => {
  const card = await open(page, server);
  await page.getByRole("button", { name: "Load a collection (a season)" }).click();
  await expect(editor(page)).toHaveValue(/"episodes"/);
  await expect(page.locator("#problem-count")).toHaveText("No problems");
  await expect(card.locator(".episodes > li")).toHaveCount(3);
  await expect(card.locator("[part=card]")).toHaveCount(3);
  await expect(card).toHaveAttribute("data-state", "ready");
  // A problem inside one episode is listed with its full path.
  await edit(page, (t) => t.replace(/"takeaways": \[/, '"takeaways": 7, "x": ['));
  await expect(page.locator("#problems li").first()).toContainText("episodes[0].takeaways: expected an array, found 7");
  await page.getByRole("button", { name: "Load the example episode" }).click();
  await expect(card.locator("[part=title]")).toHaveCount(1);
  await expect(card.locator("[part=title]")).toHaveText(SEED.title);
});

/**
 * Opens `html` as the body of a fresh page on the test server (so /dist/
 * resolves there), with `json` served at the snippets' placeholder URL.
 */
async function paste(context, server, html, json) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__hostErrors = [];
    window.addEventListener("error", (e) => window.__hostErrors.push(String(e.message)));
    window.addEventListener("unhandledrejection", (e) => window.__hostErrors.push("rejection: " + e.reason));
  });
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.route(server + "/pasted.html", (r) =>
    r.fulfill({
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My blog</title></head><body><main><h1>My post</h1>\n${html}\n</main></body></html>`,
    }),
  );
  await page.route(server + "/episodes/your-episode.json", (r) => r.fulfill({ contentType: "application/json", body: json }));
  await page.goto(server + "/pasted.html");
  return { page, requests, dialogs };
}

async function copied(page, form) {
  await page.getByRole("button", { name: `Copy snippet ${form}` }).click();
  await expect(page.locator("#copy-status")).toHaveText(`Copied snippet ${form}.`);
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip).toBe(await page.locator(`#sn-${form}`).textContent());
  return clip;
}

test("each copied snippet, pasted into a fresh page, gives the same card", async ({ page, server, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server });
  const card = await open(page, server);
  // A title that would end an unescaped inline script, and non-default options.
  const json = await edit(page, (t) => t.replace(JSON.stringify(SEED.title), JSON.stringify(HOSTILE)));
  await expect(card.locator("[part=title]")).toHaveText(HOSTILE);
  await page.getByLabel("layout").selectOption("compact");
  await page.getByLabel("locale").selectOption("fr");
  await expect(card.locator(".sc")).toHaveAttribute("lang", "fr");

  const a = await copied(page, "a");
  expect(a).toContain('<script type="module" src="/dist/summary-card.js"></script>');
  expect(a).toContain('<summary-card src="/episodes/your-episode.json" layout="compact" locale="fr">');
  expect(a).not.toContain("theme=");
  const b = await copied(page, "b");
  expect(b).toContain('<script type="application/json">{"version":1,');
  expect(b.match(/</g).length).toBe(6); // the tags only: every < in the data is \u003c
  expect(b).toContain("\\u003c/script>");
  // Form c, with dist/ on another path given in full.
  await page.getByLabel("Your copy of dist/").fill(server + "/dist");
  const c = await copied(page, "c");
  expect(c).toContain(`<script async src="${server}/dist/embed.js"></script>`);
  expect(c).toContain('<div data-summary-card="/episodes/your-episode.json" data-layout="compact" data-locale="fr">');

  for (const [form, snippet, host] of [
    ["a", a, "summary-card"],
    ["b", b, "summary-card"],
    ["c", c, "[data-summary-card]"],
  ]) {
    const pasted = await paste(context, server, snippet, json);
    const p = pasted.page;
    const el = p.locator(host);
    await expect(el, form).toHaveAttribute("data-state", "ready");
    await expect(el.locator("[part=title]"), form).toHaveText(HOSTILE);
    await expect(el.locator("[part=card]"), form).toHaveAttribute("data-layout", "compact");
    await expect(el.locator(".sc"), form).toHaveAttribute("lang", "fr");
    await expect(el.locator("[part=takeaway]"), form).toHaveCount(3);
    // The data is text: nothing in it ran or became an element.
    expect(await p.evaluate(() => window.__pwned), form).toBeUndefined();
    expect(await p.evaluate(() => document.querySelectorAll("script").length), form).toBe(form === "b" ? 2 : 1);
    expect(await p.evaluate(() => document.querySelectorAll("main b").length), form).toBe(0);
    expect(pasted.dialogs, form).toEqual([]);
    expect(pasted.requests.includes("/episodes/your-episode.json"), form).toBe(form !== "b");
    expect(await p.evaluate(() => window.__hostErrors), form).toEqual([]);
    await p.close();
  }
});

test("the snippet URL and dist/ fields are escaped and echoed", async ({ page, server }) => {
  await open(page, server);
  await page.getByLabel("Your JSON's URL (forms a and c)").fill('/e/"x"&<y>.json');
  await expect(page.locator("#sn-a")).toContainText('src="/e/&quot;x&quot;&amp;&lt;y&gt;.json"');
  await expect(page.locator("#sn-c")).toContainText('data-summary-card="/e/&quot;x&quot;&amp;&lt;y&gt;.json"');
  await expect(page.locator(".src-echo").first()).toHaveText('/e/"x"&<y>.json');
  // Fallback link: the episode's url and title, escaped.
  await expect(page.locator("#sn-a")).toContainText('<a href="https://www.dwarkesh.com/p/ilya-sutskever-2">Ilya Sutskever');
});

test("while the JSON has problems the snippets keep the last valid version", async ({ page, server }) => {
  await open(page, server);
  await edit(page, (t) => t.replace(JSON.stringify(SEED.title), '"Second"'));
  await expect(page.locator("#sn-b")).toContainText('"title":"Second"');
  await edit(page, (t) => t.replace('"Second"', "42"));
  await expect(page.locator("#problems li")).toHaveCount(1);
  await expect(page.locator("#snippet-note")).toBeVisible();
  await expect(page.locator("#sn-b")).toContainText('"title":"Second"');
});

test("without a clipboard, Copy selects the snippet and says so", async ({ page, server }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined });
  });
  await open(page, server);
  await page.getByRole("button", { name: "Copy snippet b" }).click();
  await expect(page.locator("#copy-status")).toContainText("Could not copy: snippet b is selected");
  const selected = await page.evaluate(() => getSelection().toString());
  expect(selected).toBe(await page.locator("#sn-b").textContent());
});

test("keyboard: the controls are reached by Tab in order, with a visible focus ring", async ({ page, server }) => {
  await open(page, server);
  await page.getByRole("button", { name: "Load the example episode" }).focus();
  const order = [];
  for (let i = 0; i < 7; i++) {
    order.push(await page.evaluate(() => document.activeElement.id || document.activeElement.textContent.replace(/\s+/g, " ").trim()));
    await page.keyboard.press("Tab");
  }
  expect(order).toEqual(["load-seed", "load-season", "format", "the data format", "json", "o-theme", "o-layout"]);
  await page.getByRole("button", { name: "Format the JSON" }).focus();
  await page.keyboard.press("Tab");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  expect(outline).toBe("solid");
});

test("axe: no violations with the card, with problems listed, and in the dark theme", async ({ page, server }) => {
  const card = await open(page, server);
  await expectNoViolations(page);
  await edit(page, (t) => t.replace(JSON.stringify(SEED.title), "42").replace('"duration": "1:36:00"', '"duration": "1h"'));
  await expect(page.locator("#problems li")).toHaveCount(2);
  await page.getByLabel("theme").selectOption("dark");
  await expect(card.locator(".sc")).toHaveAttribute("data-theme", "dark");
  await expectNoViolations(page);
});

test("works under the strict CSP with no violation", async ({ page, server }) => {
  await serveUnderCsp(page, server);
  const card = await open(page, server);
  await edit(page, (t) => t.replace(JSON.stringify(SEED.title), '"Under CSP"'));
  await expect(card.locator("[part=title]")).toHaveText("Under CSP");
  await page.getByLabel("layout").selectOption("compact");
  await expect(card.locator("[part=card]")).toHaveAttribute("data-layout", "compact");
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
});
