// The packed package in a fresh project for each bundler people use, with
// the bundler's defaults (tests/bundlers/<name>/; installed and built by the
// global set-up, tests/bundlers/prepare.mjs, into build/bundlers/<name>/).
// Each built or served site, loaded from 127.0.0.1 in Chromium, shows a
// render() card and an inline card, both ready, and a locale="fr" card in
// French (its table loaded), with no request answered 4xx and no page error.
// Then what goes wrong when a bundler does not copy the .wasm, and the
// package in Node: import() never throws, require() says to use import().
import { test, expect, run, serveDir, cleanEnv } from "./fixtures.mjs";
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { work } from "../bundlers/prepare.mjs";

const top = fileURLToPath(new URL("../../", import.meta.url));

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Vite's dev server for the fixture, as `npm run dev` starts it. */
async function viteDev(dir) {
  const port = await freePort();
  const child = spawn(process.execPath, ["node_modules/vite/bin/vite.js", "--host", "127.0.0.1", "--port", String(port), "--strictPort"], {
    cwd: dir,
    env: cleanEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("vite dev did not start:\n" + log)), 30_000);
    const seen = (b) => {
      log += b;
      if (log.includes(`${port}`)) (clearTimeout(timer), resolve());
    };
    child.stdout.on("data", seen);
    child.stderr.on("data", (b) => (log += b));
    child.on("exit", (code) => reject(new Error(`vite dev exited ${code}:\n${log}`)));
  });
  return { url: `http://127.0.0.1:${port}`, close: async () => child.kill(), log: () => log };
}

// bundler and mode -> the folder served (built sites) or a dev server.
const SITES = {
  "vite dev server": { dir: "vite", dev: true },
  "vite build": { dir: "vite", root: "dist" },
  "webpack 5": { dir: "webpack", root: "dist" },
  "rollup + node-resolve": { dir: "rollup", root: "public" },
  "esbuild --format=esm": { dir: "esbuild", root: "public" },
  "astro build": { dir: "astro", root: "dist" },
};

/** Records what a user would see go wrong: 4xx/5xx answers, page errors, console errors. */
function watch(page) {
  const seen = { requests: [], failed: [], errors: [] };
  page.on("request", (r) => seen.requests.push(r.url()));
  page.on("response", (r) => r.status() >= 400 && seen.failed.push(`${r.status()} ${r.url()}`));
  page.on("pageerror", (e) => seen.errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && seen.errors.push(m.text()));
  return seen;
}

for (const [name, site] of Object.entries(SITES)) {
  test(`${name}: render() and inline cards ready, a French card in French, no 4xx, no page error`, async ({ page }) => {
    const dir = join(work, site.dir);
    const server = site.dev ? await viteDev(dir) : await serveDir(join(dir, site.root));
    try {
      const seen = watch(page);
      await page.goto(server.url + "/");
      await page.waitForFunction(() => window.result !== undefined);
      expect(await page.evaluate(() => window.result)).toEqual({ problems: [], errors: [] });

      const api = page.locator("#api");
      await expect(api).toHaveAttribute("data-state", "ready");
      await expect(api.locator("[part=title]")).toHaveText("Bundled card");
      await expect(api.locator("[part=duration]")).toContainText("96");
      const inline = page.locator("#inline");
      await expect(inline).toHaveAttribute("data-state", "ready");
      await expect(inline.locator("[part=title]")).toHaveText("Inline card");

      const fr = page.locator("#fr");
      await expect(fr).toHaveAttribute("data-state", "ready");
      await expect(fr.locator(".sc")).toHaveAttribute("lang", "fr");
      await expect(fr.locator("[part=share-button]")).toHaveText("Partager");
      await expect(fr.locator("[part=footer]")).toContainText("résumé");
      // The table was fetched as a file (not inlined into the bundle).
      const tables = seen.requests.filter((u) => /\/fr[.-][\w-]*\.json$|\/locales\/fr\.json$|\/[0-9a-f]{20}\.json$/.test(new URL(u).pathname));
      expect(tables.length, seen.requests.join("\n")).toBe(1);
      expect(seen.requests.filter((u) => u.startsWith("data:"))).toEqual([]);
      expect(seen.requests.filter((u) => new URL(u).pathname.endsWith(".wasm"))).toHaveLength(1);

      // The share module, bundled to be loaded on first use: the first
      // share click finds its wasm (and the menu speaks French).
      expect(seen.requests.filter((u) => /share/.test(new URL(u).pathname))).toEqual([]);
      await page.evaluate(() => delete Navigator.prototype.share);
      await fr.locator("[part=share-button]").click();
      await expect(fr.locator("[part=share-menu] [role=menuitem]").first()).toHaveText("Copier le lien");
      expect(seen.requests.filter((u) => new URL(u).pathname.endsWith(".wasm"))).toHaveLength(2);

      expect(seen.failed).toEqual([]);
      expect(seen.errors).toEqual([]);
      if (site.dir === "astro") {
        // The page's frontmatter imported the package in Node at build time.
        await expect(page.locator("#ssr")).toHaveText(JSON.stringify([{ path: "", message: "summary-card needs a browser." }]));
      }
    } finally {
      await server.close();
    }
  });
}

