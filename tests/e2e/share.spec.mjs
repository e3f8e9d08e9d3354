// Sharing: Web Share first, the share menu everywhere else, exact intent
// URLs, copy, keyboard, per-takeaway links and the summary-card:share event.
import { test, expect, SEED } from "./fixtures.mjs";

const URL_ = "https://www.dwarkesh.com/p/ilya-sutskever-2";
const TEXT = SEED.title + " — Dwarkesh Podcast: a 3-minute summary";
// RFC 3986 strict: encodeURIComponent leaves !'()* alone; the card encodes them too.
const enc = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());

/** Removes the Web Share API and records summary-card:share events. */
async function withoutWebShare(page) {
  await page.addInitScript(() => {
    delete Navigator.prototype.share;
    delete Navigator.prototype.canShare;
    window.__shares = [];
    document.addEventListener("summary-card:share", (e) => window.__shares.push({ id: e.target.id, ...e.detail }));
  });
}

test("with navigator.share, the click calls it once with the card's data", async ({ page, server }) => {
  await page.addInitScript(() => {
    window.__shared = [];
    Navigator.prototype.share = function (data) {
      window.__shared.push(data);
      return Promise.resolve();
    };
    Navigator.prototype.canShare = () => true;
  });
  await page.goto(server + "/share.html");
  const card = page.locator("#full");
  await card.locator("[part=share-button]").click();
  await expect.poll(() => page.evaluate(() => window.__shared)).toEqual([{ title: SEED.title, text: TEXT, url: URL_ }]);
  await expect(card.locator("[part=share-menu]")).toHaveCount(0);
});

test("where canShare refuses the data, the menu opens instead", async ({ page, server }) => {
  await page.addInitScript(() => {
    Navigator.prototype.share = () => Promise.reject(new Error("must not be called"));
    Navigator.prototype.canShare = () => false;
  });
  await page.goto(server + "/share.html");
  await page.locator("#full [part=share-button]").click();
  await expect(page.locator("#full [part=share-menu]")).toBeVisible();
});

test("without navigator.share: the menu, its exact intent links, and the event", async ({ page, server }) => {
  await withoutWebShare(page);
  await page.goto(server + "/share.html");
  const card = page.locator("#full");
  const button = card.locator("[part=share-button]");
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await button.click();
  const menu = card.locator("[part=share-menu]");
  await expect(menu).toBeVisible();
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(menu).toHaveAttribute("role", "menu");
  const items = menu.locator("[role=menuitem]");
  await expect(items).toHaveText([
    "Copy link", "Copy takeaways", "X", "Bluesky", "LinkedIn", "WhatsApp", "Reddit", "Telegram", "Email", "Mastodon",
    "Share as image",
  ]);
  const names = ["Copy link", "Copy takeaways as text", "Share on X", "Share on Bluesky", "Share on LinkedIn",
    "Share on WhatsApp", "Share on Reddit", "Share on Telegram", "Share by email", "Share on Mastodon",
    "Share as image"];
  for (const [i, name] of names.entries()) await expect(items.nth(i)).toHaveAccessibleName(name);

  const href = (t) => menu.locator(`[data-target=${t}]`).getAttribute("href");
  expect(await href("x")).toBe(`https://x.com/intent/tweet?text=${enc(TEXT)}&url=${enc(URL_)}`);
  expect(await href("bluesky")).toBe(`https://bsky.app/intent/compose?text=${enc(TEXT + " " + URL_)}`);
  expect(await href("linkedin")).toBe(`https://www.linkedin.com/sharing/share-offsite/?url=${enc(URL_)}`);
  expect(await href("whatsapp")).toBe(`https://wa.me/?text=${enc(TEXT + " " + URL_)}`);
  expect(await href("reddit")).toBe(`https://www.reddit.com/submit?url=${enc(URL_)}&title=${enc(SEED.title)}`);
  expect(await href("telegram")).toBe(`https://t.me/share/url?url=${enc(URL_)}&text=${enc(TEXT)}`);
  expect(await href("email")).toBe(`mailto:?subject=${enc(SEED.title)}&body=${enc(TEXT + "\n\n" + URL_)}`);
  for (const t of ["x", "bluesky", "linkedin", "whatsapp", "reddit", "telegram"]) {
    await expect(menu.locator(`[data-target=${t}]`)).toHaveAttribute("rel", "noopener noreferrer");
    await expect(menu.locator(`[data-target=${t}]`)).toHaveAttribute("target", "_blank");
  }

  // Picking a target fires the event (the new tab is the link's own default action).
  const popup = page.waitForEvent("popup");
  await menu.locator("[data-target=linkedin]").click();
  await (await popup).close();
  await expect.poll(() => page.evaluate(() => window.__shares)).toEqual([{ id: "full", target: "linkedin", url: URL_ }]);
  await expect(menu).toHaveCount(0);
});

