// Layouts as a reader meets them: the compact card's "Show all" disclosure,
// a collection's "Show more", the artwork's fallback, print and reduced
// motion, from 280 px to 900 px wide.
import { test, expect } from "./fixtures.mjs";
import { readFileSync } from "node:fs";

const seed = JSON.parse(readFileSync(new URL("../../www/episodes/ilya.json", import.meta.url), "utf8"));

/** A collection of `n` small episodes. */
function collection(n) {
  const episodes = Array.from({ length: n }, (_, i) => ({
    title: `Episode ${i + 1}`,
    duration: 600 + i * 60,
    takeaways: [{ title: "Point", text: `The point of episode ${i + 1}.` }],
  }));
  return { version: 1, episodes };
}

/** Opens a page holding `body` (with the module loaded) and waits for its cards. */
async function open(page, server, body, { width = 800 } = {}) {
  await page.setViewportSize({ width, height: 900 });
  await page.route(server + "/t/layout.html", (r) =>
    r.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="/dist/summary-card.js"></script></head><body>${body}</body></html>`,
    }),
  );
  await page.goto(server + "/t/layout.html");
  for (const card of await page.locator("summary-card").all()) await expect(card).toHaveAttribute("data-state", "ready");
}

const inline = (data, attrs = "") =>
  `<summary-card ${attrs}><script type="application/json">${JSON.stringify(data).replace(/</g, "\\u003c")}</script></summary-card>`;

test("compact: three takeaways, then a 'Show all' disclosure that works by mouse and keyboard", async ({ page, server }) => {
  await open(page, server, inline(seed, 'layout="compact"'));
  const card = page.locator("summary-card");
  // Hidden takeaways carry no part until shown: counting parts counts what a
  // reader sees.
  const visible = card.locator("[part=takeaway]");
  await expect(visible).toHaveCount(3);
  await expect(card.locator("[part=takeaway]:visible")).toHaveCount(3);
  await expect(card.locator("[part=takeaway-title]")).toHaveCount(3);
  const button = card.locator("button.more");
  await expect(button).toHaveAccessibleName("Show all 5 takeaways");
  await expect(button).toHaveAttribute("aria-expanded", "false");
  const list = card.locator(`#${await button.getAttribute("aria-controls")}`);
  await expect(list.locator("> li")).toHaveCount(5);

  await button.click();
  await expect(visible).toHaveCount(5);
  await expect(card.locator("[part=takeaway]:visible")).toHaveCount(5);
  await expect(card.locator("[part=takeaway-title]")).toHaveCount(5);
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(button).toHaveText("Show fewer takeaways");

  await button.focus();
  await page.keyboard.press("Enter");
  await expect(visible).toHaveCount(3);
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(button).toHaveText("Show all 5 takeaways");
  await page.keyboard.press("Space");
  await expect(visible).toHaveCount(5);

  // Sections a compact card leaves out.
  for (const part of ["covers", "questions", "notable", "listen", "topics"]) {
    await expect(card.locator(`[part=${part}]`)).toHaveCount(0);
  }
});

test("a collection shows 12 compact cards, then 'Show more' reveals the rest and moves focus to them", async ({
  page,
  server,
}) => {
  await open(page, server, inline(collection(27)));
  const card = page.locator("summary-card");
  const shown = card.locator("[part=card]");
  await expect(card.locator(".episodes > li")).toHaveCount(27);
  await expect(shown).toHaveCount(12);
  await expect(card.locator("[part=card]:visible")).toHaveCount(12);
  await expect(card.locator("[part=title]")).toHaveCount(12);
  await expect(card.locator("h2")).toHaveText("27 episodes");
  const more = card.locator(".collection > button.more");
  await expect(more).toHaveAccessibleName("Show 12 more episodes");
  await more.click();
  await expect(shown).toHaveCount(24);
  // Focus lands on the first new episode, so a keyboard or screen reader user
  // carries on from there.
  await expect(card.locator(".episodes > li").nth(12)).toBeFocused();
  await expect(more).toHaveText("Show 3 more episodes");
  await more.click();
  await expect(shown).toHaveCount(27);
  await expect(card.locator("[part=card]:visible")).toHaveCount(27);
  await expect(more).toBeHidden();
  await expect(card.locator(".episodes > li").nth(24)).toBeFocused();
});

