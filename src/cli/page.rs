//! The CLI's static output (`summary-card render`): the card as HTML that
//! shows without JavaScript and that the widget upgrades in place, its
//! schema.org JSON-LD, and a bare fragment for newsletters and feeds.
//!
//! Built from the same view tree as the widget ([`document_view`],
//! [`to_html`]), so the text and the `part`s match. CLI only (native and
//! WASI): the browser's wasm never carries it.

use crate::core::html::to_html;
use crate::core::model::{Card, Document};
use crate::core::readtime::DEFAULT_WPM;
use crate::core::text::fnv1a;
use crate::core::time;
use crate::core::view::{document_view, Element, Layout, Node, Options, Output, Theme};
use serde_json::{json, Map, Value};

/// JSON text made safe inside a `<script>` element: every `<` becomes
/// `\u003c`, so data holding `</script>` or `<!--` cannot end the script or
/// change how the parser reads it. In JSON text `<` can only occur inside a
/// string, where `\u003c` means the same character.
pub fn script_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// The attributes of `<summary-card>` that make the widget render what the
/// static HTML shows: the options that differ from the widget's defaults,
/// and `locale` always (else the widget would follow the page's `lang`).
pub fn host_attributes(opts: &Options) -> Vec<(&'static str, String)> {
    let mut attrs = Vec::new();
    match opts.theme {
        Theme::Auto => {}
        Theme::Light => attrs.push(("theme", "light".to_string())),
        Theme::Dark => attrs.push(("theme", "dark".to_string())),
    }
    if opts.layout == Layout::Compact {
        attrs.push(("layout", "compact".to_string()));
    }
    if opts.wpm != DEFAULT_WPM {
        attrs.push(("wpm", opts.wpm.to_string()));
    }
    if opts.heading != Options::default().heading {
        attrs.push(("heading-level", opts.heading.to_string()));
    }
    attrs.push(("locale", opts.locale.tag().to_string()));
    attrs
}

/// The `<meta>` tags for the `<head>` of the page that shows `card`, so
/// that link previews (Open Graph, X) show its title, what it covers and
/// `image_url` (`summary-card render --meta IMAGE_URL`): og:type, og:title,
/// og:description (from `covers`, when there is one), og:url (the card's
/// `url`, when there is one), og:image with its size (the PNG of
/// `summary-card image`, 1080 by 1350), and twitter:card. Every value is
/// escaped for a double-quoted attribute.
pub fn meta(card: &Card, image_url: &str) -> String {
    let mut out = String::new();
    let mut tag = |attr: &str, name: &str, content: &str| {
        out.push_str("<meta ");
        out.push_str(attr);
        out.push_str("=\"");
        out.push_str(name);
        out.push_str("\" content=\"");
        crate::core::html::escape(&mut out, content);
        out.push_str("\">\n");
    };
    tag("property", "og:type", "article");
    tag("property", "og:title", &card.title);
    if let Some(covers) = &card.covers {
        tag("property", "og:description", covers);
    }
    if let Some(url) = &card.url {
        tag("property", "og:url", url.as_str());
    }
    tag("property", "og:image", image_url);
    tag("property", "og:image:width", &crate::core::quote::WIDTH.to_string());
    tag("property", "og:image:height", &crate::core::quote::HEIGHT.to_string());
    tag("name", "twitter:card", "summary_large_image");
    out
}

/// `<summary-card>` holding the card in a declarative shadow root (with the
/// card's stylesheet, so it shows without JavaScript) and the data `json`
/// as its inline `<script type="application/json">`, which the widget reads
/// when it loads and upgrades the card in place.
pub fn element(doc: &Document, json: &str, opts: &Options) -> String {
    let mut out = String::from("<summary-card");
    for (name, value) in host_attributes(opts) {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        crate::core::html::escape(&mut out, &value);
        out.push('"');
    }
    out.push_str(">\n<template shadowrootmode=\"open\"><style>");
    out.push_str(crate::core::CSS.trim_end());
    out.push_str("</style>");
    out.push_str(&to_html(&document_view(doc, &Options { output: Output::Static, ..*opts })));
    out.push_str("</template>\n<script type=\"application/json\">\n");
    // A byte order mark is no part of the JSON text.
    out.push_str(&script_json(json.trim_start_matches('\u{feff}').trim_end()));
    out.push_str("\n</script>\n</summary-card>\n");
    out
}

/// The whole `render` output: the element, then its JSON-LD.
pub fn render(doc: &Document, json: &str, opts: &Options) -> String {
    let mut out = element(doc, json, opts);
    out.push_str("<script type=\"application/ld+json\">\n");
    out.push_str(&json_ld(doc));
    out.push_str("\n</script>\n");
    out
}

