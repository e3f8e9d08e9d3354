//! The `summary-card` binary: the CLI (`cli.rs`), native or wasm32-wasip1
//! (run by `cli/summary-card.mjs`). The browser's wasm32-unknown-unknown
//! build (`cargo test --target wasm32-unknown-unknown` compiles every target)
//! gets an empty program, since the modules the CLI uses are not in it.

#[cfg(not(browser))]
mod cli;

#[cfg(not(browser))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(browser)]
fn main() {}