test("a collection's first card expands on its own", async ({ page, server }) => {
  const data = collection(2);
  data.episodes[0].takeaways = Array.from({ length: 4 }, (_, i) => ({ text: `Takeaway ${i + 1}.` }));
  await open(page, server, inline(data));
  const card = page.locator("summary-card");
  await expect(card.getByRole("button", { name: /more episode/ })).toHaveCount(0);
  const first = card.locator("[part=card]").first();
  await expect(first.locator("[part=takeaway]")).toHaveCount(3);
  await first.getByRole("button", { name: "Show all 4 takeaways" }).click();
  await expect(first.locator("[part=takeaway]")).toHaveCount(4);
});

test("artwork that fails to load leaves the show's initial, in the space it reserved", async ({ page, server }) => {
  const data = { ...seed, show: { ...seed.show, artwork: server + "/missing-art.png" } };
  const good = { ...seed, show: { ...seed.show, artwork: server + "/art.svg" } };
  await open(page, server, inline(data) + inline(good));
  const [broken, fine] = await page.locator("summary-card").all();
  const img = broken.locator("img.artwork");
  await expect(img).toBeHidden();
  const art = broken.locator(".art");
  await expect(art).toHaveText("D");
  await expect(art).toBeVisible();
  expect(await art.evaluate((e) => [e.offsetWidth, e.offsetHeight])).toEqual([64, 64]);
  // The working image covers the initial and keeps its reserved size.
  const img2 = fine.locator("img.artwork");
  await img2.scrollIntoViewIfNeeded(); // lazy: it loads near the viewport
  await expect(img2).toBeVisible();
  await expect(img2).toHaveAttribute("loading", "lazy");
  await expect(img2).toHaveAttribute("decoding", "async");
  await expect.poll(() => img2.evaluate((i) => i.complete && i.naturalWidth > 0)).toBe(true);
  expect(await img2.evaluate((i) => [i.offsetWidth, i.offsetHeight])).toEqual([64, 64]);
});

test("the stats are a sentence for screen readers and a short line for the eye", async ({ page, server }) => {
  await open(page, server, inline(seed));
  const card = page.locator("summary-card");
  await expect(card.locator("[part=stats]")).toHaveAttribute("aria-hidden", "true");
  const snapshot = await card.locator("[part=card]").ariaSnapshot();
  expect(snapshot).toContain("96-minute episode, 3-minute read");
  expect(snapshot).not.toContain("96 min episode");
  expect(snapshot).toContain("AI-generated summary");
  expect(snapshot).toContain("Written by AI from the episode; it may contain mistakes.");
});

test("print shows every takeaway and no buttons", async ({ page, server }) => {
  await open(page, server, inline(seed, 'layout="compact"'));
  const card = page.locator("summary-card");
  await expect(card.locator("[part=takeaway]:visible")).toHaveCount(3);
  await page.emulateMedia({ media: "print" });
  await expect(card.locator(".points > li:visible")).toHaveCount(5);
  await expect(card.locator("button:visible")).toHaveCount(0);
  await expect(card.locator("[part=card]")).toHaveCSS("box-shadow", "none");
});

test("reduced motion turns off every animation and transition", async ({ page, server }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto(server + "/embed-module.html#ilya-sutskever-age-of-research-takeaway-2");
  const card = page.locator("summary-card");
  await expect(card).toHaveAttribute("data-state", "ready");
  await expect(card.locator("[data-highlight]")).toHaveCount(1);
  const moving = await card.evaluate((host) =>
    [...host.shadowRoot.querySelectorAll("*")]
      .map((e) => getComputedStyle(e))
      .filter((s) => s.animationName !== "none" || !/^0s(, 0s)*$/.test(s.transitionDuration)).length,
  );
  expect(moving).toBe(0);
});

for (const width of [280, 420, 640, 900]) {
  test(`reads well at ${width} px: nothing overflows the card`, async ({ page, server }) => {
    await open(page, server, `<div style="width:${width}px">${inline(seed)}</div>`, { width: 1000 });
    const overflow = await page.locator("summary-card").evaluate((host) => {
      const card = host.shadowRoot.querySelector("[part=card]");
      const box = card.getBoundingClientRect();
      const out = [...card.querySelectorAll("*")].filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
      });
      return { width: Math.round(box.width), out: out.map((e) => e.outerHTML.slice(0, 80)) };
    });
    expect(overflow).toEqual({ width, out: [] });
  });
}