/// One card as a schema.org `PodcastEpisode` (without `@context`). Keys
/// come out sorted, so `@context` and `@type` lead.
pub fn episode(card: &Card) -> Value {
    let mut e = Map::new();
    e.insert("@type".into(), json!("PodcastEpisode"));
    e.insert("name".into(), json!(card.title));
    if let Some(id) = &card.id {
        e.insert("identifier".into(), json!(id));
    }
    if let Some(url) = &card.url {
        e.insert("url".into(), json!(url.as_str()));
    }
    if let Some(covers) = &card.covers {
        e.insert("description".into(), json!(covers));
    }
    if let Some(d) = card.published {
        e.insert("datePublished".into(), json!(time::iso_date(d)));
    }
    if let Some(secs) = card.duration {
        let d = time::iso_duration_exact(secs.into());
        // `duration` is Episode's own; `timeRequired` is what CreativeWork
        // readers look for. Both are the listening time.
        e.insert("duration".into(), json!(d));
        e.insert("timeRequired".into(), json!(d));
    }
    if let Some(show) = &card.show {
        let mut s = Map::new();
        s.insert("@type".into(), json!("PodcastSeries"));
        s.insert("name".into(), json!(show.name));
        if let Some(url) = &show.url {
            s.insert("url".into(), json!(url.as_str()));
        }
        e.insert("partOfSeries".into(), Value::Object(s));
        if let Some(art) = &show.artwork {
            e.insert("image".into(), json!(art.as_str()));
        }
    }
    if !card.guests.is_empty() {
        let people: Vec<Value> = card.guests.iter().map(|g| json!({"@type": "Person", "name": g})).collect();
        e.insert("contributor".into(), Value::Array(people));
    }
    if !card.topics.is_empty() {
        e.insert("keywords".into(), json!(card.topics));
    }
    Value::Object(e)
}

/// schema.org JSON-LD for the document, escaped for a `<script>`: one
/// `PodcastEpisode`, or an `ItemList` of them for a collection.
pub fn json_ld(doc: &Document) -> String {
    let value = match doc {
        Document::Card(card) => {
            let mut e = episode(card);
            if let Value::Object(m) = &mut e {
                m.insert("@context".into(), json!("https://schema.org"));
            }
            e
        }
        Document::Collection(list) => {
            let items: Vec<Value> = list
                .iter()
                .enumerate()
                .map(|(i, c)| json!({"@type": "ListItem", "position": i + 1, "item": episode(c)}))
                .collect();
            let mut m = Map::new();
            m.insert("@context".into(), json!("https://schema.org"));
            m.insert("@type".into(), json!("ItemList"));
            let shows: Vec<&str> = list.iter().filter_map(|c| c.show.as_ref()).map(|s| s.name.as_str()).collect();
            if let Some(first) = shows.first().filter(|f| shows.len() == list.len() && shows.iter().all(|s| s == *f)) {
                m.insert("name".into(), json!(first));
            }
            m.insert("numberOfItems".into(), json!(list.len()));
            m.insert("itemListElement".into(), Value::Array(items));
            Value::Object(m)
        }
    };
    script_json(&serde_json::to_string_pretty(&value).unwrap_or_default())
}

/// The card's markup alone, for newsletters and feeds: the view's
/// [`Output::Fragment`] (the `<article>`, or a collection's `<section>`,
/// with the card's `lang` and `dir`; no custom element, stylesheet or
/// script), its ids named after its content.
pub fn fragment(doc: &Document, opts: &Options) -> String {
    let mut e = document_view(doc, &Options { output: Output::Fragment, ..*opts });
    // Outside a shadow root ids are page-wide: name them after the content,
    // so two different fragments in one page never share one.
    let prefix = format!("sc-{:08x}-", fnv1a(to_html(&e).as_bytes()));
    rename_ids(&mut e, &prefix);
    let mut out = to_html(&e);
    out.push('\n');
    out
}

