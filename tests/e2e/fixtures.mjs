// Shared fixtures: a static server on a free port per worker (never a fixed
// port a running `npm start` could hold), and a page that records every
// error reaching the host page's window.onerror or unhandledrejection.
import { test as base, expect } from "@playwright/test";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { serve } from "../../scripts/serve.mjs";
import { env as cleanEnv } from "../bundlers/prepare.mjs";

export const test = base.extend({
  server: [
    async ({}, use) => {
      const server = await serve(0);
      await use(server.url);
      await server.close();
    },
    { scope: "worker" },
  ],
  page: async ({ page }, use) => {
    await page.addInitScript(() => {
      window.__hostErrors = [];
      window.addEventListener("error", (e) => window.__hostErrors.push(String(e.message)));
      window.addEventListener("unhandledrejection", (e) => window.__hostErrors.push("rejection: " + e.reason));
    });
    await use(page);
    // No test may leave an error in the host page.
    expect(await hostErrors(page)).toEqual([]);
  },
});

/**
 * What the page's recorder holds. A page the test closed has nothing to
 * read; a navigation under way is waited for and its new document read;
 * any other failure to read fails the test.
 */
async function hostErrors(page) {
  if (page.isClosed()) return [];
  try {
    return await page.evaluate(() => window.__hostErrors);
  } catch (e) {
    if (page.isClosed()) return [];
    if (!/Execution context was destroyed/.test(e.message)) throw e;
    await page.waitForLoadState();
    return page.evaluate(() => window.__hostErrors);
  }
}

export { expect };

export const SEED = {
  title: "Ilya Sutskever – We're moving from the age of scaling to the age of research",
  stats: "96 min episode · 3 min read",
  footer: "You just read a 3-minute summary of a 96-minute episode.",
};

/** Waits until `host` has data-state ready or error and returns it. */
export async function settled(page, host) {
  const loc = page.locator(host);
  await expect(loc).toHaveAttribute("data-state", /^(ready|error)$/);
  return loc.getAttribute("data-state");
}

/** Checks that the card in `host` shows the seed episode in the right parts. */
export async function expectSeedCard(page, host) {
  const card = page.locator(host);
  await expect(card).toHaveAttribute("data-state", "ready");
  const part = (name) => card.locator(`[part="${name}"]`);
  await expect(part("title")).toHaveText(SEED.title);
  await expect(part("show")).toHaveText("Dwarkesh Podcast");
  await expect(part("show")).toHaveAttribute("href", "https://www.dwarkesh.com/podcast");
  await expect(part("show")).toHaveAttribute("rel", "noopener noreferrer");
  await expect(part("guests")).toHaveText("with Ilya Sutskever");
  await expect(card.locator(".published time")).toHaveText("Nov 25, 2025");
  await expect(card.locator(".published time")).toHaveAttribute("datetime", "2025-11-25");
  await expect(part("stats")).toHaveText(SEED.stats);
  await expect(part("duration")).toHaveText("96 min episode");
  await expect(part("read-time")).toHaveText("3 min read");
  await expect(part("topic")).toHaveText(["Startups", "Science & Discovery"]);
  await expect(part("ai-label")).toHaveText("AI-generated summary");
  await expect(part("takeaway")).toHaveCount(5);
  await expect(part("takeaway-title").first()).toHaveText("RL Training Limitations");
  await expect(part("takeaway-text").first()).toContainText("Current reinforcement learning creates models");
  await expect(part("covers")).toContainText("Ilya Sutskever explains why AI development shifts");
  await expect(part("question")).toHaveCount(5);
  await expect(part("notable")).toContainText("Sutskever reveals he cannot discuss");
  await expect(part("listen").locator("a")).toHaveCount(3);
  await expect(part("share-button")).toHaveText("Share");
  await expect(card.locator(".share-prompt")).toHaveText("Know someone who'd find this useful?");
  await expect(part("footer")).toHaveText(SEED.footer);
  await expect(card.locator(".cta a")).toHaveText("Get Dwarkesh Podcast summarized like this every Monday");
  await expect(card.locator(".cta a")).toHaveAttribute("href", "https://example.com/subscribe");
  for (const a of await card.locator("a[target=_blank]").all()) {
    await expect(a).toHaveAttribute("rel", "noopener noreferrer");
  }
}

const AXE = fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url));
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/**
 * Runs axe-core (WCAG 2.0/2.1/2.2 A and AA, best practices) on the whole
 * document, open shadow roots included, with the rules in `skip` off; fails
 * listing each violation's rule, help and nodes.
 */
