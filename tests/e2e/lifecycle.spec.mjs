// Issue 16 ("Safe on any page, round two"): what an app, a component author
// or a hostile page can do to a card. Each test is one item of the issue:
// stale handles, cards in other components' shadow roots, a polluted
// Object.prototype, memory caps before the copy into wasm, render()'s odd
// arguments, a card moved to another document, embed.js inside a shadow
// root, somebody else's <summary-card>, and inline JSON replaced by a
// framework. Listener counts come from the wasm (live_listeners()).
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { test, expect, SEED, spyOnWasm } from "./fixtures.mjs";

const SEED_TEXT = readFileSync(new URL("../../www/episodes/ilya.json", import.meta.url), "utf8");
const seed = JSON.parse(SEED_TEXT);

/** The empty page with the module loaded, the wasm spied on, and console warnings kept in window.__warnings. */
async function emptyPage(page, server) {
  await spyOnWasm(page);
  await page.addInitScript(() => {
    window.__warnings = [];
    const warn = console.warn;
    console.warn = (...args) => {
      window.__warnings.push(args.map(String).join(" "));
      warn.apply(console, args);
    };
  });
  await page.goto(server + "/csp/empty.html");
  await page.evaluate(async () => {
    window.__sc = await import("/dist/summary-card.js");
    window.__listeners = () => window.__wasm.exports.live_listeners();
    /** A new element in #box with a card rendered into it: { el, card }. */
    window.__renderNew = async (data, options) => {
      const el = document.createElement("div");
      document.getElementById("box").append(el);
      return { el, card: await window.__sc.render(el, data, options) };
    };
  });
}

/** Live listeners now, after the page's queued work (disconnections run in a microtask). */
const listeners = (page) => page.evaluate(() => new Promise((r) => setTimeout(() => r(window.__listeners()), 0)));

test.describe("1. stale handles", () => {
  test("after destroy(), update() does nothing and says so once", async ({ page, server }) => {
    await emptyPage(page, server);
    const base = await listeners(page);
    const r = await page.evaluate(async (seed) => {
      const { el, card } = await window.__renderNew(seed);
      const during = window.__listeners();
      card.destroy();
      await card.update({ ...seed, title: "Revived" });
      await card.update({ ...seed, title: "Revived again" });
      const shown = el.shadowRoot?.querySelector("[part=card]");
      el.remove();
      return { during, state: el.getAttribute("data-state"), shown: Boolean(shown), warnings: window.__warnings };
    }, seed);
    expect(r.during).toBeGreaterThan(base);
    expect(r.state).toBeNull();
    expect(r.shown).toBe(false);
    expect(r.warnings.filter((w) => /update\(\) on a destroyed or replaced card does nothing/.test(w))).toHaveLength(1);
    expect(await listeners(page)).toBe(base);
  });

  test("a handle replaced by a second render() cannot show its data or destroy the new card", async ({ page, server }) => {
    await emptyPage(page, server);
    const base = await listeners(page);
    const r = await page.evaluate(async (seed) => {
      const { el, card: c1 } = await window.__renderNew({ ...seed, title: "A" });
      const one = window.__listeners();
      const c2 = await window.__sc.render(el, { ...seed, title: "B" });
      await c1.update({ ...seed, title: "X" });
      c1.destroy();
      const title = el.shadowRoot.querySelector("[part=title]")?.textContent;
      const state = el.getAttribute("data-state");
      const live = window.__listeners();
      c2.destroy();
      el.remove();
      return { one, live, title, state };
    }, seed);
    expect(r.title).toBe("B");
    expect(r.state).toBe("ready");
    expect(r.live).toBe(r.one);
    expect(await listeners(page)).toBe(base);
  });

  test("a late update() after the element was removed does not mount into the detached element", async ({ page, server }) => {
    await emptyPage(page, server);
    const base = await listeners(page);
    const r = await page.evaluate(async (seed) => {
      const { el, card } = await window.__renderNew(seed);
      el.remove();
      await new Promise((r) => setTimeout(r, 0)); // the removal is seen
      await card.update({ ...seed, title: "Late" });
      return { shown: Boolean(el.shadowRoot?.querySelector("[part=card]")), state: el.getAttribute("data-state") };
    }, seed);
    expect(r).toEqual({ shown: false, state: null });
    expect(await listeners(page)).toBe(base);
  });
});

