//! Owned event listeners, counted, so tests and the benchmark can check that
//! a destroyed card leaves none behind.

use core::sync::atomic::{AtomicUsize, Ordering};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget};

static LIVE: AtomicUsize = AtomicUsize::new(0);

/// A listener that unregisters itself when dropped. (Written here rather
/// than taken from `gloo-events`, whose options object and per-callback
/// generics cost about 1 KB of wasm.)
#[must_use = "the listener is removed as soon as this value is dropped"]
pub struct Listener {
    target: EventTarget,
    event: &'static str,
    callback: Closure<dyn FnMut(&Event)>,
}

impl Listener {
    pub fn new<F: FnMut(&Event) + 'static>(target: &EventTarget, event: &'static str, f: F) -> Listener {
        Listener::boxed(target, event, Box::new(f))
    }

    /// The one copy of the registration code, whatever the callback's type.
    #[inline(never)]
    fn boxed(target: &EventTarget, event: &'static str, f: Box<dyn FnMut(&Event)>) -> Listener {
        let callback = Closure::wrap(f);
        let _ = target.add_event_listener_with_callback(event, callback.as_ref().unchecked_ref());
        LIVE.fetch_add(1, Ordering::Relaxed);
        Listener { target: target.clone(), event, callback }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(self.event, self.callback.as_ref().unchecked_ref());
        LIVE.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Listeners currently registered by all cards on the page.
pub fn live() -> usize {
    LIVE.load(Ordering::Relaxed)
}
