// The cross-browser smoke suite: the same specs in every browser of
// drivers.mjs, through WebDriver (selenium-webdriver). The three embed forms,
// an error card, the share menu with its exact links, and the CLI's static
// card with JavaScript off; Chromium runs the full suite (tests/e2e/).
// Waits poll with generous limits; nothing asserts on time.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { By } from "selenium-webdriver";
import { demoFolders, serve } from "../../scripts/serve.mjs";
import { BROWSERS } from "./drivers.mjs";

const TOP = fileURLToPath(new URL("../..", import.meta.url));
/** Pages the suite writes (the CLI's static card), served under /xbrowser/. */
const PAGES = join(TOP, "build/xbrowser");
const WAIT = 30_000;

// What the Chromium suite expects (tests/e2e/fixtures.mjs, share.spec.mjs).
const SEED = {
  title: "Ilya Sutskever – We're moving from the age of scaling to the age of research",
  stats: "96 min episode · 3 min read",
};
const URL_ = "https://www.dwarkesh.com/p/ilya-sutskever-2";
const TEXT = SEED.title + " — Dwarkesh Podcast: a 3-minute summary";
// RFC 3986 strict: encodeURIComponent leaves !'()* alone; the card encodes them too.
const enc = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
const SHARE_LINKS = {
  x: `https://x.com/intent/tweet?text=${enc(TEXT)}&url=${enc(URL_)}`,
  bluesky: `https://bsky.app/intent/compose?text=${enc(TEXT + " " + URL_)}`,
  linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${enc(URL_)}`,
  whatsapp: `https://wa.me/?text=${enc(TEXT + " " + URL_)}`,
  reddit: `https://www.reddit.com/submit?url=${enc(URL_)}&title=${enc(SEED.title)}`,
  telegram: `https://t.me/share/url?url=${enc(URL_)}&text=${enc(TEXT)}`,
  email: `mailto:?subject=${enc(SEED.title)}&body=${enc(TEXT + "\n\n" + URL_)}`,
};

/** A page holding `card` (the CLI's output) and the widget's script tags, as a site would. */
const staticPage = (card) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>static</title>
<script>document.documentElement.dataset.scriptRan = "yes";</script>
<script type="module" src="/dist/summary-card.js"></script></head><body>
<p id="before">Before the card.</p>
${card}
<p id="after">After the card.</p>
</body></html>`;

/** `summary-card render ARGS...`'s standard output (the same `cargo run` as tests/e2e/static.spec.mjs). */
const render = (...args) =>
  execFileSync("cargo", ["run", "--quiet", "--bin", "summary-card", "--", "render", ...args], {
    cwd: TOP,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });

const squash = (s) => (s == null ? s : s.replace(/\s+/g, " ").trim());

/** What `host`'s shadow root shows for `selector`: its text, whitespace squashed, or null. */
const shadowText = (driver, host, selector) =>
  driver
    .executeScript(
      "const h = document.querySelector(arguments[0]); const e = h && h.shadowRoot && h.shadowRoot.querySelector(arguments[1]); return e ? e.textContent : null;",
      host,
      selector,
    )
    .then(squash);

const stateOf = (driver, host) =>
  driver.executeScript("const h = document.querySelector(arguments[0]); return h && h.getAttribute('data-state');", host);

/** Waits until `host` has data-state ready or error; returns it. */
async function settled(driver, host) {
  let state;
  await driver.wait(
    async () => ["ready", "error"].includes((state = await stateOf(driver, host))),
    WAIT,
    `${host} never settled (data-state stayed ${state})`,
  );
  return state;
}

/** Asserts that `host` is ready and shows the seed episode's title and stats. */
async function expectSeedCard(driver, host) {
  assert.equal(await settled(driver, host), "ready", `${host}'s data-state`);
  assert.equal(await shadowText(driver, host, "[part=title]"), SEED.title);
  assert.equal(await shadowText(driver, host, "[part=stats]"), SEED.stats);
}

/** The element `selector` in `host`'s shadow root, through WebDriver (for clicks and visibility). */
async function inShadow(driver, host, selector) {
  const root = await driver.findElement(By.css(host)).getShadowRoot();
  return root.findElement(By.css(selector));
}

/**
 * Registers the smoke suite for `name` (a key of BROWSERS): skipped, with
 * the one reason, where that browser cannot run on this machine; failed
 * instead in CI (CI set), whose set-up must have installed it.
 */
