//! The pure core never imports browser crates: that keeps it natively
//! testable and the DOM layer thin.

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

const PURE: &[&str] = &[
    "core/json.rs",
    "core/model.rs",
    "core/validate.rs",
    "core/text.rs",
    "core/time.rs",
    "core/readtime.rs",
    "core/view.rs",
    "core/html.rs",
    "core/links.rs",
    "core/i18n.rs",
];
const BROWSER: &[&str] = &["web_sys", "js_sys", "wasm_bindgen", "gloo"];

#[test]
fn pure_modules_do_not_touch_the_browser() {
    for file in PURE {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/").to_string() + file;
        let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        for word in BROWSER {
            assert!(!src.contains(word), "{file} mentions {word}");
        }
    }
}

#[test]
fn no_html_sinks_or_forgotten_closures_in_the_dom_layer() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/web");
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}")) {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        for word in ["inner_html", "set_inner_html", "insert_adjacent_html", "outer_html", ".forget()"] {
            assert!(!src.contains(word), "{path:?} uses {word}");
        }
    }
}
