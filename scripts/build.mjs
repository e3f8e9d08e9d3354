// Builds dist/: the wasm core (cargo, wasm-bindgen, wasm-opt -Oz), the JS
// entry and embed.js (esbuild), the message tables of the languages other
// than English (locales/<tag>.json, fetched by the shim for the cards that
// need them), types and schema; then prints the sizes.
//
// `--test-panic` builds a test-only copy into build/dist-test-panic/ instead,
// with the `test-panic` feature (an input that panics) and no wasm-opt; the
// end-to-end tests use it to check recovery from a panic.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync, constants } from "node:zlib";
import { build, transform } from "esbuild";

const run = (cmd, args) => execFileSync(cmd, args, { stdio: "inherit" });
const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
process.chdir(new URL("..", import.meta.url).pathname);

const testPanic = process.argv.includes("--test-panic");
const dist = testPanic ? "build/dist-test-panic" : "dist";
const pkg = testPanic ? "build/pkg-test-panic" : "build/pkg";

// Two wasm modules from the one crate: the card's (summary-card.wasm, every
// page loads it) and the share module's (summary-card-share.wasm, the
// `share-module` feature: loaded on a card's first share click). Each is
// built, bound, optimised and its imports shortened the same way.
const MODULES = [
  { pkg, wasm: "summary-card.wasm", features: [] },
  { pkg: `${pkg}-share`, wasm: "summary-card-share.wasm", features: ["share-module"] },
];

// Built beside dist/ and swapped in at the end, so a page or test reading
// dist/ meanwhile sees the old build or the new one, never half of one.
const out = `${dist}.new`;
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const m of MODULES) {
  const features = [...m.features, ...(testPanic ? ["test-panic"] : [])];
  run("cargo", [
    "build", "--quiet", "--release", "--lib", "--target", "wasm32-unknown-unknown",
    ...(features.length ? ["--features", features.join(",")] : []),
  ]);
  rmSync(m.pkg, { recursive: true, force: true });
  // --encode-into always: every browser we support has TextEncoder.encodeInto,
  // so the glue needs no fallback; --omit-default-module-path: the shim always
  // passes the .wasm URL.
  run("wasm-bindgen", [
    "--target", "web", "--no-typescript", "--experimental-reset-state-function",
    "--encode-into", "always", "--omit-default-module-path", "--out-dir", m.pkg,
    "target/wasm32-unknown-unknown/release/summary_card.wasm",
  ]);
  patchGlue(`${m.pkg}/summary_card.js`);
  if (testPanic) {
    copyFileSync(`${m.pkg}/summary_card_bg.wasm`, `${out}/${m.wasm}`);
  } else {
    // Measured in bench/SIZE.md. --low-memory-unused: Rust puts the stack
    // first (it grows down from 1 MiB), so the low 1 KiB is never data;
    // --strip-target-features: wasm-bindgen, the one reader of that section,
    // has already run. Not --all-features (compact imports Chromium rejects).
    run(bin("wasm-opt"), [
      `${m.pkg}/summary_card_bg.wasm`, "--flatten", "--rereloop", "-Oz", "--converge", "--low-memory-unused",
      "--strip-debug", "--strip-producers", "--strip-target-features", "-o", `${out}/${m.wasm}`,
    ]);
    shortenImports(`${out}/${m.wasm}`, `${m.pkg}/summary_card.js`);
  }
}

/** Points the entry's import of the wasm-bindgen glue at this build's copy. */
const gluePlugin = {
  name: "glue",
  setup(b) {
    b.onResolve({ filter: /build\/pkg(-share)?\/summary_card\.js$/ }, (a) => ({
      path: new URL(`../${pkg}${/-share\//.test(a.path) ? "-share" : ""}/summary_card.js`, import.meta.url).pathname,
    }));
  },
};
/** The stylesheet as minified text (esbuild's CSS minifier; ~0.2 KB gzip). */
const cssText = {
  name: "css-text",
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async (a) => ({
      contents: (await transform(readFileSync(a.path, "utf8"), { loader: "css", minify: true })).code,
      loader: "text",
    }));
  },
};
const common = { bundle: true, minify: true, legalComments: "none", logLevel: "warning" };
/**
 * Keeps the entry's `import("./summary-card-share.js")` as it is: that file
 * is built on its own (below), loaded on first use, and found beside the
 * entry by browsers and bundlers alike.
 */
