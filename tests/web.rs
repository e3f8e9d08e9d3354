//! wasm-bindgen-test in headless Chromium and headless Firefox (scripts/test.sh
//! runs both): the DOM layer mounts, updates, destroys (leaving no listener)
//! and shows the error state; the share module's sessions open the menu and
//! release it. (One test binary holds both modules' code, so one listener
//! count covers both; in the page each module counts its own.)
#![cfg(browser)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use summary_card::web::entry::{live_listeners, load_locale, locale_file, mount, mount_message, shim_words, validate};
use summary_card::web::share_entry::{session, share_live_listeners, Session};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    Element, Event, EventInit, HtmlElement, KeyboardEvent, KeyboardEventInit, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../www/episodes/ilya.json");

fn host() -> (Element, ShadowRoot) {
    let doc = web_sys::window().unwrap().document().unwrap();
    let host = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).unwrap();
    (host, shadow)
}

fn part(root: &ShadowRoot, name: &str) -> Option<Element> {
    root.query_selector(&format!("[part~=\"{name}\"]")).unwrap()
}

/// The share module's session for the card in `root`, as the shim makes it
/// on the first share click (the same text and attribute values as `mount`).
fn share_session(root: &ShadowRoot, json: &str, share: &str) -> Session {
    session(root, json, "", share, "").expect("a valid card has a session")
}

/// A click on `button` as the shim hands it to the share module.
fn share_click(s: &Session, button: &HtmlElement) {
    s.open(button);
}

/// Takes the Web Share API away, so the menu opens.
fn without_web_share() {
    let navigator = web_sys::window().unwrap().navigator();
    let proto = js_sys::Reflect::get_prototype_of(&navigator).unwrap();
    js_sys::Reflect::delete_property(&proto, &"share".into()).unwrap();
}

fn text(root: &ShadowRoot, name: &str) -> String {
    part(root, name).and_then(|e| e.text_content()).unwrap_or_default()
}

