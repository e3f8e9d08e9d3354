//! A checked card to a small, renderer-neutral node tree: tags, attributes,
//! `part` names and text.
//!
//! The browser mounts this tree as DOM nodes (`web::mount`) and the CLI
//! prints it as HTML (`html`), so the widget and the static output cannot
//! drift apart. Data only ever becomes text nodes or checked attribute
//! values; there is no way to express raw markup here.

use crate::core::i18n::{self, Locale, Messages};
use crate::core::links::{self, Target};
use crate::core::model::{Card, Document, Point};
use crate::core::readtime::{self, DEFAULT_WPM};
use crate::core::text::{concat, parse_uint, uint};
use crate::core::time;
use crate::core::validate::Error;

/// A node of the view.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Element(Element),
    Text(String),
}

/// An element. Tags and attribute names are static, so data can never
/// choose them.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    pub children: Vec<Node>,
    /// Marks an element the DOM layer wires up; the HTML renderer ignores it.
    pub hook: Option<Hook>,
}

/// Elements with behaviour, numbered by card within the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hook {
    ShareButton(usize),
    ShareStatus(usize),
    /// Takeaway `.1` of card `.0`, and its own share button.
    Takeaway(usize, usize),
    TakeawayShare(usize, usize),
    /// An entry of an open share menu.
    MenuItem(Target),
    /// The compact layout's "Show all N takeaways" button of card `.0`.
    ShowAll(usize),
    /// A collection's "Show more" button, and episode `.0` of the collection.
    ShowMore,
    Episode(usize),
    /// The show's artwork: hidden when it fails to load, so its initial shows.
    Artwork,
}

/// Takeaways a compact card shows before its "Show all" button.
pub const COMPACT_TAKEAWAYS: usize = 3;
/// Episodes a collection shows at first, and how many more each "Show more"
/// reveals.
pub const EPISODES_PAGE: usize = 12;

/// Starts an element.
#[inline(never)]
pub fn el(tag: &'static str) -> Element {
    Element { tag, attrs: Vec::new(), children: Vec::new(), hook: None }
}

impl Element {
    #[inline(never)]
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.attrs.push((name, value.into()));
        self
    }
    #[inline(never)]
    pub fn part(self, name: &'static str) -> Self {
        self.attr("part", name)
    }
    #[inline(never)]
    pub fn class(self, name: &'static str) -> Self {
        self.attr("class", name)
    }
    #[inline(never)]
    /// Appends a text node (none for an empty string).
    pub fn text(mut self, s: impl Into<String>) -> Self {
        let s = s.into();
        if !s.is_empty() {
            self.children.push(Node::Text(s));
        }
        self
    }
    #[inline(never)]
    pub fn child(mut self, e: Element) -> Self {
        self.children.push(Node::Element(e));
        self
    }
    pub fn children(mut self, es: impl IntoIterator<Item = Element>) -> Self {
        self.children.extend(es.into_iter().map(Node::Element));
        self
    }
    #[inline(never)]
    pub fn maybe(self, e: Option<Element>) -> Self {
        match e {
            Some(e) => self.child(e),
            None => self,
        }
    }
    #[inline(never)]
    pub fn hook(mut self, h: Hook) -> Self {
        self.hook = Some(h);
        self
    }
    /// The value of attribute `name`, if set.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }
}

/// `theme` attribute: `auto` follows `prefers-color-scheme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

/// `layout` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    #[default]
    Full,
    Compact,
}

/// What the tree is for. The widget shows [`Output::Live`]; the CLI prints
/// the other two. No attribute sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Output {
    /// The widget's card: every control, wired by the DOM layer.
    #[default]
    Live,
    /// `summary-card render`: the live card's very markup, printed into a
    /// declarative shadow root. It shows without JavaScript; its buttons are
    /// there but do nothing until the widget upgrades the card in place, so
    /// nothing moves when it does.
    Static,
    /// `summary-card render --fragment`: the card for pages without its CSS
    /// or script (newsletters, feeds; mail programs drop `<style>`). The
    /// `<article>` (a collection's `<section>`) itself, carrying the UI
    /// language; no controls that need JavaScript (share buttons, "Show
    /// all", "Show more") nor what they would reveal (a compact card shows
    /// its first three takeaways, a collection its first page); the stats
    /// shown to everyone rather than told to screen readers as a sentence;
    /// the AI note as plain text; the artwork without the initial that needs
    /// CSS to sit under it. `part`s and classes stay, as hooks for the
    /// host's CSS.
    Fragment,
}

/// How to show a card; unknown attribute values fall back to the defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub theme: Theme,
    pub layout: Layout,
    pub wpm: u32,
    /// The title's heading level (`heading-level`, 1 to 6; default 2), so
    /// the card fits the page's outline; its sections sit one level below.
    pub heading: u8,
    /// The UI language (`locale`, else the page's `lang`, else English).
    pub locale: Locale,
    /// What the tree is for: the widget's live card unless the CLI says
    /// otherwise.
    pub output: Output,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            theme: Theme::Auto,
            layout: Layout::Full,
            wpm: DEFAULT_WPM,
            heading: 2,
            locale: Locale::En,
            output: Output::Live,
        }
    }
}

