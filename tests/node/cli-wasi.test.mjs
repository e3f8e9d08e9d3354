// The npm package's `summary-card` (cli/summary-card.mjs running
// cli/summary-card.wasm under Node's WASI) prints the same standard output
// and error, and exits with the same code, as the native binary.
//
// Builds what is missing first: the native CLI (cargo build), and the wasm
// (scripts/build-cli.mjs) when it is absent or older than the Rust sources.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { homedir, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { unzlibSync } from "fflate";
import { feedUrl, hostFilesystem } from "../../cli/run.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const launcher = path.join(root, "cli/summary-card.mjs");
const wasm = path.join(root, "cli/summary-card.wasm");
const native = path.join(root, "target/debug/summary-card" + (process.platform === "win32" ? ".exe" : ""));
const SEED = "www/episodes/ilya.json";
const FEED = "tests/fixtures/feed.xml";

// Built here, before the tests are defined, since whether they run depends on it.
const cargoEnv = { ...process.env, PATH: `${path.join(homedir(), ".cargo", "bin")}${path.delimiter}${process.env.PATH}` };
const hasCargo = spawnSync("cargo", ["--version"], { stdio: "ignore", env: cargoEnv }).status === 0;

/** Newest modification time under `dir` (the Rust sources). */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function build(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, env: cargoEnv, stdio: ["ignore", "inherit", "inherit"] });
  assert.equal(r.status, 0, `${cmd} ${args.join(" ")} failed`);
}

if (hasCargo) {
  // A no-op when it is up to date; the native CLI must be this source's.
  build("cargo", ["build", "--quiet", "--bin", "summary-card"]);
  const sources = Math.max(
    newest(path.join(root, "src")),
    ...["Cargo.toml", "Cargo.lock"].map((f) => statSync(path.join(root, f)).mtimeMs),
  );
  if (!existsSync(wasm) || statSync(wasm).mtimeMs < sources) build(process.execPath, ["scripts/build-cli.mjs"]);
}
const missing = [native, wasm].filter((f) => !existsSync(f)).map((f) => path.relative(root, f));
const skip = () => missing.length > 0 && `needs ${missing.join(" and ")}, and cargo is not installed to build them`;

let temp;
before(() => {
  temp = mkdtempSync(path.join(tmpdir(), "summary-card-wasi-test-"));
});
after(() => rmSync(temp, { recursive: true, force: true }));

/** Exit code, stdout and stderr of a run, as text. */
function result(r) {
  if (r.error) throw r.error;
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

function runNative(args, { cwd = root, input = "" } = {}) {
  return result(spawnSync(native, args, { cwd, input }));
}

function runLauncher(args, { cwd = root, input = "", env = process.env, nodeArgs = [] } = {}) {
  return result(spawnSync(process.execPath, [...nodeArgs, launcher, ...args], { cwd, input, env }));
}

/** Like runLauncher, but without blocking this process (which serves the feed). */
function runLauncherAsync(args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [launcher, ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ status: error ? error.code : 0, stdout, stderr });
    });
  });
}

/** Like runNative, but without blocking this process (which serves the feed). */
function runNativeAsync(args) {
  return new Promise((resolve) => {
    execFile(native, args, { cwd: root }, (error, stdout, stderr) => {
      resolve({ status: error ? error.code : 0, stdout, stderr });
    });
  });
}

const BAD_CARD = `{
  "title": 42,
  "url": "javascript:alert(1)",
  "show": {"name": "S", "url": "ftp://example.com/"},
  "duration": "forever",
  "takeaways": [{"title": "T", "text": 7}, "nope"]
}
`;
const NO_TITLE = `{"takeaways": [{"text": "x"}]}`;

