// Themes: theme="auto" follows the OS and, at runtime, the host page's own
// light/dark signals (data-theme, data-bs-theme, a dark class, color-scheme,
// the color-scheme <meta>); light and dark stay put. Then WCAG 2.2 AA
// contrast, measured from computed styles, in both built-in themes.
import { test, expect } from "./fixtures.mjs";

const LIGHT = "rgb(255, 255, 255)"; // --_bg, light
const DARK = "rgb(23, 24, 29)"; // --_bg, dark (#17181d)

/** The computed background of the card (or `sel`) in the shadow root of `#id`. */
const bg = (page, id, sel = "[part=card]") =>
  page.evaluate(([id, sel]) => getComputedStyle(document.getElementById(id).shadowRoot.querySelector(sel)).backgroundColor, [id, sel]);
/** Two animation frames: the page-theme observer looks at most once a frame. */
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
/** Runs `change` in the page, waits two frames, returns the three cards' backgrounds. */
async function after(page, change, arg) {
  if (change) await page.evaluate(change, arg);
  await frames(page);
  return { auto: await bg(page, "auto"), light: await bg(page, "light"), dark: await bg(page, "dark") };
}

async function open(page, server, colorScheme) {
  await page.emulateMedia({ colorScheme });
  await page.goto(server + "/theme-page.html");
  for (const id of ["auto", "light", "dark"]) await expect(page.locator("#" + id)).toHaveAttribute("data-state", "ready");
}

test("with no hint from the page, auto follows the OS; light and dark stay put", async ({ page, server }) => {
  await open(page, server, "dark");
  expect(await after(page)).toEqual({ auto: DARK, light: LIGHT, dark: DARK });
  await page.emulateMedia({ colorScheme: "light" });
  expect(await after(page)).toEqual({ auto: LIGHT, light: LIGHT, dark: DARK });
});

test("<html data-theme> set at runtime wins over the OS, both ways, within two frames", async ({ page, server }) => {
  await open(page, server, "light");
  expect((await after(page)).auto).toBe(LIGHT);
  expect(await after(page, () => document.documentElement.setAttribute("data-theme", "dark"))).toEqual({ auto: DARK, light: LIGHT, dark: DARK });
  expect((await after(page, () => document.documentElement.removeAttribute("data-theme"))).auto).toBe(LIGHT);

  await page.emulateMedia({ colorScheme: "dark" });
  expect((await after(page)).auto).toBe(DARK);
  // A light page on a dark OS: the light palette beats the prefers-color-scheme rule.
  expect(await after(page, () => document.documentElement.setAttribute("data-theme", "light"))).toEqual({ auto: LIGHT, light: LIGHT, dark: DARK });
  // Values other than dark and light say nothing.
  expect((await after(page, () => document.documentElement.setAttribute("data-theme", "ocean"))).auto).toBe(DARK);
});

test("class dark (and dark-mode, theme-dark) on <html> or <body>; removing it returns to the OS", async ({ page, server }) => {
  await open(page, server, "light");
  expect(await after(page, () => document.documentElement.classList.add("dark"))).toEqual({ auto: DARK, light: LIGHT, dark: DARK });
  expect((await after(page, () => document.documentElement.classList.remove("dark"))).auto).toBe(LIGHT);
  expect((await after(page, () => (document.body.className = "page theme-dark"))).auto).toBe(DARK);
  expect((await after(page, () => (document.body.className = "page darkish"))).auto).toBe(LIGHT);
  expect((await after(page, () => (document.body.className = "dark-mode"))).auto).toBe(DARK);
  // <html> is asked before <body>.
  expect((await after(page, () => document.documentElement.classList.add("light-mode"))).auto).toBe(LIGHT);
  await page.emulateMedia({ colorScheme: "dark" });
  expect((await after(page, () => document.documentElement.classList.remove("light-mode"))).auto).toBe(DARK);
  expect((await after(page, () => document.body.removeAttribute("class"))).auto).toBe(DARK);
  await page.emulateMedia({ colorScheme: "light" });
  expect((await after(page)).auto).toBe(LIGHT);
});

test("Bootstrap's data-bs-theme, data-color-mode and data-color-scheme", async ({ page, server }) => {
  await open(page, server, "light");
  expect((await after(page, () => document.documentElement.setAttribute("data-bs-theme", "dark"))).auto).toBe(DARK);
  expect((await after(page, () => document.documentElement.removeAttribute("data-bs-theme"))).auto).toBe(LIGHT);
  expect((await after(page, () => document.body.setAttribute("data-color-mode", "dark"))).auto).toBe(DARK);
  expect((await after(page, () => document.body.removeAttribute("data-color-mode"))).auto).toBe(LIGHT);
  expect((await after(page, () => document.documentElement.setAttribute("data-color-scheme", "dark"))).auto).toBe(DARK);
});

