// The size budget: gzip -9 of what a page downloads, against
// bench/budget.json. Run after a build (`npm test` builds dist/ first).
// Prints one line when every file is within its budget; otherwise names
// each file over it, with its size and its budget, and exits 1.
//
//   node scripts/check-size.mjs [budget.json]
import { readFileSync } from "node:fs";
import { gzipSync, constants } from "node:zlib";

process.chdir(new URL("..", import.meta.url).pathname);
const budgetFile = process.argv[2] || "bench/budget.json";
const budget = JSON.parse(readFileSync(budgetFile, "utf8")).gzip;

const over = [];
const shown = [];
let total = 0;
for (const [file, limit] of Object.entries(budget)) {
  if (file === "total") continue;
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    console.error(`size budget: ${file} is missing; build first (npm run build)`);
    process.exit(1);
  }
  const size = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
  total += size;
  shown.push(`${file} ${size}/${limit}`);
  if (size > limit) over.push(`${file} is ${size} B gzip -9; its budget is ${limit} B`);
}
if (budget.total !== undefined) {
  shown.push(`total ${total}/${budget.total}`);
  if (total > budget.total) over.push(`the total is ${total} B gzip -9; its budget is ${budget.total} B`);
}
if (over.length) {
  for (const line of over) console.error(`size budget exceeded: ${line} (${budgetFile})`);
  console.error("Make it smaller (bench/SIZE.md lists what the bytes are), or raise the budget in the same commit and say why.");
  process.exit(1);
}
console.log(`size budget ok (B gzip -9, size/budget): ${shown.join(", ")}`);