/// Gives every view id (`sc0-title`) and every reference to one the prefix
/// `p` instead of `sc` (`sc-1a2b3c4d-0-title`).
fn rename_ids(e: &mut Element, p: &str) {
    for (name, value) in &mut e.attrs {
        if matches!(*name, "id" | "for" | "aria-labelledby" | "aria-describedby" | "aria-controls") {
            let tokens: Vec<String> = value
                .split(' ')
                .map(|t| match t.strip_prefix("sc") {
                    Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => format!("{p}{rest}"),
                    _ => t.to_string(),
                })
                .collect();
            *value = tokens.join(" ");
        }
    }
    for c in &mut e.children {
        if let Node::Element(c) = c {
            rename_ids(c, p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::validate::parse_document;

    fn seed() -> Document {
        parse_document(include_str!("../../www/episodes/ilya.json")).unwrap()
    }

    #[test]
    fn script_json_cannot_close_the_script() {
        let s = script_json(r#"{"t": "</script><!--<script>"}"#);
        assert!(!s.contains('<'));
        let back: Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back["t"], "</script><!--<script>");
    }

    #[test]
    fn the_element_holds_the_widgets_markup_and_the_data() {
        let src = include_str!("../../www/episodes/ilya.json");
        let opts = Options::default();
        let html = element(&seed(), src, &opts);
        let view = to_html(&document_view(&seed(), &opts));
        assert!(html.starts_with("<summary-card locale=\"en\">\n<template shadowrootmode=\"open\"><style>"));
        assert!(html.contains(&["</style>", &view, "</template>"].concat()));
        assert!(html.ends_with("</script>\n</summary-card>\n"));
        assert!(!crate::core::CSS.contains("</"), "the stylesheet must not end its <style>");
    }

    #[test]
    fn host_attributes_name_what_differs_from_the_widgets_defaults() {
        assert_eq!(host_attributes(&Options::default()), [("locale", "en".to_string())]);
        let o = Options::from_attributes("dark", "compact", "300").with_heading_level("3").with_locale("pt-BR");
        let names: Vec<_> = host_attributes(&o).into_iter().map(|(n, v)| [n, &v].concat()).collect();
        assert_eq!(names, ["themedark", "layoutcompact", "wpm300", "heading-level3", "localept"]);
    }

    #[test]
    fn the_fragment_reads_right_without_css_or_script() {
        let html = fragment(&seed(), &Options::default());
        assert!(html.starts_with("<article part=\"card\""), "{html}");
        assert!(html.contains(" lang=\"en\" dir=\"ltr\">"));
        for absent in ["<button", "class=\"vh\"", "aria-hidden", "<script", "<style", "hidden", "share-prompt"] {
            assert!(!html.contains(absent), "{absent}: {html}");
        }
        assert!(html.contains("<p part=\"stats\" class=\"stats\"><span part=\"duration\">"));
        assert!(html.contains("<p>Written by AI from the episode; it may contain mistakes.</p>"));
        // Compact: the three takeaways a reader sees first, no button.
        let compact = fragment(&seed(), &Options { layout: Layout::Compact, ..Options::default() });
        assert_eq!(compact.matches("part=\"takeaway\"").count(), 3);
        assert!(!compact.contains("data-part"));
    }

    /// Every id in `html`, and every id it refers to.
    fn ids(html: &str) -> (Vec<String>, Vec<String>) {
        let attr = |name: &str| -> Vec<String> {
            html.split(&format!(" {name}=\""))
                .skip(1)
                .flat_map(|s| s.split('"').next().unwrap().split(' '))
                .map(String::from)
                .collect()
        };
        let refs =
            ["aria-labelledby", "aria-describedby", "aria-controls", "for"].iter().flat_map(|n| attr(n)).collect();
        (attr("id"), refs)
    }

    #[test]
    fn fragment_ids_are_named_after_the_content_and_resolve() {
        let a = fragment(&seed(), &Options::default());
        let (a_ids, a_refs) = ids(&a);
        assert!(!a_ids.is_empty() && !a_refs.is_empty());
        let prefix = a_ids[0].get(..12).unwrap().to_string();
        assert!(prefix.starts_with("sc-") && prefix.ends_with('-'), "{prefix}");
        // View ids carry the prefix; ids from the data (takeaway anchors) stay.
        assert!(a_ids.iter().filter(|id| id.starts_with("sc")).all(|id| id.starts_with(&prefix)), "{a_ids:?}");
        assert!(a_ids.iter().any(|id| id.starts_with("ilya-sutskever")), "{a_ids:?}");
        assert!(a_refs.iter().all(|r| a_ids.contains(r)), "{a_refs:?} not in {a_ids:?}");
        // Another card, another prefix: both can share a page.
        let mut other = seed();
        if let Document::Card(c) = &mut other {
            c.title.push_str(" (part 2)");
        }
        let (b_ids, _) = ids(&fragment(&other, &Options::default()));
        assert!(b_ids.iter().filter(|id| id.starts_with("sc")).all(|id| !a_ids.contains(id)), "{b_ids:?}");
        // The same card gives the same markup.
        assert_eq!(a, fragment(&seed(), &Options::default()));
    }

    #[test]
    fn json_ld_of_the_seed() {
        let v: Value = serde_json::from_str(&json_ld(&seed())).unwrap();
        assert_eq!(v["@context"], "https://schema.org");
        assert_eq!(v["@type"], "PodcastEpisode");
        assert_eq!(v["duration"], "PT1H36M");
        assert_eq!(v["partOfSeries"]["@type"], "PodcastSeries");
        assert_eq!(v["contributor"][0]["name"], "Ilya Sutskever");
        assert_eq!(v["keywords"], json!(["Startups", "Science & Discovery"]));
        assert!(json_ld(&seed()).starts_with("{\n  \"@context\""));
    }
}
