// Builds cli/summary-card.wasm: the CLI (src/cli/) for wasm32-wasip1,
// which cli/summary-card.mjs runs under Node's WASI (the npm package's
// `summary-card` command; see docs/cli-without-rust.md). Then wasm-opt -Oz
// when node_modules has it (npm install), else the cargo output as is.
// Prints the size, raw and gzip -9.
//
//   node scripts/build-cli.mjs
//
// Needs `rustup target add wasm32-wasip1`.

import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

process.chdir(fileURLToPath(new URL("..", import.meta.url)));
process.env.PATH = `${path.join(homedir(), ".cargo", "bin")}${path.delimiter}${process.env.PATH}`;

function run(cmd, args) {
  try {
    execFileSync(cmd, args, { stdio: "inherit" });
  } catch (e) {
    console.error(`build-cli: ${cmd} failed${e.status == null ? `: ${e.message}` : ` (exit ${e.status})`}`);
    process.exit(1);
  }
}

const built = "target/wasm32-wasip1/release/summary-card.wasm";
const out = "cli/summary-card.wasm";
const tmp = `${out}.new`;
const wasmOpt = "node_modules/.bin/wasm-opt";

run("cargo", ["build", "--quiet", "--release", "--target", "wasm32-wasip1", "--bin", "summary-card"]);
mkdirSync("cli", { recursive: true });
rmSync(tmp, { force: true });
if (existsSync(wasmOpt)) {
  // The features rustc's wasm32-wasip1 emits by default (bulk memory, sign
  // extension, non-trapping float-to-int, mutable globals, multivalue,
  // reference types); V8 in Node 18 has them all.
  run(wasmOpt, [built, "-Oz", "--enable-bulk-memory", "--enable-sign-ext", "--enable-nontrapping-float-to-int",
    "--enable-mutable-globals", "--enable-multivalue", "--enable-reference-types",
    "--strip-debug", "--strip-producers", "-o", tmp]);
} else {
  console.log(`build-cli: ${wasmOpt} not found (npm install adds it): ${out} is not wasm-opt'ed`);
  copyFileSync(built, tmp);
}
// Swapped in whole, so a run meanwhile sees the old file or the new one.
renameSync(tmp, out);

const bytes = readFileSync(out);
const size = (n) => `${n} bytes (${(n / 1024).toFixed(1)} KiB)`;
console.log(`${out}: ${size(bytes.length)}, gzip -9 ${size(gzipSync(bytes, { level: 9 }).length)}`);
