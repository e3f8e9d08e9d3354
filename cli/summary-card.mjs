#!/usr/bin/env node
// `summary-card` for the npm package: the CLI (src/cli/) built for
// wasm32-wasip1 (cli/summary-card.wasm, scripts/build-cli.mjs) and run by
// Node's WASI, so it needs no Rust toolchain and no per-platform binary.
// See docs/cli-without-rust.md.
//
// This file only checks the Node version, so it is written in syntax that
// old Node versions parse (no import declarations, import.meta, ?., ?? or
// top-level await); cli/run.mjs does the work.

var found = process.versions.node;
if (!(Number(found.split(".")[0]) >= 18)) {
  process.stderr.write(
    "summary-card: needs Node.js 18 or later (found " + found + "); " +
      "install a current Node.js from https://nodejs.org\n",
  );
  process.exit(2);
}

import("./run.mjs")
  .then(function (run) {
    return run.main(process.argv.slice(2));
  })
  .then(
    function (code) {
      process.exitCode = code;
    },
    function (error) {
      // Expected failures are handled in run.mjs; this is a bug, but still
      // one line rather than a stack trace.
      process.stderr.write("summary-card: " + String((error && error.message) || error) + "\n");
      process.exitCode = 1;
    },
  );
