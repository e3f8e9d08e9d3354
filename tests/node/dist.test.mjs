// dist/ holds every file docs/contract.md §2 names, each what it should be.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { Script } from "node:vm";

const dist = (f) => readFileSync(new URL(`../../dist/${f}`, import.meta.url));

test("dist/summary-card.js loads dist/summary-card.wasm, beside itself", () => {
  // Its exports are checked by importing it, below.
  assert.ok(dist("summary-card.js").includes('new URL("./summary-card.wasm",import.meta.url)'));
});

test("dist/summary-card.wasm is a WebAssembly module", () => {
  const wasm = dist("summary-card.wasm");
  assert.deepEqual([...wasm.subarray(0, 8)], [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], "\\0asm, version 1");
  assert.ok(WebAssembly.validate(wasm));
});

test("the share module: dist/summary-card.js imports it on first use only; it loads dist/summary-card-share.wasm beside itself", () => {
  const entry = dist("summary-card.js").toString();
  // A literal relative import(), so bundlers bundle it, and no static import of it.
  assert.equal(entry.match(/import\("\.\/summary-card-share\.js"\)/g)?.length, 1);
  assert.doesNotMatch(entry, /from\s*"\.\/summary-card-share\.js"/);
  assert.doesNotMatch(entry, /summary-card-share\.wasm/);
  assert.ok(dist("summary-card-share.js").includes('new URL("./summary-card-share.wasm",import.meta.url)'));
  const wasm = dist("summary-card-share.wasm");
  assert.ok(WebAssembly.validate(wasm));
  const exports = WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name);
  for (const name of ["session", "session_open", "live_listeners", "memory"]) assert.ok(exports.includes(name), name);
  assert.ok(!exports.includes("mount"), "the share module exports no card entry point");
  const card = WebAssembly.Module.exports(new WebAssembly.Module(dist("summary-card.wasm"))).map((e) => e.name);
  assert.ok(card.includes("mount") && !card.includes("session"), "the card's wasm exports no share entry point");
});

test("dist/embed.js is a classic script that imports summary-card.js from beside itself", () => {
  const text = dist("embed.js").toString();
  assert.doesNotThrow(() => new Script(text), "not a classic script");
  assert.match(text, /import\(new URL\("summary-card\.js",/);
});

test("dist/summary-card.d.ts declares render and validate", () => {
  const dts = dist("summary-card.d.ts").toString();
  assert.match(dts, /^export function render</m);
  assert.match(dts, /^export function validate\(/m);
});

test("dist/summary-card.schema.json is a JSON Schema, draft 2020-12", () => {
  const schema = JSON.parse(dist("summary-card.schema.json"));
  assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
});

// A server-side render (Astro, Next.js) imports the module under Node: the
// import must not throw, define anything or load the wasm.
test("importing dist/summary-card.js under Node does not throw", async () => {
  const m = await import("../../dist/summary-card.js");
  assert.deepEqual(Object.keys(m).sort(), ["render", "validate"]);
  assert.deepEqual(m.validate({ title: "x", takeaways: [{ text: "y" }] }), [
    { path: "", message: "summary-card needs a browser." },
  ]);
  assert.equal(globalThis.customElements, undefined);
});

// The repository keeps its own copy of the shared contract; where the shared
// one is beside this checkout (the team's machines), they must agree.
test("docs/contract.md is the shared CONTRACT.md", (t) => {
  const shared = new URL("../../../shared/CONTRACT.md", import.meta.url);
  if (!existsSync(shared)) return t.skip("no ../shared/CONTRACT.md beside this checkout");
  assert.equal(readFileSync(new URL("../../docs/contract.md", import.meta.url), "utf8"), readFileSync(shared, "utf8"));
});
