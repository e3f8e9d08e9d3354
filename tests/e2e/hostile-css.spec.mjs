// Isolation: the card looks the same under hostile page CSS as on a clean
// page, styles nothing outside its shadow root, and needs no <style> element
// or style= attribute. No stored baselines: every test takes the clean page's
// screenshot in the same run and compares pixels, decoded by the browser.
import { test, expect, expectSeedCard } from "./fixtures.mjs";

test.describe.configure({ mode: "parallel" });

/** www/hostile-NAME.html, and what shows that its hostile CSS is in force. */
const HOSTILE = {
  bootstrap: ["body", "textAlign", "justify"],
  tailwind: ["ul", "listStyleType", "none"],
  important: ["#probe", "fontSize", "30px"],
  unset: ["ul", "display", "inline"],
  rtl: ["body", "direction", "rtl"],
};
const PAGES = ["clean", ...Object.keys(HOSTILE)];
/** Share of pixels allowed to differ (anti-aliasing); in practice it is 0. */
const MAX_DIFF = 0.001;

/** Inherited text properties read from the host and from inside the card. */
const TEXT_PROPS = ["font", "fontVariant", "color", "letterSpacing", "wordSpacing", "textAlign", "textTransform",
  "textIndent", "textShadow", "whiteSpace", "direction", "lineHeight", "fontSize"];
const INSIDE = [".sc", ".show-line", "[part=title]", "[part=stats]", "[part=topic]", "[part=takeaway-title]",
  "[part=takeaway-text]", "blockquote", "[part=share-button]", ".cta a", "[part=footer]"];

/** Waits for the seed card, its fonts and images; returns its screenshot and text styles. */
async function shoot(page, url) {
  await page.goto(url);
  await expectSeedCard(page, "#card");
  return snap(page, "#card", INSIDE);
}

async function snap(page, selector, inside) {
  await page.evaluate(async () => {
    await document.fonts.ready;
    const root = document.querySelector("#card").shadowRoot;
    await Promise.all([...root.querySelectorAll("img")].map((i) => i.decode().catch(() => {})));
  });
  await page.mouse.move(0, 0);
  const png = await page.locator(selector).screenshot({ animations: "disabled" });
  const styles = await page.evaluate(
    ([selector, inside, props]) => {
      const read = (e) => Object.fromEntries(props.map((p) => [p, getComputedStyle(e)[p]]));
      const host = document.querySelector("#card");
      const inner = selector.replace(/^#card\s*/, "");
      const el = inner ? host.shadowRoot.querySelector(inner) : host;
      const out = { host: read(host), self: read(el) };
      for (const s of inside) out[s] = read(host.shadowRoot.querySelector(s));
      return out;
    },
    [selector, inside, TEXT_PROPS],
  );
  return { png, styles };
}

/** Decodes two PNGs on a blank page (no CSP) and counts the pixels that differ. */
async function compare(context, a, b) {
  if (a.equals(b)) return { identical: true, differing: 0, ratio: 0, maxDelta: 0 };
  const blank = await context.newPage();
  try {
    return await blank.evaluate(async ([a, b]) => {
      const load = (b64) =>
        new Promise((resolve, reject) => {
          const img = new Image();
          img.onload = () => resolve(img);
          img.onerror = () => reject(new Error("not a PNG"));
          img.src = "data:image/png;base64," + b64;
        });
      const [ia, ib] = await Promise.all([load(a), load(b)]);
      const size = [ia.naturalWidth, ia.naturalHeight];
      if (ia.naturalWidth !== ib.naturalWidth || ia.naturalHeight !== ib.naturalHeight) {
        return { identical: false, size, other: [ib.naturalWidth, ib.naturalHeight], differing: -1, ratio: 1, maxDelta: 255 };
      }
      const pixels = (img) => {
        const c = document.createElement("canvas");
        [c.width, c.height] = size;
        const g = c.getContext("2d", { willReadFrequently: true });
        g.drawImage(img, 0, 0);
        return g.getImageData(0, 0, c.width, c.height).data;
      };
      const [pa, pb] = [pixels(ia), pixels(ib)];
      let differing = 0;
      let maxDelta = 0;
      const box = [size[0], size[1], -1, -1]; // where they differ: x0 y0 x1 y1
      for (let i = 0; i < pa.length; i += 4) {
        const d = Math.max(Math.abs(pa[i] - pb[i]), Math.abs(pa[i + 1] - pb[i + 1]), Math.abs(pa[i + 2] - pb[i + 2]), Math.abs(pa[i + 3] - pb[i + 3]));
        if (!d) continue;
        differing++;
        maxDelta = Math.max(maxDelta, d);
        const x = (i / 4) % size[0];
        const y = Math.floor(i / 4 / size[0]);
        box.splice(0, 4, Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y));
      }
      return { identical: false, size, differing, ratio: differing / (size[0] * size[1]), maxDelta, box: differing ? box : null };
    }, [a.toString("base64"), b.toString("base64")]);
  } finally {
    await blank.close();
  }
}