/// The reading speeds (`wpm`) a card accepts; others fall back to the default.
pub const WPM_MIN: u64 = 50;
pub const WPM_MAX: u64 = 2000;
/// The title's heading levels (`heading-level`); others fall back to 2.
pub const HEADING_MIN: u64 = 1;
pub const HEADING_MAX: u64 = 6;

impl Options {
    /// From attribute values as the page wrote them.
    pub fn from_attributes(theme: &str, layout: &str, wpm: &str) -> Options {
        let theme = match theme.trim().to_ascii_lowercase().as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        };
        let layout = match layout.trim().to_ascii_lowercase().as_str() {
            "compact" => Layout::Compact,
            _ => Layout::Full,
        };
        // As `str::parse::<u32>` reads it: digits, after an optional `+`.
        let wpm = wpm.trim();
        let wpm = match parse_uint(wpm.strip_prefix('+').unwrap_or(wpm)) {
            Some(n @ WPM_MIN..=WPM_MAX) => n as u32,
            _ => DEFAULT_WPM,
        };
        Options { theme, layout, wpm, ..Options::default() }
    }

    /// These options with the `heading-level` attribute's value (1 to 6;
    /// anything else keeps the default, 2).
    pub fn with_heading_level(self, level: &str) -> Options {
        match parse_uint(level.trim()) {
            Some(n @ HEADING_MIN..=HEADING_MAX) => Options { heading: n as u8, ..self },
            _ => self,
        }
    }

    /// These options in the locale of a BCP 47 tag (see [`Locale::from_tag`]).
    pub fn with_locale(self, tag: &str) -> Options {
        Options { locale: Locale::from_tag(tag), ..self }
    }

    fn msg(&self) -> &'static Messages {
        self.locale.messages()
    }

    /// Whether the tree is a fragment. Never in the browser, which shows
    /// live cards only: there this is a constant, and the fragment's
    /// branches compile away.
    fn fragment(&self) -> bool {
        cfg!(not(browser)) && self.output == Output::Fragment
    }

    fn theme_name(self) -> &'static str {
        match self.theme {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Everything a card shows that is computed rather than copied from data.
pub struct Facts {
    pub read_minutes: u64,
    pub duration_minutes: Option<u64>,
}

impl Facts {
    pub fn of(card: &Card, wpm: u32) -> Facts {
        Facts {
            read_minutes: readtime::card_minutes(card, wpm),
            duration_minutes: card.duration.map(|s| time::minutes(s.into())),
        }
    }
}

/// "Show 12 more episodes": the next page of a collection, of `hidden`
/// still hidden.
pub fn show_more_label(locale: Locale, hidden: usize) -> String {
    locale.count(locale.messages().show_more, hidden.min(EPISODES_PAGE) as u64)
}

/// Hides `e` until a disclosure button shows it. Its `part`s wait in
/// `data-part` meanwhile, so a page (or test) that counts `[part=takeaway]`
/// or `[part=card]` counts what a reader sees; the DOM layer swaps them back.
fn conceal(e: &mut Element) {
    fn rename(e: &mut Element) {
        for (name, _) in e.attrs.iter_mut() {
            if *name == "part" {
                *name = "data-part";
            }
        }
        for c in e.children.iter_mut() {
            if let Node::Element(c) = c {
                rename(c);
            }
        }
    }
    rename(e);
    e.attrs.push(("hidden", String::new()));
}

/// External links open in a new tab without handing it our window.
fn link(href: &str, part: Option<&'static str>) -> Element {
    let a = el("a").attr("href", href);
    let a = match part {
        Some(p) => a.part(p),
        None => a,
    };
    if href.starts_with("mailto:") {
        a
    } else {
        a.attr("target", "_blank").attr("rel", "noopener noreferrer")
    }
}

fn heading(level: u8) -> &'static str {
    match level {
        1 => "h1",
        3 => "h3",
        4 => "h4",
        5 => "h5",
        6.. => "h6",
        _ => "h2",
    }
}

/// One data string as an isolated run: a right-to-left override or an
/// unclosed isolate inside it cannot reorder the text around it.
fn isolated(s: &str) -> Element {
    el("bdi").text(s)
}

/// "with A, B and C", each name isolated from the words around it.
fn guest_list(locale: Locale, guests: &[String]) -> Element {
    let (before, after) = i18n::split(locale.messages().with_guests);
    let last = guests.last().map_or("", String::as_str);
    let (sep, last_sep) = locale.list_separators(guests.len(), last);
    let mut p = el("p").part("guests").attr("dir", "auto").text(before);
    for (i, g) in guests.iter().enumerate() {
        if i > 0 {
            p = p.text(if i + 1 == guests.len() { last_sep } else { sep });
        }
        p = p.child(isolated(g));
    }
    if after.is_empty() {
        p
    } else {
        p.text(after)
    }
}

