// Builds dist/: the wasm core (cargo, wasm-bindgen, wasm-opt -Oz), the JS
// entry and embed.js (esbuild), types and schema; then prints the sizes.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { gzipSync, constants } from "node:zlib";
import { build } from "esbuild";

const run = (cmd, args) => execFileSync(cmd, args, { stdio: "inherit" });
const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
process.chdir(new URL("..", import.meta.url).pathname);

run("cargo", ["build", "--quiet", "--release", "--lib", "--target", "wasm32-unknown-unknown"]);
rmSync("build/pkg", { recursive: true, force: true });
run("wasm-bindgen", [
  "--target", "web", "--no-typescript", "--out-dir", "build/pkg",
  "target/wasm32-unknown-unknown/release/summary_card.wasm",
]);
// Built beside dist/ and swapped in at the end, so a page or test reading
// dist/ meanwhile sees the old build or the new one, never half of one.
const out = "build/dist.new";
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
run(bin("wasm-opt"), [
  "build/pkg/summary_card_bg.wasm", "-Oz", "--strip-debug", "--strip-producers",
  "-o", `${out}/summary-card.wasm`,
]);

const common = { bundle: true, minify: true, legalComments: "none", logLevel: "warning" };
await build({
  ...common,
  entryPoints: ["js/summary-card.js"],
  outfile: `${out}/summary-card.js`,
  format: "esm",
  target: "es2022",
  loader: { ".css": "text" },
});
await build({ ...common, entryPoints: ["js/embed.js"], outfile: `${out}/embed.js`, format: "iife", target: "es2020" });
copyFileSync("js/summary-card.d.ts", `${out}/summary-card.d.ts`);
copyFileSync("src/schema.json", `${out}/summary-card.schema.json`);
rmSync("dist", { recursive: true, force: true });
renameSync(out, "dist");

// What a page downloads for the widget (embed.js only for the classic form).
let raw = 0;
let gz = 0;
for (const f of ["summary-card.js", "summary-card.wasm", "embed.js"]) {
  const b = readFileSync(`dist/${f}`);
  const g = gzipSync(b, { level: constants.Z_BEST_COMPRESSION }).length;
  raw += b.length;
  gz += g;
  console.log(`dist/${f.padEnd(20)} ${String(b.length).padStart(7)} B raw ${String(g).padStart(7)} B gzip`);
}
console.log(`${"total".padEnd(25)} ${String(raw).padStart(7)} B raw ${String(gz).padStart(7)} B gzip`);