async function expectSame(context, what, clean, hostile) {
  expect(hostile.styles, what + ": computed text styles").toEqual(clean.styles);
  const d = await compare(context, clean.png, hostile.png);
  console.log(`${what}: ${d.identical ? "byte-identical PNG" : `${d.differing} px differ (ratio ${d.ratio.toFixed(6)}, max channel delta ${d.maxDelta})`}` +
    (d.size ? `, ${d.size.join("x")}` : "") + (d.other ? ` vs ${d.other.join("x")}` : "") + (d.box ? ` in [${d.box}]` : ""));
  expect(d.differing, what + ": the screenshots have different sizes").not.toBe(-1);
  expect(d.ratio, what + ": share of differing pixels").toBeLessThanOrEqual(MAX_DIFF);
}

async function expectHostile(page, name) {
  const [selector, prop, value] = HOSTILE[name];
  expect(await page.locator(selector).first().evaluate((e, p) => getComputedStyle(e)[p], prop), `${name} CSS is in force`).toBe(value);
}

/** Without navigator.share the share button opens the menu (the same on every machine). */
async function withoutWebShare(page) {
  await page.addInitScript(() => {
    delete Navigator.prototype.share;
    delete Navigator.prototype.canShare;
  });
}

for (const name of Object.keys(HOSTILE)) {
  test(`under ${name} CSS the card looks exactly as on the clean page`, async ({ page, server, context }) => {
    await withoutWebShare(page);
    const openMenu = async () => {
      // By keyboard: a click would leave the button mid-way through its :hover transition.
      await page.locator("#card [part=share-button]").focus();
      await page.keyboard.press("Enter");
      await expect(page.locator("#card [part=share-menu]")).toBeVisible();
      return snap(page, "#card .share", [".share-prompt", "[part=share-menu] [role=menuitem]"]);
    };
    const clean = await shoot(page, server + "/hostile-clean.html");
    const cleanMenu = await openMenu();
    const hostile = await shoot(page, server + `/hostile-${name}.html`);
    await expectHostile(page, name);
    await expectSame(context, `${name}: card`, clean, hostile);
    await expectSame(context, `${name}: share menu open`, cleanMenu, await openMenu());
  });
}

test("with no WebAssembly, the card's own alert keeps the card's type on hostile pages too", async ({ page, server, context }) => {
  await page.route("**/summary-card.wasm", (route) => route.abort());
  const alertOf = async (name) => {
    await page.goto(server + `/hostile-${name}.html`);
    await expect(page.locator("#card")).toHaveAttribute("data-state", "error");
    await expect(page.locator("#card [part=error]")).toContainText("This summary can't be shown.");
    return snap(page, "#card [part=error]", []);
  };
  const clean = await alertOf("clean");
  for (const name of Object.keys(HOSTILE)) {
    const hostile = await alertOf(name);
    await expectHostile(page, name);
    await expectSame(context, `${name}: no-wasm alert`, clean, hostile);
  }
});

