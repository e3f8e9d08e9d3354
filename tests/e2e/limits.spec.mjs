// Limits (issue "Safe on any page"): oversized, deep, odd and malformed
// documents each get a clear error (or, where the data is usable, a sane
// rendering) through render() (as JSON text and as an object) and through
// `<summary-card src>`; the card settles quickly, the page stays responsive
// and the neighbouring seed card keeps working.
import { readFileSync } from "node:fs";
import { test, expect, SEED } from "./fixtures.mjs";

test.describe.configure({ mode: "parallel" });

const SEED_TEXT = readFileSync(new URL("../../www/episodes/ilya.json", import.meta.url), "utf8");
const seed = JSON.parse(SEED_TEXT);
const MiB = 1024 * 1024;
/** The seed with some members replaced. */
const seedWith = (extra) => JSON.stringify({ ...seed, ...extra });
const minimal = { title: "T", takeaways: [{ text: "x" }] };

/**
 * name → body (JSON text, or bytes for `src` only) and what the reader sees:
 * `error` (a regular expression the first error's "path: message" must
 * match) or `ready` (with a check of what is shown).
 */
const CASES = [
  {
    name: "a 5 MB string",
    body: seedWith({ covers: "x".repeat(5 * MiB) }),
    error: /^the document is 52\d{5} bytes; the limit is 1 MiB \(1048576 bytes\)$/,
  },
  {
    name: "a string of 6,000 characters",
    body: seedWith({ covers: "é".repeat(6000) }),
    error: /^covers: is 6000 characters long; the limit is 5000$/,
  },
  {
    name: "a string of 5,000 characters (the limit)",
    body: seedWith({ covers: "é".repeat(5000) }),
    ready: { part: "[part=covers] p", length: 5000 },
  },
  {
    name: "100,000 takeaways",
    body: seedWith({ takeaways: Array(100_000).fill({ title: "T", text: "x" }) }),
    error: /^the document is \d+ bytes; the limit is 1 MiB/,
  },
  {
    name: "100,000 empty takeaways (under 1 MiB)",
    body: seedWith({ takeaways: Array(100_000).fill({}) }),
    error: /^takeaways: has 100000 items; the limit is 100$/,
  },
  {
    name: "101 takeaways",
    body: seedWith({ takeaways: Array(101).fill({ text: "x" }) }),
    error: /^takeaways: has 101 items; the limit is 100$/,
  },
  { name: "101 questions", body: seedWith({ questions: Array(101).fill({ text: "x" }) }), error: /^questions: has 101 items; the limit is 100$/ },
  { name: "101 topics", body: seedWith({ topics: Array(101).fill("t") }), error: /^topics: has 101 items; the limit is 100$/ },
  {
    name: "501 episodes",
    body: JSON.stringify({ version: 1, episodes: Array(501).fill(minimal) }),
    error: /^episodes: has 501 items; the limit is 500$/,
  },
  {
    name: "10,000-deep nesting",
    body: "[".repeat(10_000) + "]".repeat(10_000),
    error: /^the document nests arrays or objects more than 64 levels deep \(line 1, column \d+\)$/,
  },
  {
    name: "10,000-deep objects inside a card",
    body: SEED_TEXT.replace('"version": 1,', '"future": ' + '{"a":'.repeat(10_000) + "0" + "}".repeat(10_000) + ', "version": 1,'),
    error: /^the document nests arrays or objects more than 64 levels deep \(line \d, column \d+\)$/,
  },
  { name: "a top-level array", body: "[" + SEED_TEXT + "]", error: /^expected an object, found an array$/ },
  { name: "null", body: "null", error: /^expected an object, found null$/ },
  { name: "a number", body: "42", error: /^expected an object, found 42$/ },
  { name: "a string", body: '"<script>"', error: /^expected an object, found the string "<script>"$/ },
  { name: "an empty file", body: "", error: /^not valid JSON: the document is empty \(line 1, column 1\)$/ },
  { name: "only whitespace", body: " \n\t ", error: /^not valid JSON: the document is empty \(line 2, column 3\)$/ },
  { name: "a BOM before the seed", body: "\ufeff" + SEED_TEXT, ready: { part: "[part=title]", text: SEED.title } },
  {
    name: "lone surrogates (\\ud800, \\udfff escapes)",
    body: seedWith({ title: "TITLE" }).replace("TITLE", "\\ud800 lone \\udfff"),
    ready: { part: "[part=title]", text: "\ufffd lone \ufffd" },
  },
  {
    name: "bytes that are not UTF-8 (src only)",
    bytes: Buffer.concat([Buffer.from('{"title": "bad '), Buffer.from([0xff, 0xed, 0xa0, 0x80]), Buffer.from(' bytes", "takeaways": [{"text": "x"}]}')]),
    ready: { part: "[part=title]", text: /^bad \ufffd+ bytes$/ },
  },
  { name: "a negative duration", body: seedWith({ duration: -5 }), error: /^duration: must not be negative, found -5$/ },
  { name: "a huge duration (1e300)", body: seedWith({ duration: 1e300 }), error: /^duration: must be between 1 second and 1000 hours, found 1e\+?300$/ },
  { name: "a duration of 0.4 seconds", body: seedWith({ duration: 0.4 }), error: /^duration: must be between 1 second and 1000 hours, found 0.4$/ },
  {
    name: 'duration "99:99:99"',
    body: seedWith({ duration: "99:99:99" }),
    error: /^duration: minutes and seconds must be below 60, found the string "99:99:99"$/,
  },
  {
    name: 'duration "-1:00"',
    body: seedWith({ duration: "-1:00" }),
    error: /^duration: expected seconds, "MM:SS" or "H:MM:SS", found the string "-1:00"$/,
  },
  {
    name: 'published "2025-02-30"',
    body: seedWith({ published: "2025-02-30" }),
    error: /^published: expected an ISO 8601 date such as "2025-11-25", found the string "2025-02-30"$/,
  },
  {
    name: 'published "not a date"',
    body: seedWith({ published: "not a date" }),
    error: /^published: expected an ISO 8601 date such as "2025-11-25", found the string "not a date"$/,
  },
  {
    name: "the heaviest valid document (500 episodes of 100 takeaways)",
    body: JSON.stringify({ version: 1, episodes: Array(500).fill({ title: "T", takeaways: Array(100).fill({ text: "x" }) }) }),
    // All 500 are in the page; 12 show (and carry parts) until "Show more".
    ready: { part: "[part=card]", count: 12 },
  },
  {
    name: "50,000 errors at once",
    body: JSON.stringify({ episodes: Array(500).fill({ title: "T", takeaways: Array(100).fill({ text: 1 }) }) }),
    error: /^episodes\[0\]\.takeaways\[0\]\.text: expected a string, found 1$/,
    more: "…and 49,999 more problems",
  },
];

