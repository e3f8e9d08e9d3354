//! The `summary-card` binary. The CLI (`cli.rs`) is native only; a wasm32
//! build (`cargo test --target wasm32-unknown-unknown` compiles every target)
//! gets an empty program, since the modules the CLI uses are native only.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