/** Every computed property of every page element outside the card (geometry aside: the card takes room). */
function pageStyles() {
  const GEOMETRY = /^(width|height|inline-size|block-size|transform-origin|perspective-origin|top|right|bottom|left|inset-.*)$/;
  const host = document.querySelector("#card");
  const out = {};
  let i = 0;
  for (const e of document.querySelectorAll("*")) {
    i++;
    if (e === host || host.contains(e)) continue;
    const cs = getComputedStyle(e);
    const props = {};
    for (const p of cs) if (!GEOMETRY.test(p)) props[p] = cs.getPropertyValue(p);
    out[`${i} ${e.localName}${e.id ? "#" + e.id : ""}`] = props;
  }
  return out;
}

/** The host's own computed style, every property. */
function hostStyle() {
  const cs = getComputedStyle(document.querySelector("#card"));
  return Object.fromEntries([...cs].map((p) => [p, cs.getPropertyValue(p)]));
}

// What the card may change on its host element: display:block and its
// container, content-visibility (an off-screen card skips layout and paint)
// with its placeholder size and clip margin, the text resets, and what follows from them (its size, the
// colours that default to currentcolor). Never its margin, padding, border,
// position or anything else the page lays out.
const HOST_MAY_CHANGE =
  /^(display|container-type|content-visibility|contain-intrinsic-.*|overflow-clip-margin|font.*|line-height|color|letter-spacing|word-spacing|text-align|text-transform|text-indent|text-shadow|white-space.*|text-wrap.*|direction|width|height|inline-size|block-size|transform-origin|perspective-origin|(border|column-rule|row-rule|outline|text-decoration|text-emphasis)(-.*)?-color|caret-color|-webkit-text-(fill|stroke)-color)$/;

for (const name of PAGES) {
  test(`hostile-${name}: no <style> or style= from the card, one adopted sheet, and the page's own elements untouched`, async ({ page, server }) => {
    const url = server + `/hostile-${name}.html`;
    // The page without the card's script...
    await page.route("**/dist/summary-card.js", (route) => route.abort());
    await page.goto(url);
    await expect(page.locator("#card a")).toBeVisible();
    const without = await page.evaluate(pageStyles);
    const hostWithout = await page.evaluate(hostStyle);
    await page.unroute("**/dist/summary-card.js");

    // ...and with it.
    await withoutWebShare(page);
    await page.goto(url);
    await expectSeedCard(page, "#card");
    await page.locator("#card .takeaway-share").first().click(); // let the card do something: open a menu
    await expect(page.locator("#card [part=takeaway] [role=menu]")).toBeVisible();
    expect(await page.evaluate(pageStyles)).toEqual(without);

    const hostWith = await page.evaluate(hostStyle);
    const changed = Object.keys(hostWith).filter((p) => hostWith[p] !== hostWithout[p]);
    expect(changed.filter((p) => !HOST_MAY_CHANGE.test(p)), "host properties the card set").toEqual([]);
    expect(changed).toContain("display");

    const found = await page.evaluate(() => {
      const host = document.querySelector("#card");
      const root = host.shadowRoot;
      return {
        pageStyleElements: document.querySelectorAll("style").length,
        pageStyleAttributes: [...document.querySelectorAll("[style]")].map((e) => e.localName),
        pageAdopted: document.adoptedStyleSheets.length,
        pageSheets: [...document.styleSheets].map((s) => new URL(s.href).pathname),
        shadowStyleElements: root.querySelectorAll("style, link").length,
        shadowStyleAttributes: [...root.querySelectorAll("[style]")].map((e) => e.getAttribute("part") || e.localName),
        shadowAdopted: root.adoptedStyleSheets.length,
        shadowSheetIsTheCards: /^:host\b/.test(root.adoptedStyleSheets[0]?.cssRules[0]?.cssText),
      };
    });
    const own = { clean: [], bootstrap: ["/hostile/bootstrap.css"], tailwind: ["/hostile/tailwind.css"], important: ["/hostile/important.css"], unset: ["/hostile/unset.css"], rtl: [] };
    expect(found).toEqual({
      pageStyleElements: 0,
      pageStyleAttributes: [],
      pageAdopted: 0,
      pageSheets: [...own[name], "/hostile/frame.css"],
      shadowStyleElements: 0,
      shadowStyleAttributes: [],
      shadowAdopted: 1,
      shadowSheetIsTheCards: true,
    });
  });
}
