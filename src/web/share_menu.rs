//! Share controls: the Web Share API where the browser has it, else a menu
//! of targets (links built by the pure `core::links` module), copy with the
//! Clipboard API, and the result said in a polite live region.
//!
//! Browser APIs are looked up and called through `Reflect`/`Function::call`,
//! which turn a missing API or a thrown exception into a value we handle, so
//! nothing can throw into the host page. Listener closures hold a `Weak`
//! reference to the card's share state, so dropping the card frees it all.

use super::build::build;
use super::listen::{EventListenerOptions, Listener};
use super::quote_image;
use super::reflect::{invoke, method, set};
use crate::core::i18n::{Locale, Messages};
use crate::core::links::{
    intent_url, mastodon_host, share_text, share_url, takeaway_text, takeaway_url, takeaways_text, Target,
};
use crate::core::model::{Card, Document};
use crate::core::view::{cards, copy_field, mastodon_form, share_menu, Hook, ShareMenu};
use js_sys::{Array, Object, Promise, Reflect};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, EventTarget, HtmlElement, HtmlInputElement, Window};

/// Where a reader's Mastodon server is remembered (the only storage we use).
const MASTODON_KEY: &str = "summary-card:mastodon";

/// One card's share controls (the shim hands them its share buttons'
/// clicks). Dropping the last handle closes any open menu and removes every
/// listener.
#[derive(Clone)]
pub struct Share {
    state: Rc<RefCell<State>>,
}

struct State {
    window: Window,
    /// The document, shared with the card's other listeners rather than
    /// cloned, and which of its cards this is.
    doc: Rc<Document>,
    n: usize,
    minutes: u64,
    locale: Locale,
    targets: Vec<Target>,
    status: web_sys::Element,
    menu: Option<Menu>,
}

impl State {
    fn card(&self) -> Option<&Card> {
        cards(&self.doc).get(self.n)
    }
}

/// What one menu shares.
#[derive(Clone)]
struct Subject {
    title: String,
    text: String,
    url: String,
    /// The link to the whole card, for "Copy takeaways".
    card_url: String,
    /// The takeaway shared, or None for the whole card.
    takeaway: Option<usize>,
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

/// Calls `obj[name](arg)` and returns the promise it gives, if any.
fn call(obj: &JsValue, name: &str, arg: &JsValue) -> Option<Promise> {
    invoke(obj, name, arg)?.dyn_into::<Promise>().ok()
}

/// A promise's outcome on its way to `done`, with the two handlers that
/// deliver it (kept alive until then).
struct Pending<F> {
    done: F,
    _handlers: [Closure<dyn FnMut(JsValue)>; 2],
}

/// Calls `done(true)` when `promise` fulfils and `done(false)` when it
/// rejects; either way the rejection is handled, so it never reaches the
/// page. (Two closures instead of `wasm-bindgen-futures`, which costs
/// several KB of task queue and waker code.)
fn settle<F: FnOnce(bool) + 'static>(promise: &Promise, done: F) {
    let slot: Rc<RefCell<Option<Pending<F>>>> = Rc::new(RefCell::new(None));
    let handler = |ok: bool| {
        let slot = Rc::clone(&slot);
        Closure::new(move |_: JsValue| {
            // Taking the handlers out breaks the cycle; wasm-bindgen frees the
            // running closure once it returns.
            let pending = slot.try_borrow_mut().ok().and_then(|mut p| p.take());
            if let Some(p) = pending {
                (p.done)(ok);
            }
        })
    };
    let handlers = [handler(true), handler(false)];
    let _ = promise.then2(&handlers[0], &handlers[1]);
    if let Ok(mut p) = slot.try_borrow_mut() {
        *p = Some(Pending { done, _handlers: handlers });
    };
}

fn page_url(window: &Window) -> String {
    window.location().href().unwrap_or_default()
}

