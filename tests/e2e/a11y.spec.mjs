// Accessibility: axe-core (WCAG 2.0/2.1/2.2 A and AA, and best practices) on
// real pages holding a card, in each state a reader can meet. axe descends
// into the card's open shadow root.
import { readFileSync } from "node:fs";
import { test, expect, settled, expectNoAxeViolations as expectNoViolations } from "./fixtures.mjs";

/** A plain, valid host page holding `body`, served at /a11y.html. */
async function host(page, server, body, { scheme = "light" } = {}) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.route("**/a11y.html", (r) =>
    r.fulfill({
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>summary-card accessibility</title>
<script type="module" src="/dist/summary-card.js"></script></head>
<body><main><h1>Episode notes</h1>${body}</main></body></html>`,
    }),
  );
  await page.goto(server + "/a11y.html");
}

for (const theme of ["light", "dark"]) {
  test(`axe: the seed card, full layout, ${theme} theme`, async ({ page, server }) => {
    // The OS says the other theme, so the attribute decides.
    await host(page, server, `<summary-card theme="${theme}" src="/episodes/ilya.json"></summary-card>`, {
      scheme: theme === "light" ? "dark" : "light",
    });
    expect(await settled(page, "summary-card")).toBe("ready");
    await expectNoViolations(page);
  });
}

test("axe: the seed card, compact layout", async ({ page, server }) => {
  await host(page, server, `<summary-card layout="compact" src="/episodes/ilya.json"></summary-card>`);
  expect(await settled(page, "summary-card")).toBe("ready");
  await expect(page.locator("summary-card [part=card]")).toHaveAttribute("data-layout", "compact");
  await expectNoViolations(page);
});

async function collection(page, server) {
  await host(page, server, `<summary-card src="/episodes/season.json"></summary-card>`, { scheme: "dark" });
  expect(await settled(page, "summary-card")).toBe("ready");
  await expect(page.locator("summary-card .episodes > li").first()).toBeVisible();
}

// A card's sections are not landmarks, so a collection's compact cards do not
// repeat one region name per card (landmark-unique).
test("axe: a collection (a showcase of compact cards), dark OS", async ({ page, server }) => {
  await collection(page, server);
  await expectNoViolations(page);
});

test("axe: a showcase with more than 12 episodes, after 'Show more', and in Arabic", async ({ page, server }) => {
  await host(page, server, `<summary-card id="show" src="/episodes/showcase.json"></summary-card><summary-card id="ar" src="/episodes/ilya.json" locale="ar"></summary-card>`);
  for (const id of ["#show", "#ar"]) expect(await settled(page, id)).toBe("ready");
  await page.locator("#show .collection > button.more").click();
  await expect(page.locator("#show [part=card]")).toHaveCount(15);
  await expectNoViolations(page);
});

// Three full cards on one page, each with every section: a card's sections
// are headed parts of its article, not landmarks, so "Key takeaways" three
// times is not three regions of one name (landmark-unique).
test("axe: three cards on one page keep the page's landmarks unique", async ({ page, server }) => {
  const { episodes } = JSON.parse(readFileSync(new URL("../../www/episodes/season.json", import.meta.url), "utf8"));
  expect(episodes).toHaveLength(3);
  const cards = episodes.map(
    (e, i) => `<summary-card id="c${i}"><script type="application/json">${JSON.stringify(e).replace(/</g, "\\u003c")}</script></summary-card>`,
  );
  await host(page, server, cards.join("\n"));
  for (const i of [0, 1, 2]) expect(await settled(page, `#c${i}`)).toBe("ready");
  await expect(page.locator("summary-card [part=takeaways]")).toHaveCount(3);
  await expect(page.locator("summary-card [part=listen]")).toHaveCount(3);
  await expectNoViolations(page);
  // The rule by name (a best practice, so in the run above too), and that it
  // had landmarks to check.
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "rule", values: ["landmark-unique"] } }),
  );
  expect(result.violations.map((v) => v.nodes.map((n) => n.html))).toEqual([]);
  expect(result.passes.map((r) => r.id)).toEqual(["landmark-unique"]);
});

test("axe: the error state (invalid data) and a failed request with Retry", async ({ page, server }) => {
  await page.route("**/offline.json", (r) => r.abort("internetdisconnected"));
  await host(
    page,
    server,
    `<summary-card id="bad"><script type="application/json">{"title": 42, "takeaways": []}</script>
       <p>Fallback: <a href="https://example.com/episode">read the summary on our site</a>.</p></summary-card>
     <summary-card id="offline" theme="dark" src="/offline.json"></summary-card>`,
  );
  expect(await settled(page, "#bad")).toBe("error");
  await expect(page.locator("#bad [part=error]")).toBeVisible();
  await expect(page.locator("#offline .retry")).toBeVisible();
  await expectNoViolations(page);
});

for (const theme of ["light", "dark"]) {
  test(`axe: the share menu open, ${theme} theme`, async ({ page, server }) => {
    await page.addInitScript(() => {
      delete Navigator.prototype.share; // the card's own menu, not the system sheet
      delete Navigator.prototype.canShare;
    });
    await host(page, server, `<summary-card theme="${theme}" src="/episodes/ilya.json"></summary-card>`);
    expect(await settled(page, "summary-card")).toBe("ready");
    await page.locator("summary-card [part=share-button]").press("Enter");
    await expect(page.locator("summary-card [part=share-menu]")).toBeVisible();
    await expectNoViolations(page);
  });
}
