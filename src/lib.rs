//! summary-card: JSON in, a finished, shareable summary card out.
//!
//! The crate is a pure core (parse, validate, read time, durations, share
//! links, and a renderer-neutral view of the card: [`core`]) with two thin
//! renderers: [`core::html`] for the CLI and static fallbacks, and `dom` (browser wasm only) for
//! the widget in the browser. Pure modules never touch browser crates, so most
//! tests run natively with `cargo test`.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic))]

pub mod core;
pub mod page;
// `browser` (set by build.rs) is the browser's wasm, wasm32-unknown-unknown;
// everything else (native, and the CLI's wasm32-wasip1 build) is the CLI's.
#[cfg(not(browser))]
pub mod rss;
#[cfg(not(browser))]
pub mod schema;

/// The browser wasm build's allocator: talc, about 6 KB smaller than the
/// default dlmalloc and as fast (binned free lists, so a 1 MiB document of
/// 50,000 errors still validates in a fraction of a second). It reuses freed
/// memory, so a page that mounts and removes cards all day stays at one size
/// (`tests/e2e/leak.spec.mjs`). Its constructor is safe: no `unsafe` here.
#[cfg(browser)]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(browser)]
pub mod dom;
#[cfg(browser)]
pub mod embed;