#[wasm_bindgen_test]
fn mounts_the_seed_card() {
    let (_host, root) = host();
    let handle = mount(&root, SEED, "", "", "", "", "", "");
    assert!(handle.errors().is_empty());
    assert_eq!(text(&root, "stats"), "96 min episode · 3 min read");
    assert_eq!(text(&root, "footer"), "You just read a 3-minute summary of a 96-minute episode.");
    assert_eq!(root.query_selector_all("[part=takeaway]").unwrap().length(), 5);
    assert_eq!(text(&root, "show"), "Dwarkesh Podcast");
    let show = part(&root, "show").unwrap();
    assert_eq!(show.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    assert_eq!(show.get_attribute("target").as_deref(), Some("_blank"));
    drop(handle);
}

#[wasm_bindgen_test]
fn destroy_removes_the_nodes_and_every_listener() {
    let before = live_listeners();
    let (_host, root) = host();
    let handle = mount(&root, SEED, "dark", "compact", "", "", "", "");
    // "Show all" and hashchange: the share buttons are only marked (the
    // shim listens on the shadow root and loads the share module).
    assert_eq!(live_listeners(), before + 2);
    let button: HtmlElement = part(&root, "share-button").unwrap().dyn_into().unwrap();
    assert_eq!(button.get_attribute("data-share").as_deref(), Some("0"));
    assert_eq!(button.get_attribute("aria-haspopup").as_deref(), Some("menu"));
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"));
    let takeaways = root.query_selector_all(".takeaway-share").unwrap();
    assert_eq!(takeaways.length(), 5);
    let fifth: Element = takeaways.item(4).unwrap().dyn_into().unwrap();
    assert_eq!(fifth.get_attribute("data-share").as_deref(), Some("0.4"));
    assert!(root.query_selector("[data-share-status=\"0\"][role=status]").unwrap().is_some());
    drop(handle); // what JS `free()` / `destroy()` does
    assert_eq!(live_listeners(), before);
    assert_eq!(root.child_element_count(), 0, "the card's nodes are gone");
    button.click(); // a detached button with no listener: nothing happens, nothing throws
}

#[wasm_bindgen_test]
fn update_replaces_the_card_in_place() {
    let (_host, root) = host();
    let first = mount(&root, SEED, "", "", "", "", "", "");
    drop(first);
    let second = mount(&root, r#"{"title": "Second", "takeaways": [{"text": "x"}]}"#, "light", "", "", "", "", "");
    assert_eq!(root.query_selector_all("[part=card]").unwrap().length(), 1);
    assert_eq!(text(&root, "title"), "Second");
    let theme = root.query_selector(".sc").unwrap().unwrap().get_attribute("data-theme");
    assert_eq!(theme.as_deref(), Some("light"));
    drop(second);
}

#[wasm_bindgen_test]
fn invalid_data_shows_an_alert_with_the_path() {
    let (_host, root) = host();
    let handle = mount(&root, r#"{"title": "T", "takeaways": [{"title": 42, "text": "x"}]}"#, "", "", "", "", "", "");
    assert_eq!(handle.errors(), vec!["takeaways[0].title".to_string(), "expected a string, found 42".to_string()]);
    let alert = part(&root, "error").unwrap();
    assert_eq!(alert.get_attribute("role").as_deref(), Some("alert"));
    assert!(alert.text_content().unwrap().contains("takeaways[0].title: expected a string, found 42"));
    assert!(part(&root, "card").is_none());
    assert!(root.query_selector("slot").unwrap().is_some(), "fallback content stays visible");
    drop(handle);
    assert!(part(&root, "error").is_none());
}

#[wasm_bindgen_test]
fn messages_and_validation() {
    let (_host, root) = host();
    let handle = mount_message(&root, "Could not load /x.json: the server answered 404.", "", "");
    assert!(text(&root, "error").contains("the server answered 404"));
    drop(handle);
    assert!(validate(SEED).is_empty());
    assert_eq!(validate("[]"), vec![String::new(), "expected an object, found an array".into()]);
}

#[wasm_bindgen_test]
fn hostile_text_stays_text() {
    let (_host, root) = host();
    let json = r#"{"title": "<img src=x onerror=alert(1)>", "takeaways": [{"text": "<script>alert(1)</script>"}]}"#;
    let handle = mount(&root, json, "", "", "", "", "", "");
    assert!(root.query_selector("img, script").unwrap().is_none());
    assert_eq!(text(&root, "title"), "<img src=x onerror=alert(1)>");
    drop(handle);
}

#[wasm_bindgen_test]
fn an_open_share_menu_is_released_with_its_card() {
    let before = live_listeners();
    let (_host, root) = host();
    let handle = mount(&root, SEED, "", "", "", "copy,email", "", "");
    let after_mount = live_listeners();
    let button: HtmlElement = part(&root, "share-button").unwrap().dyn_into().unwrap();
    without_web_share();
    let s = share_session(&root, SEED, "copy,email");
    assert_eq!(live_listeners(), after_mount, "a session listens to nothing until a click");
    share_click(&s, &button);
    let menu = part(&root, "share-menu").expect("the menu opens without Web Share");
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(menu.query_selector_all("[role=menuitem]").unwrap().length(), 2);
    // Each item, its keys, and the window's click outside.
    assert_eq!(share_live_listeners(), after_mount + 4, "the open menu owns listeners");
    // A takeaway's button: the card's menu closes, the takeaway's opens.
    let takeaway: HtmlElement = root.query_selector("[data-share=\"0.1\"]").unwrap().unwrap().dyn_into().unwrap();
    share_click(&s, &takeaway);
    assert_eq!(root.query_selector_all("[part=share-menu]").unwrap().length(), 1);
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert_eq!(takeaway.get_attribute("aria-expanded").as_deref(), Some("true"));
    // What the shim does on destroy: the session first, then the card.
    drop(s);
    assert_eq!(live_listeners(), after_mount, "the menu's listeners go with the session");
    assert!(part(&root, "share-menu").is_none());
    assert_eq!(takeaway.get_attribute("aria-expanded").as_deref(), Some("false"));
    drop(handle);
    assert_eq!(live_listeners(), before, "and the card's with the card");
}

#[wasm_bindgen_test]
fn a_session_shares_only_real_cards_and_marked_buttons() {
    let (_host, root) = host();
    assert!(session(&root, "{}", "", "", "").is_none(), "invalid data has no session");
    let handle = mount(&root, SEED, "", "", "", "copy", "", "");
    let s = share_session(&root, SEED, "copy");
    without_web_share();
    let before = live_listeners();
    // Buttons the card's wasm did not mark, or marked with a card or a
    // takeaway that is not there: nothing happens.
    for mark in [None, Some("7"), Some("0.99"), Some("x"), Some("0.")] {
        let b: HtmlElement =
            web_sys::window().unwrap().document().unwrap().create_element("button").unwrap().dyn_into().unwrap();
        if let Some(m) = mark {
            b.set_attribute("data-share", m).unwrap();
        }
        share_click(&s, &b);
    }
    assert!(part(&root, "share-menu").is_none());
    assert_eq!(live_listeners(), before);
    drop(s);
    drop(handle);
}

/// Issue 14: gloo-events makes a listener passive unless told otherwise, and
/// a passive listener's `preventDefault()` does nothing; the menu's arrow
/// keys (which would scroll the page) and the Mastodon form's submit (which
/// would navigate) must stay cancellable.
#[wasm_bindgen_test]
fn the_menu_keys_and_the_mastodon_form_prevent_their_default() {
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().remove_item("summary-card:mastodon").unwrap();
    let proto = js_sys::Reflect::get_prototype_of(&window.navigator()).unwrap();
    js_sys::Reflect::delete_property(&proto, &"share".into()).unwrap();
    let (_host, root) = host();
    let handle = mount(&root, SEED, "", "", "", "mastodon,copy", "", "");
    let s = share_session(&root, SEED, "mastodon,copy");
    let button: HtmlElement = part(&root, "share-button").unwrap().dyn_into().unwrap();
    share_click(&s, &button);
    let menu = part(&root, "share-menu").expect("the menu opens without Web Share");
    let item: HtmlElement = menu.query_selector("[role=menuitem]").unwrap().unwrap().dyn_into().unwrap();

    let init = KeyboardEventInit::new();
    init.set_key("ArrowDown");
    init.set_bubbles(true);
    init.set_cancelable(true);
    let key = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    item.dispatch_event(&key).unwrap();
    assert!(key.default_prevented(), "ArrowDown in the menu is prevented");

    item.click(); // Mastodon with no server remembered: the menu asks for one
    let form = menu.query_selector("form").unwrap().expect("the Mastodon form");
    let init = EventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    let submit = Event::new_with_event_init_dict("submit", &init).unwrap();
    form.dispatch_event(&submit).unwrap();
    assert!(submit.default_prevented(), "the form's submit is prevented");
    drop(s);
    drop(handle);
}

#[wasm_bindgen_test]
fn a_loaded_table_renders_spanish() {
    // Only English is built into the wasm: a Spanish card shows English
    // until the table the shim fetches (dist/locales/es.json) is loaded.
    // The CLI writes it; tests/cli.rs checks it still writes this copy.
    let es = include_str!("snapshots/locales/es.json");
    assert_eq!(locale_file("es-MX"), "es");
    assert_eq!(locale_file("en-GB"), "");
    let (_host, root) = host();
    let english = mount(&root, SEED, "", "", "", "", "", "es-MX");
    assert_eq!(text(&root, "share-button"), "Share");
    assert_eq!(root.query_selector(".sc").unwrap().unwrap().get_attribute("lang").as_deref(), Some("en"));
    drop(english);
    assert!(!load_locale("pt", r#"{"episode": "not a whole table"}"#), "a bad table is refused");
    assert_eq!(shim_words("pt-BR"), ["Retry", "Loading summary…"]);
    assert!(!load_locale("en", es), "English is built in");

    assert!(load_locale("es", es));
    assert_eq!(shim_words("es"), ["Reintentar", "Cargando resumen…"]);
    let handle = mount(&root, SEED, "", "", "", "", "", "es-MX");
    assert!(handle.errors().is_empty());
    assert_eq!(text(&root, "share-button"), "Compartir");
    assert_eq!(text(&root, "stats"), "Episodio de 96 min · 3 min de lectura");
    assert_eq!(text(&root, "footer"), "Acabas de leer un resumen de 3 minutos de un episodio de 96 minutos.");
    assert_eq!(root.query_selector(".published time").unwrap().unwrap().text_content().unwrap(), "25 nov 2025");
    assert_eq!(root.query_selector(".sc").unwrap().unwrap().get_attribute("lang").as_deref(), Some("es"));
    drop(handle);
}
