//! summary-card: JSON in, a finished, shareable summary card out.
//!
//! The crate is a pure core (parse, validate, read time, durations, share
//! links, and a renderer-neutral view of the card: [`core`]) with two thin
//! renderers: [`core::html`] for the CLI and static fallbacks, and `web`
//! (browser wasm only) for the widget in the browser. Pure modules never touch browser crates, so most
//! tests run natively with `cargo test`.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic))]

pub mod core;
// `browser` (set by build.rs) is the browser's wasm, wasm32-unknown-unknown;
// everything else (native, and the CLI's wasm32-wasip1 build) is the CLI's.
#[cfg(not(browser))]
pub mod cli;

#[cfg(browser)]
pub mod web;