test("no request leaves the page until a target is picked", async ({ page, server }) => {
  await withoutWebShare(page);
  const outside = [];
  page.on("request", (r) => !r.url().startsWith(server) && outside.push(r.url()));
  await page.goto(server + "/share.html");
  await page.locator("#full [part=share-button]").click();
  await expect(page.locator("#full [part=share-menu]")).toBeVisible();
  await page.keyboard.press("Escape");
  expect(outside).toEqual([]);
});

test("Copy link puts the exact URL on the clipboard and says so", async ({ page, server, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server });
  await withoutWebShare(page);
  await page.goto(server + "/share.html");
  const card = page.locator("#full");
  await card.locator("[part=share-button]").click();
  await card.locator("[data-target=copy]").click();
  await expect(card.locator(".share [role=status]")).toHaveText("Link copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(URL_);
  await expect.poll(() => page.evaluate(() => window.__shares)).toEqual([{ id: "full", target: "copy", url: URL_ }]);
});

test("Copy takeaways puts the summary on the clipboard as plain text", async ({ page, server, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server });
  await withoutWebShare(page);
  await page.goto(server + "/share.html");
  const card = page.locator("#full");
  await card.locator("[part=share-button]").click();
  await card.locator("[data-target=copy-takeaways]").click();
  await expect(card.locator(".share [role=status]")).toHaveText("Takeaways copied");
  const text = await page.evaluate(() => navigator.clipboard.readText());
  const lines = text.split("\n");
  expect(lines[0]).toBe(SEED.title);
  expect(lines.filter((l) => l.startsWith("- "))).toHaveLength(5);
  expect(lines[2]).toMatch(/^- RL Training Limitations: Current reinforcement learning/);
  expect(lines.at(-1)).toBe(URL_);
});

test("where the clipboard is refused, the link is selected in a field", async ({ page, server }) => {
  await withoutWebShare(page);
  await page.addInitScript(() => {
    Clipboard.prototype.writeText = () => Promise.reject(new DOMException("denied", "NotAllowedError"));
  });
  await page.goto(server + "/share.html");
  const card = page.locator("#full");
  await card.locator("[part=share-button]").click();
  await card.locator("[data-target=copy]").click();
  const field = card.locator(".copy-field");
  await expect(field).toHaveValue(URL_);
  await expect(field).toBeFocused();
  expect(await field.evaluate((f) => f.selectionStart === 0 && f.selectionEnd === f.value.length)).toBe(true);
});