/** [name, args, options]: `cwd` relative to the repository, `input` on stdin. */
function cases() {
  const bad = path.join(temp, "bad.json");
  writeFileSync(bad, BAD_CARD);
  const noTitle = path.join(temp, "no-title.json");
  writeFileSync(noTitle, NO_TITLE);
  const broken = path.join(temp, "broken.json");
  writeFileSync(broken, `{"title": `);
  const latin1 = path.join(temp, "latin1.json");
  writeFileSync(latin1, Buffer.from([0x7b, 0x22, 0x74, 0xe9, 0x22, 0x7d]));
  const badFeed = path.join(temp, "bad-feed.xml");
  writeFileSync(badFeed, "<rss><channel><item><title>x</title></channel></rss>");
  const absolute = path.join(root, SEED);
  return [
    ["--help", ["--help"]],
    ["-h", ["-h"]],
    ["--version", ["--version"]],
    ["no arguments", []],
    ["help render", ["help", "render"]],
    ["help from-rss", ["help", "from-rss"]],
    ["help of an unknown command", ["help", "frob"]],
    ["render --help", ["render", "--help"]],
    ["schema", ["schema"]],
    ["schema with an argument", ["schema", "x"]],
    ["validate a valid card", ["validate", SEED]],
    ["validate a collection", ["validate", "www/episodes/season.json", "www/episodes/showcase.json"]],
    ["validate a bad card (types, URLs)", ["validate", bad]],
    ["validate a card without a title", ["validate", noTitle]],
    ["validate good and bad together", ["validate", SEED, bad, noTitle, "www/episodes/season.json"]],
    ["validate JSON that is not JSON", ["validate", broken]],
    ["validate a file that is not UTF-8", ["validate", latin1]],
    ["validate a missing file", ["validate", "no/such/file.json"]],
    ["validate a directory", ["validate", "www"]],
    ["validate with no FILE", ["validate"]],
    ["validate from stdin", ["validate", "-"], { input: BAD_CARD }],
    ["unknown command", ["frobnicate"]],
    ["unknown option", ["--frob"]],
    ["render: unknown option", ["render", SEED, "--foo"]],
    ["render: bad value", ["render", SEED, "--wpm", "9000"]],
    ["render: unknown locale", ["render", SEED, "--locale", "xx"]],
    ["render: --theme with --fragment", ["render", SEED, "--fragment", "--theme", "dark"]],
    ["render: two files", ["render", SEED, SEED]],
    ["render", ["render", SEED]],
    ["render --fragment --locale fr", ["render", SEED, "--fragment", "--locale", "fr"]],
    ["render a collection, options", ["render", "www/episodes/season.json", "--theme=dark", "--layout", "compact", "--locale", "ar", "--wpm", "300", "--heading-level", "3"]],
    ["render from stdin", ["render", "-"], { input: readFileSync(path.join(root, SEED)) }],
    ["render bad data from stdin", ["render", "-", "--locale", "ja"], { input: BAD_CARD }],
    ["render invalid data", ["render", bad]],
    ["render a missing file", ["render", "no/such.json"]],
    ["render -- --fragment (a file)", ["render", "--", "--fragment"]],
    ["from-rss", ["from-rss", FEED]],
    ["from-rss --guid", ["from-rss", FEED, "--guid=nope"]],
    ["from-rss a bad feed", ["from-rss", badFeed]],
    ["from-rss from stdin", ["from-rss", "-"], { input: readFileSync(path.join(root, FEED)) }],
    ["from-rss a URL (natively a missing file) with --help", ["from-rss", "https://example.com/feed.xml", "--help"]],
    ["a relative path with ../", ["render", "../www/episodes/ilya.json", "--layout", "compact"], { cwd: "www" }],
    ["relative paths from a subdirectory", ["validate", "episodes/ilya.json", "../tests/fixtures/../../www/episodes/season.json", "../nope.json"], { cwd: "www" }],
    ["from-rss ../", ["from-rss", "../fixtures/feed.xml"], { cwd: "tests/node" }],
    ["an absolute path", ["render", absolute, "--fragment"], { cwd: "tests" }],
    ["an absolute path, validate", ["validate", absolute, bad], { cwd: temp }],
    ["image --help", ["image", "--help"]],
    ["image: --takeaway out of range", ["image", SEED, "--takeaway", "9", "-o", path.join(temp, "never.png")]],
    ["image: --takeaway 0", ["image", SEED, "--takeaway", "0", "-o", path.join(temp, "never.png")]],
    ["image: unknown theme", ["image", SEED, "--theme", "sepia", "-o", path.join(temp, "never.png")]],
    ["image: a collection", ["image", "www/episodes/season.json", "-o", path.join(temp, "never.png")]],
    ["image: a missing file", ["image", "no/such.json", "-o", path.join(temp, "never.png")]],
    ["image: -o in a missing directory", ["image", SEED, "-o", path.join(temp, "no/such/dir/x.png")]],
    ["image: -o a directory", ["image", SEED, "-o", temp]],
  ];
}