/** Milliseconds until the page paints its next frame: large if the main thread is stuck. */
const frame = (page) =>
  page.evaluate(() => new Promise((r) => {
    const t = performance.now();
    requestAnimationFrame(() => r(performance.now() - t));
  }));

/** What a settled card shows: state, first error, alert text. */
function shown(el) {
  const alert = el.shadowRoot?.querySelector("[part=error]");
  return { state: el.getAttribute("data-state"), alert: alert ? alert.textContent : null };
}

async function expectShown(page, host, c, result, how) {
  const where = `${c.name} via ${how}`;
  if (c.error) {
    expect(result.state, where).toBe("error");
    expect(result.alert, where).toContain("This summary can't be shown.");
    const first = result.alert.replace("This summary can't be shown.", "").replace(/…and [\d,]+ more problems? .*$/, "");
    expect(first, where).toMatch(c.error);
    if (c.more) expect(result.alert, where).toContain(c.more);
  } else {
    expect(result.state, where).toBe("ready");
    const part = page.locator(host).locator(c.ready.part);
    if (c.ready.text) await expect(part.first(), where).toHaveText(c.ready.text);
    if (c.ready.length) expect((await part.first().textContent()).length, where).toBe(c.ready.length);
    if (c.ready.count) await expect(part, where).toHaveCount(c.ready.count);
  }
}

for (const c of CASES) {
  test(`limits: ${c.name}`, async ({ page, server }) => {
    const body = c.bytes ?? c.body;
    await page.route("**/generated/limit.json", (route) => route.fulfill({ body, contentType: "application/json" }));
    await page.goto(server + "/embed-module.html");
    const neighbour = page.locator("main > summary-card").first();
    await expect(neighbour).toHaveAttribute("data-state", "ready");

    if (c.body !== undefined) {
      // render() with the JSON text, then with the object JSON.parse makes of it.
      const results = await page.evaluate(async ({ text, shownSrc }) => {
        const shown = new Function("return " + shownSrc)();
        const { render } = await import("/dist/summary-card.js");
        let parsed;
        try {
          parsed = { value: JSON.parse(text) };
        } catch {
          parsed = null; // not JSON for JSON.parse either: the text form covers it
        }
        // render() takes a string as JSON text: that is the text form again.
        if (typeof parsed?.value === "string") parsed = null;
        const out = [];
        for (const [how, data] of [["render(text)", text], ...(parsed ? [["render(object)", parsed.value]] : [])]) {
          const el = document.createElement("div");
          el.id = how.replace(/\W/g, "-");
          document.body.append(el);
          const t0 = performance.now();
          const card = await render(el, data);
          const ms = performance.now() - t0;
          out.push({ how, id: el.id, ms, errors: card.errors, ...shown(el) });
        }
        return out;
      }, { text: c.body, shownSrc: shown.toString() });
      for (const r of results) {
        await expectShown(page, "#" + r.id, c, r, r.how);
        expect(r.ms, `${c.name}: ${r.how} took ${Math.round(r.ms)} ms`).toBeLessThan(5000);
        expect(r.errors.length > 0, `${c.name}: ${r.how} errors`).toBe(Boolean(c.error));
      }
    }

    // <summary-card src>: the same body over the network.
    const t0 = Date.now();
    await page.evaluate(() => {
      const el = document.createElement("summary-card");
      el.id = "by-src";
      el.setAttribute("src", "/generated/limit.json");
      document.body.append(el);
    });
    await expect(page.locator("#by-src")).toHaveAttribute("data-state", /^(ready|error)$/, { timeout: 10_000 });
    expect(Date.now() - t0, `${c.name}: src settled`).toBeLessThan(10_000);
    await expectShown(page, "#by-src", c, await page.locator("#by-src").evaluate(shown), "src");

    // The page still paints frames and the neighbour still works.
    expect(await frame(page), "ms to the next frame").toBeLessThan(1000);
    await expect(neighbour).toHaveAttribute("data-state", "ready");
    await expect(neighbour.locator("[part=title]")).toHaveText(SEED.title);
    await neighbour.evaluate((e) => e.setAttribute("layout", "compact"));
    await expect(neighbour.locator("[part=takeaway]")).toHaveCount(3);
  });
}