fn points(items: &[Point], item_part: &'static str, title_part: &'static str, text_part: &'static str) -> Element {
    el("ul").class("points").children(items.iter().map(|p| {
        let li = el("li").part(item_part);
        let li = match &p.title {
            Some(t) => li.child(el("strong").part(title_part).attr("dir", "auto").text(t.as_str())),
            None => li,
        };
        li.child(el("span").part(text_part).attr("dir", "auto").text(p.text.as_str()))
    }))
}

/// What the section builders of one card share: the card, how to show it,
/// and its number within the document (for ids and hooks).
struct Ctx<'a> {
    card: &'a Card,
    opts: &'a Options,
    n: usize,
    /// The title's heading level; the sections' headings sit one below.
    level: u8,
    facts: Facts,
}

impl Ctx<'_> {
    /// A view id, unique within the document: `sc0-title`.
    fn id(&self, name: &str) -> String {
        concat(&["sc", &uint(self.n as u64), "-", name])
    }
    fn locale(&self) -> Locale {
        self.opts.locale
    }
    fn msg(&self) -> &'static Messages {
        self.opts.msg()
    }
    fn compact(&self) -> bool {
        self.opts.layout == Layout::Compact
    }
    /// A titled section: its heading sits one level below the title's.
    /// Not a landmark (a `<section>` without a name is none): a page may
    /// hold many cards, and "Key takeaways" once per card would be many
    /// regions of one name. The headings structure the card.
    fn section(&self, part: &'static str, title: &str) -> Element {
        el("section").part(part).class("section").child(el(heading(self.level.saturating_add(1))).text(title))
    }
}

/// One card as an `<article>`. `n` numbers the card within its document
/// (ids and hooks); `level` is the title's heading level.
pub fn card_view(card: &Card, opts: &Options, n: usize, level: u8) -> Element {
    let c = Ctx { card, opts, n, level, facts: Facts::of(card, opts.wpm) };
    let (spoken, stats) = stats(&c);
    el("article")
        .part("card")
        .class("card")
        .attr("data-layout", if c.compact() { "compact" } else { "full" })
        .attr("aria-labelledby", c.id("title"))
        .child(header(&c))
        .maybe(spoken)
        .child(stats)
        .maybe(topics(&c))
        .children(ai_label(&c).into_iter().flatten())
        .child(takeaways(&c))
        .maybe(covers(&c))
        .maybe(questions(&c))
        .maybe(notable(&c))
        .maybe(listen(&c))
        .maybe(share(&c))
        .maybe(cta(&c))
        .child(footer(&c))
}

/// The head: the show's artwork beside its name, the title, the guests and
/// the date.
fn header(c: &Ctx) -> Element {
    let card = c.card;
    let show = card.show.as_ref().map(|s| {
        let name = match &s.url {
            Some(u) => link(u.as_str(), Some("show")),
            None => el("span").part("show"),
        };
        el("p").class("show-line").child(name.attr("dir", "auto").text(s.name.as_str()))
    });
    let guests = (!card.guests.is_empty()).then(|| guest_list(c.locale(), &card.guests));
    let published = card.published.map(|d| {
        el("p").class("published").child(el("time").attr("datetime", time::iso_date(d)).text(c.locale().date(d)))
    });
    el("header").class("head").maybe(artwork(c)).child(
        el("div")
            .class("head-text")
            .maybe(show)
            .child(
                el(heading(c.level))
                    .part("title")
                    .attr("id", c.id("title"))
                    .attr("dir", "auto")
                    .text(card.title.as_str()),
            )
            .maybe(guests)
            .maybe(published),
    )
}

/// The show's artwork over the show's initial, which shows while the image
/// loads and stays when it fails. Decorative: the name is in the text.
fn artwork(c: &Ctx) -> Option<Element> {
    let (src, name) = c.card.show.as_ref().and_then(|s| Some((s.artwork.as_ref()?, &s.name)))?;
    // ASCII case only: Unicode case tables would cost kilobytes.
    let initial: String = name
        .chars()
        .find(|&ch| crate::core::readtime::is_wordy(ch))
        .map(|ch| ch.to_ascii_uppercase())
        .into_iter()
        .collect();
    let mut art = el("span").class("art");
    // A fragment has no CSS to sit the initial under the image.
    if !c.opts.fragment() {
        art = art.attr("aria-hidden", "true").text(initial);
    }
    Some(
        art.child(
            el("img")
                .class("artwork")
                .attr("src", src.as_str())
                .attr("alt", "")
                .attr("width", "64")
                .attr("height", "64")
                .attr("loading", "lazy")
                .attr("decoding", "async")
                .attr("referrerpolicy", "no-referrer")
                .hook(Hook::Artwork),
        ),
    )
}

