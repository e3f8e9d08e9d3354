//! The view's node tree as DOM nodes: elements, checked attributes and text
//! nodes only (no HTML parsing), built detached. Used by [`super::mount`]
//! for the card and by [`super::share_menu`] for the menu and its form.

use crate::core::view::{Element, Hook, Node};
use web_sys::Document as Dom;

/// Builds the DOM for `e`, collecting the elements that carry hooks.
pub fn build(dom: &Dom, e: &Element, hooks: &mut Vec<(Hook, web_sys::Element)>) -> Option<web_sys::Element> {
    let node = dom.create_element(e.tag).ok()?;
    for (name, value) in &e.attrs {
        node.set_attribute(name, value).ok()?;
    }
    for c in &e.children {
        let child: web_sys::Node = match c {
            Node::Element(c) => build(dom, c, hooks)?.into(),
            Node::Text(t) => dom.create_text_node(t).into(),
        };
        node.append_child(&child).ok()?;
    }
    if let Some(h) = e.hook {
        hooks.push((h, node.clone()));
    }
    Some(node)
}
