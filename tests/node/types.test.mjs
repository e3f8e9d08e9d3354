// dist/summary-card.d.ts: tsc (typescript 7) checks tests/types/usage.ts
// against it, resolved through package.json `exports` as a user's project
// would; the misuse marked there must be what fails; and the types name
// exactly what the module and the wasm core export, emit and accept.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const top = fileURLToPath(new URL("../../", import.meta.url));
const read = (f) => readFileSync(top + f, "utf8");
const tsc = top + "node_modules/.bin/tsc";

/** Runs tsc; resolves to { code, out } (never rejects on a type error). */
function runTsc(...args) {
  return new Promise((resolve, reject) => {
    execFile(tsc, ["--pretty", "false", ...args], { cwd: top }, (err, stdout, stderr) => {
      if (err && typeof err.code !== "number") reject(err);
      else resolve({ code: err ? err.code : 0, out: stdout + stderr });
    });
  });
}

test("dist/summary-card.d.ts is the built copy of js/summary-card.d.ts", () => {
  assert.equal(read("dist/summary-card.d.ts"), read("js/summary-card.d.ts"), "dist/ is stale: run node scripts/build.mjs");
});

for (const resolution of ["bundler", "nodenext"]) {
  test(`tests/types/usage.ts type-checks (moduleResolution ${resolution})`, async () => {
    const mod = resolution === "bundler" ? "esnext" : "nodenext";
    const { code, out } = await runTsc("--noEmit", "-p", "tests/types", "--module", mod, "--moduleResolution", resolution);
    assert.equal(out.trim(), "");
    assert.equal(code, 0);
  });
}

test("without its @ts-expect-error comments, usage.ts fails on exactly those lines", async () => {
  const lines = read("tests/types/usage.ts").split("\n");
  const marked = new Set();
  const probe = lines.map((line, i) => {
    if (!/^\s*\/\/ @ts-expect-error\b/.test(line)) return line;
    marked.add(i + 2); // 1-based number of the line below
    return "";
  });
  assert.ok(marked.size >= 20, `only ${marked.size} misuse lines`);
  const name = `probe-${process.pid}`;
  try {
    writeFileSync(`${top}tests/types/${name}.ts`, probe.join("\n"));
    writeFileSync(`${top}tests/types/${name}.json`, JSON.stringify({ extends: "./tsconfig.json", files: [`${name}.ts`] }));
    const { code, out } = await runTsc("--noEmit", "-p", `tests/types/${name}.json`);
    assert.notEqual(code, 0, "the misuse type-checked");
    const failed = new Set([...out.matchAll(new RegExp(`${name}\\.ts\\((\\d+),\\d+\\): error TS\\d+`, "g"))].map((m) => +m[1]));
    assert.deepEqual([...failed].sort((a, b) => a - b), [...marked].sort((a, b) => a - b), out);
  } finally {
    rmSync(`${top}tests/types/${name}.ts`, { force: true });
    rmSync(`${top}tests/types/${name}.json`, { force: true });
  }
});

/** The files in the folder `dir` whose names end in `ext`, as paths from the top. */
const files = (dir, ext) => readdirSync(top + dir).filter((f) => f.endsWith(ext)).map((f) => `${dir}/${f}`);

const dts = read("js/summary-card.d.ts");
/** The members of `interface name` or the strings of `type name` in the d.ts. */
function declared(name) {
  const body = new RegExp(`(?:interface|type) ${name}\\b[^{=]*[{=]([^}]*?)(?:\\}|;\\n\\n)`, "s").exec(dts);
  assert.ok(body, name);
  const text = body[1].replace(/\/\*\*[\s\S]*?\*\//g, "");
  return [...text.matchAll(/"([^"]+)"|^\s*(\w+)\??:/gm)].map((m) => m[1] ?? m[2]).sort();
}

test("the d.ts declares exactly the values the built module exports", () => {
  const js = read("dist/summary-card.js");
  const list = /export\s*\{([^}]*)\}\s*;?\s*$/.exec(js);
  assert.ok(list, "no export list at the end of dist/summary-card.js");
  const exported = list[1].split(",").map((s) => s.trim().split(/\s+as\s+/).pop()).sort();
  const values = [...dts.matchAll(/^export (?:declare )?(?:function|const|let|var|class) (\w+)/gm)].map((m) => m[1]);
  assert.deepEqual([...new Set(values)].sort(), exported);
});

test("RenderOptions are the shim's options (camelCase)", () => {
  const options = /const OPTIONS = \[([^\]]*)\]/.exec(read("js/elements.js"));
  assert.ok(options, "OPTIONS not found in js/elements.js");
  const names = [...options[1].matchAll(/"([^"]+)"/g)].map((m) => m[1].replace(/-(\w)/g, (_, c) => c.toUpperCase()));
  assert.deepEqual(declared("RenderOptions"), names.sort());
});

test("ShareTarget is every target id in src/core/links.rs", () => {
  const fn = /pub fn id\(self\)[^{]*\{([\s\S]*?)\n    \}/.exec(read("src/core/links.rs"));
  assert.ok(fn, "Target::id not found");
  const ids = [...fn[1].matchAll(/=> "([^"]+)"/g)].map((m) => m[1]);
  assert.ok(ids.length >= 10);
  assert.deepEqual(declared("ShareTarget"), ids.sort());
  // The one target outside the menu: the browser's own share sheet.
  assert.match(read("src/web/share_menu.rs"), /emit\(&status, "native"/);
  assert.match(dts, /target: ShareTarget \| "native";/);
});

test("the event map names every event the shim and the wasm core fire", () => {
  const fired = new Set();
  const sources = [...files("js", ".js"), ...files("src/web", ".rs")];
  for (const f of sources) {
    for (const m of read(f).matchAll(/(?:emit|CustomEvent[\w:]*)\(\s*"(summary-card:[a-z]+)"/g)) fired.add(m[1]);
  }
  assert.deepEqual(declared("SummaryCardEventMap"), [...fired].sort());
  assert.deepEqual(declared("GlobalEventHandlersEventMap"), [...fired].sort());
});
