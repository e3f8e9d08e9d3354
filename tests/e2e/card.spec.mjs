// What a reader sees and does: errors stay in their card, attributes
// re-render, themes, sizes, the share button, and the JS API.
import { test, expect, settled, SEED } from "./fixtures.mjs";

test("a bad document shows an alert and does not stop the good card beside it", async ({ page, server }) => {
  const consoleErrors = [];
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  await page.addInitScript(() => {
    window.__errorEvents = [];
    document.addEventListener("summary-card:error", (e) => window.__errorEvents.push({ id: e.target.id, errors: e.detail.errors }));
  });
  await page.goto(server + "/errors.html");
  await expect(page.locator("#good")).toHaveAttribute("data-state", "ready");
  await expect(page.locator("#good [part=title]")).toHaveText(SEED.title);

  const bad = page.locator("#bad");
  await expect(bad).toHaveAttribute("data-state", "error");
  const alert = bad.locator("[part=error]");
  await expect(alert).toHaveAttribute("role", "alert");
  await expect(alert).toContainText("This summary can't be shown.");
  await expect(alert).toContainText("url: expected an absolute https: or http: URL");
  await expect(alert).toContainText("1 more problem");
  await expect(bad.locator("a[href^=javascript]")).toHaveCount(0);
  await expect(page.getByText("Fallback: read the summary on our site.")).toBeVisible();

  await expect(page.locator("#missing")).toHaveAttribute("data-state", "error");
  await expect(page.locator("#missing [part=error]")).toContainText("the server answered 404");
  await expect(page.locator("#syntax [part=error]")).toContainText("not valid JSON");

  await expect.poll(() => page.evaluate(() => window.__errorEvents.length)).toBe(3);
  const seen = await page.evaluate(() => window.__errorEvents);
  const badEvent = seen.find((s) => s.id === "bad");
  expect(badEvent.errors).toEqual([
    { path: "url", message: 'expected an absolute https: or http: URL, found the string "javascript:alert(1)"' },
    { path: "takeaways[2].title", message: "expected a string, found 42" },
  ]);
  expect(consoleErrors.some((t) => t.includes("takeaways[2].title: expected a string, found 42"))).toBe(true);
});

test("ready event fires and attribute changes re-render", async ({ page, server }) => {
  await page.goto(server + "/embed-module.html");
  const card = page.locator("summary-card");
  await expect(card).toHaveAttribute("data-state", "ready");
  const ready = page.evaluate(
    () => new Promise((r) => document.addEventListener("summary-card:ready", (e) => r(e.target.localName), { once: true })),
  );
  await card.evaluate((e) => e.setAttribute("layout", "compact"));
  expect(await ready).toBe("summary-card");
  await expect(card.locator("[part=takeaway]")).toHaveCount(3);
  await card.evaluate((e) => e.setAttribute("theme", "dark"));
  await expect(card.locator(".sc")).toHaveAttribute("data-theme", "dark");
  await card.evaluate((e) => e.setAttribute("wpm", "100"));
  await expect(card.locator("[part=read-time]")).toHaveText("7 min read");
  await card.evaluate((e) => e.setAttribute("src", "/episodes/season.json"));
  await expect(card.locator("[part=card]")).toHaveCount(3);
});

test("data-* attributes re-render hook elements", async ({ page, server }) => {
  await page.goto(server + "/embed-classic.html");
  const card = page.locator("#by-src");
  await expect(card).toHaveAttribute("data-state", "ready");
  await card.evaluate((e) => e.setAttribute("data-layout", "compact"));
  await expect(card.locator("[part=takeaway]")).toHaveCount(3);
});

