//! The entry points of the share module: a second, small wasm built from
//! this crate with the `share-module` feature (`dist/summary-card-share.wasm`),
//! which the shim loads on a card's first share click. The card's own wasm
//! ([`super::entry`]) only marks the share buttons; this one shares.
//!
//! The shim hands a [`Session`] the card's JSON text and attributes (as it
//! handed them to `mount`); the session parses them again, so everything
//! it shares comes from the pure core as before. It owns the card's open
//! menu and its listeners, all dropped with it (`free()`, which the shim
//! calls when the card is destroyed or rendered again). More share targets
//! (an image, say) belong here too: they add to this module, not to the
//! card's.
//!
//! Built without the feature (the card's wasm, native tests, clippy) these
//! are plain Rust functions, exported by neither module, so both sets are
//! always compiled and checked; `tests/web.rs` calls both.

use super::share_menu::Share;
use crate::core::i18n::Locale;
use crate::core::links::parse_targets;
use crate::core::model::Document;
use crate::core::readtime::card_minutes;
use crate::core::text::{concat, parse_uint, uint};
use crate::core::validate::parse_document;
use crate::core::view::{cards, Options};
use std::cell::RefCell;
use std::rc::Rc;
#[cfg(feature = "share-module")]
use wasm_bindgen::prelude::*;
use web_sys::{DocumentFragment, HtmlElement};

/// The attribute by which the card's wasm marks card `n`'s share button
/// (`"n"`) and its takeaway `i`'s (`"n.i"`).
pub const SHARE_ATTR: &str = "data-share";
/// The attribute by which the card's wasm marks card `n`'s status line.
pub const STATUS_ATTR: &str = "data-share-status";

/// One mounted card's share controls, made on its first share click.
#[cfg_attr(feature = "share-module", wasm_bindgen)]
pub struct Session {
    root: DocumentFragment,
    window: web_sys::Window,
    doc: Rc<Document>,
    wpm: u32,
    locale: Locale,
    targets: Vec<crate::core::links::Target>,
    /// Each card's controls (a collection has several), made when first used.
    shares: RefCell<Vec<Option<Share>>>,
}

/// The share controls of the card whose shadow root is `root`, from the
/// same text and attribute values its `mount` had; `None` when the text is
/// not a valid document (such a card has no share button).
#[cfg_attr(feature = "share-module", wasm_bindgen)]
pub fn session(root: &DocumentFragment, json: &str, wpm: &str, share: &str, locale: &str) -> Option<Session> {
    let doc = parse_document(json).ok()?;
    let window = root.owner_document()?.default_view()?;
    let shares = RefCell::new(Vec::new());
    let wpm = Options::from_attributes("", "", wpm).wpm;
    let locale = Locale::shown(locale);
    Some(Session { root: root.clone(), window, doc: Rc::new(doc), wpm, locale, targets: parse_targets(share), shares })
}

/// Which card and takeaway a share button's `data-share` names.
fn parse_opener(value: &str) -> Option<(usize, Option<usize>)> {
    let number = |s: &str| parse_uint(s).and_then(|n| usize::try_from(n).ok());
    Some(match value.split_once('.') {
        Some((n, i)) => (number(n)?, Some(number(i)?)),
        None => (number(value)?, None),
    })
}

#[cfg_attr(feature = "share-module", wasm_bindgen)]
impl Session {
    /// A click on `opener`, one of the card's share buttons: shares
    /// natively, or opens (or closes) its menu.
    pub fn open(&self, opener: &HtmlElement) {
        let Some((n, which)) = opener.get_attribute(SHARE_ATTR).as_deref().and_then(parse_opener) else { return };
        // Only a card and a takeaway that are there (the marks are the
        // card's wasm's, but the page could change an attribute).
        let Some(card) = cards(&self.doc).get(n) else { return };
        if which.is_some_and(|i| i >= card.takeaways.len()) {
            return;
        }
        let Ok(mut shares) = self.shares.try_borrow_mut() else { return };
        if shares.len() <= n {
            shares.resize_with(n + 1, || None);
        }
        let Some(slot) = shares.get_mut(n) else { return };
        if slot.is_none() {
            let query = concat(&["[", STATUS_ATTR, "=\"", &uint(n as u64), "\"]"]);
            let Some(status) = self.root.query_selector(&query).ok().flatten() else { return };
            let minutes = card_minutes(card, self.wpm);
            *slot = Some(Share::new(&self.window, &self.doc, n, minutes, self.locale, &self.targets, status));
        }
        // A handle of its own: the click may run page code (focus events)
        // before it returns, and the list stays free meanwhile.
        let share = slot.clone();
        drop(shares);
        if let Some(share) = share {
            share.open(opener, which);
        }
    }
}

/// Takes `json`, the fetched `locales/<name>.json`, as the messages of the
/// locale of `tag`, as the card's wasm did (the shim hands over the same
/// text); sessions made from now on speak it.
#[cfg_attr(feature = "share-module", wasm_bindgen)]
pub fn share_load_locale(tag: &str, json: &str) -> bool {
    crate::core::i18n::load(tag, json)
}

/// Listeners registered by this module's sessions (for tests).
#[cfg_attr(feature = "share-module", wasm_bindgen(js_name = live_listeners))]
pub fn share_live_listeners() -> usize {
    super::listen::live()
}
