//! One name for the one gate in the crate: `browser`, set when building for
//! wasm32-unknown-unknown (the widget's wasm). Everything else, the native
//! build and the CLI's wasm32-wasip1 build, is `not(browser)`. Cargo.toml's
//! target tables cannot name a custom cfg, so they spell the same test out.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rustc-check-cfg=cfg(browser)");
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if arch == "wasm32" && os == "unknown" {
        println!("cargo:rustc-cfg=browser");
    }
}
