// "Safe on any page": every embed form works on a page served with a strict
// Content Security Policy, with and without Trusted Types, with zero
// violations: no eval or new Function, no inline script or style, no
// string-to-HTML sinks, and no Trusted Types policy created.
//
// The pages in www/csp/ hold only external scripts and stylesheets (and
// <script type="application/json"> data blocks, which are never executed, so
// script-src allows them). Each test serves its page with the CSP header, then
// records every `securitypolicyviolation` event (installed before any page
// script runs), every console message about CSP or Trusted Types, and every
// Trusted Types policy the page creates, and expects none.
import { test, expect, expectSeedCard, SEED, STRICT_CSP as STRICT, serveUnderCsp } from "./fixtures.mjs";

const POLICIES = {
  "strict CSP": STRICT,
  "strict CSP + Trusted Types": STRICT + "; require-trusted-types-for 'script'",
  // `trusted-types 'none'` also forbids creating any policy at all.
  "strict CSP + Trusted Types, no policy allowed": STRICT + "; require-trusted-types-for 'script'; trusted-types 'none'",
};
const URL_ = "https://www.dwarkesh.com/p/ilya-sutskever-2";
const CSP_TEXT = /Content Security Policy|Trusted ?Type|TrustedHTML|TrustedScript|TrustedScriptURL|Refused to/i;

/**
 * Serves every document from the test server with `csp` as its
 * Content-Security-Policy header, and starts recording what it reports.
 * Returns the console messages about CSP or Trusted Types.
 */
async function strict(page, server, csp) {
  await serveUnderCsp(page, server, csp);
  await page.addInitScript(() => {
    // Every policy the page creates (Chromium no longer has getPolicyNames).
    window.__policies = [];
    if (window.TrustedTypePolicyFactory) {
      const proto = TrustedTypePolicyFactory.prototype;
      const create = proto.createPolicy;
      proto.createPolicy = function (name, rules) {
        window.__policies.push(name);
        return create.call(this, name, rules);
      };
    }
    // Web Share would replace the menu in browsers that have it.
    delete Navigator.prototype.share;
    delete Navigator.prototype.canShare;
  });
  const messages = [];
  page.on("console", (m) => CSP_TEXT.test(m.text()) && messages.push(m.type() + ": " + m.text()));
  return messages;
}

/** Nothing was refused, reported or logged, and no policy exists. */
async function expectClean(page, messages) {
  const seen = await page.evaluate(() => ({
    violations: window.__violations,
    created: window.__policies,
    names: typeof trustedTypes?.getPolicyNames === "function" ? trustedTypes.getPolicyNames() : [],
    defaultPolicy: window.trustedTypes ? trustedTypes.defaultPolicy : null,
  }));
  expect(seen).toEqual({ violations: [], created: [], names: [], defaultPolicy: null });
  expect(messages).toEqual([]);
}

/** The page is served with `csp`, and the card's own stylesheet applies. */
async function expectServedAndStyled(page, response, csp, host) {
  expect(response.headers()["content-security-policy"]).toBe(csp);
  const radius = await page.locator(host).evaluate((e) => getComputedStyle(e.shadowRoot.querySelector("[part=card]")).borderTopLeftRadius);
  expect(radius).toBe("16px");
}

/** Opens the share menu of `card`, checks it, and copies the link. */
async function shareAndCopy(card) {
  const button = card.locator("[part=share-button]");
  await button.click();
  const menu = card.locator("[part=share-menu]");
  await expect(menu).toBeVisible();
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(menu.locator("[role=menuitem]").first()).toHaveText("Copy link");
  await menu.locator("[data-target=copy]").click();
  await expect(card.locator(".share [role=status]")).toHaveText("Link copied");
  await expect(menu).toHaveCount(0);
}