test("the launcher prints what the native CLI prints, and exits with its code", { skip: skip() }, async (t) => {
  for (const [name, args, opts = {}] of cases()) {
    await t.test(name, () => {
      const options = { ...opts, cwd: path.resolve(root, opts.cwd ?? ".") };
      const want = runNative(args, options);
      const got = runLauncher(args, options);
      assert.deepEqual(got, want, `summary-card ${args.join(" ")}`);
    });
  }
});

/** Width and height from a PNG's IHDR, which comes first. */
function pngSize(png) {
  assert.equal(png.subarray(0, 8).toString("latin1"), "\x89PNG\r\n\x1a\n", "a PNG signature");
  assert.equal(png.subarray(12, 16).toString("latin1"), "IHDR");
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

/** A PNG's pixels: its IDAT chunks joined and inflated (the filtered scanlines). */
function pngData(png) {
  const parts = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.subarray(at + 4, at + 8).toString("latin1") === "IDAT") parts.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return Buffer.from(unzlibSync(Buffer.concat(parts)));
}

// The npx build draws the picture the native CLI draws: the same built-in
// fonts, the same shaping and rasterising code, so the same PNG, byte for byte.
test("image: the launcher writes the native CLI's PNG (-o relative to the working directory, and stdout)", { skip: skip() }, () => {
  for (const args of [[], ["--takeaway", "3", "--theme", "dark", "--locale", "fr"]]) {
    const dir = mkdtempSync(path.join(temp, "image-"));
    mkdirSync(path.join(dir, "native"));
    const fromNative = runNative(["image", path.join(root, SEED), ...args, "-o", "native/card.png"], { cwd: dir });
    const got = runLauncher(["image", path.relative(dir, path.join(root, SEED)), ...args, "-o", "card.png"], { cwd: dir });
    assert.deepEqual(got, { status: 0, stdout: "", stderr: "" }, `image ${args.join(" ")}`);
    assert.deepEqual(fromNative, { status: 0, stdout: "", stderr: "" });
    const want = readFileSync(path.join(dir, "native/card.png"));
    const png = readFileSync(path.join(dir, "card.png"));
    assert.deepEqual(pngSize(png), [1080, 1350]);
    // Colour type 2 (RGB), 8 bits: 1350 scanlines of a filter byte and 1080 pixels.
    const pixels = pngData(png);
    assert.equal(pixels.length, 1350 * (1 + 1080 * 3));
    assert.ok(pixels.equals(pngData(want)), "the same pixels as the native CLI's");
    assert.ok(png.equals(want), "the same PNG as the native CLI's");
    // Without -o, on standard output (a pipe here).
    const piped = spawnSync(process.execPath, [launcher, "image", SEED, ...args], { cwd: root });
    assert.equal(piped.status, 0, String(piped.stderr));
    assert.ok(Buffer.from(piped.stdout).equals(want), "the same PNG on standard output");
  }
});

// Node's WASI has no fontconfig and fontdb finds no system fonts there: a
// character DejaVu Sans lacks is left out, with the native CLI's warning.
test("image: characters the built-in fonts lack get one warning, not a failure", { skip: skip() }, () => {
  const card = JSON.parse(readFileSync(path.join(root, SEED), "utf8"));
  card.takeaways[0].text = `日本語 ${card.takeaways[0].text}`;
  const file = path.join(temp, "ja.json");
  writeFileSync(file, JSON.stringify(card));
  const out = path.join(temp, "ja.png");
  const got = runLauncher(["image", file, "--takeaway", "1", "-o", out]);
  assert.equal(got.status, 0, got.stderr);
  assert.equal(got.stdout, "");
  assert.equal(
    got.stderr,
    "summary-card: warning: no font has 日本語 (3 characters, left out of the picture); install a font for them\n",
  );
  assert.deepEqual(pngSize(readFileSync(out)), [1080, 1350]);
});

// The exit codes the table covers, so a change in the CLI cannot make it vacuous.
test("the table covers exit codes 0, 1 and 2", { skip: skip() }, () => {
  const codes = new Set(cases().map(([, args, opts = {}]) => runNative(args, { ...opts, cwd: path.resolve(root, opts.cwd ?? ".") }).status));
  assert.deepEqual([...codes].sort(), [0, 1, 2]);
});

