// dist/ holds every file CONTRACT.md §2 names.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";

test("dist/ has the contract's files", () => {
  for (const f of ["summary-card.js", "summary-card.wasm", "embed.js", "summary-card.d.ts", "summary-card.schema.json"]) {
    assert.ok(existsSync(new URL(`../../dist/${f}`, import.meta.url)), f);
  }
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
