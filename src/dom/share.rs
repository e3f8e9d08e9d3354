//! The share button: the Web Share API where the browser has it, else the
//! link copied with the Clipboard API, and the result said in a live region.
//!
//! Browser APIs are looked up and called through `Reflect`/`Function::call`,
//! which turn a missing API or a thrown exception into a value we handle, so
//! nothing can throw into the host page.

use super::listen::Listener;
use crate::model::Card;
use crate::share::{share_text, share_url};
use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// `obj[name]` if it is a function.
fn method(obj: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(obj, &JsValue::from_str(name)).ok()?.dyn_into::<Function>().ok()
}

/// Calls `obj[name](arg)` and returns the promise it gives, if any.
fn call(obj: &JsValue, name: &str, arg: &JsValue) -> Option<Promise> {
    method(obj, name)?.call1(obj, arg).ok()?.dyn_into::<Promise>().ok()
}

/// Wires a share button. `status` is the card's polite live region.
pub fn on_click(button: &web_sys::EventTarget, card: &Card, read_minutes: u64, status: web_sys::Element) -> Listener {
    let title = card.title.clone();
    let text = share_text(card, read_minutes);
    let card = card.clone();
    Listener::new(button, "click", move |_| {
        let Some(window) = web_sys::window() else { return };
        let page = window.location().href().unwrap_or_default();
        let url = share_url(&card, &page);
        let nav: JsValue = window.navigator().into();
        let data = Object::new();
        for (k, v) in [("title", &title), ("text", &text), ("url", &url)] {
            let _ = Reflect::set(&data, &JsValue::from_str(k), &JsValue::from_str(v));
        }
        let can_share = method(&nav, "canShare")
            .map(|f| f.call1(&nav, &data).map(|v| v.is_truthy()).unwrap_or(false))
            .unwrap_or(true);
        if can_share {
            if let Some(p) = call(&nav, "share", &data) {
                // A reader closing the share sheet rejects the promise: not an error.
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = JsFuture::from(p).await;
                });
                return;
            }
        }
        let clipboard = Reflect::get(&nav, &JsValue::from_str("clipboard")).unwrap_or(JsValue::UNDEFINED);
        let copy = call(&clipboard, "writeText", &JsValue::from_str(&url));
        let status = status.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let copied = match copy {
                Some(p) => JsFuture::from(p).await.is_ok(),
                None => false,
            };
            let message =
                if copied { String::from("Link copied") } else { crate::text::concat(&["Copy this link: ", &url]) };
            status.set_text_content(Some(&message));
        });
    })
}
