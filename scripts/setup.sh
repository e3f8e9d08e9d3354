#!/bin/sh
# Idempotent set-up shared by `npm start` and `npm test`: installs only what
# is missing. `--browsers` also installs Debian's Chromium and ChromeDriver,
# Debian's Firefox ESR, geckodriver from crates.io, and Debian's WebKitGTK
# WebDriver (Safari's engine) with Xvfb for it to draw on (never a test
# tool's own browser download).
set -eu
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf 'setup: %s\n' "$*"; }

# The wasm32 targets: the widget (unknown) and the npm package's CLI (wasip1).
for target in wasm32-unknown-unknown wasm32-wasip1; do
  if ! rustup target list --installed | grep -qx "$target"; then
    say "adding the $target target"
    rustup target add "$target"
  fi
done

# wasm-bindgen-cli, exactly the version of the wasm-bindgen crate.
want=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
have=$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2 || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (found '${have:-none}'; takes a few minutes)"
  cargo install wasm-bindgen-cli --version "$want" --locked --force ||
    cargo install wasm-bindgen-cli --version "$want" --force
fi

# npm packages (esbuild, binaryen's wasm-opt, Playwright's runner without browsers).
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--browsers" ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Debian's chromium and chromium-driver"
    $sudo apt-get update
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
  fi
  # Fonts for the locales' scripts (Japanese and Chinese, Devanagari), so
  # the browser tests and reference screenshots never show tofu boxes.
  fonts=""
  for pkg in fonts-wqy-microhei fonts-lohit-deva; do
    dpkg -s "$pkg" >/dev/null 2>&1 || fonts="$fonts $pkg"
  done
  if [ -n "$fonts" ]; then
    say "installing fonts:$fonts"
    $sudo apt-get update
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $fonts
  fi
  # webdriver.json names /usr/bin/firefox-esr (the package also ships /usr/bin/firefox).
  if [ ! -x /usr/bin/firefox-esr ]; then
    say "installing Debian's firefox-esr"
    $sudo apt-get update
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends firefox-esr
  fi
  # geckodriver from crates.io (a source build; takes a few minutes).
  if ! command -v geckodriver >/dev/null 2>&1; then
    say "installing geckodriver from crates.io (takes a few minutes)"
    cargo install geckodriver --locked || cargo install geckodriver
  fi
  # WebKitGTK (Safari's engine) for the cross-browser suite (tests/xbrowser/):
  # Debian's WebKitWebDriver, which drives WebKitGTK's MiniBrowser (from
  # libwebkit2gtk-4.1-0), and Xvfb for it to draw on: WebKitGTK has no
  # headless mode of its own.
  if [ ! -x /usr/bin/WebKitWebDriver ] || ! command -v xvfb-run >/dev/null 2>&1; then
    say "installing Debian's webkit2gtk-driver and xvfb"
    $sudo apt-get update
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends webkit2gtk-driver xvfb xauth
  fi
fi