test("the theme follows prefers-color-scheme in auto and the theme attribute otherwise", async ({ page, server }) => {
  const bg = (loc) => loc.evaluate((e) => getComputedStyle(e.shadowRoot.querySelector("[part=card]")).backgroundColor);
  const lum = (rgb) => rgb.match(/\d+/g).slice(0, 3).reduce((a, b) => a + Number(b), 0) / 3;
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(server + "/embed-module.html");
  const card = page.locator("summary-card");
  await expect(card).toHaveAttribute("data-state", "ready");
  expect(lum(await bg(card))).toBeLessThan(80);
  await card.evaluate((e) => e.setAttribute("theme", "light"));
  await expect(card.locator(".sc")).toHaveAttribute("data-theme", "light");
  expect(lum(await bg(card))).toBeGreaterThan(200);
  await page.emulateMedia({ colorScheme: "light" });
  await card.evaluate((e) => e.setAttribute("theme", "auto"));
  await expect(card.locator(".sc")).toHaveAttribute("data-theme", "auto");
  expect(lum(await bg(card))).toBeGreaterThan(200);
});

for (const width of [300, 480, 800]) {
  test(`fits a ${width} px column without horizontal overflow`, async ({ page, server }) => {
    await page.goto(server + "/embed-module.html");
    await page.evaluate((w) => {
      const c = document.querySelector("summary-card");
      c.style.width = w + "px";
    }, width);
    const card = page.locator("summary-card");
    await expect(card).toHaveAttribute("data-state", "ready");
    const box = await card.locator("[part=card]").boundingBox();
    expect(Math.round(box.width)).toBeLessThanOrEqual(width);
    const overflow = await card.evaluate((e) => {
      const bad = [];
      for (const n of e.shadowRoot.querySelectorAll("*")) if (n.scrollWidth > n.clientWidth + 1 && getComputedStyle(n).overflowX === "visible" && n.clientWidth > 0) bad.push(n.getAttribute("part") || n.className || n.localName);
      return bad;
    });
    expect(overflow).toEqual([]);
  });
}

test("share uses navigator.share where it exists", async ({ page, server }) => {
  await page.addInitScript(() => {
    window.__shared = [];
    Navigator.prototype.share = function (data) {
      window.__shared.push(data);
      return Promise.reject(new DOMException("cancelled", "AbortError")); // the reader closed the sheet
    };
    Navigator.prototype.canShare = () => true;
  });
  await page.goto(server + "/embed-inline.html");
  const card = page.locator("summary-card");
  await card.locator("[part=share-button]").click();
  await expect.poll(() => page.evaluate(() => window.__shared.length)).toBe(1);
  const [data] = await page.evaluate(() => window.__shared);
  expect(data).toEqual({
    title: SEED.title,
    text: SEED.title + " — Dwarkesh Podcast: a 3-minute summary",
    url: "https://www.dwarkesh.com/p/ilya-sutskever-2",
  });
  await expect(card.locator("[role=status]")).toHaveText("");
});

test("the JS API: render, update, destroy, validate", async ({ page, server }) => {
  await page.goto(server + "/api.html");
  const target = page.locator("#target");
  await expect(target).toHaveAttribute("data-state", "ready");
  await expect(target.locator("[part=title]")).toHaveText(SEED.title);
  await expect(target.locator(".sc")).toHaveAttribute("data-theme", "light");
  const art = target.locator("img.artwork");
  await expect(art).toHaveAttribute("src", server + "/art.svg");
  await expect(art).toHaveAttribute("alt", "");
  await expect(art).toHaveAttribute("width", "64");
  await expect.poll(() => art.evaluate((i) => i.complete && i.naturalWidth > 0)).toBe(true);
  await expect(page.locator("#validation")).toContainText('validate(seed) → []');
  await expect(page.locator("#validation")).toContainText('[{"path":"takeaways[0].title","message":"expected a string, found 42"}]');

  await page.click("#update");
  await expect(target.locator("[part=title]")).toHaveText("Updated: " + SEED.title);
  await expect(target.locator("[part=card]")).toHaveCount(1);

  await page.click("#destroy");
  await expect(target.locator("[part=card]")).toHaveCount(0);
  await expect(target).not.toHaveAttribute("data-state", /.*/);

  const result = await page.evaluate(async () => {
    const { render, validate } = await import("/dist/summary-card.js");
    const el = document.createElement("div");
    document.body.append(el);
    const card = await render(el, { title: "T", takeaways: [{ title: 1, text: "x" }] });
    const state = el.getAttribute("data-state");
    const errors = card.errors;
    await card.update({ title: "T", takeaways: [{ text: "fixed" }] });
    const after = el.getAttribute("data-state");
    card.destroy();
    return { state, errors, after, left: el.shadowRoot.querySelectorAll("[part]").length, v: validate("not json") };
  });
  expect(result).toEqual({
    state: "error",
    errors: [{ path: "takeaways[0].title", message: "expected a string, found 1" }],
    after: "ready",
    left: 0,
    v: [{ path: "", message: "not valid JSON: expected a JSON value (line 1, column 1)" }],
  });
});