test("a bundle without the .wasm beside it: each card says which URL it tried and what to copy", async ({ page }) => {
  // esbuild's output without the copy line of the fixture's build script.
  const tmp = mkdtempSync(join(tmpdir(), "summary-card-nowasm-"));
  mkdirSync(join(tmp, "assets"));
  cpSync(join(work, "esbuild/public/index.html"), join(tmp, "index.html"));
  cpSync(join(work, "esbuild/public/assets/main.js"), join(tmp, "assets/main.js"));
  const server = await serveDir(tmp);
  try {
    const seen = watch(page);
    await page.goto(server.url + "/");
    for (const id of ["#api", "#inline", "#fr"]) {
      const card = page.locator(id);
      await expect(card).toHaveAttribute("data-state", "error");
      const alert = card.locator("[part=error]");
      await expect(alert).toHaveAttribute("role", "alert");
      await expect(alert).toContainText(`${server.url}/assets/summary-card.wasm (HTTP 404)`);
      await expect(alert).toContainText("dist/summary-card.wasm and dist/locales/");
    }
    expect(seen.errors.some((e) => e.includes("could not load") && e.includes("/assets/summary-card.wasm"))).toBe(true);
    expect(await page.evaluate(() => window.result)).toEqual({
      problems: [{ path: "", message: expect.stringContaining("/assets/summary-card.wasm (HTTP 404)") }],
      errors: [{ path: "", message: expect.stringContaining("/assets/summary-card.wasm (HTTP 404)") }],
    });
  } finally {
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
});

test.describe("the installed package in Node", () => {
  const app = () => join(work, "esbuild");

  test("import() works and defines nothing (SSR, static-site builds)", async () => {
    const r = await run(process.execPath, ["--input-type=module", "-e", 'const m = await import("summary-card"); console.log(JSON.stringify([Object.keys(m).sort(), m.validate({})]))'], app());
    expect(r.err).toBe("");
    expect(JSON.parse(r.out)).toEqual([["render", "validate"], [{ path: "", message: "summary-card needs a browser." }]]);
  });

  test("require() fails with one line that says to use import()", async () => {
    const r = await run(process.execPath, ["-e", 'try { require("summary-card") } catch (e) { console.log(JSON.stringify([e.code, e.message])) }'], app());
    const [code, message] = JSON.parse(r.out);
    expect(code).toBe("ERR_REQUIRE_ESM");
    expect(message).toBe('summary-card is an ES module: load it with import("summary-card"), not require().');
    expect(message).not.toContain("\n");
  });

  test("npx summary-card runs the CLI without Rust: same output and exit codes as the native binary", async () => {
    // No cargo, rustc or ~/.cargo/bin on the PATH.
    const path = cleanEnv.PATH.split(delimiter).filter((p) => !/cargo|rustup/.test(p)).join(delimiter);
    const env = { ...cleanEnv, PATH: path };
    const native = join(top, "target/debug/summary-card");
    const built = await run("cargo", ["build", "--quiet", "--bin", "summary-card"], top);
    expect(built.code, built.err).toBe(0);
    const seed = join(top, "www/episodes/ilya.json");
    const cases = [
      ["--version"],
      ["validate", seed],
      ["render", seed, "--locale", "fr"],
      ["schema"],
      ["from-rss", join(top, "tests/fixtures/feed.xml")],
      ["validate", join(top, "tests/corpus/bad-url-ftp.json")],
      ["validate", join(top, "no-such-file.json")],
      ["frobnicate"],
    ];
    for (const args of cases) {
      const viaNpx = await run("npx", ["--no-install", "summary-card", ...args], app(), env);
      const direct = await run(native, args, app());
      expect({ args, ...viaNpx }).toEqual({ args, ...direct });
    }
    // And standard input, as `-`.
    const stdin = await run("npx", ["--no-install", "summary-card", "render", "-", "--fragment"], app(), env, readFileSync(seed));
    expect(stdin.code).toBe(0);
    expect(stdin.out).toContain("<article");
  });
});
