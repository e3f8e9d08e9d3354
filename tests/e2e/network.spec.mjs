// Broken networks: every failure of a `src` card says what went wrong (status,
// URL), offers Retry, and removing the card aborts its request.
import { test, expect } from "./fixtures.mjs";
import { serve } from "../../scripts/serve.mjs";

/** A page with one card loading `src`. */
async function cardPage(page, server, src) {
  await page.goto(server + "/embed-module.html");
  await page.evaluate((src) => {
    document.querySelector("summary-card").remove();
    const c = document.createElement("summary-card");
    c.id = "net";
    c.setAttribute("src", src);
    document.body.append(c);
  }, src);
  return page.locator("#net");
}

test("a 5xx names the status and the URL, and Retry loads again", async ({ page, server }) => {
  let fail = true;
  await page.route("**/episodes/flaky.json", (route) =>
    fail ? route.fulfill({ status: 503, body: "busy" }) : route.fulfill({ path: "www/episodes/ilya.json", contentType: "application/json" }),
  );
  const card = await cardPage(page, server, "/episodes/flaky.json");
  await expect(card).toHaveAttribute("data-state", "error");
  await expect(card.locator("[part=error]")).toContainText("Could not load /episodes/flaky.json: the server answered 503");
  fail = false;
  await card.locator("[part=error] button.retry").click();
  await expect(card).toHaveAttribute("data-state", "ready");
});

test("a 404 names the status", async ({ page, server }) => {
  const card = await cardPage(page, server, "/episodes/nope.json");
  await expect(card.locator("[part=error]")).toContainText("the server answered 404");
});

test("a wrong content type is an error, not a parse attempt", async ({ page, server }) => {
  await page.route("**/episodes/page.json", (route) => route.fulfill({ body: "<html>soft 404</html>", contentType: "text/html" }));
  const card = await cardPage(page, server, "/episodes/page.json");
  await expect(card.locator("[part=error]")).toContainText("the server sent text/html, not JSON");
});

test("invalid JSON says where", async ({ page, server }) => {
  await page.route("**/episodes/broken.json", (route) => route.fulfill({ body: '{"title": "x",\n oops}', contentType: "application/json" }));
  const card = await cardPage(page, server, "/episodes/broken.json");
  await expect(card.locator("[part=error]")).toContainText("not valid JSON: expected a quoted member name (line 2, column 2)");
});

test("a CORS refusal is named", async ({ page, server }) => {
  const other = await serve(0); // another port: another origin, no CORS headers
  try {
    const card = await cardPage(page, server, other.url + "/episodes/ilya.json");
    await expect(card.locator("[part=error]")).toContainText("refused by CORS");
    await expect(card.locator("[part=error] button.retry")).toBeVisible();
  } finally {
    await other.close();
  }
});

test("a request with no answer times out after 10 seconds", async ({ page, server }) => {
  await page.clock.install();
  await page.route("**/episodes/slow.json", () => {}); // never answers
  const card = await cardPage(page, server, "/episodes/slow.json");
  await expect(card).toHaveAttribute("data-state", "loading");
  await page.clock.fastForward(10_500);
  await expect(card.locator("[part=error]")).toContainText("no answer within 10 seconds");
});

test("while a src card loads, its fallback stays as the page styled it: the host's box changes once, when the card comes", async ({ page, server }) => {
  let answer;
  const held = new Promise((r) => (answer = r));
  await page.route("**/episodes/held.json", async (route) => {
    await held;
    await route.fulfill({ path: "www/episodes/ilya.json", contentType: "application/json" });
  });
  await page.goto(server + "/embed-module.html");
  await expect(page.locator("summary-card")).toHaveAttribute("data-state", "ready"); // the module and wasm are in
  // The same link outside any card: the loading host must be the box it is.
  await page.evaluate(() => {
    document.querySelector("summary-card").remove();
    document.body.style.lineHeight = "1.2"; // the page's own text, unlike the card's
    document.body.insertAdjacentHTML("afterbegin",
      '<div id="ref"><a href="/x">Read the summary</a></div><summary-card id="net" src="/episodes/held.json"><a href="/x">Read the summary</a></summary-card>');
  });
  const height = (id) => page.evaluate((id) => document.getElementById(id).getBoundingClientRect().height, id);
  const card = page.locator("#net");
  await expect(card).toHaveAttribute("data-state", "loading");
  await expect(card.locator("[role=status]")).toHaveText("Loading summary…");
  await expect(card.locator(".loading")).toHaveCount(0); // no skeleton
  await expect(card.locator("a")).toBeVisible(); // the fallback, through the slot
  expect(await height("net")).toBe(await height("ref"));
  answer();
  await expect(card).toHaveAttribute("data-state", "ready");
  expect(await height("net")).toBeGreaterThan(300);
});

test("removing the card aborts its request", async ({ page, server }) => {
  await page.route("**/episodes/hang.json", () => {}); // never answers
  const failed = new Promise((resolve) => page.on("requestfailed", (r) => r.url().endsWith("hang.json") && resolve(r.failure().errorText)));
  const card = await cardPage(page, server, "/episodes/hang.json");
  await expect(card).toHaveAttribute("data-state", "loading");
  await card.evaluate((e) => e.remove());
  expect(await failed).toBe("net::ERR_ABORTED");
});