/// `summary-card:share` on the host element, `detail: { target, url }`.
fn emit(status: &web_sys::Element, target: &str, url: &str) {
    let Some(host) = status.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok().map(|r| r.host()) else {
        return;
    };
    let detail = Object::new();
    set(&detail, "target", &JsValue::from_str(target));
    set(&detail, "url", &JsValue::from_str(url));
    let init = Object::new();
    set(&init, "bubbles", &JsValue::TRUE);
    set(&init, "composed", &JsValue::TRUE);
    set(&init, "detail", &detail);
    if let Ok(event) =
        CustomEvent::new_with_event_init_dict("summary-card:share", init.unchecked_ref::<CustomEventInit>())
    {
        let _ = host.dispatch_event(&event);
    }
}

/// Calls `navigator.share` when it exists and accepts the data; a reader
/// closing the sheet rejects the promise, which is not an error.
fn native_share(window: &Window, s: &Subject) -> bool {
    let nav: JsValue = window.navigator().into();
    let data = Object::new();
    for (k, v) in [("title", &s.title), ("text", &s.text), ("url", &s.url)] {
        set(&data, k, &JsValue::from_str(v));
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
            settle(&p, |_| ());
            true
        }
        None => false,
    }
}

/// Copies `text` with the Clipboard API and says so; where the clipboard is
/// refused, shows the link selected in a field to copy by hand.
fn copy(
    window: &Window,
    status: web_sys::Element,
    text: String,
    done: &'static str,
    target: &'static str,
    url: String,
    m: &'static Messages,
) {
    let dom = window.document();
    let clipboard = Reflect::get(&window.navigator(), &JsValue::from_str("clipboard")).unwrap_or(JsValue::UNDEFINED);
    let promise = call(&clipboard, "writeText", &JsValue::from_str(&text));
    let done = move |copied: bool| {
        if copied {
            status.set_text_content(Some(done));
        } else {
            status.set_text_content(Some(m.copy_prompt));
            if let Some(field) = dom.and_then(|d| build(&d, &copy_field(&url, m), &mut Vec::new())) {
                let _ = status.append_child(&field);
                invoke(&field, "focus", &JsValue::UNDEFINED);
                invoke(&field, "select", &JsValue::UNDEFINED);
            }
        }
        emit(&status, target, &url);
    };
    match promise {
        Some(p) => settle(&p, done),
        // As the promise would: after this click's work is done.
        None => settle(&Promise::reject(&JsValue::UNDEFINED), done),
    }
}

fn stored_mastodon(window: &Window) -> Option<String> {
    window.local_storage().ok()??.get_item(MASTODON_KEY).ok()?
}

/// Closes the menu; `refocus` returns focus to the button that opened it.
fn close(state: &Rc<RefCell<State>>, refocus: bool) {
    let menu = state.try_borrow_mut().ok().and_then(|mut s| s.menu.take());
    if let Some(menu) = menu {
        if refocus {
            let _ = menu.opener.focus();
        }
    }
}

fn focus_item(state: &Rc<RefCell<State>>, index: isize) {
    let Ok(mut s) = state.try_borrow_mut() else { return };
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
    let Some(state) = weak.upgrade() else { return };
    let Some(key) = Reflect::get(event, &JsValue::from_str("key")).ok().and_then(|k| k.as_string()) else { return };
    let in_field = event.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).is_some();
    let Ok(current) = state.try_borrow().map(|s| s.menu.as_ref().map_or(0, |m| m.focus as isize)) else { return };
    match key.as_str() {
        "Escape" => close(&state, true),
        "Tab" => close(&state, false),
        "ArrowDown" | "ArrowRight" if !in_field => focus_item(&state, current + 1),
        "ArrowUp" | "ArrowLeft" if !in_field => focus_item(&state, current - 1),
        "Home" if !in_field => focus_item(&state, 0),
        "End" if !in_field => focus_item(&state, -1),
        _ => return,
    }
    if key != "Tab" {
        event.prevent_default();
    }
}