test("the root's computed color-scheme, set at runtime by a stylesheet or a style attribute", async ({ page, server }) => {
  await open(page, server, "light");
  const style = () => {
    const s = document.createElement("style");
    s.id = "cs";
    s.textContent = ":root{color-scheme:dark}";
    document.head.append(s);
  };
  expect(await after(page, style)).toEqual({ auto: DARK, light: LIGHT, dark: DARK });
  expect((await after(page, () => document.getElementById("cs").remove())).auto).toBe(LIGHT);
  expect((await after(page, () => (document.documentElement.style.colorScheme = "only dark"))).auto).toBe(DARK);
  expect((await after(page, () => document.documentElement.removeAttribute("style"))).auto).toBe(LIGHT);
});

test('color-scheme "light dark" on the root leaves auto to the OS', async ({ page, server }) => {
  await open(page, server, "dark");
  expect((await after(page, () => (document.documentElement.style.colorScheme = "light dark"))).auto).toBe(DARK);
  await page.emulateMedia({ colorScheme: "light" });
  expect((await after(page)).auto).toBe(LIGHT);
});

test('<meta name="color-scheme" content="dark"> added at runtime', async ({ page, server }) => {
  await open(page, server, "light");
  const meta = (content) => {
    document.querySelector("meta[name=color-scheme]")?.remove();
    const m = document.createElement("meta");
    m.name = "color-scheme";
    m.content = content;
    document.head.append(m);
  };
  expect(await after(page, meta, "dark")).toEqual({ auto: DARK, light: LIGHT, dark: DARK });
  await page.emulateMedia({ colorScheme: "dark" });
  expect((await after(page, meta, "light"))).toEqual({ auto: LIGHT, light: LIGHT, dark: DARK });
  expect((await after(page, () => document.querySelector("meta[name=color-scheme]").remove())).auto).toBe(DARK);
});

test("the theme attribute still wins: auto -> light re-renders light on a dark page, and back", async ({ page, server }) => {
  await open(page, server, "light");
  expect((await after(page, () => document.documentElement.setAttribute("data-theme", "dark"))).auto).toBe(DARK);
  const card = page.locator("#auto");
  await card.evaluate((e) => e.setAttribute("theme", "light"));
  await expect(card.locator(".sc")).toHaveAttribute("data-theme", "light");
  expect((await after(page)).auto).toBe(LIGHT);
  await card.evaluate((e) => e.setAttribute("theme", "auto"));
  await expect(card.locator(".sc")).toHaveAttribute("data-theme", "auto");
  expect((await after(page)).auto).toBe(DARK);
});

test("the error view and the loading status follow the page too", async ({ page, server }) => {
  await open(page, server, "light");
  await page.route("**/never", () => {}); // never answers: the loading status stays
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend",
      '<summary-card id="bad"><script type="application/json">{"title": 42}</script></summary-card>' +
      '<summary-card id="slow" src="/never"></summary-card>');
  });
  await expect(page.locator("#bad")).toHaveAttribute("data-state", "error");
  await expect(page.locator("#slow")).toHaveAttribute("data-state", "loading");
  const errorBg = () => bg(page, "bad", ".error");
  // The status is visually hidden (no skeleton: the page's fallback shows), but its text takes the theme's colour.
  const statusFg = () => page.evaluate(() => getComputedStyle(document.getElementById("slow").shadowRoot.querySelector(".sc[role=status]")).color);
  const lightError = await errorBg();
  const lightStatus = await statusFg();
  await after(page, () => document.documentElement.classList.add("dark"));
  expect(await errorBg()).not.toBe(lightError);
  expect(await statusFg()).not.toBe(lightStatus);
});

// ---------------------------------------------------------------------------
// WCAG 2.2 AA contrast (1.4.3 text, 1.4.11 non-text), from computed styles.

/**
 * In the page: measures every pair in the card inside `#id`'s shadow root.
 * Returns [{ what, fg, bg, ratio, need }]. Colours are parsed from computed
 * styles (rgb(), rgba(), color(srgb ...) as Chromium gives color-mix()), and
 * translucent ones are composited over what lies beneath them.
 */
