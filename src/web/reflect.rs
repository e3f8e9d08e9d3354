//! Browser calls through `Reflect`, shared by the share menu and "Share as
//! image": a missing API or a thrown exception becomes a value we handle,
//! never an exception in the page, and no typed binding (a piece of JS glue
//! and of wasm each) is imported per browser method.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// `obj[name]`, or `undefined`.
pub fn get(obj: &JsValue, name: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// `obj[name] = value`.
pub fn set(obj: &JsValue, name: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(name), value);
}

/// `obj[name]` if it is a function.
pub fn method(obj: &JsValue, name: &str) -> Option<Function> {
    get(obj, name).dyn_into::<Function>().ok()
}

/// Calls `obj[name](arg)` and returns what it gives, if it is a function
/// and does not throw.
pub fn invoke(obj: &JsValue, name: &str, arg: &JsValue) -> Option<JsValue> {
    method(obj, name)?.call1(obj, arg).ok()
}

/// Calls `obj[name](...args)`, as [`invoke`] does.
pub fn apply(obj: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
    method(obj, name)?.apply(obj, &list(args)).ok()
}

/// A JS array of `items`. (Built by pushing: `Array.of` would be one more
/// import for each count.)
pub fn list(items: &[JsValue]) -> Array {
    items.iter().collect()
}
