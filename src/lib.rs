//! summary-card: JSON in, a finished, shareable summary card out.
//!
//! Three folders, one gate. `browser` (set by `build.rs`) is the browser's
//! wasm, wasm32-unknown-unknown; everything else, native and the CLI's
//! wasm32-wasip1 build, is `not(browser)`.
//!
//! | folder | built for | what it is |
//! |---|---|---|
//! | [`core`] | every target | the pure core: parse, validate, read time, durations, languages, share links, and the card as a renderer-neutral node tree with its HTML renderer |
//! | `web` | `browser` only | the widget: the wasm entry points, the tree as DOM nodes, listeners, the share menu, panic recovery |
//! | `cli` | `not(browser)` only | the `summary-card` command (`src/main.rs` hands off to it): arguments, the static page, RSS, the JSON Schema |
//!
//! Who imports whom: `core` imports only `core` (and std; natively, schemars
//! for the schema and serde's derive for what the CLI writes); `web` and
//! `cli` import `core` and never each other; nothing imports `web` or `cli`
//! but this file and `src/main.rs`. No module cycles. `tests/boundary.rs`
//! checks all of it. So the core never touches a browser crate, and most
//! tests run natively with `cargo test`.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic))]

pub mod core;

#[cfg(browser)]
pub mod web;

#[cfg(not(browser))]
pub mod cli;
