//! Share controls: the Web Share API where the browser has it, else a menu
//! of targets (links built by the pure `share` module), copy with the
//! Clipboard API, and the result said in a polite live region.
//!
//! Browser APIs are looked up and called through `Reflect`/`Function::call`,
//! which turn a missing API or a thrown exception into a value we handle, so
//! nothing can throw into the host page. Listener closures hold a `Weak`
//! reference to the card's share state, so dropping the card frees it all.

use super::listen::Listener;
use super::mount::{build, document};
use crate::model::Card;
use crate::share::{
    intent_url, mastodon_host, share_text, share_url, takeaway_text, takeaway_url, takeaways_text, Target,
};
use crate::view::{mastodon_form, share_menu, Hook, ShareMenu};
use js_sys::{Array, Function, Object, Promise, Reflect};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CustomEvent, CustomEventInit, EventTarget, HtmlElement, HtmlInputElement, KeyboardEvent};

/// Where a reader's Mastodon server is remembered (the only storage we use).
const MASTODON_KEY: &str = "summary-card:mastodon";

/// One card's share controls. Dropping it closes any open menu and removes
/// every listener.
pub struct Share {
    _state: Rc<RefCell<State>>,
    _listeners: Vec<Listener>,
}

struct State {
    card: Card,
    minutes: u64,
    targets: Vec<Target>,
    status: web_sys::Element,
    menu: Option<Menu>,
}

/// What one menu shares.
#[derive(Clone)]
struct Subject {
    title: String,
    text: String,
    url: String,
    /// The link to the whole card, for "Copy takeaways".
    card_url: String,
}

struct Menu {
    root: web_sys::Element,
    opener: HtmlElement,
    items: Vec<HtmlElement>,
    focus: usize,
    subject: Subject,
    _listeners: Vec<Listener>,
}

impl Drop for Menu {
    fn drop(&mut self) {
        self.root.remove();
        let _ = self.opener.set_attribute("aria-expanded", "false");
    }
}

fn target(e: &impl AsRef<EventTarget>) -> &EventTarget {
    e.as_ref()
}

/// `obj[name]` if it is a function.
fn method(obj: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(obj, &JsValue::from_str(name)).ok()?.dyn_into::<Function>().ok()
}

/// Calls `obj[name](arg)` and returns the promise it gives, if any.
fn call(obj: &JsValue, name: &str, arg: &JsValue) -> Option<Promise> {
    method(obj, name)?.call1(obj, arg).ok()?.dyn_into::<Promise>().ok()
}

fn navigator() -> JsValue {
    web_sys::window().map(|w| w.navigator().into()).unwrap_or(JsValue::UNDEFINED)
}

fn page_url() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

