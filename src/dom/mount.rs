//! View tree to DOM: elements, checked attributes and text nodes only (never
//! `innerHTML`), built in a fragment and inserted in one step.

use super::listen::Listener;
use super::share;
use crate::model::Document;
use crate::readtime::card_minutes;
use crate::view::{cards, Element, Hook, Node};
use wasm_bindgen::JsCast;
use web_sys::{Document as Dom, HtmlElement};

/// A card in the page: its root element and the listeners it owns. Dropping
/// it removes both.
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

fn build(dom: &Dom, e: &Element, hooks: &mut Vec<(Hook, web_sys::Element)>) -> Option<web_sys::Element> {
    let node = dom.create_element(e.tag).ok()?;
    for (name, value) in &e.attrs {
        node.set_attribute(name, value).ok()?;
    }
    for c in &e.children {
        match c {
            Node::Element(c) => {
                let child: web_sys::Node = build(dom, c, hooks)?.into();
                node.append_child(&child).ok()?;
            }
            Node::Text(t) => {
                node.append_child(&dom.create_text_node(t)).ok()?;
            }
        }
    }
    if let Some(h) = e.hook {
        hooks.push((h, node.clone()));
    }
    Some(node)
}

/// Appends the view to `parent` and wires its hooks; `doc` supplies the
/// share data (absent for error views), `wpm` the read time it mentions.
pub fn mount(parent: &web_sys::Node, view: &Element, doc: Option<&Document>, wpm: u32) -> Mounted {
    let mut hooks = Vec::new();
    let Some(dom) = web_sys::window().and_then(|w| w.document()) else {
        return Mounted { root: None, _listeners: Vec::new() };
    };
    let root = build(&dom, view, &mut hooks);
    if let Some(root) = &root {
        let _ = parent.append_child(root);
    }
    let mut listeners = Vec::new();
    if let Some(doc) = doc {
        let cards = cards(doc);
        for (hook, button) in &hooks {
            let Hook::ShareButton(n) = *hook else { continue };
            let status = hooks.iter().find(|(h, _)| *h == Hook::ShareStatus(n)).map(|(_, e)| e.clone());
            if let (Some(card), Some(status)) = (cards.get(n), status) {
                let target: &web_sys::EventTarget = button.unchecked_ref::<HtmlElement>();
                listeners.push(share::on_click(target, card, card_minutes(card, wpm), status));
            }
        }
    }
    Mounted { root, _listeners: listeners }
}