/// The stats line ("96 min episode · 3 min read"), after the same as a
/// sentence for screen readers: "96 min" reads as "96 minimum" in some, so
/// they get the sentence and the visible abbreviations are hidden from them.
/// A fragment, without the CSS that hides the sentence, shows everyone the
/// line.
fn stats(c: &Ctx) -> (Option<Element>, Element) {
    let (locale, m) = (c.locale(), c.msg());
    let mut stats = el("p").part("stats").class("stats");
    if let Some(secs) = c.card.duration {
        let secs = u64::from(secs);
        let (before, after) = i18n::split(m.episode);
        stats = stats
            .child(
                el("span")
                    .part("duration")
                    .text(before)
                    .child(el("time").attr("datetime", time::iso_duration(secs)).text(locale.duration(secs)))
                    .text(after),
            )
            .child(el("span").class("sep").text(" · "));
    }
    stats = stats.child(el("span").part("read-time").text(locale.count(m.min_read, c.facts.read_minutes)));
    if c.opts.fragment() {
        return (None, stats);
    }
    let spoken = locale.stats_spoken(c.facts.duration_minutes, c.facts.read_minutes);
    (Some(el("p").class("vh").text(spoken)), stats.attr("aria-hidden", "true"))
}

/// The topics, as a list (full layout only).
fn topics(c: &Ctx) -> Option<Element> {
    (!c.card.topics.is_empty() && !c.compact()).then(|| {
        el("ul")
            .part("topics")
            .attr("aria-label", c.msg().topics)
            .children(c.card.topics.iter().map(|t| el("li").part("topic").attr("dir", "auto").text(t.as_str())))
    })
}

/// The AI label, then what it means in words, for screen readers (the
/// sparkle before the label is decoration); for everyone in a fragment.
fn ai_label(c: &Ctx) -> Option<[Element; 2]> {
    let m = c.msg();
    let note = if c.opts.fragment() { el("p") } else { el("p").class("vh") };
    c.card.ai_generated.then(|| [el("p").part("ai-label").text(m.ai_label), note.text(m.ai_note)])
}

/// The takeaways, each with its share button. A compact card keeps every
/// takeaway (print shows them all) and hides those after the third behind a
/// disclosure button; a compact fragment, with neither buttons nor script,
/// has its first three.
fn takeaways(c: &Ctx) -> Element {
    let (card, locale, m, n) = (c.card, c.locale(), c.msg(), c.n);
    let (compact, fragment) = (c.compact(), c.opts.fragment());
    let shown = match card.takeaways.get(..COMPACT_TAKEAWAYS) {
        Some(first) if compact && fragment => first,
        _ => &card.takeaways,
    };
    let mut list = points(shown, "takeaway", "takeaway-title", "takeaway-text");
    let list_id = c.id("takeaway-list");
    list.attrs.push(("id", list_id.clone()));
    for (i, li) in list.children.iter_mut().enumerate() {
        let Node::Element(li) = li else { continue };
        let label = i18n::fill(m.share_takeaway, &locale.num(i as u64 + 1));
        li.attrs.push(("id", links::takeaway_fragment(card, i)));
        if compact && i >= COMPACT_TAKEAWAYS {
            conceal(li);
        }
        li.hook = Some(Hook::Takeaway(n, i));
        if fragment {
            continue;
        }
        li.children.push(Node::Element(
            el("button")
                .class("takeaway-share")
                .attr("type", "button")
                .attr("aria-label", label)
                .hook(Hook::TakeawayShare(n, i))
                .text(m.share),
        ));
    }
    let show_all = (compact && !fragment && card.takeaways.len() > COMPACT_TAKEAWAYS).then(|| {
        let show_all = locale.count(m.show_all, card.takeaways.len() as u64);
        el("button")
            .class("more")
            .attr("type", "button")
            .attr("aria-expanded", "false")
            .attr("aria-controls", list_id)
            .attr("data-more", show_all.clone())
            .attr("data-less", m.show_fewer)
            .hook(Hook::ShowAll(n))
            .text(show_all)
    });
    c.section("takeaways", m.takeaways).child(list).maybe(show_all)
}

/// What the episode covers, in a paragraph.
fn covers(c: &Ctx) -> Option<Element> {
    let text = c.card.covers.as_ref().filter(|_| !c.compact())?;
    Some(c.section("covers", c.msg().covers).child(el("p").attr("dir", "auto").text(text.as_str())))
}

/// The questions the episode answers, as a list.
fn questions(c: &Ctx) -> Option<Element> {
    let items = &c.card.questions;
    if items.is_empty() || c.compact() {
        return None;
    }
    Some(c.section("questions", c.msg().questions).child(points(items, "question", "question-title", "question-text")))
}

/// The notable moment, as a quotation.
fn notable(c: &Ctx) -> Option<Element> {
    let moment = c.card.notable_moment.as_ref().filter(|_| !c.compact())?;
    Some(
        c.section("notable", c.msg().notable)
            .child(el("blockquote").child(el("p").attr("dir", "auto").text(moment.as_str()))),
    )
}

/// Where to listen: a link per platform.
fn listen(c: &Ctx) -> Option<Element> {
    let items = &c.card.listen;
    if items.is_empty() || c.compact() {
        return None;
    }
    Some(c.section("listen", c.msg().listen).child(el("ul").class("links").children(
        items.iter().map(|l| el("li").child(link(l.url.as_str(), None).attr("dir", "auto").text(l.label.as_str()))),
    )))
}

