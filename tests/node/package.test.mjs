// scripts/check-package.mjs, which `prepack` runs: it passes on the built
// package and fails, one line per problem naming the file, on one that is
// missing something (so `npm pack` and `npm publish` stop), and when the
// npm and Cargo versions differ.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const top = fileURLToPath(new URL("../../", import.meta.url));
const script = join(top, "scripts/check-package.mjs");

/** A copy of the package's files in a temporary folder, with check-package beside them. */
function copy() {
  const dir = mkdtempSync(join(tmpdir(), "summary-card-check-"));
  for (const f of ["package.json", "Cargo.toml", "README.md", "LICENSE-MIT", "LICENSE-APACHE", "dist", "cli"]) cpSync(join(top, f), join(dir, f), { recursive: true });
  cpSync(script, join(dir, "scripts/check-package.mjs"));
  return dir;
}

const check = (dir) => spawnSync(process.execPath, [join(dir, "scripts/check-package.mjs")], { encoding: "utf8" });

test("the built package passes", () => {
  const out = execFileSync(process.execPath, [script], { encoding: "utf8" });
  assert.match(out, /^check-package: ok, \d+ files\n$/);
});

test("a missing file fails the check, named in one line", () => {
  const dir = copy();
  try {
    for (const f of ["dist/summary-card.wasm", "dist/locales/fr.json", "cli/summary-card.wasm"]) rmSync(join(dir, f));
    const r = check(dir);
    assert.equal(r.status, 1);
    assert.deepEqual(r.stderr.trim().split("\n"), [
      "check-package: cli/summary-card.wasm is missing: run npm run build:cli",
      "check-package: dist/locales/fr.json is missing: run npm run build",
      "check-package: dist/summary-card.wasm is missing: run npm run build",
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("dist/ missing altogether names the module first, without a stack trace", () => {
  const dir = copy();
  try {
    rmSync(join(dir, "dist"), { recursive: true });
    const r = check(dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^check-package: dist\/embed\.js is missing/m);
    assert.match(r.stderr, /^check-package: dist\/summary-card\.js is missing: run npm run build$/m);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("npm and Cargo versions must agree", () => {
  const dir = copy();
  try {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ ...pkg, version: "9.9.9" }));
    const r = check(dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, new RegExp(`versions differ: package.json 9.9.9, Cargo.toml ${pkg.version.replaceAll(".", "\\.")}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