test("a page whose CSP forbids WebAssembly keeps its fallback and says why", async ({ page, server }) => {
  await page.route(server + "/embed-module.html", async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: { ...response.headers(), "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'" },
    });
  });
  await page.goto(server + "/embed-module.html");
  const card = page.locator("summary-card");
  await expect(card).toHaveAttribute("data-state", "error");
  await expect(card.locator("[part=error]")).toHaveAttribute("role", "alert");
  await expect(card.locator("[part=error]")).toContainText("'wasm-unsafe-eval'");
  await expect(page.getByRole("link", { name: /Ilya Sutskever/ })).toBeVisible();
});

test("heading-level sets the title's level and its sections one below, live", async ({ page, server }) => {
  await page.goto(server + "/embed-module.html");
  const card = page.locator("summary-card");
  await expect(card).toHaveAttribute("data-state", "ready");
  await expect(card.locator("h2[part=title]")).toHaveCount(1);
  await card.evaluate((el) => el.setAttribute("heading-level", "4"));
  await expect(card.locator("h4[part=title]")).toHaveCount(1);
  await expect(card.locator("h5")).not.toHaveCount(0);
  await expect(card.locator("h2, h3")).toHaveCount(0);
  // The JS API takes headingLevel; out-of-range values keep the default.
  const levels = await page.evaluate(async () => {
    const { render } = await import("/dist/summary-card.js");
    const data = await (await fetch("/episodes/ilya.json")).json();
    const out = [];
    for (const headingLevel of [1, 9]) {
      const el = document.createElement("div");
      document.body.append(el);
      await render(el, data, { headingLevel });
      out.push(el.shadowRoot.querySelector("[part=title]").localName);
    }
    return out;
  });
  expect(levels).toEqual(["h1", "h2"]);
});

// The shim copies attribute maps with Object.entries, never for…in: a page
// that polluted Object.prototype must add nothing to the card's elements
// (with for…in, an `onclick` there would become a handler on the Retry button).
test("a polluted Object.prototype adds no attribute to the card's own elements", async ({ page, server }) => {
  await page.route("**/unreachable.json", (route) => route.abort());
  await page.addInitScript(() => {
    Object.prototype["data-polluted"] = "yes";
  });
  await page.goto(server + "/errors.html");
  await expect(page.locator("#good")).toHaveAttribute("data-state", "ready");
  await page.evaluate(() => {
    const el = document.createElement("summary-card");
    el.id = "net";
    el.setAttribute("src", "/unreachable.json");
    document.body.append(el);
  });
  const net = page.locator("#net");
  await expect(net).toHaveAttribute("data-state", "error");
  await expect(net.locator("button.retry")).toBeVisible();
  const polluted = await page.evaluate(() =>
    [...document.querySelectorAll("*")].flatMap((host) =>
      host.shadowRoot ? [...host.shadowRoot.querySelectorAll("[data-polluted]")].map((e) => `${host.id} ${e.localName}`) : [],
    ),
  );
  expect(polluted).toEqual([]);
  await page.evaluate(() => delete Object.prototype["data-polluted"]);
});