export async function expectNoAxeViolations(page, skip = []) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async ([tags, skip]) => {
    const rules = Object.fromEntries(skip.map((id) => [id, { enabled: false }]));
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, rules });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.html.slice(0, 160)}\n        ${n.failureSummary.replace(/\n/g, "\n        ")}`),
    }));
  }, [AXE_TAGS, skip]);
  const report = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.map((n) => `    - ${n}`).join("\n")).join("\n");
  expect(violations.map((v) => v.id), report).toEqual([]);
}

/** The strict policy the README names: only our own files, and wasm. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'";

/**
 * Serves every document from `server` with `csp` as its
 * Content-Security-Policy header, and records each violation the page
 * reports in `window.__violations` (from before any page script runs).
 */
export async function serveUnderCsp(page, server, csp = STRICT_CSP) {
  await page.route(
    (url) => url.origin === server,
    async (route) => {
      if (route.request().resourceType() !== "document") return route.continue();
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": csp } });
    },
  );
  await page.addInitScript(() => {
    window.__violations = [];
    // Capture on window: it sees events fired at the document and at elements,
    // including those inside shadow roots (the event is composed).
    window.addEventListener(
      "securitypolicyviolation",
      (e) =>
        window.__violations.push({
          directive: e.effectiveDirective,
          blocked: e.blockedURI,
          sample: e.sample,
          where: e.sourceFile + ":" + e.lineNumber,
        }),
      true,
    );
  });
}

/**
 * A static server for the folder `root` on a free port, as a user's site
 * would be served (a user's project built by a bundler, an unzipped release).
 */
export const serveDir = (root) => serve(0, "127.0.0.1", (path) => [root, path]);

// The environment without npm's npm_* variables, for nested npm and node runs.
export { cleanEnv };

/** Runs a command; resolves to { code, out, err } (never rejects on an exit code). */
export function run(cmd, args, cwd, env = cleanEnv, input = null) {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { cwd, env, maxBuffer: 1 << 24 }, (e, stdout, stderr) => {
      if (e && typeof e.code !== "number") reject(e);
      else resolve({ code: e ? e.code : 0, out: stdout, err: stderr });
    });
    if (input !== null) child.stdin.end(input);
  });
}

/**
 * Keeps the page's wasm instance in window.__wasm (the module does not export
 * it) and the share module's, once loaded, in window.__shareWasm, and counts
 * pending timers; window.__wasmStats() reads memory, externrefs, live
 * listeners (both modules'), timers and cards.
 */
export async function spyOnWasm(page) {
  await page.addInitScript(() => {
    window.__wasm = null;
    window.__shareWasm = null;
    const keep = (promise) =>
      promise.then((r) => {
        const instance = r instanceof WebAssembly.Instance ? r : r.instance;
        // The card's module exports mount; the share module (loaded on
        // first use) exports session, and is kept apart.
        if (instance?.exports?.memory instanceof WebAssembly.Memory) {
          if (instance.exports.session) window.__shareWasm = instance;
          else window.__wasm = instance;
        }
        return r;
      });
    for (const name of ["instantiate", "instantiateStreaming"]) {
      const original = WebAssembly[name];
      if (original) WebAssembly[name] = (...args) => keep(original.apply(WebAssembly, args));
    }
    // Timers still pending (set, neither fired nor cleared).
    window.__timers = new Set();
    const { setTimeout: set, clearTimeout: clear } = window;
    window.setTimeout = (f, ms, ...args) => {
      const id = set(
        (...a) => {
          window.__timers.delete(id);
          return typeof f === "function" ? f(...a) : undefined;
        },
        ms,
        ...args,
      );
      window.__timers.add(id);
      return id;
    };
    window.clearTimeout = (id) => {
      window.__timers.delete(id);
      clear(id);
    };
    window.__wasmStats = () => ({
      memory: window.__wasm.exports.memory.buffer.byteLength,
      externrefs: window.__wasm.exports.__wbindgen_externrefs?.length ?? 0,
      listeners: window.__wasm.exports.live_listeners(),
      // The share module's, once loaded (0 before).
      shareListeners: window.__shareWasm?.exports.live_listeners() ?? 0,
      shareMemory: window.__shareWasm?.exports.memory.buffer.byteLength ?? 0,
      timers: window.__timers.size,
      cards: document.querySelectorAll("summary-card, [data-state]").length,
    });
  });
}
