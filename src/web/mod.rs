//! The browser layer, built only for the browser's wasm (`cfg(browser)`):
//! the only code that touches the browser. It turns the core's view into
//! DOM nodes and wires the few behaviours a card has; everything it shows
//! was decided by the pure [`crate::core::view`]. It imports the core and
//! the browser crates, never the CLI.
//!
//! - [`entry`]: the wasm entry points the JS shim calls;
//! - [`share_entry`]: those of the share module, the second wasm the shim
//!   loads on a card's first share click (the `share-module` feature);
//! - [`mount`]: a card in the page, its hooks wired, removed on drop;
//! - [`build`]: the view's node tree as DOM nodes;
//! - [`listen`]: event listeners (gloo-events), owned and counted;
//! - [`share_menu`]: the share button's behaviours (share module only);
//! - [`quote_image`]: "Share as image", the quote card drawn on a canvas
//!   (share module only);
//! - [`reflect`]: browser calls through `Reflect` (share module only);
//! - [`panic`](mod@panic): the panic hook (and the test builds' panic).

pub mod build;
pub mod entry;
pub mod listen;
pub mod mount;
pub mod panic;
pub mod quote_image;
pub mod reflect;
pub mod share_entry;
pub mod share_menu;

/// The browser wasm build's allocator: talc, about 6 KB smaller than the
/// default dlmalloc and as fast (binned free lists, so a 1 MiB document of
/// 50,000 errors still validates in a fraction of a second). It reuses freed
/// memory, so a page that mounts and removes cards all day stays at one size
/// (`tests/e2e/leak.spec.mjs`). Its constructor is safe: no `unsafe` here.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