test("keyboard: Enter opens, arrows move, Escape closes and returns focus", async ({ page, server }) => {
  await withoutWebShare(page);
  await page.goto(server + "/share.html");
  const card = page.locator("#full");
  const button = card.locator("[part=share-button]");
  await button.focus();
  await page.keyboard.press("Enter");
  const items = card.locator("[part=share-menu] [role=menuitem]");
  await expect(items.nth(0)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(items.last()).toBeFocused();
  await page.keyboard.press("Home");
  await expect(items.nth(0)).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(card.locator("[part=share-menu]")).toHaveCount(0);
  await expect(button).toBeFocused();
  await page.keyboard.press(" ");
  await expect(items.nth(0)).toBeFocused();
});

test("clicking outside closes the menu", async ({ page, server }) => {
  await withoutWebShare(page);
  await page.goto(server + "/share.html");
  await page.locator("#full [part=share-button]").click();
  await expect(page.locator("#full [part=share-menu]")).toBeVisible();
  await page.locator("h1").click();
  await expect(page.locator("#full [part=share-menu]")).toHaveCount(0);
});

test("the share attribute picks targets and their order; works compact at 300 px", async ({ page, server }) => {
  await withoutWebShare(page);
  await page.goto(server + "/share.html");
  const card = page.locator("#narrow");
  await card.locator("[part=share-button]").click();
  const menu = card.locator("[part=share-menu]");
  await expect(menu.locator("[role=menuitem]")).toHaveText(["Copy link", "Bluesky", "Email"]);
  const box = await menu.boundingBox();
  expect(box.width).toBeLessThanOrEqual(300);
  // No url in the data: the host page's URL with the card's #id.
  const href = await menu.locator("[data-target=email]").getAttribute("href");
  expect(decodeURIComponent(href)).toContain(server + "/share.html#cafe");
});

test("Mastodon asks for the server once and remembers it", async ({ page, server }) => {
  await withoutWebShare(page);
  await page.addInitScript(() => {
    window.__opened = [];
    window.open = (url, target, features) => (window.__opened.push({ url, target, features }), null);
  });
  await page.goto(server + "/share.html");
  const card = page.locator("#full");
  await card.locator("[part=share-button]").click();
  await card.locator("[data-target=mastodon]").click();
  const input = card.locator(".mastodon input");
  await expect(input).toBeFocused();
  await input.fill("https://Fosstodon.org/");
  await page.keyboard.press("Enter");
  const [opened] = await page.evaluate(() => window.__opened);
  expect(opened).toEqual({
    url: `https://fosstodon.org/share?text=${enc(TEXT + " " + URL_)}`,
    target: "_blank",
    features: "noopener,noreferrer",
  });
  expect(await page.evaluate(() => localStorage.getItem("summary-card:mastodon"))).toBe("fosstodon.org");
  // Next time it is a plain link to that server.
  await card.locator("[part=share-button]").click();
  await expect(card.locator("[data-target=mastodon]")).toHaveAttribute("href", `https://fosstodon.org/share?text=${enc(TEXT + " " + URL_)}`);
});

test("each takeaway shares a link to itself", async ({ page, server }) => {
  await withoutWebShare(page);
  await page.goto(server + "/share.html");
  const card = page.locator("#full");
  const third = card.locator("[part=takeaway]").nth(2);
  await expect(third.locator(".takeaway-share")).toHaveAccessibleName("Share takeaway 3");
  await third.locator(".takeaway-share").click();
  const link = "https://www.dwarkesh.com/p/ilya-sutskever-2#ilya-sutskever-age-of-research-takeaway-3";
  const href = await third.locator("[data-target=telegram]").getAttribute("href");
  expect(href).toBe(`https://t.me/share/url?url=${enc(link)}&text=${enc("“Value Functions as Emotions: Human emotions function as hardcoded value functions that enable rapid decision-making and learning without external rewards. Evolution mysteriously encoded high-level social desires into the genome, allowing humans to care about abstract concepts like social standing, which remains unexplained by current machine learning frameworks.” — " + SEED.title)}`);
});

test("opening a page with a takeaway's fragment highlights it once ready", async ({ page, server }) => {
  await page.setViewportSize({ width: 900, height: 600 });
  await page.goto(server + "/share.html#ilya-sutskever-age-of-research-takeaway-4");
  const card = page.locator("#full");
  await expect(card).toHaveAttribute("data-state", "ready");
  const fourth = card.locator("[part=takeaway]").nth(3);
  await expect(fourth).toHaveAttribute("data-highlight", "");
  await expect(card.locator("[part=takeaway][data-highlight]")).toHaveCount(1);
  await expect(fourth).toBeInViewport();
  // A later fragment change moves the highlight.
  await page.evaluate(() => (location.hash = "#ilya-sutskever-age-of-research-takeaway-1"));
  await expect(card.locator("[part=takeaway]").nth(0)).toHaveAttribute("data-highlight", "");
  await expect(card.locator("[part=takeaway][data-highlight]")).toHaveCount(1);
});