test("from-rss with a URL: the launcher fetches it; the output is the file's", { skip: skip() }, async () => {
  const xml = readFileSync(path.join(root, FEED));
  const bad = "<rss><channel><item><title>x</title></channel></rss>";
  const server = createServer((req, res) => {
    const hops = /^\/r\/(\d+)$/.exec(req.url);
    if (hops) res.writeHead(302, { location: hops[1] === "0" ? "/feed.xml" : `/r/${hops[1] - 1}` }).end();
    else if (req.url === "/feed.xml") res.writeHead(200, { "content-type": "application/rss+xml" }).end(xml);
    else if (req.url === "/bad.xml") res.writeHead(200).end(bad);
    else res.writeHead(404).end("no");
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    const file = runNative(["from-rss", FEED]);
    assert.equal(file.status, 0);
    assert.deepEqual(await runLauncherAsync(["from-rss", `${base}/feed.xml`]), file);

    const guid = runNative(["from-rss", FEED, "--guid", "nope"]);
    assert.equal(guid.status, 1);
    const byUrl = await runLauncherAsync(["from-rss", `${base}/feed.xml`, "--guid", "nope"]);
    assert.deepEqual(byUrl, { ...guid, stderr: guid.stderr.replaceAll(FEED, `${base}/feed.xml`) });

    // Problems name the URL as a file's name it.
    const badFile = path.join(temp, "served-bad.xml");
    writeFileSync(badFile, bad);
    const badNative = runNative(["from-rss", badFile]);
    assert.equal(badNative.status, 1);
    assert.deepEqual(await runLauncherAsync(["from-rss", `${base}/bad.xml`]), {
      ...badNative,
      stderr: badNative.stderr.replaceAll(badFile, `${base}/bad.xml`),
    });

    assert.deepEqual(await runLauncherAsync(["from-rss", `${base}/gone.xml`]), {
      status: 1,
      stdout: "",
      stderr: `${base}/gone.xml: cannot fetch: HTTP 404 Not Found\n`,
    });
    // The native CLI fetches too (issue 15), with the same limits and words.
    for (const url of [`${base}/feed.xml`, `${base}/gone.xml`, `${base}/r/4`, `${base}/r/5`]) {
      assert.deepEqual(await runLauncherAsync(["from-rss", url]), await runNativeAsync(["from-rss", url]), url);
    }
    assert.match((await runLauncherAsync(["from-rss", `${base}/r/5`])).stderr, /cannot fetch: more than 5 redirects\n$/);
    assert.equal((await runLauncherAsync(["from-rss", `${base}/r/4`, "--all", "--limit", "1"])).status, 0);
  } finally {
    server.close();
  }
  // Nothing listens there now: one line, no stack trace.
  const refused = await runLauncherAsync(["from-rss", `${base}/feed.xml`]);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /^http:\/\/127\.0\.0\.1:\d+\/feed\.xml: cannot fetch: .*ECONNREFUSED.*\n$/);
});

test("runs with no Rust toolchain on PATH", { skip: skip() }, () => {
  // No ~/.cargo/bin, nor any other directory with cargo or rustc in it.
  const rust = (dir) => ["cargo", "rustc", "cargo.exe", "rustc.exe"].some((f) => existsSync(path.join(dir, f)));
  const sep = path.delimiter;
  const PATH = (process.env.PATH ?? "").split(sep).filter((p) => !p.includes(".cargo") && !rust(p)).join(sep);
  const env = { ...process.env, PATH };
  for (const key of Object.keys(env)) if (/^(CARGO|RUSTUP)/.test(key)) delete env[key];
  assert.ok(spawnSync("cargo", ["--version"], { env, stdio: "ignore" }).error, "cargo is still on PATH");
  for (const args of [["render", SEED, "--locale", "de"], ["validate", "no/such.json"], ["from-rss", FEED]]) {
    assert.deepEqual(runLauncher(args, { env }), runNative(args));
  }
});

