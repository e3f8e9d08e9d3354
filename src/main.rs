//! The `summary-card` binary: hands off to the CLI, `summary_card::cli`
//! (native, or wasm32-wasip1 run by `cli/summary-card.mjs`). The browser's
//! wasm32-unknown-unknown build (`cargo test --target wasm32-unknown-unknown`
//! compiles every target) has no CLI, so it gets an empty program.

#[cfg(not(browser))]
fn main() -> std::process::ExitCode {
    summary_card::cli::main()
}

#[cfg(browser)]
fn main() {}
