// Prepares the bundler matrix for tests/e2e/bundlers.spec.mjs: for each
// fixture project here (its bundler pinned by its own package-lock.json), a
// copy in build/bundlers/<name>/ with the bundler installed once (`npm ci`,
// again only when the lockfile changes), the packed summary-card tarball
// installed as a user installs it, and the site built with the fixture's
// own `npm run build`. Playwright runs it as its global set-up; by hand:
//
//   node tests/bundlers/prepare.mjs
//
// The tarball is build/pack/summary-card-<version>.tgz, which `npm test`
// makes with `npm pack` (its prepack builds and checks the package); when
// it is missing or older than dist/ or cli/, this packs it again.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const top = fileURLToPath(new URL("../../", import.meta.url));
export const BUNDLERS = ["vite", "webpack", "rollup", "esbuild", "astro"];
export const work = join(top, "build/bundlers");
// Under `npm test`, npm exports npm_config_* (local_prefix is this repository,
// so a nested npm would install here): the nested npm gets none of them.
export const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 26 }).toString();

/** The packed tarball of this repository; packs it when missing or stale. */
export function tarball() {
  const { version } = JSON.parse(readFileSync(join(top, "package.json"), "utf8"));
  const file = join(top, `build/pack/summary-card-${version}.tgz`);
  const inputs = ["dist/summary-card.js", "dist/summary-card.wasm", "dist/summary-card-share.js", "dist/summary-card-share.wasm", "cli/summary-card.wasm", "package.json"].map((f) => join(top, f));
  const stale = !existsSync(file) || inputs.some((f) => !existsSync(f) || statSync(f).mtimeMs > statSync(file).mtimeMs);
  if (stale) {
    console.log("bundlers: npm pack (prepack builds dist/ and cli/)");
    mkdirSync(join(top, "build/pack"), { recursive: true });
    execFileSync("npm", ["pack", "--silent", "--pack-destination", join(top, "build/pack")], { cwd: top, env, stdio: "inherit" });
  }
  return file;
}

/** Copies the fixture's files into `dir`, with the shared page body and app. */
function copyFixture(name, dir) {
  cpSync(join(here, name), dir, { recursive: true });
  const body = readFileSync(join(here, "shared/body.html"), "utf8").trimEnd();
  const app = readFileSync(join(here, "shared/app.js"), "utf8");
  // webpack's default entry is src/index.js; the others name src/main.js.
  const entry = join(dir, name === "webpack" ? "src/index.js" : "src/main.js");
  mkdirSync(dirname(entry), { recursive: true });
  writeFileSync(entry, app);
  for (const html of ["index.html", "public/index.html", "dist/index.html"]) {
    const f = join(dir, html);
    if (existsSync(f)) writeFileSync(f, readFileSync(f, "utf8").replace("<!-- body -->", body));
  }
}

/** Installs and builds one fixture; returns its folder. */
export function prepare(name, pack = tarball()) {
  const dir = join(work, name);
  const lock = readFileSync(join(here, name, "package-lock.json"));
  const stamp = createHash("sha256").update(readFileSync(join(here, name, "package.json"))).update(lock).digest("hex");
  const stampFile = join(dir, ".installed");
  if (!existsSync(stampFile) || readFileSync(stampFile, "utf8") !== stamp) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    copyFixture(name, dir);
    console.log(`bundlers: ${name}: npm ci`);
    run("npm", ["ci", "--no-audit", "--no-fund"], dir);
    writeFileSync(stampFile, stamp);
  }
  for (const f of readdirSync(dir)) if (!["node_modules", ".installed", "package-lock.json"].includes(f)) rmSync(join(dir, f), { recursive: true, force: true });
  copyFixture(name, dir);
  run("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--prefer-offline", pack], dir);
  console.log(`bundlers: ${name}: npm run build`);
  run("npm", ["run", "build"], dir);
  return dir;
}

export default function globalSetup() {
  const pack = tarball();
  for (const name of BUNDLERS) prepare(name, pack);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) globalSetup();
