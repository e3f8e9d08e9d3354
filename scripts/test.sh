#!/bin/sh
# Every test: the package as `npm pack` makes it (its prepack builds dist/
# and the CLI's wasm), the size budget of the built dist/, formatting and lints,
# native cargo tests, wasm-bindgen-test in
# headless Chromium and headless Firefox, a cross-browser smoke suite of the
# built dist/ in Firefox ESR and WebKitGTK (Safari's engine), and end-to-end
# tests of the built dist/ in real pages (Chromium).
set -eu
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
step() { printf '\n== %s\n' "$*"; }

step "npm pack (prepack: build dist/ and cli/, check the package is complete)"
rm -rf build/pack && mkdir -p build/pack
npm pack --silent --pack-destination build/pack
step "size budget (bench/budget.json, gzip -9 of dist/)"
node scripts/check-size.mjs
step "cargo fmt --check"
cargo fmt --check
step "cargo clippy (native and wasm32)"
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown -- -D warnings
# The share module's build (scripts/build.mjs builds the crate twice).
cargo clippy --quiet --lib --target wasm32-unknown-unknown --features share-module -- -D warnings
step "cargo publish --dry-run (the crate packs and builds from what it ships)"
out=$(cargo publish --dry-run --allow-dirty 2>&1) || { echo "$out"; exit 1; }
echo "$out" | grep -E 'Packaged|aborting upload'
step "cargo test (native)"
cargo test --quiet
# wasm-bindgen-test-runner takes the first driver it finds: *_REMOTE env vars,
# then GECKODRIVER, SAFARIDRIVER, CHROMEDRIVER, MSEDGEDRIVER, then PATH (where
# ~/.cargo/bin/geckodriver lives). So each run unsets every other driver's
# variable; both read their capabilities from webdriver.json.
wasm_test() {
  (
    unset GECKODRIVER GECKODRIVER_REMOTE SAFARIDRIVER SAFARIDRIVER_REMOTE \
      CHROMEDRIVER CHROMEDRIVER_REMOTE MSEDGEDRIVER MSEDGEDRIVER_REMOTE
    export "$1"
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    WASM_BINDGEN_TEST_TIMEOUT=60 \
      cargo test --target wasm32-unknown-unknown --test web
  )
}
step "wasm-bindgen-test in headless Chromium"
wasm_test CHROMEDRIVER=/usr/bin/chromedriver
step "wasm-bindgen-test in headless Firefox"
gecko=$(command -v geckodriver) || {
  echo "geckodriver not found: run scripts/setup.sh --browsers" >&2
  exit 1
}
wasm_test GECKODRIVER="$gecko"
step "Node tests of dist/ artefacts (schema with ajv, types with tsc, npm package)"
node --test tests/node/
step "cross-browser smoke tests of dist/ (WebDriver: Firefox ESR, and WebKitGTK under Xvfb)"
node --test tests/xbrowser/
step "end-to-end tests of dist/ (Playwright, Debian's Chromium)"
npx playwright test
