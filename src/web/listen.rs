//! Event listeners: each a gloo-events [`EventListener`] (which owns its
//! closure and unregisters itself when dropped), owned by its card and
//! counted while it lives, so that tests and the benchmark can check that a
//! destroyed card leaves none behind (`live_listeners()`: `tests/web.rs`,
//! `tests/e2e/leak.spec.mjs`).
//!
//! Like gloo, a listener is passive unless made with
//! [`EventListenerOptions::enable_prevent_default`]: a passive listener's
//! `preventDefault()` does nothing.

use core::sync::atomic::{AtomicUsize, Ordering};
pub use gloo_events::{EventListener, EventListenerOptions};
use web_sys::{Event, EventTarget};

static LIVE: AtomicUsize = AtomicUsize::new(0);

/// A card's [`EventListener`], counted until it is dropped (which drops the
/// listener, which unregisters it).
#[must_use = "the listener is removed as soon as this value is dropped"]
pub struct Listener {
    _listener: EventListener,
}

impl Listener {
    /// `EventListener::new`: a passive listener for `event` on `target`.
    #[inline]
    pub fn new<F: FnMut(&Event) + 'static>(target: &EventTarget, event: &'static str, f: F) -> Listener {
        Listener::boxed(target, event, EventListenerOptions::default(), Box::new(f))
    }

    /// `EventListener::new_with_options`: with `options`, such as
    /// [`EventListenerOptions::enable_prevent_default`].
    #[inline]
    pub fn new_with_options<F: FnMut(&Event) + 'static>(
        target: &EventTarget,
        event: &'static str,
        options: EventListenerOptions,
        f: F,
    ) -> Listener {
        Listener::boxed(target, event, options, Box::new(f))
    }

    /// The one copy of the registration code, whatever the callback's type:
    /// gloo's constructors are generic and inlined, and one copy per call
    /// site measured +0.39 KB gzip of wasm (bench/SIZE.md, issue 14).
    #[inline(never)]
    fn boxed(
        target: &EventTarget,
        event: &'static str,
        options: EventListenerOptions,
        f: Box<dyn FnMut(&Event)>,
    ) -> Listener {
        LIVE.fetch_add(1, Ordering::Relaxed);
        Listener { _listener: EventListener::new_with_options(target, event, options, f) }
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