test.describe("2. cards inside another component's shadow root", () => {
  test("a render() card in an open shadow root is released when the component is removed", async ({ page, server }) => {
    await emptyPage(page, server);
    const base = await listeners(page);
    const during = await page.evaluate(async (seed) => {
      const outer = document.createElement("div");
      document.getElementById("box").append(outer);
      const inner = document.createElement("div");
      outer.attachShadow({ mode: "open" }).append(inner);
      await window.__sc.render(inner, seed);
      window.__outer = outer;
      return window.__listeners();
    }, seed);
    expect(during).toBeGreaterThan(base);
    await page.evaluate(() => window.__outer.remove());
    expect(await listeners(page)).toBe(base);
    // Moved (removed and added back in one task), it stays.
    const moved = await page.evaluate(async (seed) => {
      const outer = document.createElement("div");
      document.getElementById("box").append(outer);
      const inner = document.createElement("div");
      outer.attachShadow({ mode: "closed" }).append(inner);
      await window.__sc.render(inner, seed);
      document.getElementById("elsewhere").append(outer);
      await new Promise((r) => setTimeout(r, 0));
      return inner.getAttribute("data-state");
    }, seed);
    expect(moved).toBe("ready");
  });

  test("<summary-card> inside a shadow root upgrades and is released; a hook there upgrades with render()", async ({ page, server }) => {
    await emptyPage(page, server);
    const base = await listeners(page);
    const r = await page.evaluate(async (seed) => {
      const outer = document.createElement("div");
      document.getElementById("box").append(outer);
      const root = outer.attachShadow({ mode: "open" });
      root.innerHTML = '<summary-card src="/episodes/ilya.json"></summary-card><div id="hook" data-summary-card="/episodes/ilya.json"></div>';
      const el = root.querySelector("summary-card");
      await new Promise((r) => el.addEventListener("summary-card:ready", r, { once: true }));
      // What the README says for hooks in a shadow root: render() them.
      const hook = root.getElementById("hook");
      await window.__sc.render(hook, await (await fetch(hook.dataset.summaryCard)).json());
      window.__outer = outer;
      return { title: el.shadowRoot.querySelector("[part=title]").textContent, hook: hook.getAttribute("data-state") };
    }, seed);
    expect(r).toEqual({ title: SEED.title, hook: "ready" });
    await page.evaluate(() => window.__outer.remove());
    expect(await listeners(page)).toBe(base);
  });
});

test("3. a polluted Object.prototype adds no attribute and sets no option", async ({ page, server }) => {
  await page.addInitScript(() => {
    window.__ran = [];
    Object.prototype.onclick = "window.__ran.push('onclick')";
    Object.prototype.theme = "dark";
    Object.prototype.layout = "compact";
  });
  let holdSrc;
  const held = new Promise((r) => (holdSrc = r));
  await page.route("**/held.json", async (route) => {
    await held;
    await route.fulfill({ body: SEED_TEXT, contentType: "application/json" });
  });
  await page.route("**/missing.json", (route) => route.fulfill({ status: 404, body: "no" }));
  await page.goto(server + "/csp/empty.html");
  await page.evaluate(async (seed) => {
    const { render } = await import("/dist/summary-card.js");
    const box = document.getElementById("box");
    box.innerHTML = '<summary-card id="skel" src="/held.json"></summary-card><summary-card id="retry" src="/missing.json"></summary-card><div id="api"></div>';
    await render(document.getElementById("api"), seed, {});
  }, seed);
  const skel = page.locator("#skel");
  // Loading: the hidden status (no skeleton: the page's fallback stays).
  await expect(skel.locator("[role=status][aria-busy=true]")).toHaveText("Loading summary…");
  await expect(page.locator("#retry")).toHaveAttribute("data-state", "error");
  const onclicks = await page.evaluate(() =>
    ["skel", "retry", "api"].map((id) => document.getElementById(id).shadowRoot.querySelectorAll("[onclick]").length),
  );
  expect(onclicks).toEqual([0, 0, 0]);
  await page.locator("#retry").locator("button.retry").click();
  holdSrc();
  await expect(skel).toHaveAttribute("data-state", "ready");
  // The API card took no option from the prototype: full layout, auto theme.
  await expect(page.locator("#api [part=takeaway]")).toHaveCount(5);
  await expect(page.locator("#api .sc")).toHaveAttribute("data-theme", "auto");
  expect(await page.evaluate(() => window.__ran)).toEqual([]);
  await page.evaluate(() => {
    delete Object.prototype.onclick;
    delete Object.prototype.theme;
    delete Object.prototype.layout;
  });
});