const shareExternal = {
  name: "share-external",
  setup(b) {
    b.onResolve({ filter: /^\.\/summary-card-share\.js$/ }, (a) =>
      a.kind === "dynamic-import" ? { path: a.path, external: true } : undefined,
    );
  },
};
await build({
  ...common,
  entryPoints: ["js/summary-card.js"],
  outfile: `${out}/summary-card.js`,
  format: "esm",
  target: "es2022",
  plugins: [gluePlugin, cssText, shareExternal],
});
await build({
  ...common,
  entryPoints: ["js/summary-card-share.js"],
  outfile: `${out}/summary-card-share.js`,
  format: "esm",
  target: "es2022",
  plugins: [gluePlugin],
});
await build({ ...common, entryPoints: ["js/embed.js"], outfile: `${out}/embed.js`, format: "iife", target: "es2020" });
// Written by the native CLI from the tables in src/core/i18n.rs (the one source
// of the words), already minified.
run("cargo", ["run", "--quiet", "--bin", "summary-card", "--", "__locales", `${out}/locales`]);
// Padded with trailing spaces (valid JSON; gzip makes them a few bytes) to
// 4,096 bytes, Vite's default limit below which an asset named by
// new URL(..., import.meta.url) is inlined into the bundle as a data: URL:
// every table would then be in every Vite or Astro user's bundle (+10 KB gzip).
for (const f of readdirSync(`${out}/locales`)) {
  const file = `${out}/locales/${f}`;
  const text = readFileSync(file, "utf8");
  writeFileSync(file, text + " ".repeat(Math.max(0, 4096 - Buffer.byteLength(text))));
}
copyFileSync("js/summary-card.d.ts", `${out}/summary-card.d.ts`);
// What `require("summary-card")` gets: the module is ESM with a top-level
// await (the wasm), which require() cannot load; one line says what to do.
// The code names the case for tools that fall back to import() on it.
writeFileSync(
  `${out}/summary-card.cjs`,
  `throw Object.assign(new Error('summary-card is an ES module: load it with import("summary-card"), not require().'), { code: "ERR_REQUIRE_ESM" });\n`,
);
// Derived from the Rust types of the data (src/core/model.rs, with
// src/core/schema_types.rs; src/cli/schema.rs writes it).
const schemaJson = execFileSync("cargo", ["run", "--quiet", "--bin", "summary-card", "--", "schema"], { stdio: ["ignore", "pipe", "inherit"] });
writeFileSync(`${out}/summary-card.schema.json`, schemaJson);
rmSync(dist, { recursive: true, force: true });
renameSync(out, dist);

/**
 * Two edits to the glue so that a trapped instance cannot reach the page:
 * a trap inside an event listener goes to the shim's handler instead of
 * `window.onerror`, and a listener left over from a replaced instance does
 * nothing instead of throwing. Each edit must match exactly once, so a
 * wasm-bindgen upgrade that changes the glue fails the build here.
 */
function patchGlue(file) {
  let text = readFileSync(file, "utf8");
  const edits = [
    [
      "            return f(a, state.b, ...args);\n        } finally {",
      "            return f(a, state.b, ...args);\n        } catch (e) {\n            __sc_trap(e);\n        } finally {",
    ],
    ["throw new Error('Cannot invoke closure from previous WASM instance');", "return;"],
  ];
  for (const [from, to] of edits) {
    if (text.split(from).length !== 2) throw new Error(`build: the wasm-bindgen glue changed; cannot patch ${JSON.stringify(from)}`);
    text = text.replace(from, to);
  }
  text += "\n/** Where a trap inside a listener goes (set by the shim). */\nlet __sc_trap = (e) => { throw e; };\nexport function __sc_on_trap(f) { __sc_trap = f; }\n";
  writeFileSync(file, text);
}