function measure({ id, checks }) {
  const root = document.getElementById(id).shadowRoot;
  const parse = (c) => {
    c = c.trim();
    if (c === "transparent") return [0, 0, 0, 0];
    let m = /^rgba?\((.*)\)$/.exec(c);
    let scale = 255;
    if (!m) {
      m = /^color\(srgb (.*)\)$/.exec(c);
      scale = 1;
    }
    if (!m) throw new Error("cannot parse the colour " + JSON.stringify(c));
    const [rgb, alpha = "1"] = m[1].split("/");
    const parts = rgb.split(/[\s,]+/).filter(Boolean);
    if (parts.length === 4) parts.splice(3, 1).forEach((a) => (m.alpha = a)); // rgba(r, g, b, a)
    const num = (v, max) => (v === "none" ? 0 : v.endsWith("%") ? parseFloat(v) / 100 : parseFloat(v) / max);
    const out = [...parts.map((v) => num(v, scale)), num(m.alpha ?? alpha.trim(), 1)];
    if (out.length !== 4 || out.some((v) => !Number.isFinite(v))) throw new Error("cannot parse the colour " + JSON.stringify(c));
    return out;
  };
  const over = (top, under) => {
    const a = top[3] + under[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    return [0, 1, 2].map((i) => (top[i] * top[3] + under[i] * under[3] * (1 - top[3])) / a).concat(a);
  };
  const up = (e) => e.parentElement || e.getRootNode().host || null;
  /** What shows behind `e` (its own background included unless `outside`). */
  const backdrop = (e, outside = false) => {
    const layers = [];
    for (let n = outside ? up(e) : e; n; n = up(n)) {
      const c = parse(getComputedStyle(n).backgroundColor);
      layers.push(c);
      if (c[3] === 1) break;
    }
    return layers.reduceRight((under, top) => over(top, under), [1, 1, 1, 1]); // the page is white
  };
  const lum = ([r, g, b]) => {
    const f = (v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const hex = (c) => "#" + c.slice(0, 3).map((v) => Math.round(v * 255).toString(16).padStart(2, "0")).join("");
  const out = [];
  for (const { sel, kind, pseudo } of checks) {
    const found = [...root.querySelectorAll(sel)];
    if (!found.length) throw new Error(`${id}: nothing matches ${sel}`);
    for (const [i, e] of found.entries()) {
      const what = `${sel}${pseudo || ""}${found.length > 1 ? `[${i}]` : ""} (${kind})`;
      const cs = getComputedStyle(e, pseudo);
      let fg, bg, need;
      if (kind === "text") {
        bg = backdrop(e);
        if (pseudo) bg = over(parse(cs.backgroundColor), bg);
        fg = over(parse(cs.color), bg);
        const size = parseFloat(cs.fontSize);
        need = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700) ? 3 : 4.5;
      } else if (kind === "border") {
        // A control's edge against the colour outside it and the colour inside it.
        const outside = backdrop(e, true);
        fg = over(parse(cs.borderTopColor), outside);
        const inside = backdrop(e);
        out.push({ what: what.replace("border", "border vs its fill"), fg: hex(fg), bg: hex(inside), ratio: ratio(fg, inside), need: 3, same: hex(fg) === hex(inside) });
        bg = outside;
        need = 3;
      } else if (kind === "fill") {
        // A filled button's shape against what surrounds it.
        bg = backdrop(e, true);
        fg = backdrop(e);
        need = 3;
      } else if (kind === "focus") {
        e.focus();
        if (!e.matches(":focus-visible")) throw new Error(`${what}: not :focus-visible after focus()`);
        const ring = getComputedStyle(e);
        if (ring.outlineStyle === "none" || parseFloat(ring.outlineWidth) < 2) throw new Error(`${what}: no 2px focus ring`);
        bg = backdrop(e, true); // the ring is drawn outside the box (outline-offset), over the parent
        fg = over(parse(ring.outlineColor), bg);
        need = 3;
        e.blur();
      }
      out.push({ what, fg: hex(fg), bg: hex(bg), ratio: ratio(fg, bg), need });
    }
  }
  return out;
}

const TEXT = [
  "[part=show]", "[part=title]", "[part=guests]", ".published", "[part=stats]", "[part=topic]", "[part=ai-label]",
  ".section>h3", "[part=takeaway-title]", "[part=takeaway-text]", "[part=covers] p", "[part=question-title]",
  "[part=question-text]", "[part=notable] p", ".links a", ".share-prompt", "[part=share-button]", ".takeaway-share",
  ".cta a", "[part=footer]",
].map((sel) => ({ sel, kind: "text" }));
const CARD_CHECKS = [
  ...TEXT,
  { sel: ".points>li", kind: "text", pseudo: "::before" }, // the takeaway numbers, accent on tint
  { sel: "[part=share-button]", kind: "fill" },
  { sel: "[part=share-button]", kind: "border" },
  { sel: ".takeaway-share", kind: "border" },
  { sel: "[part=share-button]", kind: "focus" },
  { sel: ".takeaway-share", kind: "focus" },
  { sel: "[part=show]", kind: "focus" },
  { sel: ".links a", kind: "focus" },
  { sel: ".cta a", kind: "focus" },
];
const MENU_CHECKS = [
  { sel: "[part=share-menu] [role=menuitem]", kind: "text" },
  { sel: "[part=share-menu] [role=menuitem]", kind: "border" },
  { sel: "[part=share-menu] [role=menuitem]", kind: "focus" },
];
const ERROR_CHECKS = [".error-title", ".error-detail", ".error-more", ".retry"].map((sel) => ({ sel, kind: "text" })).concat(
  { sel: ".retry", kind: "fill" },
  { sel: ".retry", kind: "focus" },
);

function failing(results) {
  return results.filter((r) => !(r.ratio >= r.need) && !r.same).map((r) => `${r.what}: ${r.fg} on ${r.bg} is ${r.ratio.toFixed(2)}:1, needs ${r.need}:1`);
}

for (const theme of ["light", "dark"]) {
  test(`WCAG AA contrast of every text and control, ${theme} theme`, async ({ page, server }) => {
    await page.addInitScript(() => {
      delete Navigator.prototype.share; // the share menu, not the system sheet
      delete Navigator.prototype.canShare;
    });
    // The OS says the other theme: the attribute must win.
    await open(page, server, theme === "light" ? "dark" : "light");
    const results = await page.evaluate(measure, { id: theme, checks: CARD_CHECKS });

    await page.locator(`#${theme} [part=share-button]`).press("Enter"); // by keyboard: focus rings show
    await expect(page.locator(`#${theme} [part=share-menu]`)).toBeVisible();
    results.push(...(await page.evaluate(measure, { id: theme, checks: MENU_CHECKS })));

    // The error view: a document with two problems (title, detail, "1 more"), and a failed request (Retry).
    await page.route("**/offline.json", (r) => r.abort("internetdisconnected"));
    await page.evaluate((theme) => {
      document.body.insertAdjacentHTML("beforeend",
        `<summary-card id="bad" theme="${theme}"><script type="application/json">{"title": 42, "takeaways": []}</script></summary-card>` +
        `<summary-card id="offline" theme="${theme}" src="/offline.json"></summary-card>`);
    }, theme);
    await expect(page.locator("#bad")).toHaveAttribute("data-state", "error");
    await expect(page.locator("#offline .retry")).toBeVisible();
    results.push(...(await page.evaluate(measure, { id: "bad", checks: ERROR_CHECKS.filter((c) => c.sel !== ".retry") })));
    results.push(...(await page.evaluate(measure, { id: "offline", checks: ERROR_CHECKS.filter((c) => c.sel !== ".error-more") })));

    const table = `${theme}, every pair measured:\n` + results.map((r) => `  ${r.ratio.toFixed(2)}  ${r.what}  ${r.fg} on ${r.bg}`).join("\n");
    expect(results.length).toBeGreaterThan(40);
    expect(failing(results), table).toEqual([]);
  });
}

test("the contrast check can fail: a 3.9:1 grey on white is reported", async ({ page, server }) => {
  await open(page, server, "light");
  await page.locator("#light").evaluate((e) => e.style.setProperty("--sc-muted", "#8a8a8a"));
  const results = await page.evaluate(measure, { id: "light", checks: [{ sel: "[part=stats]", kind: "text" }] });
  expect(failing(results)).toEqual(["[part=stats] (text): #8a8a8a on #ffffff is 3.45:1, needs 4.5:1"]);
});

test("WCAG AA contrast of a collection's heading, outside its cards, in both themes on a white page", async ({ page, server }) => {
  await open(page, server, "light");
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend",
      '<summary-card id="c-light" theme="light" src="/episodes/season.json"></summary-card>' +
      '<summary-card id="c-dark" theme="dark" src="/episodes/season.json"></summary-card>');
  });
  const results = [];
  for (const id of ["c-light", "c-dark"]) {
    await expect(page.locator("#" + id)).toHaveAttribute("data-state", "ready");
    results.push(...(await page.evaluate(measure, { id, checks: [{ sel: ".collection>h2", kind: "text" }] })));
  }
  expect(results).toHaveLength(2);
  expect(failing(results)).toEqual([]);
});