/// `summary-card:share` on the host element, `detail: { target, url }`.
fn emit(status: &web_sys::Element, target: &str, url: &str) {
    let Some(host) = status.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok().map(|r| r.host()) else {
        return;
    };
    let detail = Object::new();
    let _ = Reflect::set(&detail, &JsValue::from_str("target"), &JsValue::from_str(target));
    let _ = Reflect::set(&detail, &JsValue::from_str("url"), &JsValue::from_str(url));
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict("summary-card:share", &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// Calls `navigator.share` when it exists and accepts the data; a reader
/// closing the sheet rejects the promise, which is not an error.
fn native_share(s: &Subject) -> bool {
    let nav = navigator();
    let data = Object::new();
    for (k, v) in [("title", &s.title), ("text", &s.text), ("url", &s.url)] {
        let _ = Reflect::set(&data, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    if method(&nav, "share").is_none() {
        return false;
    }
    let accepted = method(&nav, "canShare").map_or(true, |f| f.call1(&nav, &data).is_ok_and(|v| v.is_truthy()));
    if !accepted {
        return false;
    }
    match call(&nav, "share", &data) {
        Some(p) => {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = JsFuture::from(p).await;
            });
            true
        }
        None => false,
    }
}

/// Copies `text` with the Clipboard API and says so; where the clipboard is
/// refused, shows the link selected in a field to copy by hand.
fn copy(status: web_sys::Element, text: String, done: &'static str, target: &'static str, url: String) {
    let clipboard = Reflect::get(&navigator(), &JsValue::from_str("clipboard")).unwrap_or(JsValue::UNDEFINED);
    let promise = call(&clipboard, "writeText", &JsValue::from_str(&text));
    wasm_bindgen_futures::spawn_local(async move {
        let copied = match promise {
            Some(p) => JsFuture::from(p).await.is_ok(),
            None => false,
        };
        if copied {
            status.set_text_content(Some(done));
        } else {
            status.set_text_content(Some("Copy the link: "));
            if let Some(field) = document()
                .and_then(|d| d.create_element("input").ok())
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
            {
                field.set_read_only(true);
                field.set_value(&url);
                let _ = field.set_attribute("aria-label", "Link to copy");
                let _ = field.set_attribute("class", "copy-field");
                let _ = status.append_child(&field);
                let _ = field.focus();
                field.select();
            }
        }
        emit(&status, target, &url);
    });
}

fn stored_mastodon() -> Option<String> {
    web_sys::window()?.local_storage().ok()??.get_item(MASTODON_KEY).ok()?
}

/// Closes the menu; `refocus` returns focus to the button that opened it.
fn close(state: &Rc<RefCell<State>>, refocus: bool) {
    let menu = state.borrow_mut().menu.take();
    if let Some(menu) = menu {
        if refocus {
            let _ = menu.opener.focus();
        }
    }
}

fn focus_item(state: &Rc<RefCell<State>>, index: isize) {
    let mut s = state.borrow_mut();
    let Some(menu) = s.menu.as_mut() else { return };
    let n = menu.items.len() as isize;
    if n == 0 {
        return;
    }
    menu.focus = index.rem_euclid(n) as usize;
    if let Some(item) = menu.items.get(menu.focus) {
        let _ = item.focus();
    }
}

fn on_key(weak: &Weak<RefCell<State>>, event: &web_sys::Event) {
    let (Some(state), Some(key)) = (weak.upgrade(), event.dyn_ref::<KeyboardEvent>()) else { return };
    let in_field = event.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).is_some();
    let current = state.borrow().menu.as_ref().map_or(0, |m| m.focus as isize);
    match key.key().as_str() {
        "Escape" => close(&state, true),
        "Tab" => close(&state, false),
        "ArrowDown" | "ArrowRight" if !in_field => focus_item(&state, current + 1),
        "ArrowUp" | "ArrowLeft" if !in_field => focus_item(&state, current - 1),
        "Home" if !in_field => focus_item(&state, 0),
        "End" if !in_field => focus_item(&state, -1),
        _ => return,
    }
    if key.key() != "Tab" {
        event.prevent_default();
    }
}

/// Asks for the Mastodon server inside the menu, once; then remembers it
/// and opens the share page on that server.
fn ask_mastodon(weak: &Weak<RefCell<State>>) {
    let Some(state) = weak.upgrade() else { return };
    let Some(dom) = document() else { return };
    let mut hooks = Vec::new();
    let Some(form) = build(&dom, &mastodon_form(), &mut hooks) else { return };
    let mut s = state.borrow_mut();
    let Some(menu) = s.menu.as_mut() else { return };
    if menu.root.query_selector("form").ok().flatten().is_some() {
        return;
    }
    let _ = menu.root.append_child(&form);
    let input = form.query_selector("input").ok().flatten().and_then(|e| e.dyn_into::<HtmlInputElement>().ok());
    if let Some(input) = &input {
        let _ = input.focus();
    }
    let weak = weak.clone();
    menu._listeners.push(Listener::new(target(&form), "submit", move |event| {
        event.prevent_default();
        let Some(state) = weak.upgrade() else { return };
        let typed = input.as_ref().map(|i| i.value()).unwrap_or_default();
        let Some(host) = mastodon_host(&typed) else {
            if let Some(i) = &input {
                i.set_custom_validity("Enter a server name, such as mastodon.social");
                i.report_validity();
                i.set_custom_validity("");
            }
            return;
        };
        let (subject, status) = {
            let s = state.borrow();
            let Some(menu) = s.menu.as_ref() else { return };
            (menu.subject.clone(), s.status.clone())
        };
        let Some(url) = intent_url(Target::Mastodon, &subject.text, &subject.url, &subject.title, Some(&host)) else {
            return;
        };
        if let Some(w) = web_sys::window() {
            if let Ok(Some(storage)) = w.local_storage() {
                let _ = storage.set_item(MASTODON_KEY, &host);
            }
            let _ = w.open_with_url_and_target_and_features(&url, "_blank", "noopener,noreferrer");
        }
        emit(&status, "mastodon", &subject.url);
        close(&state, true);
    }));
}

fn activate(weak: &Weak<RefCell<State>>, t: Target) {
    let Some(state) = weak.upgrade() else { return };
    let (subject, status, summary) = {
        let s = state.borrow();
        let Some(menu) = s.menu.as_ref() else { return };
        // Only "Copy takeaways" needs the card's text; build it here rather
        // than cloning the whole card on every click.
        let summary = (t == Target::CopyTakeaways).then(|| takeaways_text(&s.card, &menu.subject.card_url));
        (menu.subject.clone(), s.status.clone(), summary)
    };
    match t {
        Target::Copy => copy(status, subject.url.clone(), "Link copied", "copy", subject.url),
        Target::CopyTakeaways => {
            let text = summary.unwrap_or_default();
            copy(status, text, "Takeaways copied", "copy-takeaways", subject.card_url);
        }
        Target::Mastodon if stored_mastodon().is_none() => return ask_mastodon(weak),
        // Intent links open in a new tab by their own default action.
        _ => emit(&status, t.id(), &subject.url),
    }
    close(&state, true);
}

fn open_menu(state: &Rc<RefCell<State>>, opener: &HtmlElement, subject: Subject) {
    let weak = Rc::downgrade(state);
    let Some(dom) = document() else { return };
    let mastodon = stored_mastodon();
    let view = {
        let s = state.borrow();
        share_menu(&ShareMenu {
            targets: &s.targets,
            text: &subject.text,
            url: &subject.url,
            title: &subject.title,
            mastodon: mastodon.as_deref(),
        })
    };
    let mut hooks = Vec::new();
    let Some(root) = build(&dom, &view, &mut hooks) else { return };
    let _ = opener.after_with_node_1(&root);
    let _ = opener.set_attribute("aria-expanded", "true");
    let mut listeners = Vec::new();
    let mut items = Vec::new();
    for (hook, el) in hooks {
        let Hook::MenuItem(t) = hook else { continue };
        let w = weak.clone();
        listeners.push(Listener::new(target(&el), "click", move |_| activate(&w, t)));
        items.extend(el.dyn_into::<HtmlElement>().ok());
    }
    let w = weak.clone();
    listeners.push(Listener::new(target(&root), "keydown", move |e| on_key(&w, e)));
    if let Some(window) = web_sys::window() {
        let w = weak.clone();
        let (menu_root, menu_opener) = (root.clone(), opener.clone());
        listeners.push(Listener::new(target(&window), "click", move |e| {
            let path: Array = e.composed_path();
            if !path.includes(&menu_root, 0) && !path.includes(&menu_opener, 0) {
                if let Some(state) = w.upgrade() {
                    close(&state, false);
                }
            }
        }));
    }
    let first = items.first().cloned();
    state.borrow_mut().menu =
        Some(Menu { root, opener: opener.clone(), items, focus: 0, subject, _listeners: listeners });
    if let Some(first) = first {
        let _ = first.focus();
    }
}

/// The subject of the card's share button (`None`) or of takeaway `i`.
fn subject(s: &State, which: Option<usize>) -> Subject {
    let page = page_url();
    let card_url = share_url(&s.card, &page);
    match which.and_then(|i| s.card.takeaways.get(i).map(|p| (i, p))) {
        Some((i, p)) => Subject {
            title: s.card.title.clone(),
            text: takeaway_text(&s.card, p),
            url: takeaway_url(&s.card, i, &page),
            card_url,
        },
        None => Subject {
            title: s.card.title.clone(),
            text: share_text(&s.card, s.minutes),
            url: card_url.clone(),
            card_url,
        },
    }
}

fn on_open(weak: &Weak<RefCell<State>>, opener: &HtmlElement, which: Option<usize>) {
    let Some(state) = weak.upgrade() else { return };
    #[cfg(feature = "test-panic")]
    crate::embed::test_panic(&state.borrow().card.title, "__test_panic_on_share__");
    let was_open = state.borrow().menu.as_ref().map(|m| &m.opener == opener);
    close(&state, false);
    if was_open == Some(true) {
        return; // the button toggles its menu
    }
    let (subject, status) = {
        let s = state.borrow();
        (subject(&s, which), s.status.clone())
    };
    if native_share(&subject) {
        emit(&status, "native", &subject.url);
    } else {
        open_menu(&state, opener, subject);
    }
}

/// Wires card `n`'s share button and its takeaways' share buttons.
pub fn wire(
    card: &Card,
    n: usize,
    minutes: u64,
    targets: &[Target],
    hooks: &[(Hook, web_sys::Element)],
) -> Option<Share> {
    let status = hooks.iter().find(|(h, _)| *h == Hook::ShareStatus(n)).map(|(_, e)| e.clone())?;
    let state =
        Rc::new(RefCell::new(State { card: card.clone(), minutes, targets: targets.to_vec(), status, menu: None }));
    let mut listeners = Vec::new();
    for (hook, el) in hooks {
        let which = match *hook {
            Hook::ShareButton(m) if m == n => None,
            Hook::TakeawayShare(m, i) if m == n => Some(i),
            _ => continue,
        };
        let Ok(button) = el.clone().dyn_into::<HtmlElement>() else { continue };
        let _ = button.set_attribute("aria-haspopup", "menu");
        let _ = button.set_attribute("aria-expanded", "false");
        let weak = Rc::downgrade(&state);
        let opener = button.clone();
        listeners.push(Listener::new(target(&button), "click", move |_| on_open(&weak, &opener, which)));
    }
    Some(Share { _state: state, _listeners: listeners })
}
