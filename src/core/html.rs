//! The view as an escaped HTML string: for the CLI, static fallbacks and
//! snapshot tests. Same tree as the DOM renderer, so the same text and parts.

use crate::core::view::{Element, Node};

/// Elements that have no end tag.
fn is_void(tag: &str) -> bool {
    matches!(tag, "img" | "br" | "hr" | "input" | "meta" | "link")
}

/// Escapes text for element content and double-quoted attribute values.
pub fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Raw, an HTML parser would turn it into a line feed; the
            // widget's text keeps it (issue 16).
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
}

/// Appends the element and its children as HTML.
pub fn write(out: &mut String, e: &Element) {
    out.push('<');
    out.push_str(e.tag);
    for (name, value) in &e.attrs {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        escape(out, value);
        out.push('"');
    }
    out.push('>');
    if is_void(e.tag) {
        return;
    }
    for c in &e.children {
        match c {
            Node::Element(c) => write(out, c),
            Node::Text(t) => escape(out, t),
        }
    }
    out.push_str("</");
    out.push_str(e.tag);
    out.push('>');
}

/// The element as an HTML string.
pub fn to_html(e: &Element) -> String {
    let mut s = String::new();
    write(&mut s, e);
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::validate::parse_document;
    use crate::core::view::{document_view, el, Options};

    #[test]
    fn text_and_attributes_are_escaped() {
        let e = el("p").attr("title", "\"><script>").text("<b>&'x'</b>");
        assert_eq!(to_html(&e), "<p title=\"&quot;&gt;&lt;script&gt;\">&lt;b&gt;&amp;&#39;x&#39;&lt;/b&gt;</p>");
    }

    /// Raw, a carriage return would reach the static card's DOM as a line
    /// feed while the widget's text keeps it.
    #[test]
    fn issue_16_a_carriage_return_is_written_as_a_reference() {
        let e = el("p").attr("title", "a\r\nb").text("c\rd");
        assert_eq!(to_html(&e), "<p title=\"a&#13;\nb\">c&#13;d</p>");
    }

    #[test]
    fn void_elements_have_no_end_tag() {
        assert_eq!(to_html(&el("img").attr("src", "https://a.b/c.png")), "<img src=\"https://a.b/c.png\">");
    }

    #[test]
    fn hostile_text_stays_text() {
        let doc = parse_document(
            r#"{"title": "<img src=x onerror=alert(1)>", "takeaways": [{"title": "\"><svg onload=alert(1)>", "text": "</li><script>alert(1)</script>"}]}"#,
        )
        .unwrap();
        let html = to_html(&document_view(&doc, &Options::default()));
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<svg"), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }

    /// The tags and attribute names in `html`, in order (text is escaped,
    /// so every `<` starts a tag).
    fn tags(html: &str) -> Vec<(String, Vec<String>)> {
        let mut out = Vec::new();
        for chunk in html.split('<').skip(1) {
            let Some(tag) = chunk.split('>').next().filter(|t| !t.starts_with('/')) else { continue };
            let (name, rest) = tag.split_once(' ').unwrap_or((tag, ""));
            let attrs =
                rest.split('"').step_by(2).filter_map(|a| a.trim().strip_suffix('=')).map(String::from).collect();
            out.push((name.to_string(), attrs));
        }
        out
    }

    #[test]
    fn hostile_corpus_renders_only_the_cards_own_markup() {
        const TAGS: &[&str] = &[
            "div",
            "article",
            "header",
            "img",
            "p",
            "a",
            "span",
            "bdi",
            "h2",
            "h3",
            "h4",
            "time",
            "ul",
            "li",
            "strong",
            "section",
            "nav",
            "blockquote",
            "button",
            "footer",
        ];
        const ATTRS: &[&str] = &[
            "class",
            "part",
            "id",
            "dir",
            "href",
            "target",
            "rel",
            "src",
            "alt",
            "width",
            "height",
            "loading",
            "decoding",
            "referrerpolicy",
            "datetime",
            "aria-hidden",
            "aria-label",
            "aria-labelledby",
            "aria-describedby",
            "type",
            "role",
            "data-theme",
            "data-layout",
            "lang",
            "aria-expanded",
            "aria-controls",
            "data-more",
            "data-less",
            "hidden",
        ];
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
        let mut payloads = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if !(name.starts_with("ok-") && name.ends_with(".json")) {
                continue;
            }
            let doc = parse_document(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let view = document_view(&doc, &Options::default());
            let html = to_html(&view);
            let mut images = 0;
            for (tag, attrs) in tags(&html) {
                assert!(TAGS.contains(&tag.as_str()), "{name}: <{tag}>");
                for a in attrs {
                    assert!(ATTRS.contains(&a.as_str()), "{name}: <{tag} {a}>");
                }
                images += usize::from(tag == "img");
            }
            let cards = html.matches("<article").count();
            assert!(images <= cards, "{name}: {images} images for {cards} cards");
            // The payload's quote is escaped wherever the card shows it.
            let shown = strings(&view).iter().any(|s| s.contains("__pwned('"));
            assert!(!html.contains("__pwned('"), "{name}");
            assert_eq!(html.contains("__pwned(&#39;"), shown, "{name}");
            payloads += usize::from(shown);
        }
        assert!(payloads >= 10, "the corpus shows the payload in {payloads} cards");
    }

    /// Every attribute value and text node of the tree.
    fn strings(e: &Element) -> Vec<&str> {
        let mut out: Vec<&str> = e.attrs.iter().map(|(_, v)| v.as_str()).collect();
        for c in &e.children {
            match c {
                Node::Element(c) => out.extend(strings(c)),
                Node::Text(t) => out.push(t),
            }
        }
        out
    }

    #[test]
    fn share_menu_snapshot() {
        use crate::core::links::Target;
        use crate::core::view::{share_menu, ShareMenu};
        let m = ShareMenu {
            targets: &[Target::Copy, Target::X, Target::Mastodon],
            text: "T & U",
            url: "https://e.com/a?b=1",
            title: "T",
            mastodon: None,
            locale: crate::core::i18n::Locale::En,
        };
        assert_eq!(
            to_html(&share_menu(&m)),
            concat!(
                "<div part=\"share-menu\" class=\"share-menu\" role=\"menu\" aria-label=\"Share options\">",
                "<button type=\"button\" role=\"menuitem\" tabindex=\"-1\" data-target=\"copy\" aria-label=\"Copy link\">Copy link</button>",
                "<a href=\"https://x.com/intent/tweet?text=T%20%26%20U&amp;url=https%3A%2F%2Fe.com%2Fa%3Fb%3D1\" target=\"_blank\" ",
                "rel=\"noopener noreferrer\" role=\"menuitem\" tabindex=\"-1\" data-target=\"x\" aria-label=\"Share on X\">X</a>",
                "<button type=\"button\" role=\"menuitem\" tabindex=\"-1\" data-target=\"mastodon\" aria-label=\"Share on Mastodon\">Mastodon</button>",
                "</div>"
            )
        );
    }

    #[test]
    fn copy_field_snapshot() {
        let words = crate::core::i18n::Locale::En.messages();
        assert_eq!(
            to_html(&crate::core::view::copy_field("https://e.com/a?b=1&c=\"", words)),
            "<input readonly=\"\" value=\"https://e.com/a?b=1&amp;c=&quot;\" aria-label=\"Link to copy\" class=\"copy-field\">"
        );
    }

    /// Snapshot of a small card: the markup the widget and the CLI share.
    #[test]
    fn snapshot_of_a_small_card() {
        let doc = parse_document(
            r#"{"title": "Small", "url": "https://e.com/1", "show": {"name": "Show", "url": "https://e.com"},
                "duration": 600, "takeaways": [{"title": "One", "text": "Two three."}],
                "cta": {"text": "Mail us", "url": "mailto:a@e.com"}}"#,
        )
        .unwrap();
        let html = to_html(&document_view(&doc, &Options::default()));
        let want = concat!(
            "<div class=\"sc\" data-theme=\"auto\" lang=\"en\" dir=\"ltr\">",
            "<article part=\"card\" class=\"card\" data-layout=\"full\" aria-labelledby=\"sc0-title\">",
            "<header class=\"head\"><div class=\"head-text\"><p class=\"show-line\">",
            "<a href=\"https://e.com\" part=\"show\" target=\"_blank\" rel=\"noopener noreferrer\" dir=\"auto\">Show</a></p>",
            "<h2 part=\"title\" id=\"sc0-title\" dir=\"auto\">Small</h2></div></header>",
            "<p class=\"vh\">10-minute episode, 1-minute read</p>",
            "<p part=\"stats\" class=\"stats\" aria-hidden=\"true\"><span part=\"duration\"><time datetime=\"PT10M\">10 min</time> episode</span>",
            "<span class=\"sep\"> · </span><span part=\"read-time\">1 min read</span></p>",
            "<section part=\"takeaways\" class=\"section\">",
            "<h3>Key takeaways</h3><ul class=\"points\" id=\"sc0-takeaway-list\"><li part=\"takeaway\" id=\"small-takeaway-1\">",
            "<strong part=\"takeaway-title\" dir=\"auto\">One</strong><span part=\"takeaway-text\" dir=\"auto\">Two three.</span>",
            "<button class=\"takeaway-share\" type=\"button\" aria-label=\"Share takeaway 1\">Share</button>",
            "</li></ul></section>",
            "<div class=\"share\"><p class=\"share-prompt\" id=\"sc0-share-prompt\">Know someone who&#39;d find this useful?</p>",
            "<button part=\"share-button\" type=\"button\" aria-describedby=\"sc0-share-prompt\">Share</button>",
            "<p class=\"status\" role=\"status\"></p></div>",
            "<p class=\"cta\"><a href=\"mailto:a@e.com\" class=\"cta-link\" dir=\"auto\">Mail us</a></p>",
            "<footer part=\"footer\">You just read a 1-minute summary of a 10-minute episode.</footer>",
            "</article></div>"
        );
        assert_eq!(html, want);
    }
}