test("every control is reached by Tab, in order, with a visible focus ring", async ({ page, server }) => {
  await open(page, server, `<button id="before">before</button>${inline(seed, 'layout="compact"')}<button id="after">after</button>`);
  const controls = await page.locator("summary-card").evaluate((host) =>
    [...host.shadowRoot.querySelectorAll("a[href], button, input")].filter((e) => e.checkVisibility()).length,
  );
  expect(controls).toBeGreaterThan(5);
  await page.locator("#before").focus();
  const seen = [];
  for (let i = 0; i < controls; i++) {
    await page.keyboard.press("Tab");
    seen.push(
      await page.locator("summary-card").evaluate((host) => {
        const e = host.shadowRoot.activeElement;
        if (!e) return null;
        const s = getComputedStyle(e);
        return { name: e.getAttribute("aria-label") || e.textContent.trim(), ring: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2 };
      }),
    );
  }
  expect(seen.every((s) => s && s.ring), JSON.stringify(seen)).toBe(true);
  expect(seen.map((s) => s.name)).toContain("Show all 5 takeaways");
  expect(seen.map((s) => s.name)).toContain("Share");
  await page.keyboard.press("Tab");
  await expect(page.locator("#after")).toBeFocused();
});

test("the card speaks the page's language, follows it when it changes, and mirrors for Arabic and Hebrew", async ({
  page,
  server,
}) => {
  await open(page, server, inline(seed) + inline(seed, 'locale="de"'));
  const [follows, german] = await page.locator("summary-card").all();
  await expect(follows.locator("[part=footer]")).toHaveText("You just read a 3-minute summary of a 96-minute episode.");
  await expect(german.locator("[part=share-button]")).toHaveText("Teilen");
  await expect(german.locator(".sc")).toHaveAttribute("lang", "de");

  await page.evaluate(() => (document.documentElement.lang = "ar"));
  await expect(follows.locator(".sc")).toHaveAttribute("dir", "rtl");
  await expect(follows.locator(".sc")).toHaveAttribute("lang", "ar");
  await expect(follows.locator("[part=share-button]")).toHaveText("مشاركة");
  await expect(german.locator("[part=share-button]")).toHaveText("Teilen"); // its own locale wins
  // Mirrored: the share button sits at the inline end, which is the left in RTL.
  const [prompt, button] = await Promise.all(
    [".share-prompt", "[part=share-button]"].map((s) => follows.locator(s).evaluate((e) => e.getBoundingClientRect().left)),
  );
  expect(button).toBeLessThan(prompt);
  expect(await follows.locator("[part=card]").evaluate((e) => getComputedStyle(e).direction)).toBe("rtl");

  await page.evaluate(() => (document.documentElement.lang = "he"));
  await expect(follows.locator(".sc")).toHaveAttribute("lang", "he");
  await expect(follows.locator(".sc")).toHaveAttribute("dir", "rtl");
  await page.evaluate(() => (document.documentElement.lang = "ja"));
  await expect(follows.locator(".sc")).toHaveAttribute("dir", "ltr");
  await expect(follows.locator("[part=read-time]")).not.toHaveText("3 min read");
  await page.evaluate(() => document.documentElement.removeAttribute("lang"));
  await expect(follows.locator("[part=footer]")).toHaveText("You just read a 3-minute summary of a 96-minute episode.");
});

test("a nearer lang wins over the page's, and a locale attribute over both", async ({ page, server }) => {
  await open(page, server, `<div lang="fr">${inline(seed)}${inline(seed, 'locale="es-MX"')}</div>`);
  const [french, spanish] = await page.locator("summary-card").all();
  await expect(french.locator(".sc")).toHaveAttribute("lang", "fr");
  await expect(spanish.locator(".sc")).toHaveAttribute("lang", "es");
  await expect(spanish.locator("[part=share-button]")).toHaveText("Compartir");
});

test("render() takes a locale, and update() keeps it", async ({ page, server }) => {
  await open(page, server, `<div id="slot"></div>`);
  const texts = await page.evaluate(async (data) => {
    const { render } = await import("/dist/summary-card.js");
    const el = document.getElementById("slot");
    const card = await render(el, data, { locale: "fr", layout: "compact" });
    const part = (p) => el.shadowRoot.querySelector(`[part=${p}]`).textContent;
    const first = [part("share-button"), part("footer"), el.shadowRoot.querySelector("button.more").textContent];
    await card.update({ ...data, duration: 60 });
    return [...first, part("footer")];
  }, seed);
  expect(texts).toEqual([
    "Partager",
    "Vous venez de lire un résumé de 3\u00a0minutes d’un épisode de 96\u00a0minutes.",
    "Afficher les 5 points clés",
    "Vous venez de lire un résumé de 3\u00a0minutes d’un épisode de 1\u00a0minute.",
  ]);
});