for (const [name, csp] of Object.entries(POLICIES)) {
  test.describe(name, () => {
    test("a, b: module + <summary-card src>, inline JSON, a collection, error cards, share menu", async ({
      page,
      server,
      context,
    }) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server });
      const messages = await strict(page, server, csp);
      const response = await page.goto(server + "/csp/module.html");
      await expectSeedCard(page, "#by-src");
      await expectServedAndStyled(page, response, csp, "#by-src");
      await expectSeedCard(page, "#inline");
      await expect(page.locator("#season")).toHaveAttribute("data-state", "ready");
      await expect(page.locator("#season [part=card]")).toHaveCount(3);

      // Error cards: bad data, bad JSON, a failed request with its Retry button.
      await expect(page.locator("#bad")).toHaveAttribute("data-state", "error");
      await expect(page.locator("#bad [part=error]")).toHaveAttribute("role", "alert");
      await expect(page.locator("#bad [part=error]")).toContainText("url: expected an absolute https: or http: URL");
      await expect(page.locator("#bad a[href^=javascript]")).toHaveCount(0);
      await expect(page.locator("#syntax [part=error]")).toContainText("not valid JSON");
      await expect(page.locator("#missing [part=error]")).toContainText("the server answered 404");
      await page.locator("#missing button.retry").click();
      await expect(page.locator("#missing [part=error]")).toContainText("the server answered 404");

      // The share menu, copy with the clipboard, and copy refused (a field).
      await shareAndCopy(page.locator("#by-src"));
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(URL_);
      const inline = page.locator("#inline");
      await page.evaluate(() => {
        navigator.clipboard.writeText = () => Promise.reject(new DOMException("denied", "NotAllowedError"));
      });
      await inline.locator("[part=share-button]").click();
      await inline.locator("[data-target=copy]").click();
      await expect(inline.locator(".copy-field")).toHaveValue(URL_);
      // A takeaway's own menu, and the Mastodon server form inside it.
      await inline.locator("[part=takeaway]").nth(2).locator(".takeaway-share").click();
      await inline.locator("[part=share-menu] [data-target=mastodon]").click();
      await expect(inline.locator(".mastodon input")).toBeFocused();
      await page.keyboard.press("Escape");
      await expect(inline.locator("[part=share-menu]")).toHaveCount(0);

      // Re-render on an attribute change; remove a card.
      await page.locator("#by-src").evaluate((e) => e.setAttribute("theme", "dark"));
      await expect(page.locator("#by-src .sc")).toHaveAttribute("data-theme", "dark");
      await page.locator("#season").evaluate((e) => e.remove());

      await expectClean(page, messages);
    });

    test("c: classic embed.js + data-summary-card", async ({ page, server }) => {
      const messages = await strict(page, server, csp);
      const response = await page.goto(server + "/csp/classic.html");
      await expectSeedCard(page, "#by-src");
      await expectServedAndStyled(page, response, csp, "#by-src");
      await expectSeedCard(page, "#inline");
      await expect(page.locator("#by-src .sc")).toHaveAttribute("data-theme", "light");
      await expect(page.locator("#bad")).toHaveAttribute("data-state", "error");
      await expect(page.locator("#bad [part=error]")).toContainText("url: expected an absolute https: or http: URL");
      await expect(page.locator("#bad [part=error]")).toContainText("1 more problem");
      await page.locator("#by-src [part=share-button]").click();
      await expect(page.locator("#by-src [part=share-menu]")).toBeVisible();
      await page.locator("h1").click(); // closes it
      await expect(page.locator("#by-src [part=share-menu]")).toHaveCount(0);
      await expectClean(page, messages);
    });

    test("the JS API: render, update, destroy, validate", async ({ page, server }) => {
      const messages = await strict(page, server, csp);
      const response = await page.goto(server + "/csp/api.html");
      await expect(page.locator("#result")).not.toBeEmpty();
      const result = JSON.parse(await page.locator("#result").textContent());
      expect(result).toEqual({
        seed: [],
        bad: [
          { path: "url", message: 'expected an absolute https: or http: URL, found the string "javascript:alert(1)"' },
          { path: "takeaways[0].title", message: "expected a string, found 42" },
        ],
        updated: [],
        destroyedParts: 0,
        validSeed: [],
        validBad: [
          { path: "url", message: 'expected an absolute https: or http: URL, found the string "javascript:alert(1)"' },
          { path: "takeaways[0].title", message: "expected a string, found 42" },
        ],
      });
      await expectSeedCard(page, "#target");
      await expectServedAndStyled(page, response, csp, "#target");
      await expect(page.locator("#bad")).toHaveAttribute("data-state", "error");
      await expect(page.locator("#bad [part=error]")).toHaveAttribute("role", "alert");
      await expect(page.locator("#updated [part=title]")).toHaveText("After");
      await expect(page.locator("#destroyed")).not.toHaveAttribute("data-state", /.*/);
      await expectClean(page, messages);
    });
  });
}

// The recorder itself must see violations, including inside a card's shadow
// root; otherwise the tests above would pass on a page that breaks the policy.
test("the violation recorder sees a string sink, an inline style and a policy", async ({ page, server }) => {
  const messages = await strict(page, server, POLICIES["strict CSP + Trusted Types, no policy allowed"]);
  await page.goto(server + "/csp/module.html");
  await expect(page.locator("#inline")).toHaveAttribute("data-state", "ready");
  await expect(page.locator("#inline [part=title]")).toHaveText(SEED.title);
  const thrown = await page.evaluate(() => {
    const out = [];
    const attempt = (f) => {
      try {
        f();
        out.push("allowed");
      } catch (e) {
        out.push(e.name);
      }
    };
    attempt(() => (document.createElement("div").innerHTML = "<b>x</b>"));
    attempt(() => document.querySelector("#inline").shadowRoot.querySelector("[part=title]").setAttribute("style", "color: red"));
    attempt(() => trustedTypes.createPolicy("sneaky", {}));
    return out;
  });
  expect(thrown).toEqual(["TypeError", "allowed", "TypeError"]); // the style attribute is ignored, not thrown
  await expect
    .poll(() => page.evaluate(() => window.__violations.map((v) => v.directive).sort()))
    .toEqual(["require-trusted-types-for", "style-src-attr", "trusted-types"]);
  expect(await page.evaluate(() => window.__policies)).toEqual(["sneaky"]);
  expect(messages.length).toBeGreaterThanOrEqual(3);
});