/** Renders each of `cases` (name → expression building a JS value) with render() and validate(). */
function renderValues(page, cases) {
  return page.evaluate(async (cases) => {
    const { render, validate } = await import("/dist/summary-card.js");
    const out = {};
    for (const [name, source] of Object.entries(cases)) {
      const data = new Function(source)();
      const el = document.createElement("div");
      document.body.append(el);
      const t0 = performance.now();
      const card = await render(el, data);
      out[name] = {
        ms: performance.now() - t0,
        state: el.getAttribute("data-state"),
        errors: card.errors,
        validate: validate(data),
        title: el.shadowRoot.querySelector("[part=title]")?.textContent ?? null,
      };
    }
    return out;
  }, cases);
}

const DEEP = (n) => `let v = 0; for (let i = 0; i < ${n}; i++) v = [v]; return v;`;
const CIRCULAR = 'const c = { title: "T", takeaways: [{ text: "x" }] }; c.self = c; return c;';
const BIGINT = 'return { title: "T", takeaways: [{ text: "x" }], duration: 10n };';

test("limits: JS values given to render() each get an error or a rendering of their own", async ({ page, server }) => {
  await page.goto(server + "/embed-module.html");
  const neighbour = page.locator("main > summary-card").first();
  await expect(neighbour).toHaveAttribute("data-state", "ready");
  const results = await renderValues(page, {
    undefined: "return undefined;",
    "a function": "return () => 1;",
    "10,000-deep arrays": DEEP(10_000),
    "1,000,000-deep arrays": DEEP(1_000_000),
    "a circular object": CIRCULAR,
    "a BigInt": BIGINT,
    "a lone surrogate in a JS string": 'return { title: "a\\ud800b", takeaways: [{ text: "x" }] };',
  });
  for (const [name, r] of Object.entries(results)) expect(r.ms, name).toBeLessThan(5000);
  expect(results["undefined"].errors).toEqual([{ path: "", message: "expected an object, found null" }]);
  expect(results["a function"].errors).toEqual([{ path: "", message: "expected an object, found null" }]);
  expect(results["10,000-deep arrays"].errors).toEqual([
    { path: "", message: expect.stringMatching(/^the document nests arrays or objects more than 64 levels deep \(line 1, column \d+\)$/) },
  ]);
  expect(results["1,000,000-deep arrays"].errors[0].message).toMatch(/^the document is 2000001 bytes; the limit is 1 MiB/);
  expect(results["a lone surrogate in a JS string"]).toMatchObject({ state: "ready", title: "a\ufffdb", errors: [] });
  // JSON.stringify throws for these: the card fails alone, validate() says why.
  for (const name of ["a circular object", "a BigInt"]) {
    expect(results[name].state, name).toBe("error");
    expect(results[name].validate[0].message, name).toMatch(/^could not be turned into JSON: /);
  }
  expect(await frame(page)).toBeLessThan(1000);
  await expect(neighbour).toHaveAttribute("data-state", "ready");
  await expect(neighbour.locator("[part=title]")).toHaveText(SEED.title);
});

// render() and validate() give the same reason when JSON.stringify throws.
test("limits: render() says why a value cannot be turned into JSON", async ({ page, server }) => {
  await page.goto(server + "/embed-module.html");
  const results = await renderValues(page, { "a circular object": CIRCULAR, "a BigInt": BIGINT });
  for (const [name, r] of Object.entries(results)) {
    expect(r.errors, name).toEqual(r.validate);
    expect(r.errors[0].message, name).toMatch(/^could not be turned into JSON: /);
  }
});