test("Node's WASI warning is silenced, other warnings are not", { skip: skip() }, () => {
  const preload = path.join(temp, "warn.cjs");
  writeFileSync(preload, `process.once("beforeExit", () => process.emitWarning("still shown"));\n`);
  const r = runLauncher(["--version"], { nodeArgs: ["--require", preload] });
  assert.equal(r.status, 0);
  assert.equal(r.stdout, runNative(["--version"]).stdout);
  assert.doesNotMatch(r.stderr, /WASI|Experimental/);
  assert.match(r.stderr, /Warning: still shown/);
});

// Node 18 before 18.17 has node:wasi only with --experimental-wasi-unstable-preview1
// (later Nodes accept and ignore it). Simulated with a resolve hook that refuses
// node:wasi to a process started without the flag.
const canHook = Number(process.versions.node.split(".")[0]) >= 21 || /^20\.(?:[6-9]|\d\d)\./.test(process.versions.node);
test("without node:wasi, the launcher runs itself again with the flag", { skip: skip() || (!canHook && "needs module.register") }, () => {
  const log = path.join(temp, "refused.log");
  writeFileSync(path.join(temp, "no-wasi-hooks.mjs"), `
    import { appendFileSync } from "node:fs";
    let flagged = false;
    export function initialize(data) { flagged = data.flagged; }
    export async function resolve(specifier, context, next) {
      if (specifier === "node:wasi" && !flagged) {
        appendFileSync(${JSON.stringify(log)}, "refused\\n");
        throw Object.assign(new Error("No such built-in module: node:wasi"), { code: "ERR_UNKNOWN_BUILTIN_MODULE" });
      }
      return next(specifier, context);
    }
  `);
  const preload = path.join(temp, "no-wasi.mjs");
  writeFileSync(preload, `
    import { register } from "node:module";
    register("./no-wasi-hooks.mjs", import.meta.url,
      { data: { flagged: process.execArgv.includes("--experimental-wasi-unstable-preview1") } });
  `);
  for (const [args, input] of [[["render", SEED, "--locale", "he"], ""], [["validate", "-", "nope.json"], BAD_CARD]]) {
    rmSync(log, { force: true });
    assert.deepEqual(runLauncher(args, { input, nodeArgs: ["--import", preload] }), runNative(args, { input }));
    assert.equal(readFileSync(log, "utf8"), "refused\n", "node:wasi was refused once, then the flagged run had it");
  }
});

test("an old Node gets one line and exit 2", () => {
  const preload = path.join(temp, "old-node.cjs");
  writeFileSync(preload, `Object.defineProperty(process.versions, "node", { value: "16.20.2" });\n`);
  const r = runLauncher(["--version"], { nodeArgs: ["--require", preload] });
  assert.deepEqual(r, {
    status: 2,
    stdout: "",
    stderr: "summary-card: needs Node.js 18 or later (found 16.20.2); install a current Node.js from https://nodejs.org\n",
  });
});

test("a package without the .wasm says so in one line", () => {
  const dir = path.join(temp, "incomplete/cli");
  mkdirSync(dir, { recursive: true });
  for (const f of ["summary-card.mjs", "run.mjs"]) copyFileSync(path.join(root, "cli", f), path.join(dir, f));
  const r = result(spawnSync(process.execPath, [path.join(dir, "summary-card.mjs"), "--version"], { input: "" }));
  assert.equal(r.status, 2);
  assert.equal(r.stdout, "");
  assert.match(r.stderr, /^summary-card: this installation is incomplete: cli\/summary-card\.wasm cannot be read \(ENOENT\); reinstall the summary-card package\n$/);
});

test("a damaged .wasm, or one that traps (a panic), is one line too", () => {
  const dir = path.join(temp, "broken/cli");
  mkdirSync(dir, { recursive: true });
  for (const f of ["summary-card.mjs", "run.mjs"]) copyFileSync(path.join(root, "cli", f), path.join(dir, f));
  const run = () => result(spawnSync(process.execPath, [path.join(dir, "summary-card.mjs"), "--version"], { input: "" }));
  writeFileSync(path.join(dir, "summary-card.wasm"), "not wasm");
  let r = run();
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^summary-card: cli\/summary-card\.wasm is damaged \(.*\); reinstall the summary-card package\n$/);
  // (module (memory (export "memory") 1) (func (export "_start") unreachable))
  const trap = "0061736d01000000" + "010401600000" + "03020100" + "0503010001" +
    "0713" + "02" + "066d656d6f7279" + "0200" + "065f7374617274" + "0000" + "0a05010300000b";
  writeFileSync(path.join(dir, "summary-card.wasm"), Buffer.from(trap, "hex"));
  r = run();
  assert.deepEqual(r, { status: 134, stdout: "", stderr: "summary-card: internal error (unreachable); please report it\n" });
});

