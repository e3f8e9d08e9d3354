// dist/ holds every file CONTRACT.md §2 names.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";

test("dist/ has the contract's files", () => {
  for (const f of ["summary-card.js", "summary-card.wasm", "embed.js", "summary-card.d.ts", "summary-card.schema.json"]) {
    assert.ok(existsSync(new URL(`../../dist/${f}`, import.meta.url)), f);
  }
});