/// The share prompt, the card's share button and the status line that
/// says what sharing did (none in a fragment, which has no script).
fn share(c: &Ctx) -> Option<Element> {
    if c.opts.fragment() {
        return None;
    }
    let m = c.msg();
    let share = el("div")
        .class("share")
        .child(el("p").class("share-prompt").attr("id", c.id("share-prompt")).text(m.share_prompt))
        .child(
            el("button")
                .part("share-button")
                .attr("type", "button")
                .attr("aria-describedby", c.id("share-prompt"))
                .hook(Hook::ShareButton(c.n))
                .text(m.share),
        )
        .child(el("p").class("status").attr("role", "status").hook(Hook::ShareStatus(c.n)));
    Some(share)
}

/// The call to action, a link (full layout only).
fn cta(c: &Ctx) -> Option<Element> {
    let cta = c.card.cta.as_ref().filter(|_| !c.compact())?;
    Some(
        el("p")
            .class("cta")
            .child(link(cta.url.as_str(), None).class("cta-link").attr("dir", "auto").text(cta.label.as_str())),
    )
}

/// The footer: the read time against the episode's length.
fn footer(c: &Ctx) -> Element {
    el("footer").part("footer").text(c.locale().footer(c.facts.read_minutes, c.facts.duration_minutes))
}

/// What a share menu offers: the link, the words, and a remembered
/// Mastodon server.
pub struct ShareMenu<'a> {
    pub targets: &'a [Target],
    pub text: &'a str,
    pub url: &'a str,
    pub title: &'a str,
    pub mastodon: Option<&'a str>,
    pub locale: Locale,
}

/// The share menu: a link per intent target (opening in a new tab) and a
/// button per action (copy, or Mastodon before its server is known).
pub fn share_menu(m: &ShareMenu) -> Element {
    let words = m.locale.messages();
    let items = m.targets.iter().map(|&t| {
        let item = match links::intent_url(t, m.text, m.url, m.title, m.mastodon) {
            Some(href) => link(&href, None),
            None => el("button").attr("type", "button"),
        };
        item.attr("role", "menuitem")
            .attr("tabindex", "-1")
            .attr("data-target", t.id())
            .attr("aria-label", t.accessible_name(words))
            .hook(Hook::MenuItem(t))
            .text(t.label(words))
    });
    el("div")
        .part("share-menu")
        .class("share-menu")
        .attr("role", "menu")
        .attr("aria-label", words.share_menu)
        .children(items)
}

/// The one question the Mastodon entry asks, the first time.
pub fn mastodon_form(locale: Locale) -> Element {
    let m = locale.messages();
    el("form")
        .class("mastodon")
        .child(
            el("label").text(m.mastodon_server).child(
                el("input")
                    .attr("name", "server")
                    .attr("type", "text")
                    .attr("inputmode", "url")
                    .attr("autocomplete", "url")
                    .attr("placeholder", "mastodon.social")
                    .attr("required", ""),
            ),
        )
        .child(el("button").attr("type", "submit").text(m.mastodon_go))
}

/// The link in a field to copy by hand, where the clipboard is refused:
/// read-only and named; the DOM layer focuses and selects it.
pub fn copy_field(url: &str, words: &Messages) -> Element {
    el("input").attr("readonly", "").attr("value", url).attr("aria-label", words.copy_field).class("copy-field")
}

/// The view's root: carries the theme for the stylesheet, and the UI
/// language and its direction (data text sets its own with `dir="auto"`).
fn root(opts: &Options) -> Element {
    language(el("div").class("sc").attr("data-theme", opts.theme_name()), opts)
}

/// `e` with the UI language and its direction.
fn language(e: Element, opts: &Options) -> Element {
    e.attr("lang", opts.locale.tag()).attr("dir", if opts.locale.rtl() { "rtl" } else { "ltr" })
}

/// A whole document: one card, or a collection shown as compact cards. A
/// fragment has no root: the card (or collection) carries the language.
pub fn document_view(doc: &Document, opts: &Options) -> Element {
    let body = match doc {
        Document::Card(card) => card_view(card, opts, 0, opts.heading),
        Document::Collection(cards) => collection(cards, opts),
    };
    if opts.fragment() {
        return language(body, opts);
    }
    root(opts).child(body)
}

/// A collection: a heading (the show, when every episode has the same one,
/// and the count), then the episodes as compact cards, a page at a time
/// behind a "Show more" button (a fragment has its first page).
fn collection(cards: &[Card], opts: &Options) -> Element {
    let compact = Options { layout: Layout::Compact, ..*opts };
    let fragment = opts.fragment();
    let mut heading = el(heading(opts.heading)).attr("id", "sc-collection").attr("dir", "auto");
    let shows: Vec<&str> = cards.iter().filter_map(|c| c.show.as_ref()).map(|s| s.name.as_str()).collect();
    if let Some(first) = shows.first().filter(|f| shows.len() == cards.len() && shows.iter().all(|s| s == *f)) {
        heading = heading.child(isolated(first)).text(": ");
    }
    let count = opts.locale.count(opts.msg().episodes, cards.len() as u64);
    let shown = match cards.get(..EPISODES_PAGE) {
        Some(first) if fragment => first,
        _ => cards,
    };
    el("section")
        .class("collection")
        .attr("aria-labelledby", "sc-collection")
        .child(heading.text(count))
        .child(el("ul").class("episodes").attr("id", "sc-episodes").children(shown.iter().enumerate().map(|(i, c)| {
            let li = el("li").hook(Hook::Episode(i));
            let mut li = li.child(card_view(c, &compact, i, opts.heading.saturating_add(1)));
            if i >= EPISODES_PAGE {
                conceal(&mut li);
            }
            li
        })))
        .maybe((cards.len() > EPISODES_PAGE && !fragment).then(|| {
            el("button")
                .class("more")
                .attr("type", "button")
                .attr("aria-controls", "sc-episodes")
                .hook(Hook::ShowMore)
                .text(show_more_label(opts.locale, cards.len() - EPISODES_PAGE))
        }))
}