test.describe("4. memory caps come before the copy into wasm", () => {
  const MB = 1024 * 1024;

  test("a 64 MB value given to render() leaves wasm memory where it was", async ({ page, server }) => {
    await emptyPage(page, server);
    const r = await page.evaluate(async (seed) => {
      const before = window.__wasm.exports.memory.buffer.byteLength;
      const { card } = await window.__renderNew({ ...seed, covers: "x".repeat(64 * 1024 * 1024) });
      return { before, after: window.__wasm.exports.memory.buffer.byteLength, errors: card.errors, valid: window.__sc.validate("y".repeat(3 * 1024 * 1024)) };
    }, seed);
    expect(r.errors[0].message).toMatch(/^the document is 671\d{5} bytes; the limit is 1 MiB \(1048576 bytes\)$/);
    expect(r.valid[0].message).toBe("the document is 3145728 bytes; the limit is 1 MiB (1048576 bytes)");
    expect(r.after - r.before).toBeLessThanOrEqual(2 * MB);
  });

  /**
   * A server of 100 MB of spaces (with CORS), in 1 MB chunks: with a
   * Content-Length, or chunked without one, so the widget must count as it
   * reads. (Too big for Playwright's route.fulfill, which goes through the
   * DevTools pipe.)
   */
  async function hugeServer() {
    const chunk = Buffer.alloc(MB, 0x20);
    const server = createServer((req, res) => {
      const head = { "content-type": "application/json", "access-control-allow-origin": "*" };
      if (req.url === "/sized") head["content-length"] = String(100 * MB);
      res.writeHead(200, head);
      let sent = 0;
      const more = () => {
        while (sent < 100) {
          sent++;
          if (!res.write(chunk)) return res.once("drain", more);
        }
        res.end();
      };
      res.on("close", () => (sent = 100));
      more();
    });
    await new Promise((r) => server.listen(0, "127.0.0.1", r));
    return {
      url: `http://127.0.0.1:${server.address().port}`,
      close: () => {
        server.closeAllConnections();
        return new Promise((r) => server.close(r));
      },
    };
  }

  for (const [how, path] of [
    ["with a Content-Length", "/sized"],
    ["chunked, read as it streams", "/chunked"],
  ]) {
    test(`a 100 MB src ${how} stops at the cap`, async ({ page, server }) => {
      const huge = await hugeServer();
      try {
        await emptyPage(page, server);
        const before = await page.evaluate(() => window.__wasm.exports.memory.buffer.byteLength);
        await page.evaluate((src) => (document.getElementById("box").innerHTML = `<summary-card src="${src}"></summary-card>`), huge.url + path);
        const el = page.locator("summary-card");
        await expect(el).toHaveAttribute("data-state", "error", { timeout: 15_000 });
        await expect(el.locator("[part=error]")).toContainText(
          path === "/sized"
            ? "the document is 104857600 bytes; the limit is 1 MiB (1048576 bytes)"
            : "the document is over 1048576 bytes; the limit is 1 MiB (1048576 bytes)",
        );
        const after = await page.evaluate(() => window.__wasm.exports.memory.buffer.byteLength);
        expect(after - before).toBeLessThanOrEqual(2 * MB);
      } finally {
        await huge.close();
      }
    });
  }
});

