//! The view's node tree as DOM nodes: elements, checked attributes and text
//! nodes only (no HTML parsing), built detached. Used by [`super::mount`]
//! for the card and by [`super::share_menu`] for the menu and its form.
//!
//! The tree crosses to JS once, as one string: a small JS function makes
//! the nodes with `createElement`, `setAttribute` and text nodes (text stays
//! text). Tags and attribute names are the view's static ones. One crossing
//! and one string to decode per card, instead of one per node and per
//! string (bench/SIZE.md, issue 17).

use crate::core::view::{Element, Hook, Node};
use wasm_bindgen::prelude::*;
use web_sys::Document as Dom;

// `s`: parts separated by NUL, each an op (a digit) and its string: 0 =
// element (its tag), 1 = attribute name, 2 = its value, 3 = text, 4 = end of
// element, 5 = end of an element with a hook. Returns the root, then each
// element with a hook in the order their ends came.
#[wasm_bindgen(inline_js = "export function build_nodes(d, s) {
  let top = d.createDocumentFragment(), out = [top], name;
  for (const p of s.split(`\\0`)) {
    const op = p[0], v = p.slice(1);
    if (op < 1) top.append((top = d.createElement(v)));
    else if (op < 2) name = v;
    else if (op < 3) top.setAttribute(name, v);
    else if (op < 4) top.append(v);
    else {
      if (op > 4) out.push(top);
      top = top.parentNode;
    }
  }
  out[0] = top.firstChild;
  return out;
}")]
extern "C" {
    fn build_nodes(dom: &Dom, s: &str) -> js_sys::Array;
}

/// The tree as `build_nodes` takes it; its hooks go in `hooks`, each with a
/// placeholder for its element until the elements exist.
struct Writer<'a> {
    s: String,
    hooks: &'a mut Vec<(Hook, web_sys::Element)>,
}

impl Writer<'_> {
    /// Adds a part: `op` and `text`. The view's strings hold no NUL (the
    /// validator makes it U+FFFD, issue 16); one in a message from the page
    /// is shown the same.
    fn part(&mut self, op: char, text: &str) {
        if !self.s.is_empty() {
            self.s.push('\0');
        }
        self.s.push(op);
        if text.bytes().any(|b| b == 0) {
            self.s.extend(text.chars().map(|c| if c == '\0' { '\u{fffd}' } else { c }));
        } else {
            self.s.push_str(text);
        }
    }

    fn element(&mut self, e: &Element) {
        self.part('0', e.tag);
        for (name, value) in &e.attrs {
            self.part('1', name);
            self.part('2', value);
        }
        for c in &e.children {
            match c {
                Node::Element(c) => self.element(c),
                Node::Text(t) => self.part('3', t),
            }
        }
        match e.hook {
            Some(h) => {
                self.part('5', "");
                self.hooks.push((h, JsValue::NULL.unchecked_into()));
            }
            None => self.part('4', ""),
        }
    }
}

/// Builds the DOM for `e`, collecting the elements that carry hooks.
pub fn build(dom: &Dom, e: &Element, hooks: &mut Vec<(Hook, web_sys::Element)>) -> Option<web_sys::Element> {
    let start = hooks.len();
    let mut w = Writer { s: String::new(), hooks };
    w.element(e);
    let nodes = build_nodes(dom, &w.s);
    for (i, (_, el)) in hooks.iter_mut().skip(start).enumerate() {
        *el = nodes.get(i as u32 + 1).unchecked_into();
    }
    Some(nodes.get(0).unchecked_into())
}