/// Asks for the Mastodon server inside the menu, once; then remembers it
/// and opens the share page on that server.
fn ask_mastodon(weak: &Weak<RefCell<State>>) {
    let Some(state) = weak.upgrade() else { return };
    let Some((dom, locale)) = state.try_borrow().ok().and_then(|s| Some((s.window.document()?, s.locale))) else {
        return;
    };
    let mut hooks = Vec::new();
    let Some(form) = build(&dom, &mastodon_form(locale), &mut hooks) else { return };
    let Ok(mut s) = state.try_borrow_mut() else { return };
    let Some(menu) = s.menu.as_mut() else { return };
    if menu.root.query_selector("form").ok().flatten().is_some() {
        return;
    }
    let _ = menu.root.append_child(&form);
    let input = form.query_selector("input").ok().flatten();
    if let Some(input) = &input {
        invoke(input, "focus", &JsValue::UNDEFINED);
    }
    let weak = weak.clone();
    let options = EventListenerOptions::enable_prevent_default();
    menu._listeners.push(Listener::new_with_options(target(&form), "submit", options, move |event| {
        event.prevent_default();
        let Some(state) = weak.upgrade() else { return };
        let typed = input
            .as_ref()
            .and_then(|i| Reflect::get(i, &JsValue::from_str("value")).ok())
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let Some(host) = mastodon_host(&typed) else {
            if let Some(i) = &input {
                let why = JsValue::from_str(locale.messages().mastodon_hint);
                invoke(i, "setCustomValidity", &why);
                invoke(i, "reportValidity", &JsValue::UNDEFINED);
                invoke(i, "setCustomValidity", &JsValue::from_str(""));
            }
            return;
        };
        let (subject, status, w) = {
            let Ok(s) = state.try_borrow() else { return };
            let Some(menu) = s.menu.as_ref() else { return };
            (menu.subject.clone(), s.status.clone(), s.window.clone())
        };
        let Some(url) = intent_url(Target::Mastodon, &subject.text, &subject.url, &subject.title, Some(&host)) else {
            return;
        };
        if let Ok(Some(storage)) = w.local_storage() {
            let _ = storage.set_item(MASTODON_KEY, &host);
        }
        let _ = w.open_with_url_and_target_and_features(&url, "_blank", "noopener,noreferrer");
        emit(&status, "mastodon", &subject.url);
        close(&state, true);
    }));
}

fn activate(weak: &Weak<RefCell<State>>, t: Target) {
    let Some(state) = weak.upgrade() else { return };
    let (subject, status, summary, w, m) = {
        let Ok(s) = state.try_borrow() else { return };
        let Some(menu) = s.menu.as_ref() else { return };
        // Only "Copy takeaways" needs the card's text; build it here rather
        // than cloning the whole card on every click.
        let summary = match s.card() {
            Some(card) if t == Target::CopyTakeaways => Some(takeaways_text(card, &menu.subject.card_url)),
            _ => None,
        };
        (menu.subject.clone(), s.status.clone(), summary, s.window.clone(), s.locale.messages())
    };
    match t {
        Target::Copy => copy(&w, status, subject.url.clone(), m.link_copied, "copy", subject.url, m),
        Target::CopyTakeaways => {
            let text = summary.unwrap_or_default();
            copy(&w, status, text, m.takeaways_copied, "copy-takeaways", subject.card_url, m);
        }
        Target::Mastodon if stored_mastodon(&w).is_none() => return ask_mastodon(weak),
        Target::Image => {
            if let Ok(s) = state.try_borrow() {
                if let Some(card) = s.card() {
                    let sc = invoke(&status, "closest", &JsValue::from_str(".sc")).unwrap_or(JsValue::UNDEFINED);
                    let share = quote_image::Share { title: &subject.title, text: &subject.text, url: &subject.url };
                    let url = subject.url.clone();
                    let done = Box::new(move |saved: bool| {
                        if saved {
                            status.set_text_content(Some(m.image_saved));
                        }
                        emit(&status, "image", &url);
                    });
                    quote_image::share(&w, &sc, card, subject.takeaway, s.locale, share, done);
                }
            }
        }
        // Intent links open in a new tab by their own default action.
        _ => emit(&status, t.id(), &subject.url),
    }
    close(&state, true);
}