test("6. render()'s odd arguments: a clear rejection for a non-element, an error card for throwing data, null options", async ({ page, server }) => {
  await emptyPage(page, server);
  const r = await page.evaluate(async (seed) => {
    const { render, validate } = window.__sc;
    const rejection = async (el) => {
      try {
        await render(el, seed);
        return "resolved";
      } catch (e) {
        return e.constructor.name + ": " + e.message;
      }
    };
    const throwing = (value) => ({ ...seed, get title() { throw value; } });
    const shown = async (data, options) => {
      const { el, card } = await window.__renderNew(data, options);
      return { state: el.getAttribute("data-state"), errors: card.errors };
    };
    return {
      null: await rejection(null),
      text: await rejection(document.createTextNode("x")),
      document: await rejection(document),
      throwsNull: await shown(throwing(null)),
      toJsonUndefined: await shown({ toJSON() { throw undefined; } }),
      validateThrowsNull: validate(throwing(null)),
      nullOptions: await shown(seed, null),
    };
  }, seed);
  expect(r.null).toBe("TypeError: summary-card: render(element, data) needs an element, got null.");
  expect(r.text).toBe("TypeError: summary-card: render(element, data) needs an element, got a text node.");
  expect(r.document).toBe("TypeError: summary-card: render(element, data) needs an element, got a document.");
  expect(r.throwsNull).toEqual({ state: "error", errors: [{ path: "", message: "could not be turned into JSON: null" }] });
  expect(r.toJsonUndefined).toEqual({ state: "error", errors: [{ path: "", message: "could not be turned into JSON: undefined" }] });
  expect(r.validateThrowsNull).toEqual([{ path: "", message: "could not be turned into JSON: null" }]);
  expect(r.nullOptions).toEqual({ state: "ready", errors: [] });
});

test("7. a card moved into a same-origin iframe keeps a stylesheet, and removing or destroying it there throws nothing", async ({ page, server }) => {
  await emptyPage(page, server);
  const r = await page.evaluate(async (seed) => {
    const frame = document.createElement("iframe");
    document.getElementById("box").append(frame);
    await new Promise((r) => (frame.contentDocument.readyState === "complete" ? r() : frame.addEventListener("load", r, { once: true })));
    const doc = frame.contentDocument;
    const el = document.createElement("summary-card");
    document.getElementById("box").append(el);
    const api = document.createElement("div");
    document.getElementById("box").append(api);
    const card = await window.__sc.render(api, seed);
    await window.__sc.render(el, seed);
    const errors = [];
    try {
      doc.body.append(doc.adoptNode(el), doc.adoptNode(api));
      await new Promise((r) => setTimeout(r, 0));
    } catch (e) {
      errors.push("adopt: " + e);
    }
    const sheets = [el, api].map((h) => h.shadowRoot.adoptedStyleSheets.length);
    const sheetsFromFrame = [el, api].every((h) => h.shadowRoot.adoptedStyleSheets.every((s) => s.cssRules.length > 0));
    // card.css sets .sc's font size (15px; the frame's default is 16px).
    const fontSize = frame.contentWindow.getComputedStyle(el.shadowRoot.querySelector(".sc")).fontSize;
    try {
      card.destroy();
      el.remove();
      await new Promise((r) => setTimeout(r, 0));
    } catch (e) {
      errors.push("remove: " + e);
    }
    return { sheets, sheetsFromFrame, fontSize, errors };
  }, seed);
  expect(r.errors).toEqual([]);
  expect(r.sheets).toEqual([1, 1]);
  expect(r.sheetsFromFrame).toBe(true);
  expect(r.fontSize).toBe("15px");
});