/// The cards of a document, in hook order.
pub fn cards(doc: &Document) -> &[Card] {
    match doc {
        Document::Card(card) => core::slice::from_ref(card),
        Document::Collection(cards) => cards,
    }
}

/// The alert shown instead of a card, followed by a `<slot>` so the page's
/// fallback content stays visible.
pub fn error_view(detail: &str, more: usize, opts: &Options) -> Element {
    let mut alert = el("div")
        .part("error")
        .class("error")
        .attr("role", "alert")
        .child(el("p").class("error-title").text(opts.msg().error_title))
        // The detail is in English, as in the console and the CLI.
        .child(el("p").class("error-detail").attr("lang", "en").attr("dir", "auto").text(detail));
    if more > 0 {
        let s = opts.locale.count(opts.msg().more_problems, more as u64);
        alert = alert.child(el("p").class("error-more").text(s));
    }
    root(opts).child(alert).child(el("slot"))
}

/// The alert for validation errors: the first one in words, and a count.
pub fn errors_view(errors: &[Error], opts: &Options) -> Element {
    let first = errors.first().map(describe_error).unwrap_or_default();
    error_view(&first, errors.len().saturating_sub(1), opts)
}

/// `takeaways[2].title: expected a string, found 42`, or the message alone
/// for the document itself.
pub fn describe_error(e: &Error) -> String {
    if e.path.is_empty() {
        e.message.clone()
    } else {
        concat(&[&e.path, ": ", &e.message])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::validate::parse_document;

    fn seed() -> Document {
        parse_document(include_str!("../../www/episodes/ilya.json")).unwrap()
    }

    /// The distinct `part` names, in the order they first appear.
    fn parts(e: &Element, out: &mut Vec<String>) {
        if let Some(p) = e.get("part") {
            if !out.iter().any(|x| x == p) {
                out.push(p.into());
            }
        }
        for c in &e.children {
            if let Node::Element(c) = c {
                parts(c, out);
            }
        }
    }

    fn count(e: &Element, part: &str) -> usize {
        let own = usize::from(e.get("part") == Some(part));
        own + e.children.iter().map(|c| if let Node::Element(c) = c { count(c, part) } else { 0 }).sum::<usize>()
    }

    fn text(e: &Element) -> String {
        let mut s = String::new();
        for c in &e.children {
            match c {
                Node::Text(t) => s.push_str(t),
                Node::Element(c) => s.push_str(&text(c)),
            }
        }
        s
    }

    fn find<'a>(e: &'a Element, part: &str) -> Option<&'a Element> {
        if e.get("part") == Some(part) {
            return Some(e);
        }
        e.children.iter().find_map(|c| match c {
            Node::Element(c) => find(c, part),
            Node::Text(_) => None,
        })
    }

    #[test]
    fn the_seed_shows_every_section() {
        let v = document_view(&seed(), &Options::default());
        let mut p = Vec::new();
        parts(&v, &mut p);
        assert_eq!(
            p,
            [
                "card",
                "show",
                "title",
                "guests",
                "stats",
                "duration",
                "read-time",
                "topics",
                "topic",
                "ai-label",
                "takeaways",
                "takeaway",
                "takeaway-title",
                "takeaway-text",
                "covers",
                "questions",
                "question",
                "question-title",
                "question-text",
                "notable",
                "listen",
                "share-button",
                "footer"
            ]
        );
        assert_eq!((count(&v, "takeaway"), count(&v, "question"), count(&v, "topic")), (5, 5, 2));
        assert_eq!(text(find(&v, "stats").unwrap()), "96 min episode · 3 min read");
        assert_eq!(text(find(&v, "footer").unwrap()), "You just read a 3-minute summary of a 96-minute episode.");
        assert_eq!(text(find(&v, "guests").unwrap()), "with Ilya Sutskever");
        assert_eq!(text(find(&v, "ai-label").unwrap()), "AI-generated summary");
    }

    #[test]
    fn absent_fields_leave_no_empty_boxes() {
        let doc = parse_document(r#"{"title": "T", "takeaways": [{"text": "one two"}]}"#).unwrap();
        let v = document_view(&doc, &Options::default());
        let mut p = Vec::new();
        parts(&v, &mut p);
        assert_eq!(
            p,
            ["card", "title", "stats", "read-time", "takeaways", "takeaway", "takeaway-text", "share-button", "footer"]
        );
        assert_eq!(text(find(&v, "stats").unwrap()), "1 min read");
        assert_eq!(text(find(&v, "footer").unwrap()), "You just read a 1-minute summary.");
    }

    #[test]
    fn compact_layout_keeps_the_head_and_three_takeaways() {
        let v = document_view(&seed(), &Options { layout: Layout::Compact, ..Options::default() });
        let mut p = Vec::new();
        parts(&v, &mut p);
        // All five are there (print shows them); two wait behind the button,
        // their parts parked in data-part so only the shown three count.
        assert_eq!(count(&v, "takeaway"), 3);
        let html = crate::core::html::to_html(&v);
        assert_eq!(html.matches("<li part=\"takeaway\" id=\"").count(), 3);
        assert_eq!(html.matches("<li data-part=\"takeaway\" id=\"").count(), 2);
        assert_eq!(html.matches("\" hidden=\"\">").count(), 2, "{html}");
        assert!(html.contains(
            "<button class=\"more\" type=\"button\" aria-expanded=\"false\" aria-controls=\"sc0-takeaway-list\" data-more=\"Show all 5 takeaways\" data-less=\"Show fewer takeaways\">Show all 5 takeaways</button>"
        ));
        // Three or fewer: no button.
        let doc =
            parse_document(r#"{"title": "T", "takeaways": [{"text": "a"}, {"text": "b"}, {"text": "c"}]}"#).unwrap();
        let v = document_view(&doc, &Options { layout: Layout::Compact, ..Options::default() });
        assert!(!crate::core::html::to_html(&v).contains("class=\"more\""));
        for absent in ["covers", "questions", "notable", "listen", "topics"] {
            assert!(!p.iter().any(|x| x == absent), "{absent}");
        }
    }

    #[test]
    fn a_collection_shows_a_page_then_a_show_more_button() {
        let one = r#"{"title": "T", "takeaways": [{"text": "a"}]}"#;
        let doc = |n: usize| parse_document(&concat(&[r#"{"episodes": ["#, &vec![one; n].join(","), "]}"])).unwrap();
        let html = crate::core::html::to_html(&document_view(&doc(14), &Options::default()));
        assert_eq!(html.matches("<li hidden=\"\">").count(), 2, "{html}");
        assert!(html.contains(">14 episodes</h2>"));
        assert!(html.contains("aria-controls=\"sc-episodes\">Show 2 more episodes</button>"), "{html}");
        let html = crate::core::html::to_html(&document_view(&doc(12), &Options::default()));
        assert!(!html.contains("<li hidden") && !html.contains("class=\"more\""));
        assert_eq!(
            (show_more_label(Locale::En, 1), show_more_label(Locale::En, 40)),
            ("Show 1 more episode".into(), "Show 12 more episodes".into())
        );
    }

    #[test]
    fn artwork_sits_over_the_shows_initial() {
        let card = |name: &str| {
            let src = concat(&[
                r#"{"title": "T", "takeaways": [{"text": "a"}], "show": {"name": ""#,
                name,
                r#"", "artwork": "https://a.example/i.png"}}"#,
            ]);
            crate::core::html::to_html(&document_view(&parse_document(&src).unwrap(), &Options::default()))
        };
        assert!(card("dwarkesh").contains("<span class=\"art\" aria-hidden=\"true\">D<img class=\"artwork\" src=\"https://a.example/i.png\" alt=\"\" width=\"64\" height=\"64\" loading=\"lazy\""));
        assert!(card("  «Éclair»").contains("aria-hidden=\"true\">É<img"));
    }

    /// Every element of `e`'s tree, in document order.
    fn all(e: &Element) -> Vec<&Element> {
        let mut out = vec![e];
        for c in &e.children {
            if let Node::Element(c) = c {
                out.extend(all(c));
            }
        }
        out
    }

    #[test]
    fn static_output_is_the_live_card_and_a_fragment_has_nothing_that_needs_script() {
        let one = r#"{"title": "T", "takeaways": [{"text": "a"}]}"#;
        let showcase = parse_document(&concat(&[r#"{"episodes": ["#, &vec![one; 14].join(","), "]}"])).unwrap();
        for (doc, layout) in [(seed(), Layout::Full), (seed(), Layout::Compact), (showcase, Layout::Full)] {
            let opts = |output| Options { layout, output, ..Options::default() };
            let live = document_view(&doc, &opts(Output::Live));
            assert_eq!(document_view(&doc, &opts(Output::Static)), live);
            let fragment = document_view(&doc, &opts(Output::Fragment));
            // The root's one child, with the root's language.
            let Some(Node::Element(body)) = live.children.first() else { panic!("{live:?}") };
            assert_eq!(fragment.tag, body.tag);
            assert_eq!((fragment.get("lang"), fragment.get("dir")), (Some("en"), Some("ltr")));
            for e in all(&fragment) {
                assert!(e.tag != "button", "{e:?}");
                for absent in ["hidden", "aria-hidden", "data-part"] {
                    assert_eq!(e.get(absent), None, "{absent}: {e:?}");
                }
                assert!(!matches!(e.get("class"), Some("vh" | "share")), "{e:?}");
            }
            // What a reader sees first: the live card's shown parts, but the
            // share button.
            for part in ["card", "takeaway", "question", "stats", "ai-label"] {
                assert_eq!(count(&fragment, part), count(&live, part), "{part}");
            }
            assert_eq!(count(&fragment, "share-button"), 0);
        }
    }

    /// A card's sections are headed but unnamed, so not landmarks: a page
    /// of cards would otherwise repeat "Key takeaways" and the rest as
    /// regions of one name.
    #[test]
    fn a_cards_sections_are_not_landmarks() {
        for layout in [Layout::Full, Layout::Compact] {
            let v = document_view(&seed(), &Options { layout, ..Options::default() });
            for e in all(&v) {
                assert!(!matches!(e.tag, "nav" | "aside" | "main" | "form"), "{e:?}");
                assert!(e.get("role").is_none() || e.get("role") == Some("status"), "{e:?}");
                if e.tag == "section" {
                    assert_eq!((e.get("aria-labelledby"), e.get("aria-label")), (None, None), "{e:?}");
                    let Some(Node::Element(h)) = e.children.first() else { panic!("{e:?}") };
                    assert_eq!(h.tag, "h3");
                }
            }
        }
    }

    #[test]
    fn wpm_changes_the_read_time() {
        let v = document_view(&seed(), &Options { wpm: 100, ..Options::default() });
        assert_eq!(text(find(&v, "read-time").unwrap()), "7 min read");
    }

    #[test]
    fn heading_level_sets_the_title_and_sections() {
        let html = |level: &str| {
            crate::core::html::to_html(&document_view(&seed(), &Options::default().with_heading_level(level)))
        };
        let h3 = html("3");
        assert!(h3.contains("<h3 part=\"title\"") && h3.contains("<h4"), "{h3}");
        assert!(!h3.contains("<h2"), "{h3}");
        for bad in ["", "0", "7", "x", "-1"] {
            assert!(html(bad).contains("<h2 part=\"title\""), "{bad}");
        }
        let h6 = html("6");
        assert!(h6.contains("<h6 part=\"title\"") && !h6.contains("<h7"), "{h6}");
    }

    #[test]
    fn options_from_attributes() {
        assert_eq!(Options::from_attributes("", "", ""), Options::default());
        let o = Options::from_attributes(" DARK", "compact", "300");
        assert_eq!((o.theme, o.layout, o.wpm), (Theme::Dark, Layout::Compact, 300));
        assert_eq!(Options::from_attributes("neon", "grid", "5").wpm, DEFAULT_WPM);
    }

    /// Every text node with its parent element.
    fn texts<'a>(e: &'a Element, out: &mut Vec<(&'a Element, &'a str)>) {
        for c in &e.children {
            match c {
                Node::Text(t) => out.push((e, t.as_str())),
                Node::Element(c) => texts(c, out),
            }
        }
    }

    #[test]
    fn every_data_string_is_isolated_for_bidi() {
        // A right-to-left override opens every data string and none is closed.
        let card = r#"{"title": "\u202eT", "show": {"name": "\u202eS", "url": "https://s.example"},
            "guests": ["\u202eG1", "\u202eG2", "\u202eG3"], "topics": ["\u202eP"],
            "takeaways": [{"title": "\u202eKT", "text": "\u202eKX"}], "covers": "\u202eC",
            "questions": [{"title": "\u202eQT", "text": "\u202eQX"}], "notable_moment": "\u202eN",
            "listen": [{"label": "\u202eL", "url": "https://l.example"}],
            "cta": {"text": "\u202eA", "url": "https://a.example"}}"#;
        let collection = concat(&[r#"{"episodes": ["#, card, ",", card, "]}"]);
        // 14 strings in the full card; the collection's compact cards show 7
        // each, and its heading names the show.
        for (src, strings) in [(card, 14), (collection.as_str(), 15)] {
            let v = document_view(&parse_document(src).unwrap(), &Options::default());
            let mut all = Vec::new();
            texts(&v, &mut all);
            let data: Vec<_> = all.iter().filter(|(_, t)| t.contains('\u{202e}')).collect();
            assert_eq!(data.len(), strings, "{data:?}");
            for (parent, t) in data {
                assert!(parent.tag == "bdi" || parent.get("dir") == Some("auto"), "<{}> holds {t:?}", parent.tag);
                assert_eq!(text(parent), *t, "<{}> holds {t:?} beside other text", parent.tag);
            }
        }
        let v = document_view(&parse_document(card).unwrap(), &Options::default());
        assert_eq!(text(find(&v, "guests").unwrap()), "with \u{202e}G1, \u{202e}G2 and \u{202e}G3");
    }

    #[test]
    fn error_view_states_the_first_problem_and_counts_the_rest() {
        let errors = crate::core::validate::validate(r#"{"title": 1, "takeaways": [{"text": 2}]}"#);
        let v = errors_view(&errors, &Options::default());
        let alert = find(&v, "error").unwrap();
        assert_eq!(alert.get("role"), Some("alert"));
        assert_eq!(
            text(alert),
            "This summary can't be shown.title: expected a string, found 1…and 1 more problem (the browser console lists them all)."
        );
    }
}
