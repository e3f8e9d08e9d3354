//! The wasm entry points the JS shim calls. Each takes text and attribute
//! values as the page wrote them, so all checking happens in Rust. Exported
//! by the card's wasm; the share module (built with the `share-module`
//! feature) exports [`super::share_entry`]'s instead.

use super::mount::{mount as mount_view, Mounted};
use crate::core::validate::{parse_document, Error};
use crate::core::view::{document_view, error_view, errors_view, Options};
use std::rc::Rc;
#[cfg(not(feature = "share-module"))]
use wasm_bindgen::prelude::*;

/// A mounted card. `free()` (the JS API's `destroy`) removes its nodes and
/// every listener it added.
#[cfg_attr(not(feature = "share-module"), wasm_bindgen)]
pub struct Handle {
    _mounted: Mounted,
    errors: Vec<Error>,
}

/// Paths and messages, flattened: `[path0, message0, path1, message1, ...]`.
fn flatten(errors: &[Error]) -> Vec<String> {
    errors.iter().flat_map(|e| [e.path.clone(), e.message.clone()]).collect()
}

#[cfg_attr(not(feature = "share-module"), wasm_bindgen)]
impl Handle {
    /// The validation errors, flattened as `[path, message, ...]`; empty
    /// when the card rendered.
    #[cfg_attr(not(feature = "share-module"), wasm_bindgen(getter))]
    pub fn errors(&self) -> Vec<String> {
        flatten(&self.errors)
    }
}

/// Parses, validates and shows `json` in `parent` (a shadow root): the card,
/// or the alert listing what is wrong.
// One string per attribute, as the page wrote it: cheaper across the
// boundary than an options object.
#[allow(clippy::too_many_arguments)]
#[cfg_attr(not(feature = "share-module"), wasm_bindgen)]
pub fn mount(
    parent: &web_sys::Node,
    json: &str,
    theme: &str,
    layout: &str,
    wpm: &str,
    // The share targets: read by the share module (super::share_entry),
    // which the shim hands the same value.
    _share: &str,
    heading_level: &str,
    locale: &str,
) -> Handle {
    let opts =
        Options::from_attributes(theme, layout, wpm).with_heading_level(heading_level).with_locale(shown(locale));
    #[cfg(feature = "test-panic")]
    super::panic::test_panic(json.trim(), "\"__test_panic__\"");
    match parse_document(json) {
        Ok(doc) => {
            let view = document_view(&doc, &opts);
            Handle { _mounted: mount_view(parent, &view, Some(Rc::new(doc)), &opts), errors: Vec::new() }
        }
        Err(errors) => {
            let view = errors_view(&errors, &opts);
            Handle { _mounted: mount_view(parent, &view, None, &opts), errors }
        }
    }
}

/// The tag of the locale a card in `locale` is shown in: English until the
/// locale's table is loaded (see [`load_locale`]).
fn shown(locale: &str) -> &'static str {
    crate::core::i18n::Locale::shown(locale).tag()
}

/// Shows an alert with `message` (a failed request, say) in `parent`.
#[cfg_attr(not(feature = "share-module"), wasm_bindgen)]
pub fn mount_message(parent: &web_sys::Node, message: &str, theme: &str, locale: &str) -> Handle {
    let opts = Options::from_attributes(theme, "", "").with_locale(shown(locale));
    let view = error_view(message, 0, &opts);
    Handle { _mounted: mount_view(parent, &view, None, &opts), errors: Vec::new() }
}

/// The words of the shim's own controls in `locale`: `[retry, loading]`.
#[cfg_attr(not(feature = "share-module"), wasm_bindgen)]
pub fn shim_words(locale: &str) -> Vec<String> {
    let m = crate::core::i18n::Locale::shown(locale).messages();
    vec![m.retry.into(), m.loading.into()]
}

/// The file name (no `.json`) of the message table a card in `locale` needs
/// (`"de"` for `"de-AT"`, `"he"` for `"iw"`), or `""` for English, which is
/// built in. The shim fetches `locales/<name>.json` once per page.
#[cfg_attr(not(feature = "share-module"), wasm_bindgen)]
pub fn locale_file(locale: &str) -> String {
    crate::core::i18n::table_file(locale).into()
}

/// Takes `json`, the fetched `locales/<name>.json`, as the messages of the
/// locale of `tag`; cards mounted from now on speak it. Returns `false` (and
/// the locale stays English) when it is not a valid table.
#[cfg_attr(not(feature = "share-module"), wasm_bindgen)]
pub fn load_locale(tag: &str, json: &str) -> bool {
    crate::core::i18n::load(tag, json)
}

/// Every problem in `json`, flattened as `[path, message, ...]`.
#[cfg_attr(not(feature = "share-module"), wasm_bindgen)]
pub fn validate(json: &str) -> Vec<String> {
    flatten(&crate::core::validate::validate(json))
}

/// Listeners registered by all cards on the page (for tests and benchmarks).
#[cfg_attr(not(feature = "share-module"), wasm_bindgen)]
pub fn live_listeners() -> usize {
    crate::web::listen::live()
}
