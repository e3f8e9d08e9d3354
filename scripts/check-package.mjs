// Checks that the package holds everything its users need, before `npm pack`
// and `npm publish` (the `prepack` script runs it after building) and before
// `npm run release`. Names each missing file and exits 1, so an incomplete
// package is never made:
//
//   node scripts/check-package.mjs
//
// What is needed: every file package.json points at (main, module, types,
// exports, bin), the locale table of every language the built module names
// (its `new URL("./locales/<tag>.json", import.meta.url)`), the share module
// it imports on first use (`import("./summary-card-share.js")`) and the wasm
// that names (`new URL("./summary-card-share.wasm", import.meta.url)`), the CLI's
// WebAssembly beside its launcher, the README and licences; and the npm and
// Cargo versions must agree (package.json is the one place it is written:
// `npm version` copies it to Cargo.toml through scripts/version.mjs).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const top = fileURLToPath(new URL("..", import.meta.url));
// Run as a command, it checks the package around the script (tests copy it).

/** Every file the package must hold, as paths relative to the package root. */
export function neededFiles(root = top) {
  const pkg = JSON.parse(readFileSync(root + "package.json", "utf8"));
  const targets = (v) => (typeof v === "string" ? [v] : v && typeof v === "object" ? Object.values(v).flatMap(targets) : []);
  // The CLI's launcher (the bin) imports cli/run.mjs, which runs cli/summary-card.wasm.
  const files = new Set(["README.md", "LICENSE-MIT", "LICENSE-APACHE", "cli/run.mjs", "cli/summary-card.wasm"]);
  for (const t of [pkg.main, pkg.module, pkg.types, ...targets(pkg.exports), ...targets(pkg.bin)]) {
    if (t && !t.includes("*")) files.add(t.replace(/^\.\//, ""));
  }
  const entry = root + "dist/summary-card.js";
  if (existsSync(entry)) {
    const text = readFileSync(entry, "utf8");
    for (const [, tag] of text.matchAll(/"\.\/locales\/([\w-]+)\.json"/g)) files.add(`dist/locales/${tag}.json`);
    // The share module, imported on first use (js/share.js), and the wasm it names.
    for (const [, name] of text.matchAll(/import\("\.\/([\w-]+\.js)"\)/g)) {
      files.add(`dist/${name}`);
      if (existsSync(root + `dist/${name}`)) {
        for (const [, wasm] of readFileSync(root + `dist/${name}`, "utf8").matchAll(/new URL\("\.\/([\w-]+\.wasm)",import\.meta\.url\)/g)) files.add(`dist/${wasm}`);
      }
    }
  }
  return [...files].sort();
}

/** The version in Cargo.toml's [package], or null. */
export function cargoVersion(root = top) {
  const toml = readFileSync(root + "Cargo.toml", "utf8");
  return /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m.exec(toml)?.[1] ?? null;
}

/** The problems, one line each; [] when the package is complete. */
export function problems(root = top) {
  const out = [];
  const pkg = JSON.parse(readFileSync(root + "package.json", "utf8"));
  const needed = neededFiles(root);
  for (const f of needed) if (!existsSync(root + f)) out.push(`${f} is missing: run ${f.startsWith("cli/") ? "npm run build:cli" : "npm run build"}`);
  if (existsSync(root + "dist/summary-card.js") && !needed.some((f) => f.startsWith("dist/locales/")))
    out.push("dist/summary-card.js names no locales/<tag>.json: the build changed how tables are found");
  if (existsSync(root + "dist/summary-card.js") && !needed.includes("dist/summary-card-share.js"))
    out.push('dist/summary-card.js does not import("./summary-card-share.js"): the build changed how the share module is found');
  // A table the build wrote but the module does not name would never load.
  if (existsSync(root + "dist/locales")) {
    for (const f of readdirSync(root + "dist/locales")) if (!needed.includes(`dist/locales/${f}`)) out.push(`dist/locales/${f} is not named in js/locales.js (LOCALE_URLS)`);
  }
  const cargo = cargoVersion(root);
  if (cargo !== pkg.version) out.push(`versions differ: package.json ${pkg.version}, Cargo.toml ${cargo}; run node scripts/version.mjs`);
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const found = problems();
  for (const p of found) console.error(`check-package: ${p}`);
  if (found.length) process.exit(1);
  console.log(`check-package: ok, ${neededFiles().length} files`);
}