fn open_menu(state: &Rc<RefCell<State>>, opener: &HtmlElement, subject: Subject) {
    let weak = Rc::downgrade(state);
    let Ok(window) = state.try_borrow().map(|s| s.window.clone()) else { return };
    let Some(dom) = window.document() else { return };
    let mastodon = stored_mastodon(&window);
    let view = {
        let Ok(s) = state.try_borrow() else { return };
        share_menu(&ShareMenu {
            targets: &s.targets,
            text: &subject.text,
            url: &subject.url,
            title: &subject.title,
            mastodon: mastodon.as_deref(),
            locale: s.locale,
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
    let options = EventListenerOptions::enable_prevent_default();
    listeners.push(Listener::new_with_options(target(&root), "keydown", options, move |e| on_key(&w, e)));
    {
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
    if let Ok(mut s) = state.try_borrow_mut() {
        s.menu = Some(Menu { root, opener: opener.clone(), items, focus: 0, subject, _listeners: listeners });
    }
    if let Some(first) = first {
        let _ = first.focus();
    }
}

/// The subject of the card's share button (`None`) or of takeaway `i`.
fn subject(s: &State, which: Option<usize>) -> Option<Subject> {
    let card = s.card()?;
    let page = page_url(&s.window);
    let card_url = share_url(card, &page);
    Some(match which.and_then(|i| card.takeaways.get(i).map(|p| (i, p))) {
        Some((i, p)) => Subject {
            title: card.title.clone(),
            text: takeaway_text(card, p),
            url: takeaway_url(card, i, &page),
            card_url,
            takeaway: Some(i),
        },
        None => Subject {
            title: card.title.clone(),
            text: share_text(card, s.minutes, s.locale),
            url: card_url.clone(),
            card_url,
            takeaway: None,
        },
    })
}

fn on_open(weak: &Weak<RefCell<State>>, opener: &HtmlElement, which: Option<usize>) {
    let Some(state) = weak.upgrade() else { return };
    #[cfg(feature = "test-panic")]
    if let Some(card) = state.try_borrow().ok().as_ref().and_then(|s| s.card()) {
        super::panic::test_panic(&card.title, "__test_panic_on_share__");
    }
    let Ok(was_open) = state.try_borrow().map(|s| s.menu.as_ref().map(|m| &m.opener == opener)) else { return };
    close(&state, false);
    if was_open == Some(true) {
        return; // the button toggles its menu
    }
    let (subject, status, window) = {
        let Ok(s) = state.try_borrow() else { return };
        let Some(subject) = subject(&s, which) else { return };
        (subject, s.status.clone(), s.window.clone())
    };
    if native_share(&window, &subject) {
        emit(&status, "native", &subject.url);
    } else {
        open_menu(&state, opener, subject);
    }
}

impl Share {
    /// Card `n`'s share controls, closed; `status` is its polite live region.
    pub fn new(
        window: &Window,
        doc: &Rc<Document>,
        n: usize,
        minutes: u64,
        locale: Locale,
        targets: &[Target],
        status: web_sys::Element,
    ) -> Share {
        let state = State {
            window: window.clone(),
            doc: Rc::clone(doc),
            n,
            minutes,
            locale,
            targets: targets.to_vec(),
            status,
            menu: None,
        };
        Share { state: Rc::new(RefCell::new(state)) }
    }

    /// A click on `opener`: card `n`'s share button (`which` is `None`) or
    /// takeaway `which`'s. Shares natively where the browser can, else
    /// opens the menu; a second click on the same button closes it.
    pub fn open(&self, opener: &HtmlElement, which: Option<usize>) {
        on_open(&Rc::downgrade(&self.state), opener, which);
    }
}
