// The size budget: gzip -9 of what a page downloads, against
// bench/budget.json. Run after a build (`npm test` builds dist/ first).
// Prints one line when every file is within its budget; otherwise names
// each file over it, with its size and its budget, and exits 1.
//
// Two groups. "gzip", up front: every page downloads the js and the wasm
// (embed.js too, for the classic form), and "total" is their sum; a page in
// a language other than English also fetches one message table,
// dist/locales/<tag>.json: the budget entry "dist/locales/*.json" is for the
// largest. "firstUse": what a page fetches on a card's first share click
// (the share module, js and wasm; never at page load), with its own
// "total". Neither wasm may link a table but English's: each fetched
// table's words found in one is an error.
//
//   node scripts/check-size.mjs [budget.json]
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync, constants } from "node:zlib";

process.chdir(new URL("..", import.meta.url).pathname);
const budgetFile = process.argv[2] || "bench/budget.json";
const budget = JSON.parse(readFileSync(budgetFile, "utf8"));
const gzip = (bytes) => gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;

function read(file) {
  try {
    return readFileSync(file);
  } catch {
    console.error(`size budget: ${file} is missing; build first (npm run build)`);
    process.exit(1);
  }
}

const over = [];
const shown = [];

/**
 * Checks one group of budgets: each file's gzip size against its budget,
 * and their sum against the group's "total" (patterns excluded).
 */
function checkGroup(title, group) {
  let total = 0;
  const line = [];
  for (const [file, limit] of Object.entries(group)) {
    if (file === "total") continue;
    let size;
    let name = file;
    if (file.includes("*")) {
      // The largest of the files the pattern (`dir/*.ext`) matches; not in the total.
      const [dir, ext] = file.split("/*");
      const files = (() => {
        try {
          return readdirSync(dir).filter((f) => f.endsWith(ext));
        } catch {
          return [];
        }
      })();
      if (!files.length) {
        console.error(`size budget: no ${file}; build first (npm run build)`);
        process.exit(1);
      }
      [size, name] = files.map((f) => [gzip(read(`${dir}/${f}`)), `${dir}/${f}`]).sort((a, b) => b[0] - a[0])[0];
      line.push(`${file} (largest: ${name}) ${size}/${limit}`);
    } else {
      size = gzip(read(file));
      total += size;
      line.push(`${file} ${size}/${limit}`);
    }
    if (size > limit) over.push(`${name} is ${size} B gzip -9; its budget is ${limit} B`);
  }
  if (group.total !== undefined) {
    line.push(`total ${total}/${group.total}`);
    if (total > group.total) over.push(`the ${title} total is ${total} B gzip -9; its budget is ${group.total} B`);
  }
  shown.push(`${title}: ${line.join(", ")}`);
}
checkGroup("up front", budget.gzip);
if (budget.firstUse) checkGroup("first use", budget.firstUse);

// Only English is built into either wasm: no other table's words may be in it.
for (const file of ["dist/summary-card.wasm", "dist/summary-card-share.wasm"]) {
  const wasm = read(file);
  for (const f of readdirSync("dist/locales")) {
    const table = JSON.parse(read(`dist/locales/${f}`));
    for (const key of ["loading", "share_prompt", "error_title", "copy_link"]) {
      if (wasm.includes(Buffer.from(table[key]))) over.push(`${file} holds ${f}'s ${key} ("${table[key]}"): only English belongs in the wasm`);
    }
  }
}

if (over.length) {
  for (const line of over) console.error(`size budget exceeded: ${line} (${budgetFile})`);
  console.error("Make it smaller (bench/SIZE.md lists what the bytes are), or raise the budget in the same commit and say why.");
  process.exit(1);
}
console.log(`size budget ok (B gzip -9, size/budget): ${shown.join("; ")}`);