// Windows cannot be run here: the launcher's mapping is checked as a
// function, and the CLI's reading of Windows paths by giving the wasm the
// environment the launcher gives it on Windows.
test("Windows: the current drive is /, the working directory a path under it", () => {
  assert.deepEqual(hostFilesystem("win32", "C:\\Users\\me\\podcast"), {
    preopens: { "/": "C:\\" },
    env: { PWD: "/Users/me/podcast", SUMMARY_CARD_WINDOWS_DRIVE: "C:" },
  });
  assert.deepEqual(hostFilesystem("win32", "D:\\"), {
    preopens: { "/": "D:\\" },
    env: { PWD: "/", SUMMARY_CARD_WINDOWS_DRIVE: "D:" },
  });
  assert.deepEqual(hostFilesystem("linux", "/home/me"), { preopens: { "/": "/" }, env: { PWD: "/home/me" } });
});

test("Windows: the CLI reads a\\b and C:\\a\\b on the current drive, and names other drives", { skip: skip() }, () => {
  const script = `
    import { WASI } from "node:wasi";
    import { readFileSync } from "node:fs";
    const [wasmPath, env, ...args] = process.argv.slice(1);
    const wasi = new WASI({ version: "preview1", args: ["summary-card", ...args], env: JSON.parse(env),
      preopens: { "/": "/" }, returnOnExit: true });
    const instance = await WebAssembly.instantiate(await WebAssembly.compile(readFileSync(wasmPath)), wasi.getImportObject());
    process.exitCode = wasi.start(instance);
  `;
  const winAbsolute = `C:${path.join(root, SEED).replaceAll("/", "\\")}`;
  const args = ["validate", "www\\episodes\\ilya.json", winAbsolute, "c:www/episodes/season.json", "D:\\x.json", "\\\\server\\share\\x.json"];
  const env = JSON.stringify({ PWD: root, SUMMARY_CARD_WINDOWS_DRIVE: "C:" });
  const r = result(spawnSync(process.execPath, ["--no-warnings", "--input-type=module", "-e", script, wasm, env, ...args], { input: "" }));
  assert.deepEqual(r, {
    status: 1,
    stdout: "",
    stderr:
      "D:\\x.json: cannot read: on drive D:, and summary-card under Node reaches only the current drive, C: (change to D: first)\n" +
      "\\\\server\\share\\x.json: cannot read: a network (UNC) path, which summary-card under Node cannot reach\n",
  });
});

test("from-rss URLs: only the FEED, and only when the CLI would read it", () => {
  const u = "https://example.com/feed.xml";
  assert.equal(feedUrl(["from-rss", u]), u);
  assert.equal(feedUrl(["from-rss", "--guid", "https://example.com/ep/1", u]), u);
  assert.equal(feedUrl(["from-rss", `--guid=${u}`, u]), u);
  assert.equal(feedUrl(["from-rss", "--", u]), u);
  assert.equal(feedUrl(["from-rss", "HTTP://EXAMPLE.COM/F"]), "HTTP://EXAMPLE.COM/F");
  assert.equal(feedUrl(["from-rss", FEED, "--guid", u]), undefined);
  assert.equal(feedUrl(["from-rss", u, "--help"]), undefined);
  assert.equal(feedUrl(["from-rss", u, "--frob"]), undefined);
  assert.equal(feedUrl(["from-rss", u, u]), undefined);
  assert.equal(feedUrl(["from-rss", u, "--guid"]), undefined);
  assert.equal(feedUrl(["render", u]), undefined);
  assert.equal(feedUrl(["from-rss", "ftp://example.com/f"]), undefined);
  // --all and --limit N (issue 15).
  assert.equal(feedUrl(["from-rss", u, "--all", "--limit", "3"]), u);
  assert.equal(feedUrl(["from-rss", "--all", "--limit=3", u]), u);
  assert.equal(feedUrl(["from-rss", "--limit", u]), undefined);
});
