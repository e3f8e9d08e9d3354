// `npm run release`: the download for people without npm. Writes
// release/summary-card-<version>.zip, holding one folder, summary-card/
// (the name EMBED.md tells a blogger to upload it as), with the widget's files from dist/ (build first:
// `npm run release` does), EMBED.md (which files to upload, which snippet
// to paste), an example index.html and episode.json, and the licences.
// Checks the package first (scripts/check-package.mjs), so a zip is never
// made from an incomplete dist/. Prints the zip's path and size.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { zipSync } from "fflate";
import { problems } from "./check-package.mjs";

process.chdir(new URL("..", import.meta.url).pathname);
const { version } = JSON.parse(readFileSync("package.json", "utf8"));

const found = problems().filter((p) => !p.startsWith("cli/"));
if (found.length) {
  for (const p of found) console.error(`release: ${p}`);
  process.exit(1);
}

/** The zip's files: path inside the folder -> bytes. */
function releaseFiles() {
  const fill = (file) => Buffer.from(readFileSync(file, "utf8").replaceAll("{{version}}", version));
  const files = {};
  for (const f of ["summary-card.js", "summary-card.wasm", "summary-card-share.js", "summary-card-share.wasm", "embed.js", "summary-card.d.ts", "summary-card.schema.json"])
    files[f] = readFileSync(`dist/${f}`);
  for (const f of readdirSync("dist/locales")) files[`locales/${f}`] = readFileSync(`dist/locales/${f}`);
  files["EMBED.md"] = fill("scripts/release/EMBED.md");
  files["index.html"] = fill("scripts/release/index.html");
  files["episode.json"] = readFileSync("www/episodes/ilya.json");
  for (const f of ["LICENSE-MIT", "LICENSE-APACHE"]) files[f] = readFileSync(f);
  return files;
}

const folder = "summary-card";
const tree = {};
// A fixed date, so the same files make the same zip.
const mtime = new Date("2000-01-01T00:00:00Z");
for (const [path, bytes] of Object.entries(releaseFiles())) tree[`${folder}/${path}`] = [bytes, { mtime }];
const zip = zipSync(tree, { level: 9 });
mkdirSync("release", { recursive: true });
const out = `release/summary-card-${version}.zip`;
writeFileSync(out, zip);
console.log(`${out}: ${zip.length} bytes, ${Object.keys(tree).length} files`);
