//! Owned event listeners, counted, so tests and the benchmark can check that
//! a destroyed card leaves none behind.

use core::sync::atomic::{AtomicUsize, Ordering};
use gloo_events::EventListener;
use web_sys::EventTarget;

static LIVE: AtomicUsize = AtomicUsize::new(0);

/// A listener that unregisters itself when dropped.
#[must_use = "the listener is removed as soon as this value is dropped"]
pub struct Listener {
    _inner: EventListener,
}

impl Listener {
    pub fn new<F: FnMut(&web_sys::Event) + 'static>(target: &EventTarget, event: &'static str, f: F) -> Listener {
        LIVE.fetch_add(1, Ordering::Relaxed);
        Listener { _inner: EventListener::new(target, event, f) }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        LIVE.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Listeners currently registered by all cards on the page.
pub fn live() -> usize {
    LIVE.load(Ordering::Relaxed)
}
