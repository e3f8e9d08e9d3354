// dist/summary-card.schema.json, checked with an independent validator
// (Ajv, JSON Schema 2020-12, strict mode) and against the widget's own
// validator (the native CLI, `summary-card validate`): the demo data and
// the good corpus pass, the bad corpus fails at the validator's paths, and
// on some 1,800 generated documents the two agree but where listed in
// DIFFERENT, each with its reason.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import { BAD_URLS, corpus } from "../corpus/corpus.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SCHEMA_FILE = join(ROOT, "dist/summary-card.schema.json");
const schema = JSON.parse(readFileSync(SCHEMA_FILE, "utf8"));
// Formats are annotations only here (no ajv-formats): the patterns carry
// the checks. Strict mode refuses unknown keywords and keywords without
// their type.
const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
const check = ajv.compile(schema);

/** The native CLI (built by scripts/build.mjs, which runs it too). */
function cli(args) {
  const r = spawnSync("cargo", ["run", "--quiet", "--bin", "summary-card", "--", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 256 << 20,
  });
  if (r.error) throw r.error;
  return r;
}

/** Ajv's error locations as the validator writes paths: `listen[0].url`. */
function schemaErrorPaths(doc) {
  if (check(doc)) return [];
  return check.errors.map((e) =>
    e.instancePath
      .split("/")
      .slice(1)
      .map((k) => k.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce((p, k) => (/^\d+$/.test(k) ? `${p}[${k}]` : p ? `${p}.${k}` : k), ""),
  );
}

test("the schema is draft 2020-12, compiles in strict mode, and is what `summary-card schema` prints", () => {
  assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
  assert.match(schema.$id, /^https:\/\//);
  assert.match(schema.title, /version 1/);
  const r = cli(["schema"]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, readFileSync(SCHEMA_FILE, "utf8"), "dist/ is stale: run node scripts/build.mjs");
});

test("every property and every definition has a description", () => {
  const missing = [];
  let properties = 0;
  (function walk(v, at) {
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${at}/${i}`));
    if (v === null || typeof v !== "object") return;
    for (const [k, child] of Object.entries(v)) {
      if (k === "properties" || k === "$defs") {
        for (const [name, s] of Object.entries(child)) {
          if (k === "properties") properties++;
          if (typeof s?.description !== "string" || s.description.trim().length < 10) missing.push(`${at}/${k}/${name}`);
        }
      }
      walk(child, `${at}/${k}`);
    }
  })(schema, "#");
  assert.deepEqual(missing, []);
  assert.ok(properties >= 26, `${properties} properties`);
  assert.ok(schema.description.includes("1 MiB"), "the root says what only the validator checks");
});

test("the seed, the collections and every good corpus document are valid", () => {
  const docs = readdirSync(join(ROOT, "www/episodes"))
    .filter((f) => f.endsWith(".json"))
    .map((f) => ["www/episodes/" + f, readFileSync(join(ROOT, "www/episodes", f), "utf8")]);
  assert.ok(docs.some(([f]) => f.endsWith("ilya.json")) && docs.some(([f]) => f.endsWith("season.json")));
  for (const name of Object.keys(corpus()).filter((n) => n.startsWith("ok-"))) {
    docs.push([name, readFileSync(join(ROOT, "tests/corpus", name + ".json"), "utf8")]);
  }
  assert.ok(docs.length >= 19, `${docs.length} documents`);
  for (const [name, text] of docs) assert.deepEqual(schemaErrorPaths(JSON.parse(text)), [], name);
});

test("every bad corpus document is invalid, at each path the validator reports", () => {
  const bad = Object.entries(corpus()).filter(([n]) => n.startsWith("bad-"));
  assert.ok(bad.length >= 25, `${bad.length} documents`);
  for (const [name, { paths }] of bad) {
    const doc = JSON.parse(readFileSync(join(ROOT, "tests/corpus", name + ".json"), "utf8"));
    const found = schemaErrorPaths(doc);
    for (const p of paths) assert.ok(found.includes(p), `${name}: no schema error at ${p} (${found.join(", ")})`);
  }
});

// ---------------------------------------------------------------------------
// The schema against the validator, document by document.

/**
 * Documents the validator refuses and the schema cannot: a schema does not
 * see how a number is written, how big a file is, or how deep fields it
 * does not know go.
 */
const DIFFERENT = {
  "version 1.0": "JSON Schema compares numbers by value, and 1.0 is 1; the validator wants it written 1",
  "version 1e0": "JSON Schema compares numbers by value, and 1e0 is 1; the validator wants it written 1",
  "a file over 1 MiB": "a schema cannot limit a file's size",
  "unknown field nested 100 deep": "a schema cannot limit nesting in fields it does not know",
};

/** A value for a case's name. */
function show(v) {
  if (v === undefined) return "(missing)";
  const n = [...String(v)].length;
  return typeof v === "string" && n > 40 ? `${JSON.stringify(v.slice(0, 20))}… (${n} characters)` : JSON.stringify(v);
}

/** A card with every optional part, so that `path` reaches into it. */
function fullCard() {
  return {
    version: 1,
    title: "T",
    show: { name: "S" },
    takeaways: [{ title: "A", text: "B" }],
    questions: [{ text: "Q" }],
    listen: [{ label: "L", url: "https://l.example/" }],
    cta: { text: "C", url: "https://c.example/" },
    guests: ["G"],
    topics: ["T"],
  };
}

/** `fullCard()` with `value` at `path` (`undefined` leaves it out). */
function cardWith(path, value) {
  const doc = fullCard();
  let o = doc;
  for (const k of path.slice(0, -1)) o = o[k];
  o[path.at(-1)] = value;
  return JSON.stringify(doc);
}

/** A minimal card with a member written as raw JSON text. */
const rawMember = (key, raw) => `{"title": "T", "takeaways": [{"text": "x"}], "${key}": ${raw}}`;

function cases() {
  const out = [];
  const add = (name, text) => out.push({ name, text });

  const textFields = [
    ["title"], ["covers"], ["notable_moment"], ["show", "name"], ["takeaways", 0, "title"], ["takeaways", 0, "text"],
    ["questions", 0, "title"], ["questions", 0, "text"], ["listen", 0, "label"], ["cta", "text"], ["guests", 0], ["topics", 0],
  ];
  const texts = [
    "x", " x\n", "", " ", "\t\n", "\u00a0", "\u0085", "\u3000", "\ufeff", "\u200b", "\u0000", "<b>x</b>",
    "x".repeat(5000), "x".repeat(5001), "😀".repeat(5000), "😀".repeat(5001), " ".repeat(4999) + "x", " ".repeat(5000) + "x",
    null, 42, true, ["x"], {}, undefined,
  ];
  for (const path of textFields) for (const v of texts) add(`${path.join(".")} = ${show(v)}`, cardWith(path, v));

  const urlFields = [["url"], ["show", "url"], ["show", "artwork"], ["listen", 0, "url"], ["cta", "url"]];
  const urls = [
    ...Object.values(BAD_URLS),
    "https://x.example", "http://x.example/a?b=1#c", "HTTPS://X.EXAMPLE", "  http://x.example/ \n", "https://x.exa\tmple",
    "https://\tx.example", "https://\t/x", "https://x.example/a\nb", "https://例え.jp/パス", "https://user@x.example",
    "https://@x.example", "https://a@b@x.example/c", "https://:80", "https://user@:80", "https://x.example:8080", "https://x.example?q", "https://x.example#f", "https://[::1]/",
    "https://x.example:", "https://x.example:65535/", "https://x.example:065535", "https://x.example:65536/",
    "https://x.example:99999", "https://x.example:8a", "https://x.example::80", "https://[::1", "https://[::1]x/",
    "https://[::1]:443/", "https://a%zz.example/", "https://a%4.example", "https://%41.example", "https://a<b.example",
    "https://a^b.example", "https://a|b.example", "https://a%b.example",
    "https:x.example", "https//x.example", "https:///x", "https://x.example/a b", "https://x.example/a\u00a0b",
    "https://x.example/\u200b", "https://x.example/\u0085", "https://x.example/\ufeff", "https://x.example/\u2028",
    "https://x.example\\a", "https://x.example/\"'<>{}|^`", " \u0001https://x.example", "\u00a0https://x.example\u00a0",
    "https://x.example\u0001", "\u0080https://x.example", "https://x", "http://", "https", "", " ",
    "https://x.example/" + "a".repeat(4982), "https://x.example/" + "a".repeat(4983),
    "mailto:a@b.example", "MAILTO:a@b.example?subject=hi there", "mailto:a", "mailto:ab", "mailto:é", "mailto: a",
    "mailto:a ", "mailto:a\u00a0", "mailto:a\tb", "mailto:\ta", "mailto:", "mailto:a@b.example\u202e", "mailto:a\u0085b",
    "ht\ttps://x.example", "https:/\t/x.example", null, 42,
  ];
  for (const path of urlFields) {
    for (const v of urls) add(`${path.join(".")} = ${show(v)}`, cardWith(path, v));
  }

  const ids = ["a", "A-_9", "ilya-sutskever-age-of-research", "-a", "_a", "a b", " a ", "\u00a0a\n", "a".repeat(100),
    "a".repeat(101), "é", "", " ", "a.b", 42, null];
  for (const v of ids) add(`id = ${show(v)}`, cardWith(["id"], v));

  for (const year of ["0999", "1000", "1582", "1900", "1999", "2000", "2024", "2100", "9999"]) {
    for (let m = 0; m <= 13; m++) {
      for (const d of [0, 1, 28, 29, 30, 31, 32]) {
        const date = `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        add(`published = ${date}`, cardWith(["published"], date));
      }
    }
  }
  const dates = ["2025-11-25T10:00:00Z", "2025-11-25T", "2025-11-25Tanything", "2025-11-25 10:00", " 2025-11-25 ",
    "\u00a02025-11-25", "\ufeff2025-11-25", "2025-11-25\u0001", "2025-1-5", "20251125", "+2025-11-25", "２０２５-11-25",
    "2025/11/25", "25/11/2025", "10000-01-01", "", " ", null, 20251125];
  for (const v of dates) add(`published = ${show(v)}`, cardWith(["published"], v));

  const durationNumbers = ["0", "-0", "0.4", "0.49", "0.5", "1", "59.5", "5760", "5760.4", "5760.5", "5.76e3", "1E2",
    "1e-2", "3600000", "3600000.4", "3600000.5", "3600001", "3.6e6", "3.6000004e6", "3.6000005e6", "-1", "-0.4", "1e400", "5760.000000000000000", "5760.0000000000000000", "5760.49999999999999999999", "0.50000000000000000000001"];
  for (const raw of durationNumbers) add(`duration = ${raw}`, rawMember("duration", raw));
  const durationStrings = ["0", "1", "59", "60", "5760", "3600000", "3600001", "9999999", "0000001", "00000001", "0:00",
    "00:00", "0:01", "1:00", "1:59", "1:60", "0:60", "59:59", "0000059:59", "96:00", "59999:59", "60000:00", "60000:01", "0060000:00", "00060000:00",
    "60000:0000000", "1:00:00", "1:36:00", "0:00:00", "0:00:01", "999:59:59", "1000:00:00", "1000:00:01", "1000:01:00",
    "0001000:00:00", "1:60:00", "1:00:60", "1:2:3", "1:00:00:00", "::", "1:", ":1", " 1:00 ", "\t96:00\n",
    "\u00a096:00", "1h", "١:٠٠", "+5", "-5", "5.5", "", " ", "1: 00", "00000000:00"];
  for (const v of durationStrings) add(`duration = ${show(v)}`, cardWith(["duration"], v));
  for (const raw of ["true", "null", "[]", "{}"]) add(`duration = ${raw}`, rawMember("duration", raw));

  for (const raw of ["1", "1.0", "1e0", "2", "0", "-1", '"1"', "null", "true", "[1]"]) add(`version ${raw}`, rawMember("version", raw));
  for (const raw of ["true", "false", '"yes"', "1", "0", "null"]) add(`ai_generated ${raw}`, rawMember("ai_generated", raw));

  const card = () => ({ title: "T", takeaways: [{ text: "x" }] });
  const many = (n, item) => Array.from({ length: n }, () => item);
  const docs = {
    "an empty object": {}, "an array": [], "null": null, "a number": 42, "a string": "x",
    "a minimal card": card(), "a full card": fullCard(),
    "no title": { takeaways: [{ text: "x" }] }, "no takeaways": { title: "T" },
    "takeaways []": { ...card(), takeaways: [] }, "takeaways {}": { ...card(), takeaways: {} },
    "takeaways [string]": { ...card(), takeaways: ["plain"] }, "takeaways [{}]": { ...card(), takeaways: [{}] },
    "takeaway without text": { ...card(), takeaways: [{ title: "a" }] },
    "100 takeaways": { ...card(), takeaways: many(100, { text: "x" }) },
    "101 takeaways": { ...card(), takeaways: many(101, { text: "x" }) },
    "100 guests": { ...card(), guests: many(100, "g") }, "101 guests": { ...card(), guests: many(101, "g") },
    "101 topics": { ...card(), topics: many(101, "t") }, "101 questions": { ...card(), questions: many(101, { text: "q" }) },
    "101 listen": { ...card(), listen: many(101, { label: "l", url: "https://l.example" }) },
    "guests string": { ...card(), guests: "G" }, "questions [{title}]": { ...card(), questions: [{ title: "q" }] },
    "show string": { ...card(), show: "S" }, "show {}": { ...card(), show: {} }, "show null": { ...card(), show: null },
    "show without name": { ...card(), show: { url: "https://s.example" } },
    "cta without text": { ...card(), cta: { url: "https://c.example" } }, "cta without url": { ...card(), cta: { text: "C" } },
    "cta string": { ...card(), cta: "https://c.example" }, "listen without url": { ...card(), listen: [{ label: "L" }] },
    "listen without label": { ...card(), listen: [{ url: "https://l.example" }] }, "listen string": { ...card(), listen: "x" },
    "unknown fields": { ...card(), future: { x: [1, null] }, constructor: "x" },
    "a $schema member": { $schema: "./summary-card.schema.json", ...card() },
    "a card with episodes: 5": { ...card(), episodes: 5 }, "a card with episodes: []": { ...card(), episodes: [] },
    "a collection": { version: 1, episodes: [card(), fullCard()] }, "a collection without version": { episodes: [card()] },
    "a collection with a title": { title: 5, episodes: [card()] }, "episodes []": { episodes: [] },
    "episodes 5": { episodes: 5 }, "episodes [card, 7]": { episodes: [card(), 7] },
    "episodes [card, bad card]": { episodes: [card(), { title: 5, takeaways: [{ text: "x" }] }] },
    "a collection of version 2": { version: 2, episodes: [card()] },
    "an episode with episodes": { episodes: [{ ...card(), episodes: 5 }] },
    "500 episodes": { episodes: many(500, card()) }, "501 episodes": { episodes: many(501, card()) },
  };
  for (const [name, doc] of Object.entries(docs)) add(name, JSON.stringify(doc));
  add("a duplicate key (the last wins)", '{"title": 5, "title": "T", "takeaways": [{"text": "x"}]}');
  add("__proto__ members", '{"__proto__": {"title": 5}, "title": "T", "takeaways": [{"text": "x", "__proto__": 1}]}');
  const long = { text: "x".repeat(5000) };
  add("a file over 1 MiB", JSON.stringify({ episodes: many(300, { title: "T", takeaways: [long] }) }));
  add("unknown field nested 100 deep", rawMember("deep", "[".repeat(100) + "]".repeat(100)));
  return out;
}

test("the schema and the validator agree, but where DIFFERENT says why not", () => {
  const all = cases();
  assert.equal(new Set(all.map((c) => c.name)).size, all.length, "case names are unique");
  for (const name of Object.keys(DIFFERENT)) assert.ok(all.some((c) => c.name === name), `no case ${name}`);
  const dir = mkdtempSync(join(tmpdir(), "sc-schema-"));
  try {
    const files = all.map((c, i) => {
      const file = join(dir, `${i}.json`);
      writeFileSync(file, c.text);
      return file;
    });
    const r = cli(["validate", ...files]);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const refused = new Set();
    for (const line of r.stdout.split("\n").filter(Boolean)) {
      const file = line.slice(0, line.indexOf(".json:") + 5);
      assert.ok(files.includes(file), line);
      refused.add(file);
    }
    const disagree = {};
    let valid = 0;
    all.forEach((c, i) => {
      const byValidator = !refused.has(files[i]);
      const bySchema = check(JSON.parse(c.text));
      valid += byValidator;
      if (byValidator !== bySchema) disagree[c.name] = `validator ${byValidator ? "accepts" : "refuses"}, schema ${bySchema ? "accepts" : "refuses"}`;
    });
    // Both outcomes are well represented, so agreement means something.
    assert.ok(valid > 500 && all.length - valid > 800, `${valid} of ${all.length} valid`);
    assert.deepEqual(Object.keys(disagree).sort(), Object.keys(DIFFERENT).sort(), JSON.stringify(disagree, null, 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