/**
 * Renames the wasm's imports to one or two letters, in module "a", and the
 * glue's names for them to match. wasm-bindgen names each import
 * "./summary_card_bg.js" + "__wbg_<name>_<16 hex digits>": about 3 KB of the
 * wasm and as much again in the glue (bench/SIZE.md, issue 17). Exports keep
 * their names (tests read `live_listeners` and `memory` from the instance).
 * wasm-opt's --minify-imports-and-exports-and-modules would rename those
 * too. Every import must be found in the glue, so a wasm-bindgen upgrade
 * that changes how the glue names them fails the build here.
 */
function shortenImports(wasmFile, glueFile) {
  const b = readFileSync(wasmFile);
  let p = 8;
  const leb = () => {
    let v = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = b[p++];
      v += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return v;
    }
  };
  const encode = (v) => {
    const out = [];
    do {
      out.push((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
      v >>>= 7;
    } while (v);
    return Buffer.from(out);
  };
  const name = (s) => Buffer.concat([encode(Buffer.byteLength(s)), Buffer.from(s)]);
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const short = (i) => (i < 52 ? "" : letters[Math.floor(i / 52) - 1]) + letters[i % 52];
  let text = readFileSync(glueFile, "utf8");
  const must = (from, to) => {
    if (text.split(from).length !== 2) throw new Error(`build: the wasm-bindgen glue changed; cannot rename ${JSON.stringify(from)}`);
    text = text.replace(from, to);
  };
  while (p < b.length) {
    const header = p;
    const id = b[p++];
    const size = leb();
    const start = p;
    if (id !== 2) {
      p = start + size;
      continue;
    }
    const parts = [];
    const count = leb();
    for (let i = 0; i < count; i++) {
      const str = () => {
        const n = leb();
        return b.toString("utf8", (p += n) - n, p);
      };
      const module = str();
      const field = str();
      const desc = p;
      const kind = b[p++];
      const limits = () => {
        const flags = b[p++];
        leb();
        if (flags & 1) leb();
      };
      if (kind === 0) leb();
      else if (kind === 1) (p++, limits());
      else if (kind === 2) limits();
      else if (kind === 3) p += 2;
      else throw new Error(`build: unknown import kind ${kind}`);
      if (module !== "./summary_card_bg.js") throw new Error(`build: unexpected import module ${module}`);
      must(`\n        ${field}: function`, `\n        ${short(i)}: function`);
      parts.push(name(short(i)), b.subarray(desc, p));
    }
    must('"./summary_card_bg.js": import0', "a: import0");
    const body = Buffer.concat([encode(count), ...parts.flatMap((x, k) => (k % 2 ? [x] : [name("a"), x]))]);
    writeFileSync(wasmFile, Buffer.concat([b.subarray(0, header), Buffer.from([2]), encode(body.length), body, b.subarray(start + size)]));
    writeFileSync(glueFile, text);
    return;
  }
  throw new Error("build: the wasm has no import section");
}

if (testPanic) process.exit(0);

// What a page downloads for the widget up front (embed.js only for the
// classic form), then what a card's first share click fetches.
const sizes = (title, files) => {
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const b = readFileSync(`dist/${f}`);
    const g = gzipSync(b, { level: constants.Z_BEST_COMPRESSION }).length;
    raw += b.length;
    gz += g;
    console.log(`dist/${f.padEnd(24)} ${String(b.length).padStart(7)} B raw ${String(g).padStart(7)} B gzip`);
  }
  console.log(`${title.padEnd(29)} ${String(raw).padStart(7)} B raw ${String(gz).padStart(7)} B gzip`);
};
sizes("total up front", ["summary-card.js", "summary-card.wasm", "embed.js"]);
sizes("total on first share", ["summary-card-share.js", "summary-card-share.wasm"]);
// A page in another language also fetches one of these, once.
const tables = readdirSync("dist/locales").map((f) => {
  const b = readFileSync(`dist/locales/${f}`);
  return { f, raw: b.length, gz: gzipSync(b, { level: constants.Z_BEST_COMPRESSION }).length };
});
const big = tables.reduce((a, b) => (b.gz > a.gz ? b : a));
console.log(`dist/locales/ (${tables.length} files), largest ${big.f}: ${String(big.raw).padStart(5)} B raw ${String(big.gz).padStart(7)} B gzip`);
