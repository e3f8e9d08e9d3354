// Copies package.json's version (the one place it is written) into
// Cargo.toml and Cargo.lock. `npm version <new>` runs it (the "version"
// script), so both packages always carry the same version.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const top = fileURLToPath(new URL("..", import.meta.url));
const { version } = JSON.parse(readFileSync(top + "package.json", "utf8"));
const edit = (file, re) => {
  const text = readFileSync(top + file, "utf8");
  if (!re.test(text)) throw new Error(`version: no summary-card version found in ${file}`);
  writeFileSync(top + file, text.replace(re, `$1"${version}"`));
};
edit("Cargo.toml", /^(\[package\][^[]*?^version\s*=\s*)"[^"]+"/m);
edit("Cargo.lock", /^(name = "summary-card"\nversion = )"[^"]+"/m);
console.log(`version: Cargo.toml and Cargo.lock at ${version}`);