export function smoke(name) {
  const browser = BROWSERS[name];
  const skip = browser.missing && !process.env.CI ? `${name} skipped: ${browser.missing}` : false;
  describe(name, { skip }, () => {
    let server, browserSession, driver;

    before(async () => {
      if (browser.missing) throw new Error(`${name} cannot run: ${browser.missing}`);
      server = await serve(0, "127.0.0.1", (path) =>
        path.startsWith("/xbrowser/") ? [PAGES, path.slice("/xbrowser".length)] : demoFolders(path),
      );
      mkdirSync(PAGES, { recursive: true });
      writeFileSync(join(PAGES, `static-${name}.html`), staticPage(render("www/episodes/ilya.json")));
      browserSession = await browser.open();
      driver = browserSession.driver;
      console.log(`${name} ${(await driver.getCapabilities()).get("browserVersion")}`);
    });

    after(async () => {
      await browserSession?.close();
      await server?.close();
    });

    test("a: <summary-card src> becomes the seed card", async () => {
      await driver.get(server.url + "/embed-module.html");
      await expectSeedCard(driver, "summary-card");
      // The title wraps pretty, or balanced where the engine lacks pretty (Firefox ESR).
      const [supportsPretty, wrap] = await driver.executeScript(
        "const t = document.querySelector('summary-card').shadowRoot.querySelector('[part=title]');" +
          "return [CSS.supports('text-wrap-style: pretty'), getComputedStyle(t).textWrapStyle];",
      );
      assert.equal(wrap, supportsPretty ? "pretty" : "balance");
    });

    test("b: inline JSON <script type=application/json> becomes the seed card", async () => {
      await driver.get(server.url + "/embed-inline.html");
      await expectSeedCard(driver, "summary-card");
    });

    test("c: embed.js upgrades [data-summary-card] hooks (src and inline)", async () => {
      await driver.get(server.url + "/embed-classic.html");
      await expectSeedCard(driver, "#by-src");
      await expectSeedCard(driver, "#inline");
    });

    test("d: an invalid document shows an error card naming the path; the good card beside it is ready", async () => {
      await driver.get(server.url + "/errors.html");
      assert.equal(await settled(driver, "#bad"), "error");
      const message = await shadowText(driver, "#bad", "[part=error]");
      assert.match(message, /This summary can't be shown\./);
      assert.match(message, /url: expected an absolute https: or http: URL/);
      assert.match(message, /1 more problem/);
      assert.equal(
        await driver.executeScript("return document.querySelector('#bad').shadowRoot.querySelector('[part=error]').getAttribute('role')"),
        "alert",
      );
      await expectSeedCard(driver, "#good");
      assert.equal(await settled(driver, "#missing"), "error");
      assert.match(await shadowText(driver, "#missing", "[part=error]"), /the server answered 404/);
    });

    test("e: the share button opens the share menu with the exact links", async () => {
      await driver.get(server.url + "/share.html");
      assert.equal(await settled(driver, "#full"), "ready");
      // The menu rather than a system share sheet: the card looks for
      // navigator.share when clicked.
      await driver.executeScript("delete Navigator.prototype.share; delete Navigator.prototype.canShare;");
      const button = await inShadow(driver, "#full", "[part=share-button]");
      assert.equal(await button.getAttribute("aria-expanded"), "false");
      await button.click();
      await driver.wait(
        async () => {
          const menu = await driver.executeScript("return document.querySelector('#full').shadowRoot.querySelector('[part=share-menu]')");
          return menu && (await menu.isDisplayed());
        },
        WAIT,
        "the share menu never showed",
      );
      assert.equal(await button.getAttribute("aria-expanded"), "true");
      const links = await driver.executeScript(
        "const m = document.querySelector('#full').shadowRoot.querySelector('[part=share-menu]');" +
          "return Object.fromEntries([...m.querySelectorAll('a[data-target]')].map((a) => [a.dataset.target, a.getAttribute('href')]));",
      );
      for (const [target, href] of Object.entries(SHARE_LINKS)) assert.equal(links[target], href, `the ${target} link`);
      const items = await driver.executeScript(
        "return [...document.querySelector('#full').shadowRoot.querySelectorAll('[part=share-menu] [role=menuitem]')].map((e) => e.textContent.trim())",
      );
      assert.deepEqual(items, ["Copy link", "Copy takeaways", "X", "Bluesky", "LinkedIn", "WhatsApp", "Reddit", "Telegram", "Email", "Mastodon", "Share as image"]);
    });

    test("f: with JavaScript off, the CLI's static card shows its title and stats, and no Share button", async () => {
      // JavaScript off in the browser itself: Firefox's javascript.enabled
      // pref, WebKitGTK's enable-javascript setting (MiniBrowser's
      // --enable-javascript=false). WebDriver's own scripts still run, as
      // they do for a tester's devtools. A second browser: a driver holds
      // one session at a time.
      const off = await browser.open({ javascript: false });
      const nojs = off.driver;
      try {
        await nojs.get(server.url + `/xbrowser/static-${name}.html`);
        // Proof that the page's scripts did not run: neither the inline one nor the widget.
        assert.equal(await nojs.executeScript("return document.documentElement.dataset.scriptRan || null"), null);
        assert.equal(await stateOf(nojs, "summary-card"), null);
        assert.equal(await shadowText(nojs, "summary-card", "[part=title]"), SEED.title);
        assert.equal(await shadowText(nojs, "summary-card", "[part=stats]"), SEED.stats);
        assert.equal(await (await inShadow(nojs, "summary-card", "[part=title]")).isDisplayed(), true, "title shown");
        assert.equal(await (await inShadow(nojs, "summary-card", "[part=stats]")).isDisplayed(), true, "stats shown");
        // Share cannot work without script, so it is not shown.
        assert.equal(await (await inShadow(nojs, "summary-card", "[part=share-button]")).isDisplayed(), false, "share button hidden");
        assert.equal(await (await inShadow(nojs, "summary-card", ".takeaway-share")).isDisplayed(), false, "takeaway share hidden");
      } finally {
        await off.close();
      }
    });

    test("g: with JavaScript on, the widget upgrades the same static card and Share shows", async () => {
      await driver.get(server.url + `/xbrowser/static-${name}.html`);
      await expectSeedCard(driver, "summary-card");
      assert.equal(await (await inShadow(driver, "summary-card", "[part=share-button]")).isDisplayed(), true, "share button shown");
    });
  });
}