test("8. embed.js inside a shadow root loads its own module, never one beside another page script called embed.js", async ({ page, server }) => {
  await page.route("**/decoy/embed.js", (route) => route.fulfill({ body: "/* somebody else's embed.js */", contentType: "text/javascript" }));
  await page.route("**/decoy/summary-card.js", (route) =>
    route.fulfill({ body: "window.__decoyRan = true;", contentType: "text/javascript" }),
  );
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="/decoy/embed.js"></script></head><body>
<div id="hook" data-summary-card="/episodes/ilya.json"></div><div id="outer"></div>
<script>
  const s = document.createElement("script");
  s.src = "/dist/embed.js";
  document.getElementById("outer").attachShadow({ mode: "open" }).append(s);
</script></body></html>`;
  await page.route("**/__embed-in-shadow.html", (route) => route.fulfill({ body: html, contentType: "text/html" }));
  await page.goto(server + "/__embed-in-shadow.html");
  await expect(page.locator("#hook")).toHaveAttribute("data-state", "ready");
  expect(await page.evaluate(() => window.__decoyRan ?? false)).toBe(false);
});

test.describe("9. somebody else's <summary-card>", () => {
  test("the page's own definition is reported once, and hooks still upgrade", async ({ page, server }) => {
    const warnings = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><script>
customElements.define("summary-card", class extends HTMLElement { connectedCallback() { this.textContent = "theirs"; } });
</script><script type="module" src="/dist/summary-card.js"></script></head><body>
<summary-card id="theirs"></summary-card><div id="hook" data-summary-card="/episodes/ilya.json"></div></body></html>`;
    await page.route("**/__foreign.html", (route) => route.fulfill({ body: html, contentType: "text/html" }));
    await page.goto(server + "/__foreign.html");
    await expect(page.locator("#hook")).toHaveAttribute("data-state", "ready");
    await expect(page.locator("#theirs")).toHaveText("theirs");
    expect(warnings.filter((w) => /another <summary-card> is defined here/.test(w))).toHaveLength(1);
  });

  test("customElements.define throwing does not reach the page", async ({ page, server }) => {
    await page.addInitScript(() => {
      customElements.define = () => {
        throw new DOMException("blocked by the page", "NotSupportedError");
      };
    });
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="/dist/summary-card.js"></script></head><body>
<div id="hook" data-summary-card="/episodes/ilya.json"></div></body></html>`;
    await page.route("**/__define-throws.html", (route) => route.fulfill({ body: html, contentType: "text/html" }));
    await page.goto(server + "/__define-throws.html");
    // The fixture checks that nothing reached window.onerror; the hook still gets its card.
    await expect(page.locator("#hook")).toHaveAttribute("data-state", "ready");
  });
});

test("13. a framework replacing the inline JSON (its text, or the script element) re-renders the card", async ({ page, server }) => {
  const script = (title) => `<script type="application/json">${JSON.stringify({ ...seed, title })}</script>`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="/dist/summary-card.js"></script></head><body>
<summary-card id="el">${script("First")}</summary-card><div id="hook" data-summary-card>${script("First")}</div></body></html>`;
  await page.route("**/__inline.html", (route) => route.fulfill({ body: html, contentType: "text/html" }));
  await page.goto(server + "/__inline.html");
  for (const id of ["#el", "#hook"]) {
    const host = page.locator(id);
    await expect(host.locator("[part=title]")).toHaveText("First");
    const events = host.evaluate((h) => new Promise((r) => h.addEventListener("summary-card:ready", () => r("ready"), { once: true })));
    // Vue and Svelte set the text; React replaces the element.
    await host.evaluate((h, t) => (h.querySelector("script").textContent = t), JSON.stringify({ ...seed, title: "Second" }));
    await expect(host.locator("[part=title]")).toHaveText("Second");
    expect(await events).toBe("ready");
    await host.evaluate((h, html) => h.querySelector("script").replaceWith(Object.assign(document.createElement("div"), { innerHTML: html }).firstChild), script("Third"));
    await expect(host.locator("[part=title]")).toHaveText("Third");
    await expect(host).toHaveAttribute("data-state", "ready");
  }
});

test("10. after 'Show more', no hidden element carries a part", async ({ page, server }) => {
  await page.goto(server + "/csp/empty.html");
  await page.evaluate(() => (document.getElementById("box").innerHTML = '<summary-card src="/episodes/showcase.json"></summary-card>'));
  const host = page.locator("summary-card");
  await expect(host).toHaveAttribute("data-state", "ready");
  const hiddenParts = () =>
    host.evaluate((h) => [...h.shadowRoot.querySelectorAll("[part]")].filter((e) => e.closest("[hidden]")).map((e) => e.getAttribute("part")));
  expect(await hiddenParts()).toEqual([]);
  const before = await host.locator("[part~=card]").count();
  await host.locator(".collection > button.more").click();
  expect(await host.locator("[part~=card]").count()).toBeGreaterThan(before);
  expect(await hiddenParts()).toEqual([]);
  // Each revealed compact episode counts the three takeaways it shows.
  const perCard = await host.evaluate((h) =>
    [...h.shadowRoot.querySelectorAll("[part~=card]")].map((c) => [c.querySelectorAll("[part~=takeaway]").length, c.querySelectorAll("li[data-part=takeaway]").length]),
  );
  for (const [shown, parked] of perCard) expect(shown).toBeLessThanOrEqual(3), expect(shown + parked).toBeGreaterThan(0);
});
