// Runs cli/summary-card.wasm, the CLI built for wasm32-wasip1, under Node's
// WASI with the same arguments, standard input, output, error and exit code
// as the native `summary-card`. cli/summary-card.mjs checks the Node version
// and calls main(). See docs/cli-without-rust.md.

import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const WASI_FLAG = "--experimental-wasi-unstable-preview1";
const FETCH_TIMEOUT_MS = 30_000;
/** As the native CLI: rss::MAX_BYTES and fetch::MAX_REDIRECTS. */
const MAX_BYTES = 64 * 1024 * 1024;
const MAX_REDIRECTS = 5;

/** One line on standard error (written directly to fd 2: the process.stderr
 *  stream is never set up, so fds 0, 1 and 2 stay as the WASI module gets them). */
function say(line) {
  writeSync(2, `summary-card: ${line}\n`);
}

/** The exit code of `summary-card ...args`. */
export async function main(args) {
  const WASI = await loadWasi(args);
  if (typeof WASI === "number") return WASI;

  let bytes;
  try {
    bytes = readFileSync(new URL("summary-card.wasm", import.meta.url));
  } catch (e) {
    say(`this installation is incomplete: cli/summary-card.wasm cannot be read (${e.code ?? e.message}); reinstall the summary-card package`);
    return 2;
  }
  let module;
  try {
    module = await WebAssembly.compile(bytes);
  } catch (e) {
    say(`cli/summary-card.wasm is damaged (${e.message}); reinstall the summary-card package`);
    return 2;
  }

  let host;
  try {
    host = hostFilesystem(process.platform, process.cwd());
  } catch (e) {
    say(`cannot use the current directory: ${e.message}`);
    return 1;
  }
  const env = { ...host.env };

  // A feed given as a URL: the sandbox has no network, so it is fetched here
  // and given as standard input; the CLI still names it as typed.
  let stdin = 0;
  let temp;
  const url = feedUrl(args);
  try {
    if (url) {
      const body = await fetchBody(url);
      if (typeof body === "string") {
        // As the CLI words an unreadable file.
        // As the native CLI words a failed fetch.
        writeSync(2, `${url}: cannot fetch: ${body}\n`);
        return 1;
      }
      temp = mkdtempSync(path.join(tmpdir(), "summary-card-"));
      const file = path.join(temp, "feed.xml");
      writeFileSync(file, body);
      stdin = openSync(file, "r");
      env.SUMMARY_CARD_STDIN_URL = url;
    }

    const wasi = new WASI({
      version: "preview1",
      args: ["summary-card", ...args],
      env,
      preopens: host.preopens,
      stdin,
      returnOnExit: true,
    });
    const imports = typeof wasi.getImportObject === "function"
      ? wasi.getImportObject()
      : { wasi_snapshot_preview1: wasi.wasiImport };
    const instance = await WebAssembly.instantiate(module, imports);
    try {
      return wasi.start(instance);
    } catch (e) {
      // A trap: the CLI panicked (its message is already on standard error)
      // and aborted. 134 is what a shell reports for the native abort.
      say(`internal error (${e.message}); please report it`);
      return 134;
    }
  } finally {
    if (stdin !== 0) closeSync(stdin);
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

/** node:wasi's WASI class, or the exit code when it cannot be had. Node's
 *  "WASI is an experimental feature" warning is silenced (it is ours, not the
 *  user's), and so, on Node 18, is the Fetch API's; other warnings print. */
async function loadWasi(args) {
  const emitWarning = process.emitWarning;
  process.emitWarning = function (warning, ...rest) {
    const text = typeof warning === "string" ? warning : warning?.message;
    if (/^(WASI|The Fetch API) is an experimental feature/.test(text ?? "")) return;
    return emitWarning.call(this, warning, ...rest);
  };
  try {
    return (await import("node:wasi")).WASI;
  } catch (e) {
    // Node 18 before 18.17 has node:wasi only with a flag: run again with it.
    if (!process.execArgv.includes(WASI_FLAG)) {
      const entry = fileURLToPath(new URL("summary-card.mjs", import.meta.url));
      const child = spawnSync(process.execPath, [...process.execArgv, WASI_FLAG, entry, ...args], {
        stdio: "inherit",
      });
      if (child.error) {
        say(`cannot start Node.js again with ${WASI_FLAG}: ${child.error.message}`);
        return 2;
      }
      return child.status ?? 128 + 6;
    }
    say(`this Node.js (${process.versions.node}) cannot run WebAssembly with WASI (${e.message}); use Node.js 18.17 or later`);
    return 2;
  }
}

/**
 * What the WASI module sees of the host's files: the root as "/", and the
 * working directory under it (passed as PWD; wasi-libc starts in "/" and the
 * CLI enters PWD). On Windows the root is the current drive's (C:\ as "/",
 * C:\Users\me as /Users/me): paths on other drives cannot be reached, and the
 * CLI says so (SUMMARY_CARD_WINDOWS_DRIVE tells it how to read C:\x and a\b).
 */
export function hostFilesystem(platform, cwd) {
  if (platform !== "win32") return { preopens: { "/": "/" }, env: { PWD: cwd } };
  const { root } = path.win32.parse(cwd); // "C:\" or "\\server\share\"
  const rest = path.win32.relative(root, cwd).split("\\").filter(Boolean);
  return {
    preopens: { "/": root },
    env: { PWD: `/${rest.join("/")}`, SUMMARY_CARD_WINDOWS_DRIVE: root.replace(/[\\/]+$/, "") },
  };
}

/**
 * The FEED of `from-rss FEED` when it is an http(s) URL (the native CLI
 * reads files only), else undefined. Only when the CLI would go on to read
 * it: with a usage error or --help it says so itself, without a fetch.
 */
export function feedUrl(args) {
  if (args[0] !== "from-rss") return undefined;
  const files = [];
  for (let i = 1; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      files.push(...args.slice(i + 1));
      break;
    }
    if (arg === "--guid" || arg === "--limit") {
      if (i + 1 === args.length) return undefined;
      i++;
    } else if (arg === "--all") {
      // A flag: no value.
    } else if (arg.startsWith("-") && arg !== "-" && !arg.startsWith("--guid=") && !arg.startsWith("--limit=")) {
      return undefined; // --help, or an unknown option
    } else if (!arg.startsWith("--guid=") && !arg.startsWith("--limit=")) {
      files.push(arg);
    }
  }
  return files.length === 1 && /^https?:\/\//i.test(files[0]) ? files[0] : undefined;
}

/**
 * The body of `url` as bytes, or why there is none (a string), with the
 * native CLI's limits (src/cli/fetch.rs): one timeout for the whole fetch,
 * at most 5 redirects, at most 64 MiB, and its words.
 */
async function fetchBody(url) {
  try {
    const signal = AbortSignal.timeout(FETCH_TIMEOUT_MS);
    let response;
    for (let hops = 0; ; hops++) {
      response = await fetch(url, { signal, redirect: "manual" });
      const location = response.headers.get("location");
      if (![301, 302, 303, 307, 308].includes(response.status) || !location) break;
      if (hops === MAX_REDIRECTS) return `more than ${MAX_REDIRECTS} redirects`;
      url = new URL(location, url).href;
    }
    if (!response.ok) return `HTTP ${response.status} ${response.statusText}`.trim();
    const tooBig = `the feed is over the limit of 64 MiB (${MAX_BYTES} bytes)`;
    if (Number(response.headers.get("content-length")) > MAX_BYTES) return tooBig;
    const chunks = [];
    let size = 0;
    for await (const chunk of response.body ?? []) {
      size += chunk.length;
      if (size > MAX_BYTES) return tooBig;
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  } catch (e) {
    if (e?.name === "TimeoutError") return `no answer in ${FETCH_TIMEOUT_MS / 1000} seconds`;
    return e?.cause?.message ?? e?.message ?? String(e);
  }
}
