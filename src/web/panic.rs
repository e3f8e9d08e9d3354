//! Panic recovery, the wasm's side: a hook that logs a panic before the
//! instance traps (`start`), and, in test builds, a panic on purpose
//! (`test_panic`). Its own module, so the modules that may panic on purpose
//! (`entry`, `share_menu`) need not import each other.

use crate::core::text::{concat, uint};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

/// Runs once when the instance starts. No input can reach a panic (clippy
/// denies `unwrap`, `expect`, `panic` and indexing; the core is fuzzed), but
/// if a bug does, this logs it; then `panic = "abort"` traps, and the JS shim
/// replaces the trapped instance with a fresh one (see `js/summary-card.js`).
#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("panic");
        let at = info.location().map(|l| concat(&[" at ", l.file(), ":", &uint(u64::from(l.line()))]));
        console_error(&concat(&["summary-card: internal error: ", message, &at.unwrap_or_default()]));
    }));
}

/// Test builds only (`--features test-panic`): panics when `text` is
/// `marker`, so the end-to-end tests can check recovery from a panic.
#[cfg(feature = "test-panic")]
#[allow(clippy::panic)]
pub(crate) fn test_panic(text: &str, marker: &str) {
    if text == marker {
        panic!("test panic");
    }
}
