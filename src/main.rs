//! The `summary-card` binary: the CLI (`cli.rs`), native or wasm32-wasip1
//! (run by `cli/summary-card.mjs`). The browser's wasm32-unknown-unknown
//! build (`cargo test --target wasm32-unknown-unknown` compiles every target)
//! gets an empty program, since the modules the CLI uses are not in it.

#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
mod cli;

#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
fn main() {}
