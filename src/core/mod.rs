//! The pure core: the data format, parsing and validation, read time,
//! durations and dates, the UI languages, share links, and the card as a
//! renderer-neutral node tree ([`view`]) with its HTML renderer ([`html`]).
//!
//! Built for every target, the browser's wasm included, and imports nothing
//! but the core and the standard library (natively, also `schemars` for the
//! schema and serde's `Serialize` derive for what the CLI writes): no browser
//! crate, and neither the browser layer nor the CLI (`tests/boundary.rs`
//! checks). So nearly every test of it runs natively.

pub mod host;
pub mod html;
pub mod i18n;
pub mod json;
pub mod limits;
pub mod links;
pub mod model;
// The quote card's picture: drawn by the CLI (src/cli/image.rs) and by the
// widget's "Share as image" (src/web/quote_image.rs).
pub mod quote;
pub mod readtime;
// The schema's value types need schemars, which only the CLI builds have.
#[cfg(not(browser))]
pub mod schema_types;
pub mod text;
pub mod time;
pub mod validate;
pub mod view;

/// The card's stylesheet. The JS entry bundles the same file and adopts it
/// into every shadow root (one shared `CSSStyleSheet` per page); the CLI's
/// static output inlines it. Not referenced by the wasm build, so it costs
/// the wasm file nothing.
pub const CSS: &str = include_str!("../card.css");
