//! A card in the page: the view built as DOM nodes ([`super::build`]),
//! inserted in one step, and its hooks wired (disclosures, share buttons,
//! the highlighted takeaway). Dropping the [`Mounted`] removes it all.

use super::build::build;
use super::listen::Listener;
use super::share_entry::{SHARE_ATTR, STATUS_ATTR};
use crate::core::i18n::Locale;
use crate::core::links::takeaway_from_fragment;
use crate::core::model::Document;
use crate::core::text::{concat, uint};
use crate::core::view::{cards, show_more_label, Element, Hook, Options, COMPACT_TAKEAWAYS, EPISODES_PAGE};
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// A card in the page: its root element and everything it owns. Dropping it
/// removes both.
pub struct Mounted {
    root: Option<web_sys::Element>,
    _listeners: Vec<Listener>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(root) = self.root.take() {
            root.remove();
        }
    }
}

/// Marks and scrolls to the takeaway the page's URL fragment names.
fn highlight(window: &web_sys::Window, doc: &Document, takeaways: &[(usize, usize, web_sys::Element)]) {
    let hash = window.location().hash().unwrap_or_default();
    let cards = cards(doc);
    for (n, i, li) in takeaways {
        let hit = cards.get(*n).and_then(|c| takeaway_from_fragment(c, &hash)) == Some(*i);
        if hit {
            let _ = li.set_attribute("data-highlight", "");
            li.scroll_into_view();
        } else {
            let _ = li.remove_attribute("data-highlight");
        }
    }
}

/// Shows `e` and gives its subtree back its `part`s, or the reverse: the
/// DOM side of `view::conceal`. Shown, what is still hidden inside `e` (a
/// revealed episode's extra takeaways) keeps its parts parked.
fn reveal(e: &web_sys::Element, show: bool) {
    let (from, to) = if show { ("data-part", "part") } else { ("part", "data-part") };
    let query = if show { "[data-part]:not([hidden],[hidden] *)" } else { "[part]" };
    let _ = e.toggle_attribute_with_force("hidden", !show);
    // One at a time: each renamed element drops out of the next query (no
    // NodeList binding needed).
    let mut next = Some(e.clone());
    let mut budget = 10_000; // never spin, whatever the DOM does
    while let Some(el) = next.filter(|_| budget > 0) {
        budget -= 1;
        if let Some(v) = el.get_attribute(from) {
            let _ = el.set_attribute(to, &v);
            let _ = el.remove_attribute(from);
        }
        next = e.query_selector(query).ok().flatten();
    }
}

/// Shows or hides the compact layout's extra takeaways of card `n`.
fn toggle_takeaways(button: &web_sys::Element, n: usize, hooks: &[(Hook, web_sys::Element)]) {
    let open = button.get_attribute("aria-expanded").as_deref() != Some("true");
    for (h, li) in hooks {
        if let Hook::Takeaway(m, i) = *h {
            if m == n && i >= COMPACT_TAKEAWAYS {
                reveal(li, open);
            }
        }
    }
    let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
    let label = button.get_attribute(if open { "data-less" } else { "data-more" });
    button.set_text_content(label.as_deref());
}

/// Reveals the next page of a collection's episodes and moves focus to the
/// first of them; the button goes when none are left.
fn show_more(button: &web_sys::Element, hooks: &[(Hook, web_sys::Element)], locale: Locale) {
    let hidden: Vec<&web_sys::Element> = hooks
        .iter()
        .filter(|(h, li)| matches!(h, Hook::Episode(_)) && li.has_attribute("hidden"))
        .map(|(_, li)| li)
        .collect();
    for li in hidden.iter().take(EPISODES_PAGE) {
        reveal(li, true);
    }
    let left = hidden.len().saturating_sub(EPISODES_PAGE);
    if left == 0 {
        let _ = button.set_attribute("hidden", "");
    } else {
        button.set_text_content(Some(&show_more_label(locale, left)));
    }
    if let Some(first) = hidden.first().and_then(|li| li.dyn_ref::<web_sys::HtmlElement>()) {
        let _ = first.set_attribute("tabindex", "-1");
        let _ = first.focus();
    }
}

/// Marks the share buttons and status lines for the shim, which loads the
/// share module (`super::share_entry`) on the first click of one: card
/// `n`'s button `data-share="n"`, its takeaway `i`'s `"n.i"`, its status
/// line `data-share-status="n"`. The buttons say they open a menu.
fn mark_share(hooks: &[(Hook, web_sys::Element)]) {
    for (h, e) in hooks {
        let (attr, value) = match *h {
            Hook::ShareButton(n) => (SHARE_ATTR, uint(n as u64)),
            Hook::TakeawayShare(n, i) => (SHARE_ATTR, concat(&[&uint(n as u64), ".", &uint(i as u64)])),
            Hook::ShareStatus(n) => (STATUS_ATTR, uint(n as u64)),
            _ => continue,
        };
        let _ = e.set_attribute(attr, &value);
        if attr == SHARE_ATTR {
            let _ = e.set_attribute("aria-haspopup", "menu");
            let _ = e.set_attribute("aria-expanded", "false");
        }
    }
}

/// The listeners of the disclosure buttons and of the artwork.
fn disclosures(hooks: &Rc<Vec<(Hook, web_sys::Element)>>, locale: Locale) -> Vec<Listener> {
    let mut listeners = Vec::new();
    for (h, e) in hooks.iter() {
        let (event, h, e2, all) =
            (if *h == Hook::Artwork { "error" } else { "click" }, *h, e.clone(), Rc::clone(hooks));
        let act: Box<dyn FnMut(&web_sys::Event)> = match h {
            Hook::ShowAll(n) => Box::new(move |_| toggle_takeaways(&e2, n, &all)),
            Hook::ShowMore => Box::new(move |_| show_more(&e2, &all, locale)),
            Hook::Artwork => Box::new(move |_| {
                let _ = e2.set_attribute("hidden", "");
            }),
            _ => continue,
        };
        listeners.push(Listener::new(e.unchecked_ref(), event, act));
    }
    listeners
}

/// Appends the view to `parent` and wires its hooks. `doc` supplies the
/// takeaways' anchors (absent for error views); the share buttons are only
/// marked (see [`mark_share`]).
pub fn mount(parent: &web_sys::Node, view: &Element, doc: Option<Rc<Document>>, opts: &Options) -> Mounted {
    let mut hooks = Vec::new();
    // The page's document and window, found from the node we are given
    // (cheaper in wasm than `web_sys::window()`'s search of the globals).
    let dom = parent.owner_document();
    let root = dom.as_ref().and_then(|dom| build(dom, view, &mut hooks));
    // Marked while detached: no style work for each attribute.
    mark_share(&hooks);
    if let Some(root) = &root {
        let _ = parent.append_child(root);
    }
    let hooks = Rc::new(hooks);
    let mut listeners = disclosures(&hooks, opts.locale);
    if let (Some(doc), Some(window)) = (doc, dom.and_then(|d| d.default_view())) {
        let takeaways: Vec<(usize, usize, web_sys::Element)> = hooks
            .iter()
            .filter_map(|(h, e)| match h {
                Hook::Takeaway(n, i) => Some((*n, *i, e.clone())),
                _ => None,
            })
            .collect();
        highlight(&window, &doc, &takeaways);
        let target: &web_sys::EventTarget = window.unchecked_ref();
        let w = window.clone();
        listeners.push(Listener::new(target, "hashchange", move |_| highlight(&w, &doc, &takeaways)));
    }
    Mounted { root, _listeners: listeners }
}
