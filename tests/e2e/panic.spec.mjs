// A Rust panic traps the shared wasm instance (or, in a share click, the
// share module's). These tests run the test-only
// build (build/dist-test-panic, made by `node scripts/build.mjs --test-panic`),
// where one input panics on purpose, and check that the page never sees it:
// the card says so, the other cards keep working, and a card added later
// renders in a fresh instance.
import { readFileSync } from "node:fs";
import { test, expect, expectSeedCard } from "./fixtures.mjs";

const TEST_BUILD = new URL("../../build/dist-test-panic/", import.meta.url);
const SEED_JSON = readFileSync(new URL("../../www/episodes/ilya.json", import.meta.url), "utf8");

/** Serves the test build in place of dist/ for this page. */
async function useTestBuild(page) {
  await page.route("**/dist/*", (route) => {
    const name = new URL(route.request().url()).pathname.split("/").pop();
    route.fulfill({ path: new URL(name, TEST_BUILD).pathname });
  });
}

/** Adds a `<summary-card>` with inline JSON `text` and returns its locator. */
async function addCard(page, id, text) {
  await page.evaluate(
    ([id, text]) => {
      const card = document.createElement("summary-card");
      card.id = id;
      const script = document.createElement("script");
      script.type = "application/json";
      script.textContent = text;
      card.append(script);
      document.querySelector("main").append(card);
    },
    [id, text],
  );
  return page.locator("#" + id);
}

test("a panic while rendering shows that card's error; neighbours and later cards render", async ({ page, server }) => {
  await useTestBuild(page);
  const logs = [];
  page.on("console", (m) => m.type() === "error" && logs.push(m.text()));
  await page.goto(server + "/embed-module.html");
  await expectSeedCard(page, "summary-card");

  const bad = await addCard(page, "bad", '"__test_panic__"');
  await expect(bad).toHaveAttribute("data-state", "error");
  await expect(bad.locator("[part=error]")).toContainText("An internal error stopped this card");
  expect(logs.join("\n")).toContain("summary-card: internal error: test panic");
  expect(logs.join("\n")).toContain("started a fresh one");

  // The neighbour was re-rendered in the fresh instance and still works.
  await expectSeedCard(page, "summary-card >> nth=0");
  await page.locator("summary-card >> nth=0").locator("[part=share-button]").click();
  await expect(page.locator("summary-card >> nth=0").locator("[part=share-menu]")).toBeVisible();

  // A card added afterwards renders.
  await addCard(page, "later", SEED_JSON);
  await expectSeedCard(page, "#later");

  // And the panicking card can be re-tried (it panics again, and recovers again).
  const again = await addCard(page, "again", '"__test_panic__"');
  await expect(again).toHaveAttribute("data-state", "error");
  await expectSeedCard(page, "#later");
});

test("a panic inside an event listener never reaches the page", async ({ page, server }) => {
  await useTestBuild(page);
  const logs = [];
  page.on("console", (m) => m.type() === "error" && logs.push(m.text()));
  await page.goto(server + "/embed-module.html");
  await expectSeedCard(page, "summary-card");
  // The neighbour's share session is made before the trap.
  const neighbour = page.locator("summary-card >> nth=0");
  await page.evaluate(() => delete Navigator.prototype.share);
  await neighbour.locator("[part=share-button]").click();
  await expect(neighbour.locator("[part=share-menu]")).toBeVisible();
  await page.keyboard.press("Escape");
  const data = JSON.parse(SEED_JSON);
  data.title = "__test_panic_on_share__";
  const trap = await addCard(page, "trap", JSON.stringify(data));
  await expect(trap).toHaveAttribute("data-state", "ready");
  await trap.locator("[part=share-button]").click();
  await expect.poll(() => logs.join("\n")).toContain("started a fresh one");
  expect(logs.join("\n")).toContain("summary-card: internal error: test panic");
  // The share module's instance (the share click runs there) was replaced;
  // every card still works.
  await expectSeedCard(page, "summary-card >> nth=0");
  await expect(trap).toHaveAttribute("data-state", "ready");
  // The neighbour's session went with the trapped instance: a new one opens its menu.
  await neighbour.locator("[part=share-button]").click();
  await expect(neighbour.locator("[part=share-menu]")).toBeVisible();
  await addCard(page, "later", SEED_JSON);
  await expectSeedCard(page, "#later");
  // The fixture checks that nothing reached window.onerror.
});

test("validate() after a panic still answers", async ({ page, server }) => {
  await useTestBuild(page);
  await page.goto(server + "/embed-module.html");
  await expectSeedCard(page, "summary-card");
  await addCard(page, "bad", '"__test_panic__"');
  await expect(page.locator("#bad")).toHaveAttribute("data-state", "error");
  const errors = await page.evaluate(async () => {
    const { validate } = await import("/dist/summary-card.js");
    return validate({ title: "x", takeaways: [{ title: 42, text: "y" }] });
  });
  expect(errors).toEqual([{ path: "takeaways[0].title", message: "expected a string, found 42" }]);
});
