//! Card JSON from a podcast RSS 2.0 feed (`summary-card from-rss`). CLI only
//! (native and WASI).
//!
//! The feed gives everything about an episode but its summary: the card comes
//! out with one empty takeaway for the author to write, which the validator
//! flags until they do.
//!
//! The bytes are decoded to UTF-8 by encoding_rs, in the encoding named by
//! the byte-order mark or the XML declaration ([`decode_feed`]); positions in
//! messages are line and column in the decoded text. The XML is read by
//! quick-xml into a small tree (`parse`): the DOCTYPE is skipped and no
//! entity but the five predefined ones and character references is ever
//! expanded or fetched; nesting is capped at [`MAX_DEPTH`] and the input at
//! [`MAX_BYTES`], and every step is linear in the input (issue 15: attribute
//! duplicates go through a set, namespace prefixes through a map). Namespace
//! prefixes are resolved through their `xmlns` declarations, so a feed that
//! binds the iTunes or Podcasting 2.0 namespace to another prefix still
//! works; an undeclared `itunes:`, `podcast:` or `content:` prefix is read as
//! its usual namespace, as podcast apps do.

use super::page::script_json;
use crate::core::json::line_col;
use crate::core::limits::{MAX_CHARS, MAX_ITEMS};
use crate::core::model::{Link, Point, Show, Url};
use crate::core::text::{char_count, cut, fnv1a, parse_uint};
use crate::core::time;
use crate::core::validate::check_url;
use serde::Serialize;

/// A problem with the feed, at a byte offset in the XML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedError {
    /// Byte offset in the feed text (for FILE:LINE:COL).
    pub offset: usize,
    /// Where in the feed, e.g. `rss.channel.item[3]`; empty for the whole document.
    pub path: String,
    pub message: String,
}

/// Largest feed read, in bytes. Long-running shows publish feeds of tens of
/// megabytes; this is well above them and keeps memory bounded.
pub const MAX_BYTES: usize = 64 << 20;

/// The message for a feed over [`MAX_BYTES`], whose size is `bytes` (a
/// number, or "more than 67108864" for standard input, which the CLI stops
/// reading at the limit).
pub fn too_large(bytes: &str) -> String {
    format!("the feed is {bytes} bytes; the limit is 64 MiB ({MAX_BYTES} bytes)")
}
/// Deepest element nesting accepted. A podcast feed nests about six deep;
/// the cap keeps a hostile document from exhausting the stack.
pub const MAX_DEPTH: usize = 100;
/// Longest `covers` text taken from the episode description, in characters.
pub const MAX_COVERS: usize = 1000;
/// Most topics taken from the show's categories.
pub const MAX_TOPICS: usize = 5;

/// The card JSON (pretty-printed, ending in a newline) for the episode with
/// guid `guid`, or the feed's newest item when `guid` is `None`.
///
/// "Newest" is the latest `pubDate`; items without a readable date come after
/// dated ones and ties go to the earlier item, so in the usual newest-first
/// feed it is the first item, and in an oldest-first (serial) feed the last.
pub fn card_from_feed(xml: &str, guid: Option<&str>) -> Result<String, Vec<FeedError>> {
    read_feed(xml, guid).map(|(json, _)| json)
}

/// [`card_from_feed`], with the warnings: what the feed says that could not
/// be read and was left out (an unreadable `pubDate`), each at its place.
pub fn read_feed(xml: &str, guid: Option<&str>) -> Result<(String, Vec<FeedError>), Vec<FeedError>> {
    if xml.len() > MAX_BYTES {
        let message = too_large(&xml.len().to_string());
        return Err(vec![FeedError { offset: 0, path: String::new(), message }]);
    }
    let root = parse(xml).map_err(|e| vec![e])?;
    let (card, warnings) = build(&root, guid).map_err(|e| vec![e])?;
    // Pretty-printed like the seed files, and safe to paste into the inline
    // `<script type="application/json">` (every `<` written `\u003c`).
    match serde_json::to_string_pretty(&card) {
        Ok(json) => Ok((script_json(&json) + "\n", warnings)),
        // Not expected: every key is a string and no value refuses.
        Err(e) => {
            Err(vec![FeedError { offset: 0, path: String::new(), message: format!("cannot write the card: {e}") }])
        }
    }
}

// ---------------------------------------------------------------------------
// XML

/// The namespaces the card reads from, by URI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    /// No namespace: RSS 2.0's own elements.
    None,
    Itunes,
    Podcast,
    Content,
    Other,
}

const ITUNES_URI: &str = "http://www.itunes.com/dtds/podcast-1.0.dtd";
const PODCAST_URI: &str = "https://podcastindex.org/namespace/1.0";
const CONTENT_URI: &str = "http://purl.org/rss/1.0/modules/content/";
/// Where the Podcasting 2.0 namespace was documented before podcastindex.org.
const PODCAST_URI_OLD: &str = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md";

/// The namespace a URI names. The iTunes URI is compared ignoring case and
/// scheme, and the Podcasting 2.0 one in its older forms too, as feeds write
/// them all; a default namespace of UserLand's RSS 2.0 URI is plain RSS.
fn ns_of(uri: &str) -> Ns {
    // Without scheme and trailing slash.
    let bare = |u: &'static str| u.split_once("://").map_or(u, |(_, r)| r).trim_end_matches('/');
    let uri = uri.trim();
    let this = uri.split_once("://").map_or(uri, |(_, r)| r).trim_end_matches('/');
    if this.eq_ignore_ascii_case(bare(ITUNES_URI)) {
        Ns::Itunes
    } else if this == bare(PODCAST_URI) || this.eq_ignore_ascii_case(bare(PODCAST_URI_OLD)) {
        Ns::Podcast
    } else if this == bare(CONTENT_URI) {
        Ns::Content
    } else if uri.is_empty() || this == "backend.userland.com/rss2" || this == "backend.userland.com/rss" {
        Ns::None
    } else {
        Ns::Other
    }
}

#[derive(Debug)]
struct Attr {
    name: String,
    value: String,
}

#[derive(Debug)]
enum Node {
    Element(Element),
    Text(String),
}

#[derive(Debug)]
struct Element {
    /// The qualified name as written (`itunes:image`), for paths and messages.
    name: String,
    /// Byte index of the local name in `name`.
    local: usize,
    ns: Ns,
    attrs: Vec<Attr>,
    children: Vec<Node>,
    /// Byte offset of the `<` of the start tag.
    offset: usize,
}

/// HTML elements that end a paragraph when an episode description is
/// embedded as XHTML (or written in HTML) rather than as text.
fn is_block(tag: &str) -> bool {
    const BLOCKS: [&str; 22] = [
        "p",
        "br",
        "div",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "tr",
        "table",
        "hr",
        "section",
        "article",
        "header",
        "footer",
        "dd",
    ];
    BLOCKS.iter().any(|b| tag.eq_ignore_ascii_case(b))
}

impl Element {
    fn local(&self) -> &str {
        self.name.get(self.local..).unwrap_or_default()
    }

    fn is(&self, ns: Ns, local: &str) -> bool {
        self.ns == ns && self.local() == local
    }

    fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|c| match c {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    fn all<'s>(&'s self, ns: Ns, local: &'s str) -> impl Iterator<Item = &'s Element> {
        self.elements().filter(move |e| e.is(ns, local))
    }

    fn child(&self, ns: Ns, local: &str) -> Option<&Element> {
        self.elements().find(|e| e.is(ns, local))
    }

    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|a| a.name == name).map(|a| a.value.as_str())
    }

    /// All the text inside, with a paragraph break around block-level
    /// child elements. Recursion is bounded by [`MAX_DEPTH`].
    fn text(&self) -> String {
        let mut out = String::new();
        self.push_text(&mut out);
        out
    }

    fn push_text(&self, out: &mut String) {
        for c in &self.children {
            match c {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => {
                    let block = is_block(e.local());
                    if block {
                        out.push_str("\n\n");
                    }
                    e.push_text(out);
                    if block {
                        out.push_str("\n\n");
                    }
                }
            }
        }
    }
}

/// A character XML 1.0 allows in a document.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// One path segment: items are numbered among their siblings (from 0, as
/// the validator numbers JSON arrays); other elements go by name.
fn segment(parent: Option<&Element>, name: &str) -> String {
    match parent {
        Some(p) if name == "item" => {
            let n = p.elements().filter(|e| e.name == "item").count();
            format!("item[{n}]")
        }
        _ => name.into(),
    }
}

/// The feed's bytes as text: in the encoding its byte-order mark names, else
/// its XML declaration's `encoding`, else UTF-8. Labels are read as the
/// WHATWG Encoding Standard reads them (so ISO-8859-1 is windows-1252, as
/// browsers and podcast apps read it). Error positions, and every position
/// after this, are in the decoded text (line and column in characters).
pub fn decode_feed(bytes: &[u8]) -> Result<String, FeedError> {
    if bytes.len() > MAX_BYTES {
        let message = too_large(&bytes.len().to_string());
        return Err(FeedError { offset: 0, path: String::new(), message });
    }
    let (encoding, body) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, bom)) => (enc, bytes.get(bom..).unwrap_or_default()),
        None => (declared_encoding(bytes), bytes),
    };
    if encoding == encoding_rs::UTF_8 {
        return match std::str::from_utf8(body) {
            Ok(s) => Ok(s.into()),
            // When the declaration names an encoding encoding_rs does not
            // know (`encoding="437"`), the feed was read as UTF-8: say so,
            // rather than ask for the declaration it already has.
            Err(e) => Err(FeedError {
                offset: e.valid_up_to(),
                path: String::new(),
                message: match declared_label(bytes)
                    .filter(|l| encoding_rs::Encoding::for_label(l.as_bytes()).is_none())
                {
                    Some(label) => format!(
                        "the feed is not valid UTF-8 here, and the encoding its XML declaration names, {}, is not \
                         one that is read (the WHATWG Encoding Standard's, such as windows-1252, ISO-8859-2, \
                         KOI8-R, Shift_JIS, EUC-KR, Big5, UTF-16)",
                        quoted(&label)
                    ),
                    None => "the feed is not valid UTF-8 here; if it is in another encoding, name it in the XML \
                             declaration (<?xml version=\"1.0\" encoding=\"windows-1252\"?>)"
                        .into(),
                },
            }),
        };
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors {
        let offset = text.find('\u{fffd}').unwrap_or(0);
        let message = format!("the feed is not valid {} here, the encoding it names", encoding.name());
        return Err(FeedError { offset, path: String::new(), message });
    }
    Ok(text.into_owned())
}

/// The encoding named by the XML declaration (`encoding="..."`), also when
/// the declaration is in UTF-16 without a byte-order mark; UTF-8 otherwise.
fn declared_encoding(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    match bytes.get(..4) {
        Some([0x3c, 0, 0x3f, 0]) => return encoding_rs::UTF_16LE,
        Some([0, 0x3c, 0, 0x3f]) => return encoding_rs::UTF_16BE,
        _ => {}
    }
    declared_label(bytes).and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes())).unwrap_or(encoding_rs::UTF_8)
}

/// The `encoding="..."` label of an ASCII XML declaration, trimmed.
fn declared_label(bytes: &[u8]) -> Option<String> {
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or_default();
    let decl = head.strip_prefix(b"<?xml")?;
    let end = decl.windows(2).position(|w| w == b"?>").unwrap_or(decl.len());
    let decl = String::from_utf8_lossy(decl.get(..end).unwrap_or_default());
    let label = decl.split_once("encoding").and_then(|(_, r)| {
        let r = r.trim_start().strip_prefix('=')?.trim_start();
        let q = r.chars().next().filter(|&q| q == '"' || q == '\'')?;
        r.get(1..)?.split(q).next()
    });
    label.map(|l| l.trim().to_string())
}

/// Builds the element tree from quick-xml's events, keeping what quick-xml
/// leaves to its user: the depth cap, namespaces, one root, the characters
/// XML allows, and refusing every entity but the predefined ones (a DOCTYPE
/// is skipped: nothing it declares is ever expanded or fetched).
struct Builder<'a> {
    src: &'a str,
    /// Open elements, outermost first.
    stack: Vec<Element>,
    /// For each prefix (`""`: the default namespace), its bindings in scope,
    /// innermost last; looked up in constant time however many are in scope.
    scopes: std::collections::HashMap<String, Vec<Ns>>,
    /// For each open element, the prefixes it declared.
    declared: Vec<Vec<String>>,
    root: Option<Element>,
}

/// Parses a whole document into its root element, or says where it is not
/// well-formed.
fn parse(src: &str) -> Result<Element, FeedError> {
    use quick_xml::events::Event;
    let body = src.strip_prefix('\u{feff}').unwrap_or(src);
    let base = src.len() - body.len();
    let mut reader = quick_xml::Reader::from_str(body);
    let config = reader.config_mut();
    config.check_end_names = true;
    config.check_comments = false;
    config.allow_dangling_amp = false;
    config.allow_unmatched_ends = false;
    config.expand_empty_elements = false;
    config.trim_text(false);
    let mut b =
        Builder { src, stack: Vec::new(), scopes: std::collections::HashMap::new(), declared: Vec::new(), root: None };
    loop {
        let at = base + usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                let pos = base + usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
                return Err(b.reader_error(e, pos, at));
            }
        };
        match event {
            Event::Start(e) => b.start(&e, at, false)?,
            Event::Empty(e) => b.start(&e, at, true)?,
            Event::End(_) => b.end(),
            Event::Text(t) => b.text(&String::from_utf8_lossy(&t), at)?,
            Event::CData(c) => {
                if b.stack.is_empty() {
                    return Err(b.fail(at, "CDATA outside the root element".into()));
                }
                let raw = String::from_utf8_lossy(&c);
                b.check_chars(&raw, at + "<![CDATA[".len())?;
                b.push_text(&raw.replace("\r\n", "\n").replace('\r', "\n"));
            }
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r).into_owned();
                let c = b.reference(&name, at)?;
                b.push_text(&c);
            }
            Event::DocType(_) => {
                if b.root.is_some() || !b.stack.is_empty() {
                    return Err(b.fail(at, "a DOCTYPE must come before the root element".into()));
                }
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(open) = b.stack.last() {
        return Err(b.fail(open.offset, format!("<{}> is never closed", open.name)));
    }
    match b.root.take() {
        Some(root) => Ok(root),
        None => Err(b.fail(src.len(), "the document has no root element".into())),
    }
}

impl Builder<'_> {
    /// The path of the open elements, and of `extra` inside them.
    fn path(&self, extra: Option<&str>) -> String {
        let mut parts = Vec::new();
        let mut parent = None;
        for el in &self.stack {
            parts.push(segment(parent, &el.name));
            parent = Some(el);
        }
        if let Some(name) = extra {
            parts.push(segment(parent, name));
        }
        parts.join(".")
    }

    fn fail(&self, offset: usize, message: String) -> FeedError {
        self.fail_in(offset, None, message)
    }

    fn fail_in(&self, offset: usize, extra: Option<&str>, message: String) -> FeedError {
        FeedError { offset, path: self.path(extra), message: format!("not well-formed XML: {message}") }
    }

    /// quick-xml's error in this module's words. `pos` is where quick-xml
    /// stopped, `at` where the markup it was reading began.
    fn reader_error(&self, e: quick_xml::Error, pos: usize, at: usize) -> FeedError {
        use quick_xml::errors::{IllFormedError as I, SyntaxError as S};
        use quick_xml::Error as E;
        let tag = || {
            let rest = self.src.get(at + 1..).unwrap_or_default();
            rest.split(|c: char| c.is_whitespace() || c == '>' || c == '/').next().unwrap_or_default().to_string()
        };
        match e {
            E::Syntax(S::UnclosedComment) => self.fail(at, "a comment is not closed".into()),
            E::Syntax(S::UnclosedCData) => self.fail(at, "a CDATA section is not closed".into()),
            E::Syntax(S::UnclosedPI | S::UnclosedXmlDecl) => {
                self.fail(at, "a processing instruction is not closed".into())
            }
            E::Syntax(S::UnclosedDoctype) => self.fail(at, "the DOCTYPE is not closed".into()),
            E::Syntax(S::InvalidBangMarkup) => self.fail(at, "unexpected \"<!\"".into()),
            // An end tag cut off (`</rss` at the end of the file): named as
            // written, at the element it would close.
            E::Syntax(S::UnclosedTag) if self.src.get(at + 1..).is_some_and(|r| r.starts_with('/')) => {
                let rest = self.src.get(at + 2..).unwrap_or_default();
                let name = rest.split(|c: char| c.is_whitespace() || c == '>').next().unwrap_or_default();
                self.fail(at, format!("the end tag </{name} is not closed"))
            }
            E::Syntax(S::UnclosedTag) => {
                let name = tag();
                self.fail_in(at, Some(&name), format!("the tag <{name} is not closed"))
            }
            E::Syntax(_) => {
                let name = tag();
                self.fail_in(at, Some(&name), format!("a value in <{name} is not closed"))
            }
            E::IllFormed(I::MismatchedEndTag { expected, found }) => {
                let opened = self.stack.last().map_or(0, |open| open.offset);
                let (line, col) = line_col(self.src, opened);
                let message = format!("expected </{expected}> (opened at line {line}, column {col}), found </{found}>");
                self.fail(at, message)
            }
            E::IllFormed(I::UnmatchedEndTag(name)) => {
                self.fail(at, format!("unexpected </{name}>: no element is open"))
            }
            E::IllFormed(I::UnclosedReference) => self.fail(pos, "a bare \"&\"; write it as &amp;".into()),
            other => self.fail(pos, other.to_string()),
        }
    }

    /// Refuses characters XML does not allow; `base` is the offset of `raw`.
    fn check_chars(&self, raw: &str, base: usize) -> Result<(), FeedError> {
        match raw.char_indices().find(|&(_, c)| !is_xml_char(c)) {
            Some((i, c)) => {
                Err(self.fail(base + i, format!("the character U+{:04X} is not allowed in XML", u32::from(c))))
            }
            None => Ok(()),
        }
    }

    fn text(&mut self, raw: &str, at: usize) -> Result<(), FeedError> {
        if self.stack.is_empty() {
            if let Some(i) = raw.find(|c: char| !matches!(c, ' ' | '\t' | '\n' | '\r')) {
                let what = if self.root.is_some() { "after" } else { "before" };
                return Err(self.fail(at + i, format!("text {what} the root element")));
            }
            return Ok(());
        }
        if let Some(i) = raw.find("]]>") {
            return Err(self.fail(at + i, "\"]]>\" is not allowed in text".into()));
        }
        if let Some(i) = raw.find('<') {
            return Err(self.fail(at + i, "\"<\" must start a tag; in text write it as &lt;".into()));
        }
        self.check_chars(raw, at)?;
        self.push_text(&raw.replace("\r\n", "\n").replace('\r', "\n"));
        Ok(())
    }

    fn push_text(&mut self, text: &str) {
        let Some(top) = self.stack.last_mut() else { return };
        if text.is_empty() {
            return;
        }
        match top.children.last_mut() {
            Some(Node::Text(t)) => t.push_str(text),
            _ => top.children.push(Node::Text(text.into())),
        }
    }

    /// What `&name;` stands for: a predefined entity or a character
    /// reference; any other entity is refused, never looked up.
    fn reference(&self, name: &str, offset: usize) -> Result<String, FeedError> {
        if let Some(s) = quick_xml::escape::resolve_predefined_entity(name) {
            return Ok(s.into());
        }
        if let Some(num) = name.strip_prefix('#') {
            let (digits, radix) = match num.strip_prefix('x') {
                Some(hex) => (hex, 16),
                None => (num, 10),
            };
            let ok = !digits.is_empty() && digits.len() <= 8 && digits.chars().all(|d| d.is_digit(radix));
            let c = ok.then(|| u32::from_str_radix(digits, radix).ok()).flatten().and_then(char::from_u32);
            return match c.filter(|&c| is_xml_char(c)) {
                Some(c) => Ok(c.to_string()),
                None => Err(self.fail(offset, format!("\"&{name};\" is not a character XML allows"))),
            };
        }
        let shown = cut(name, 20);
        Err(self.fail(
            offset,
            format!(
                "unknown entity \"&{shown};\": XML has only &amp; &lt; &gt; &quot; &apos; and numeric \
                 references such as &#160; (HTML belongs in CDATA)"
            ),
        ))
    }

    fn start(&mut self, e: &quick_xml::events::BytesStart<'_>, at: usize, empty: bool) -> Result<(), FeedError> {
        let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
        if !name.starts_with(|c: char| c.is_alphabetic() || c == '_' || c == ':') {
            return Err(self.fail(at, "\"<\" must start a tag; in text write it as &lt;".into()));
        }
        if self.stack.len() >= MAX_DEPTH {
            let message = format!("elements nest deeper than {MAX_DEPTH} levels");
            return Err(FeedError { offset: at, path: self.path(Some(&name)), message });
        }
        if self.stack.is_empty() {
            if let Some(root) = &self.root {
                let message = format!("a second root element <{name}> after <{}>", root.name);
                return Err(self.fail(at, message));
            }
        }
        // Attributes: quick-xml's duplicate check compares each with every
        // earlier one, so it is off and a set does it.
        let mut attrs: Vec<Attr> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let tag_start = at + 1;
        for a in e.attributes().with_checks(false) {
            let a = a.map_err(|err| self.attr_error(&err, tag_start, &name))?;
            let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
            let value_at = tag_start + (a.value.as_ptr() as usize).saturating_sub(e.as_ptr() as usize);
            let raw = String::from_utf8_lossy(&a.value);
            let key_at = self.src.get(..value_at).and_then(|s| s.rfind(key.as_str())).unwrap_or(tag_start);
            // quick-xml takes `a="x"b="y"`; XML wants a space between.
            let after = self.src.as_bytes().get(value_at + a.value.len() + 1).copied();
            if after.is_some_and(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'>' | b'/')) {
                let message = format!("expected a space, \">\" or \"/>\" in <{name}>");
                return Err(self.fail_in(value_at + a.value.len() + 1, Some(&name), message));
            }
            if let Some(i) = raw.find('<') {
                let message = "\"<\" is not allowed in an attribute value; write &lt;".to_string();
                return Err(self.fail_in(value_at + i, Some(&name), message));
            }
            self.check_chars(&raw, value_at).map_err(|err| FeedError { path: self.path(Some(&name)), ..err })?;
            let value = a.normalized_value(quick_xml::XmlVersion::Implicit1_0).map_err(|err| {
                let message = match err {
                    quick_xml::Error::Escape(quick_xml::escape::EscapeError::UnrecognizedEntity(_, n)) => {
                        format!("unknown entity \"&{};\" in the value of \"{key}\"", cut(&n, 20))
                    }
                    other => format!("the value of \"{key}\": {other}"),
                };
                self.fail_in(value_at, Some(&name), message)
            })?;
            if !seen.insert(key.clone()) {
                let message = format!("attribute \"{key}\" appears twice in <{name}>");
                return Err(self.fail_in(key_at, Some(&name), message));
            }
            attrs.push(Attr { name: key, value: value.into_owned() });
        }
        let mut declared = Vec::new();
        for a in &attrs {
            let prefix = if a.name == "xmlns" { Some("") } else { a.name.strip_prefix("xmlns:") };
            if let Some(prefix) = prefix {
                self.scopes.entry(prefix.into()).or_default().push(ns_of(&a.value));
                declared.push(prefix.to_string());
            }
        }
        let (prefix, local) = match name.find(':') {
            Some(i) => (name.get(..i).unwrap_or_default(), i + 1),
            None => ("", 0),
        };
        let ns = self.resolve(prefix);
        let el = Element { name: name.clone(), local, ns, attrs, children: Vec::new(), offset: at };
        if empty {
            self.undeclare(&declared);
            self.attach(el);
        } else {
            self.declared.push(declared);
            self.stack.push(el);
        }
        Ok(())
    }

    fn attr_error(&self, err: &quick_xml::events::attributes::AttrError, tag_start: usize, name: &str) -> FeedError {
        use quick_xml::events::attributes::AttrError as A;
        let (pos, message) = match *err {
            A::ExpectedEq(p) => (p, "an attribute has no value (expected name=\"...\")".to_string()),
            A::ExpectedValue(p) | A::UnquotedValue(p) => {
                // Point at the attribute's name, and name it.
                let before = self.src.get(tag_start..tag_start + p).unwrap_or_default();
                let key = before.trim_end().trim_end_matches('=').trim_end();
                let start = key.rfind(char::is_whitespace).map_or(0, |i| i + 1);
                let key = key.get(start..).unwrap_or_default();
                (start, format!("the value of \"{key}\" must be in quotes"))
            }
            A::ExpectedQuote(p, _) => (p, "an attribute value is not closed".to_string()),
            A::Duplicated(p, _) => (p, "an attribute appears twice".to_string()),
        };
        self.fail_in(tag_start + pos, Some(name), format!("{message} in <{name}>"))
    }

    fn undeclare(&mut self, prefixes: &[String]) {
        for p in prefixes {
            if let Some(v) = self.scopes.get_mut(p) {
                v.pop();
            }
        }
    }

    /// The namespace of a prefix (`""`: the default namespace) in scope.
    fn resolve(&self, prefix: &str) -> Ns {
        if let Some(ns) = self.scopes.get(prefix).and_then(|v| v.last()) {
            return *ns;
        }
        match prefix {
            "" => Ns::None,
            "itunes" => Ns::Itunes,
            "podcast" => Ns::Podcast,
            "content" => Ns::Content,
            _ => Ns::Other,
        }
    }

    /// Closes the innermost element (quick-xml has checked the end tag's name).
    fn end(&mut self) {
        if let Some(open) = self.stack.pop() {
            let declared = self.declared.pop().unwrap_or_default();
            self.undeclare(&declared);
            self.attach(open);
        }
    }

    fn attach(&mut self, el: Element) {
        match self.stack.last_mut() {
            Some(parent) => parent.children.push(Node::Element(el)),
            None => self.root = Some(el),
        }
    }
}

// ---------------------------------------------------------------------------
// Feed to card

/// The card `from-rss` prints. Its fields are the data format's, in the
/// data format's order (serde writes them in declaration order); what the
/// feed does not give is left out, never written empty.
#[derive(Serialize)]
struct FeedCard {
    version: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<Url>,
    #[serde(skip_serializing_if = "Option::is_none")]
    show: Option<Show>,
    title: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    guests: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    duration: Option<Duration>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    topics: Vec<String>,
    /// One placeholder, empty: the validator flags it until the author
    /// writes the summary.
    takeaways: [Point; 1],
    #[serde(skip_serializing_if = "Option::is_none")]
    covers: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    listen: Vec<Link>,
}

/// A duration as the card writes it: seconds (`5400`), or a clock string
/// (`"1:36:00"`) when the feed wrote one.
#[derive(Serialize)]
#[serde(untagged)]
enum Duration {
    Seconds(u64),
    Clock(String),
}

fn err(offset: usize, path: String, message: String) -> FeedError {
    FeedError { offset, path, message }
}

/// Collapses whitespace runs (line breaks included) to single spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A string the validator accepts (non-blank, at most [`MAX_CHARS`]), cut
/// with an ellipsis when longer.
fn field_text(s: &str) -> Option<String> {
    let s = one_line(s);
    if s.is_empty() {
        None
    } else if char_count(&s) > MAX_CHARS {
        Some(cut(&s, MAX_CHARS - 1))
    } else {
        Some(s)
    }
}

/// A URL the validator accepts (absolute http: or https:), or `None`.
/// Spaces, which feeds leave in file names, are percent-encoded first.
fn link_url(raw: &str) -> Option<Url> {
    let spaced = raw.trim().replace(' ', "%20");
    check_url(&spaced, false).filter(|url| char_count(url.as_str()) <= MAX_CHARS)
}

/// The feed's `<channel>` and its path (`rss.channel`), or why it has none.
fn channel_of(root: &Element) -> Result<(&Element, String), FeedError> {
    if !root.is(Ns::None, "rss") {
        let hint = match root.local() {
            "feed" => " (an Atom feed: only RSS 2.0 is read)",
            "RDF" => " (RSS 1.0: only RSS 2.0 is read)",
            _ => "",
        };
        let message = format!("expected an RSS 2.0 feed (<rss>), found <{}>{hint}", root.name);
        return Err(err(root.offset, String::new(), message));
    }
    let Some(channel) = root.child(Ns::None, "channel") else {
        return Err(err(root.offset, root.name.clone(), "has no <channel>".into()));
    };
    Ok((channel, format!("{}.{}", root.name, channel.name)))
}

/// A warning for each of `items` (with its index) whose `pubDate` cannot be read.
fn date_warnings<'e>(items: impl Iterator<Item = (usize, &'e Element)>, channel_path: &str) -> Vec<FeedError> {
    items
        .filter_map(|(i, it)| {
            let d = it.child(Ns::None, "pubDate")?;
            let text = d.text();
            pub_date(&text).is_none().then(|| {
                let message = format!(
                    "warning: cannot read the date {} (RFC 2822, such as \"Tue, 25 Nov 2025 14:00:00 GMT\", or \
                     ISO 8601): it is left out, and the item counts as undated",
                    quoted(text.trim())
                );
                err(d.offset, format!("{channel_path}.item[{i}].{}", d.name), message)
            })
        })
        .collect()
}

/// The collection document (`{"version": 1, "episodes": [...]}`, for
/// `render` to make a season showcase) of the feed's items, newest first
/// by `pubDate` (undated ones last, in feed order), at most `limit` of them;
/// each with its empty takeaway for the podcaster to fill. With the
/// warnings, as [`read_feed`]; every item's problem at once.
pub fn collection_from_feed(xml: &str, limit: Option<usize>) -> Result<(String, Vec<FeedError>), Vec<FeedError>> {
    if xml.len() > MAX_BYTES {
        let message = too_large(&xml.len().to_string());
        return Err(vec![FeedError { offset: 0, path: String::new(), message }]);
    }
    let root = parse(xml).map_err(|e| vec![e])?;
    let (channel, channel_path) = channel_of(&root).map_err(|e| vec![e])?;
    let items: Vec<&Element> = channel.all(Ns::None, "item").collect();
    if items.is_empty() {
        return Err(vec![err(channel.offset, channel_path, "has no <item>: the feed lists no episodes".into())]);
    }
    // Keys first (each date read once), then a stable sort: newest first.
    let mut order: Vec<(usize, Option<i64>)> = items
        .iter()
        .enumerate()
        .map(|(i, it)| (i, it.child(Ns::None, "pubDate").and_then(|d| pub_date(&d.text())).map(|(_, k)| k)))
        .collect();
    order.sort_by(|(_, a), (_, b)| match (a, b) {
        (Some(a), Some(b)) => b.cmp(a),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    let (mut episodes, mut errors) = (Vec::new(), Vec::new());
    for &(i, _) in order.iter().take(limit.unwrap_or(usize::MAX)) {
        let Some(item) = items.get(i) else { continue };
        match card(channel, item, &format!("{channel_path}.item[{i}]")) {
            Ok(c) => episodes.push(c),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.offset);
        return Err(errors);
    }
    unique_ids(&mut episodes);
    let warnings = date_warnings(items.iter().copied().enumerate(), &channel_path);
    #[derive(Serialize)]
    struct Collection {
        version: u8,
        episodes: Vec<FeedCard>,
    }
    match serde_json::to_string_pretty(&Collection { version: 1, episodes }) {
        Ok(json) => Ok((script_json(&json) + "\n", warnings)),
        Err(e) => {
            Err(vec![FeedError { offset: 0, path: String::new(), message: format!("cannot write the cards: {e}") }])
        }
    }
}

/// Ids made unique within a collection: a feed that repeats a guid (or two
/// guids that slug alike) would otherwise give two episodes one anchor. The
/// later one gets `-2`, `-3`, … (its head cut so the id stays within 100).
fn unique_ids(episodes: &mut [FeedCard]) {
    let mut seen = std::collections::HashSet::new();
    for ep in episodes.iter_mut() {
        let Some(id) = ep.id.take() else { continue };
        let mut candidate = id.clone();
        let mut n = 1usize;
        while !seen.insert(candidate.clone()) {
            n = n.saturating_add(1);
            let tail = format!("-{n}");
            let head = id.get(..100usize.saturating_sub(tail.len()).min(id.len())).unwrap_or(&id);
            candidate = format!("{}{tail}", head.trim_end_matches('-'));
        }
        ep.id = Some(candidate);
    }
}

fn build(root: &Element, guid: Option<&str>) -> Result<(FeedCard, Vec<FeedError>), FeedError> {
    let (channel, channel_path) = channel_of(root)?;
    let items: Vec<&Element> = channel.all(Ns::None, "item").collect();
    let (index, item) = match guid {
        _ if items.is_empty() => None,
        Some(g) => {
            Some(find_guid(&items, g).ok_or_else(|| err(channel.offset, channel_path.clone(), no_guid(&items, g)))?)
        }
        None => newest(&items),
    }
    .ok_or_else(|| err(channel.offset, channel_path.clone(), "has no <item>: the feed lists no episodes".into()))?;
    let item_path = format!("{channel_path}.item[{index}]");
    // Unreadable dates: of every item when the newest is looked for (they
    // decide which it is), else of the item asked for.
    let dated: Vec<(usize, &Element)> = match guid {
        Some(_) => vec![(index, item)],
        None => items.iter().copied().enumerate().collect(),
    };
    let warnings = date_warnings(dated.into_iter(), &channel_path);
    Ok((card(channel, item, &item_path)?, warnings))
}

fn guid_of(item: &Element) -> Option<String> {
    let g = item.child(Ns::None, "guid")?.text();
    let g = g.trim();
    (!g.is_empty()).then(|| g.into())
}

fn find_guid<'e>(items: &[&'e Element], guid: &str) -> Option<(usize, &'e Element)> {
    let guid = guid.trim();
    items.iter().enumerate().find(|(_, it)| guid_of(it).as_deref() == Some(guid)).map(|(i, it)| (i, *it))
}

/// `s` quoted for a one-line message: cut short, control characters escaped.
fn quoted(s: &str) -> String {
    let s: String = cut(s, 60).chars().flat_map(char::escape_debug).collect();
    format!("\"{s}\"")
}

fn no_guid(items: &[&Element], guid: &str) -> String {
    let guids: Vec<String> = items.iter().filter_map(|it| guid_of(it)).collect();
    let mut message = format!("no item has the guid {}", quoted(guid.trim()));
    if guids.is_empty() {
        message.push_str("; no item in this feed has a <guid>");
        return message;
    }
    const SHOWN: usize = 3;
    let list: Vec<String> = guids.iter().take(SHOWN).map(|g| quoted(g)).collect();
    message.push_str("; the feed's guids include ");
    message.push_str(&list.join(", "));
    if guids.len() > SHOWN {
        message.push_str(&format!(" and {} more", guids.len() - SHOWN));
    }
    message
}

/// The item with the latest `pubDate` (see [`card_from_feed`]); `None`
/// only when there are no items.
fn newest<'e>(items: &[&'e Element]) -> Option<(usize, &'e Element)> {
    let mut best: Option<(usize, &Element, i64)> = None;
    for (i, item) in items.iter().enumerate() {
        let Some(key) = item.child(Ns::None, "pubDate").and_then(|d| pub_date(&d.text())).map(|(_, k)| k) else {
            continue;
        };
        match best {
            Some((_, _, k)) if key <= k => {}
            _ => best = Some((i, item, key)),
        }
    }
    match best {
        Some((i, item, _)) => Some((i, item)),
        None => items.first().map(|&item| (0, item)),
    }
}

fn card(channel: &Element, item: &Element, item_path: &str) -> Result<FeedCard, FeedError> {
    let url = item.child(Ns::None, "link").and_then(|l| link_url(&l.text())).or_else(|| permalink(item));
    let show = channel.child(Ns::None, "title").and_then(|t| field_text(&t.text())).map(|name| Show {
        name,
        url: channel.child(Ns::None, "link").and_then(|l| link_url(&l.text())),
        artwork: artwork(channel, item),
    });
    let listen = listen(item, url.as_ref(), show.as_ref().map(|s| s.name.as_str()));
    Ok(FeedCard {
        version: 1,
        id: guid_of(item).map(|g| slug_id(&g)),
        url,
        title: title(item, item_path)?,
        show,
        guests: guests(item),
        published: item.child(Ns::None, "pubDate").and_then(|d| pub_date(&d.text())).map(|(date, _)| date),
        duration: item.child(Ns::Itunes, "duration").and_then(|d| duration(&d.text())),
        topics: topics(channel),
        takeaways: [Point { title: Some(String::new()), text: String::new() }],
        covers: covers(item),
        listen,
    })
}

/// The item's `<title>`, else its `<itunes:title>`.
fn title(item: &Element, item_path: &str) -> Result<String, FeedError> {
    let plain = item.child(Ns::None, "title");
    if let Some(t) = plain.and_then(|t| field_text(&t.text())) {
        return Ok(t);
    }
    if let Some(t) = item.child(Ns::Itunes, "title").and_then(|t| field_text(&t.text())) {
        return Ok(t);
    }
    Err(match plain {
        Some(t) => err(t.offset, format!("{item_path}.{}", t.name), "is empty: the card needs a title".into()),
        None => err(item.offset, item_path.into(), "has no <title>: the card needs one".into()),
    })
}

/// The guid when it is a permalink (`isPermaLink` is true unless it says
/// "false") to an http(s) page: not to a media file (by extension), as
/// hosts that use the audio URL as the guid leave `isPermaLink` out.
fn permalink(item: &Element) -> Option<Url> {
    let g = item.child(Ns::None, "guid")?;
    if g.attr("isPermaLink").is_some_and(|v| v.trim().eq_ignore_ascii_case("false")) {
        return None;
    }
    link_url(&g.text()).filter(|u| {
        let ext = extension(u.as_str());
        ![AUDIO_EXTENSIONS, VIDEO_EXTENSIONS, IMAGE_EXTENSIONS].iter().any(|list| list.contains(&ext.as_str()))
    })
}

/// File extensions of audio, video and images, lowercase.
const AUDIO_EXTENSIONS: &[&str] = &["mp3", "m4a", "m4b", "aac", "ogg", "oga", "opus", "flac", "wav", "weba"];
const VIDEO_EXTENSIONS: &[&str] = &["mp4", "m4v", "mov", "webm", "mkv"];
const IMAGE_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "gif", "webp", "avif", "svg"];

/// The lowercase extension of a URL's path (`""` when it has none).
fn extension(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let file = path.rsplit('/').next().unwrap_or_default();
    file.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

/// An enclosure a listener can play: its `type` is `audio/*` or `video/*`,
/// or, when the type is missing or says nothing (`application/octet-stream`),
/// its URL ends in an audio or video extension. Never an image.
fn playable(kind: &str, url: &str) -> bool {
    let kind = kind.trim().to_ascii_lowercase();
    match kind.as_str() {
        "" | "application/octet-stream" | "binary/octet-stream" => {
            let ext = extension(url);
            AUDIO_EXTENSIONS.contains(&ext.as_str()) || VIDEO_EXTENSIONS.contains(&ext.as_str())
        }
        k => k.starts_with("audio/") || k.starts_with("video/"),
    }
}

/// `itunes:image` of the item, else of the channel, else the channel's
/// `image/url`: the first that is an http(s) URL.
fn artwork(channel: &Element, item: &Element) -> Option<Url> {
    let itunes = |el: &Element| {
        let img = el.child(Ns::Itunes, "image")?;
        // `href` is the spec; some feeds put the URL in the text.
        img.attr("href").map(str::to_string).or_else(|| Some(img.text())).as_deref().and_then(link_url)
    };
    itunes(item)
        .or_else(|| itunes(channel))
        .or_else(|| link_url(&channel.child(Ns::None, "image")?.child(Ns::None, "url")?.text()))
}

/// Names of the item's `podcast:person`s whose role is guest (the default
/// role is host). Show-wide people, on the channel, are left out.
fn guests(item: &Element) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in item.all(Ns::Podcast, "person") {
        if !p.attr("role").is_some_and(|r| r.trim().eq_ignore_ascii_case("guest")) {
            continue;
        }
        if let Some(name) = field_text(&p.text()) {
            if !out.contains(&name) && out.len() < MAX_ITEMS {
                out.push(name);
            }
        }
    }
    out
}

/// The show's iTunes categories, each by its most specific name
/// ("Society & Culture" > "Philosophy" gives "Philosophy"). `itunes:keywords`
/// are not used: Apple dropped them and feeds fill them with search terms.
fn topics(channel: &Element) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for cat in channel.all(Ns::Itunes, "category") {
        let sub = cat.child(Ns::Itunes, "category").and_then(|s| s.attr("text"));
        if let Some(name) = sub.or_else(|| cat.attr("text")).and_then(field_text) {
            if !out.iter().any(|t| t.eq_ignore_ascii_case(&name)) && out.len() < MAX_TOPICS {
                out.push(name);
            }
        }
    }
    out
}

/// `itunes:duration` as the contract's duration: plain seconds stay a
/// number; clock forms become `"H:MM:SS"`, or `"MM:SS"` under an hour
/// (`"00:45:00"` gives `"45:00"`). Unreadable or zero: left out.
fn duration(raw: &str) -> Option<Duration> {
    let raw = raw.trim();
    if raw.contains(':') {
        let s = time::parse_duration(raw).ok()?;
        let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
        return Some(Duration::Clock(if h > 0 { format!("{h}:{m:02}:{sec:02}") } else { format!("{m:02}:{sec:02}") }));
    }
    // Seconds, perhaps with a fraction ("1234.5"), rounded.
    let (int, frac) = raw.split_once('.').unwrap_or((raw, ""));
    let mut s = parse_uint(int)?;
    if !frac.is_empty() {
        if !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if frac.as_bytes().first().is_some_and(|&d| d >= b'5') {
            s = s.saturating_add(1);
        }
    }
    time::check_length(s).ok().map(Duration::Seconds)
}

/// An RFC 2822 `pubDate` ("Tue, 25 Nov 2025 14:00:00 GMT") or ISO 8601
/// date as the ISO date it names *as written* (no shift to UTC: the day the
/// show says it published), and a key that orders dates in time (seconds
/// since 1970 UTC). Read by chrono, which checks every field's range; forms
/// chrono's RFC 2822 reader refuses but feeds write (any case, no or a wrong
/// weekday, full month names, month before day, two-digit years, no time or
/// zone) are first rewritten into RFC 2822.
fn pub_date(raw: &str) -> Option<(String, i64)> {
    let dt = parse_pub_date(raw.trim())?;
    Some((dt.date_naive().format("%Y-%m-%d").to_string(), dt.timestamp()))
}

fn parse_pub_date(raw: &str) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
    if let Ok(d) = DateTime::parse_from_rfc2822(raw).or_else(|_| DateTime::parse_from_rfc3339(raw)) {
        return Some(d);
    }
    // ISO 8601 forms RFC 3339 leaves out; without a zone, UTC.
    for f in ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%dT%H:%M%z", "%Y-%m-%d %H:%M:%S%.f%z"] {
        if let Ok(d) = DateTime::parse_from_str(raw, f) {
            return Some(d);
        }
    }
    let utc = FixedOffset::east_opt(0)?;
    for f in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%d %H:%M"] {
        if let Ok(n) = NaiveDateTime::parse_from_str(raw, f) {
            return n.and_local_timezone(utc).single();
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        return d.and_hms_opt(0, 0, 0)?.and_local_timezone(utc).single();
    }
    DateTime::parse_from_rfc2822(&rfc2822(raw)?).ok()
}

/// A lenient date rewritten as strict RFC 2822 (`25 Nov 2025 14:00:00
/// +0000`): the weekday dropped (feeds get it wrong; chrono refuses a wrong
/// one), the month as its title-case abbreviation, a two-digit year in
/// 1950-2049, a missing time midnight and a missing zone UTC. Fields are
/// only moved: chrono checks them.
fn rfc2822(raw: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    let (mut day, mut month, mut year, mut clock, mut zone) = (None, None, None, None, None);
    for tok in raw.split(|c: char| c.is_whitespace() || c == ',').filter(|t| !t.is_empty()) {
        let digits = tok.bytes().all(|b| b.is_ascii_digit());
        let lower = tok.to_ascii_lowercase();
        if tok.contains(':') && clock.is_none() {
            clock = Some(tok);
        } else if digits && tok.len() <= 2 && day.is_none() {
            day = Some(tok);
        } else if digits && (tok.len() == 4 || (tok.len() == 2 && day.is_some())) && year.is_none() {
            year = Some(match (tok.len(), tok.parse::<u16>().ok()?) {
                (2, y) if y < 50 => format!("20{tok}"),
                (2, _) => format!("19{tok}"),
                _ => tok.to_string(),
            });
        } else if tok.len() >= 3 && DAYS.iter().any(|d| d.starts_with(&lower)) && month.is_none() {
            // A weekday: dropped.
        } else if month.is_none() && tok.len() >= 3 && tok.bytes().all(|b| b.is_ascii_alphabetic()) {
            let m = MONTHS.iter().find(|m| m.starts_with(&lower))?;
            let abbr: String =
                m.chars().take(3).enumerate().map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c }).collect();
            month = Some(abbr);
        } else if clock.is_some() && zone.is_none() {
            zone = Some(tok.to_ascii_uppercase());
        } else {
            return None;
        }
    }
    let clock = clock.unwrap_or("00:00:00");
    let zone = zone.unwrap_or_else(|| "+0000".into());
    Some(format!("{} {} {} {clock} {zone}", day?, month?, year?))
}

/// The guid as a card id (`^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$`): a leading
/// `scheme://` or `urn:uuid:` dropped, every run of other characters made one `-`. A slug
/// that would be longer than 100 ends in a hash of the whole guid, so long
/// guids that share a beginning still get distinct ids; a guid with no
/// ASCII letters or digits becomes `ep-` and its hash.
pub fn slug_id(guid: &str) -> String {
    let hash = format!("{:08x}", fnv1a(guid.as_bytes()));
    let body =
        guid.split_once("://").filter(|(s, _)| s.bytes().all(|b| b.is_ascii_alphabetic())).map_or(guid, |(_, r)| r);
    let body = match body.get(..9) {
        Some(p) if p.eq_ignore_ascii_case("urn:uuid:") => body.get(9..).unwrap_or_default(),
        _ => body,
    };
    let mut slug = String::new();
    for c in body.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_start_matches('_').trim_end_matches('-');
    if slug.is_empty() {
        return format!("ep-{hash}");
    }
    if slug.len() <= 100 {
        return slug.into();
    }
    let head = slug.get(..91).unwrap_or_default().trim_end_matches('-');
    format!("{head}-{hash}")
}

/// The episode description as paragraphs of plain text, as a person reads
/// the HTML (see [`show_notes`]).
#[cfg(test)]
fn paragraphs(html: &str) -> Vec<String> {
    show_notes(html).into_iter().map(|(text, _)| text).collect()
}

/// Whether `s` has what looks like an HTML tag (`<p`, `</`, `<!--`).
fn has_tag(s: &str) -> bool {
    s.as_bytes().windows(2).any(|w| {
        w.first() == Some(&b'<') && w.get(1).is_some_and(|&b| b.is_ascii_alphabetic() || b == b'/' || b == b'!')
    })
}

/// Show notes as paragraphs of plain text, each with whether it is a
/// heading, read by html5ever (through scraper) as a browser reads them:
/// every HTML5 entity decoded, inline elements joined without spaces, `<br>`
/// a line break (two a paragraph break), block elements and blank lines
/// paragraph breaks, scripts, styles and templates dropped. Notes with no
/// tag of their own whose text is HTML (double-encoded, as some hosts write
/// CDATA) are read once more. The tree is walked without recursion, so
/// deep nesting cannot overflow the stack.
fn show_notes(html: &str) -> Vec<(String, bool)> {
    let notes = html_notes(html);
    if !has_tag(html) && notes.iter().any(|(text, _)| has_tag(text)) {
        let text: Vec<String> = notes.into_iter().map(|(t, _)| t).collect();
        return html_notes(&text.join("\n\n"));
    }
    notes
}

fn html_notes(html: &str) -> Vec<(String, bool)> {
    use ego_tree::iter::Edge;
    use scraper::node::Node as H;
    const SKIPPED: [&str; 5] = ["script", "style", "template", "noscript", "head"];
    let doc = scraper::Html::parse_fragment(html);
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut current = String::new();
    let (mut skipping, mut headings, mut heading) = (0usize, 0usize, false);
    // Ends the paragraph being read (blank lines in its text break it too).
    let mut flush = |current: &mut String, heading: &mut bool| {
        for para in current.split("\n\n") {
            let p = one_line(para);
            if !p.is_empty() {
                out.push((p, *heading));
            }
        }
        current.clear();
        *heading = false;
    };
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                H::Element(e) => {
                    let name = e.name();
                    if skipping > 0 || SKIPPED.contains(&name) {
                        skipping += 1;
                    } else if name == "br" {
                        current.push('\n');
                    } else if is_block(name) {
                        flush(&mut current, &mut heading);
                        if is_heading(name) {
                            headings += 1;
                        }
                    }
                }
                H::Text(t) if skipping == 0 => {
                    let t: &str = &t.text;
                    if headings > 0 && !t.trim().is_empty() {
                        heading = true;
                    }
                    current.push_str(&html_spaces(t));
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let H::Element(e) = node.value() {
                    let name = e.name();
                    if skipping > 0 {
                        skipping -= 1;
                    } else if name != "br" && is_block(name) {
                        flush(&mut current, &mut heading);
                        if is_heading(name) {
                            headings = headings.saturating_sub(1);
                        }
                    }
                }
            }
        }
    }
    flush(&mut current, &mut heading);
    out
}

/// Text with each run of whitespace one space, as HTML shows it, but a run
/// with a blank line in it a paragraph break (`"\n\n"`), as plain-text
/// notes write them.
fn html_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut newlines = None;
    for c in text.chars() {
        if c.is_whitespace() {
            let n = newlines.get_or_insert(0usize);
            if c == '\n' {
                *n += 1;
            }
            continue;
        }
        match newlines.take() {
            Some(n) if n >= 2 => out.push_str("\n\n"),
            Some(_) => out.push(' '),
            None => {}
        }
        out.push(c);
    }
    match newlines {
        Some(n) if n >= 2 => out.push_str("\n\n"),
        Some(_) => out.push(' '),
        None => {}
    }
    out
}

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// What the episode covers: the first paragraph of its `itunes:summary`,
/// else `description`, else `content:encoded`, at most [`MAX_COVERS`]
/// characters (cut at a sentence end when one is near, else at a word).
/// Show notes go on with links and sponsors; their opening says what the
/// episode is about.
fn covers(item: &Element) -> Option<String> {
    let sources =
        [item.child(Ns::Itunes, "summary"), item.child(Ns::None, "description"), item.child(Ns::Content, "encoded")];
    // The first paragraph with real text: not a heading.
    let first = sources
        .into_iter()
        .flatten()
        .find_map(|el| show_notes(&el.text()).into_iter().find(|(_, heading)| !heading).map(|(text, _)| text))?;
    if char_count(&first) <= MAX_COVERS {
        return Some(first);
    }
    let head: String = first.chars().take(MAX_COVERS).collect();
    let sentence = head
        .rmatch_indices(['.', '!', '?'])
        .map(|(i, _)| i)
        .find(|&i| head.get(i + 1..).is_some_and(|r| r.starts_with(' ')));
    match sentence {
        Some(i) if i >= MAX_COVERS / 3 => head.get(..=i).map(str::to_string),
        _ => {
            let word = head.rfind(' ').filter(|&i| i > 0).unwrap_or(head.len());
            Some(format!("{}…", head.get(..word).unwrap_or_default().trim_end()))
        }
    }
}

/// A label for the enclosure: "Audio (MP3, 92 MB)". The size is given from
/// 1 MB up (smaller `length`s are placeholders feeds write) so a listener
/// on a metered connection knows what the link costs.
fn enclosure_label(kind: &str, url: &str, length: Option<&str>) -> String {
    let mut kind = kind.trim().to_ascii_lowercase();
    if matches!(kind.as_str(), "application/octet-stream" | "binary/octet-stream") {
        // Says nothing: the extension decides, as when the type is missing.
        kind.clear();
    }
    let ext = extension(url);
    let format = match (kind.as_str(), ext.as_str()) {
        ("audio/mpeg" | "audio/mp3" | "audio/mpeg3", _) | ("", "mp3") => "MP3",
        ("audio/x-m4a" | "audio/m4a" | "audio/mp4", _) | ("", "m4a") => "M4A",
        ("audio/aac" | "audio/aacp", _) | ("", "aac") => "AAC",
        ("audio/ogg" | "audio/vorbis", _) | ("", "ogg" | "oga") => "Ogg",
        ("audio/opus", _) | ("", "opus") => "Opus",
        ("audio/flac" | "audio/x-flac", _) | ("", "flac") => "FLAC",
        ("audio/wav" | "audio/x-wav" | "audio/wave", _) | ("", "wav") => "WAV",
        ("video/mp4" | "video/x-m4v", _) | ("", "mp4" | "m4v") => "MP4",
        ("video/quicktime", _) | ("", "mov") => "MOV",
        _ => "",
    };
    let video = kind.starts_with("video/") || (kind.is_empty() && VIDEO_EXTENSIONS.contains(&ext.as_str()));
    let mut details = Vec::new();
    if !format.is_empty() {
        details.push(format.to_string());
    }
    // Checked: `length="18446744073709551615"` must not wrap to "0 MB"; a
    // file over a terabyte is no episode, so such a length is left out.
    let mb = length
        .and_then(|l| parse_uint(l.trim()))
        .filter(|&b| b >= 1_000_000)
        .and_then(|b| b.checked_add(500_000))
        .map(|b| b / 1_000_000)
        .filter(|&mb| mb <= 1_000_000);
    if let Some(mb) = mb {
        details.push(format!("{mb} MB"));
    }
    let noun = if video { "Video" } else { "Audio" };
    if details.is_empty() {
        noun.into()
    } else {
        format!("{noun} ({})", details.join(", "))
    }
}

/// The listen links: the episode page (labelled with the show's name, as
/// the card's other listen links name where they go), then the audio or
/// video file itself, for listeners without a podcast app.
fn listen(item: &Element, page: Option<&Url>, show: Option<&str>) -> Vec<Link> {
    let mut out = Vec::new();
    if let Some(url) = page {
        out.push(Link { label: show.unwrap_or("Episode page").into(), url: url.clone() });
    }
    // The first enclosure that plays (by MIME type, else extension).
    let enclosure = item.all(Ns::None, "enclosure").find_map(|e| {
        let url = link_url(e.attr("url")?)?;
        playable(e.attr("type").unwrap_or(""), url.as_str()).then_some((e, url))
    });
    if let Some((enc, url)) = enclosure {
        if page != Some(&url) {
            let label = enclosure_label(enc.attr("type").unwrap_or(""), url.as_str(), enc.attr("length"));
            out.push(Link { label, url });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(xml: &str) -> Element {
        parse(xml).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn text_references_cdata_and_line_ends() {
        let r = root("<a>x &amp; &lt;y&gt; &quot;&apos; &#233;&#x1F600;\r\n<![CDATA[<b>&amp;</b>]]>\rz</a>");
        assert_eq!(r.text(), "x & <y> \"' é😀\n<b>&amp;</b>\nz");
        let r = root("<a b=\"1\r\n2\t3 &amp; &#x3c;\" c='it&apos;s \"q\"'/>");
        assert_eq!(r.attr("b"), Some("1 2 3 & <"));
        assert_eq!(r.attr("c"), Some("it's \"q\""));
        // Comments and processing instructions inside elements are skipped.
        assert_eq!(root("<a>x<!-- c -->y<?pi z?></a>").text(), "xy");
        // A byte-order mark and a declaration before the root are fine.
        assert_eq!(root("\u{feff}<?xml version=\"1.0\"?>\n<a/>").name, "a");
    }

    #[test]
    fn namespaces() {
        let r = root(
            "<r xmlns:i=\"http://www.itunes.com/DTDs/Podcast-1.0.dtd\" xmlns:p=\"http://podcastindex.org/namespace/1.0/\">\
             <i:x/><p:x/><itunes:x/><podcast:x/><content:x/><zz:x/><y xmlns=\"urn:other\"><z/></y><q/></r>",
        );
        let ns: Vec<Ns> = r.elements().map(|e| e.ns).collect();
        assert_eq!(ns, [Ns::Itunes, Ns::Podcast, Ns::Itunes, Ns::Podcast, Ns::Content, Ns::Other, Ns::Other, Ns::None]);
        // The default namespace applies to the element declaring it and its children.
        let y = r.child(Ns::Other, "y").unwrap();
        assert_eq!(y.elements().next().unwrap().ns, Ns::Other);
        // A redeclared prefix is scoped to its element.
        let r = root("<r xmlns:a=\"https://podcastindex.org/namespace/1.0\"><s xmlns:a=\"urn:x\"><a:t/></s><a:t/></r>");
        assert_eq!(r.child(Ns::None, "s").unwrap().elements().next().unwrap().ns, Ns::Other);
        assert_eq!(r.child(Ns::Podcast, "t").map(|e| e.local()), Some("t"));
        assert_eq!(ns_of("http://backend.userland.com/rss2"), Ns::None);
        assert_eq!(ns_of(CONTENT_URI), Ns::Content);
        assert_eq!(ns_of(PODCAST_URI_OLD), Ns::Podcast);
    }

    #[test]
    fn block_elements_in_text_break_paragraphs() {
        let r = root("<d>One <b>bold</b> line<p>Two</p>three</d>");
        assert_eq!(paragraphs(&r.text()), ["One bold line", "Two", "three"]);
    }

    #[test]
    fn html_to_paragraphs() {
        let cases: &[(&str, &[&str])] = &[
            ("<p>Hello <b>world</b>&nbsp;&amp; more</p><p>Second</p>", &["Hello world & more", "Second"]),
            ("Plain\n\nParagraphs\nwrap", &["Plain", "Paragraphs wrap"]),
            ("a<br/>b<br>c", &["a b c"]),
            ("<script>alert('x')</script><STYLE>p{}</STYLE>Text", &["Text"]),
            ("<!-- hidden <p> -->Shown", &["Shown"]),
            ("1 < 2 and 3 > 2", &["1 < 2 and 3 > 2"]),
            // An escaped tag among real ones is text (alone, it is double-encoded HTML).
            (
                "<span>&lt;p&gt; is a tag</span>; AT&T &unknown; &#8217; &#x2014; &#0; &#xZZ;",
                &["<p> is a tag; AT&T &unknown; ’ — \u{fffd} &#xZZ;"],
            ),
            ("<a href=\"https://x.example\">link</a>, then", &["link, then"]),
            ("   ", &[]),
        ];
        for &(html, want) in cases {
            assert_eq!(paragraphs(html), want, "{html}");
        }
    }

    #[test]
    fn issue_15_show_notes_read_as_a_person_reads_them() {
        let cases: &[(&str, &[&str])] = &[
            // Inline elements join without spaces.
            (
                "We talk to <b>Jane Doe</b>, the author of <i>Big Book</i>. Then <em>news</em>!",
                &["We talk to Jane Doe, the author of Big Book. Then news!"],
            ),
            (
                "Price is 5<sup>th</sup> of H<sub>2</sub>O and co<span>operation</span>.",
                &["Price is 5th of H2O and cooperation."],
            ),
            ("In this episode (<a href=\"https://x.example\">link</a>) …", &["In this episode (link) …"]),
            // One <br> is a line break, two a paragraph break.
            ("Welcome back!<br>This week we discuss", &["Welcome back! This week we discuss"]),
            ("One<br><br>Two", &["One", "Two"]),
            // Every HTML5 named entity.
            ("&euro; &frac12; &szlig; &hellip; &nbsp;x", &["€ ½ ß … x"]),
            // Double-encoded HTML (escaped inside CDATA): no markup is left.
            ("&lt;p&gt;Hello &amp;amp; bye&lt;/p&gt;&lt;p&gt;Next&lt;/p&gt;", &["Hello & bye", "Next"]),
            // Scripts and styles are dropped, even unclosed.
            ("<p>Hi</p><style>p{}</style><script>x()", &["Hi"]),
            ("<p>a<script>", &["a"]),
        ];
        for &(html, want) in cases {
            assert_eq!(paragraphs(html), want, "{html}");
        }
        // A heading is a paragraph of its own, and not what the episode covers.
        assert_eq!(show_notes("<h2>Heading</h2>Body"), [("Heading".to_string(), true), ("Body".to_string(), false)]);
        let xml = "<item><description>&lt;h2&gt;Heading&lt;/h2&gt;Body text.</description></item>";
        assert_eq!(covers(&root(xml)), Some("Body text.".into()));
        // Deep nesting is walked without recursion.
        let deep = format!("{}deep{}", "<b>".repeat(100_000), "</b>".repeat(100_000));
        assert_eq!(paragraphs(&deep), ["deep"]);
    }

    #[test]
    fn durations() {
        let cases: &[(&str, Option<&str>)] = &[
            ("5400", Some("5400")),
            (" 90 ", Some("90")),
            ("1234.5", Some("1235")),
            ("1234.4", Some("1234")),
            ("1:36:00", Some("\"1:36:00\"")),
            ("00:45:00", Some("\"45:00\"")),
            ("96:00", Some("\"1:36:00\"")),
            ("5:07", Some("\"05:07\"")),
            ("0", None),
            ("0:00", None),
            ("1:60", None),
            ("", None),
            ("1h", None),
            ("12.x", None),
            ("-5", None),
        ];
        for &(raw, want) in cases {
            let got = duration(raw).map(|d| serde_json::to_string(&d).unwrap());
            assert_eq!(got.as_deref(), want, "{raw}");
        }
    }

    #[test]
    fn pub_dates() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Tue, 25 Nov 2025 14:00:00 GMT", Some("2025-11-25")),
            ("Tue, 25 Nov 2025 23:30:00 -0800", Some("2025-11-25")),
            ("25 Nov 2025 14:00 +0000", Some("2025-11-25")),
            ("Tuesday, 4 November 2025 10:00:00 EST", Some("2025-11-04")),
            ("Tue, Nov 25 2025 14:00:00 GMT", Some("2025-11-25")),
            ("Sat, 01 Jan 99 00:00:00 GMT", Some("1999-01-01")),
            ("Sat, 01 Jan 24 00:00:00 GMT", Some("2024-01-01")),
            ("Mon, 29 Feb 2024 10:00:00 GMT", Some("2024-02-29")),
            ("2025-11-25T14:00:00Z", Some("2025-11-25")),
            ("Thu, 29 Feb 2025 10:00:00 GMT", None),
            ("Tue, 25 Foo 2025", None),
            ("yesterday", None),
            ("", None),
        ];
        for &(raw, want) in cases {
            assert_eq!(pub_date(raw).map(|(d, _)| d).as_deref(), want, "{raw}");
        }
        let key = |s: &str| pub_date(s).unwrap().1;
        assert_eq!(key("Thu, 01 Jan 1970 00:00:00 GMT"), 0);
        assert_eq!(key("Tue, 25 Nov 2025 14:00:00 GMT"), 1_764_079_200);
        assert_eq!(key("Tue, 25 Nov 2025 09:00:00 EST"), key("Tue, 25 Nov 2025 14:00:00 +0000"));
        assert_eq!(key("Tue, 25 Nov 2025 15:30:00 +0130"), key("Tue, 25 Nov 2025 14:00:00 UT"));
    }

    #[test]
    fn ids_from_guids() {
        let cases: &[(&str, &str)] = &[
            ("8f3c2a10-6b7e-4d2c", "8f3c2a10-6b7e-4d2c"),
            ("https://example.com/?p=123", "example-com-p-123"),
            ("urn:uuid:4D2B9C0E-77AA", "4D2B9C0E-77AA"),
            ("tag:soundcloud,2010:tracks/12345", "tag-soundcloud-2010-tracks-12345"),
            ("__a__b", "a__b"),
            ("--x--", "x"),
            ("Buzzsprout-1234567", "Buzzsprout-1234567"),
        ];
        for &(guid, want) in cases {
            assert_eq!(slug_id(guid), want, "{guid}");
        }
        let valid = |id: &str| {
            id.len() <= 100
                && id.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
                && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        };
        for guid in ["日本語", "!!!", "", &"a".repeat(500), &format!("{}-x", "a-".repeat(60)), "é-1"] {
            assert!(valid(&slug_id(guid)), "{guid}: {}", slug_id(guid));
        }
        // Long guids sharing a beginning stay distinct.
        let (a, b) = (format!("{}1", "x".repeat(200)), format!("{}2", "x".repeat(200)));
        assert_ne!(slug_id(&a), slug_id(&b));
        assert_eq!(slug_id("日本語"), format!("ep-{:08x}", fnv1a("日本語".as_bytes())));
    }

    #[test]
    fn enclosure_labels() {
        let cases: &[(&str, &str, Option<&str>, &str)] = &[
            ("audio/mpeg", "https://a/x.mp3", Some("92160000"), "Audio (MP3, 92 MB)"),
            ("audio/mpeg", "https://a/x.mp3", Some("0"), "Audio (MP3)"),
            ("audio/x-m4a", "https://a/x", None, "Audio (M4A)"),
            ("", "https://a/x.opus?u=1", None, "Audio (Opus)"),
            ("video/mp4", "https://a/x.mp4", Some("1500000"), "Video (MP4, 2 MB)"),
            ("application/octet-stream", "https://a/x", Some("junk"), "Audio"),
        ];
        for &(kind, url, length, want) in cases {
            assert_eq!(enclosure_label(kind, url, length), want, "{kind} {url}");
        }
    }

    #[test]
    fn covers_are_cut_at_a_sentence_or_a_word() {
        let covers_of = |desc: &str| {
            let xml = format!("<item><description>{desc}</description></item>");
            covers(&root(&xml))
        };
        let sentence = "This is a sentence. ".repeat(100);
        let c = covers_of(&sentence).unwrap();
        assert!(c.ends_with("sentence.") && char_count(&c) <= MAX_COVERS, "{c}");
        let words = "word ".repeat(400);
        let c = covers_of(&words).unwrap();
        assert!(c.ends_with("word…") && char_count(&c) <= MAX_COVERS + 1, "{c}");
        assert_eq!(covers_of("Short."), Some("Short.".into()));
        assert_eq!(covers_of(""), None);
        // itunes:summary comes first, content:encoded last.
        let xml = "<item><content:encoded>C</content:encoded><description>D</description><itunes:summary>S</itunes:summary></item>";
        assert_eq!(covers(&root(xml)), Some("S".into()));
        assert_eq!(
            covers(&root("<item><content:encoded>&lt;p&gt;C&lt;/p&gt;</content:encoded></item>")),
            Some("C".into())
        );
    }

    #[test]
    fn urls() {
        let url = |raw| link_url(raw).map(|u| u.as_str().to_string());
        assert_eq!(url(" https://a.example/my file.mp3 ").as_deref(), Some("https://a.example/my%20file.mp3"));
        assert_eq!(url("HTTP://a.example").as_deref(), Some("http://a.example"));
        for bad in ["javascript:alert(1)", "//a.example", "/x", "mailto:a@b.example", "https://", "ftp://a.example", ""]
        {
            assert_eq!(link_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn paths_number_items_among_their_siblings() {
        let e = parse("<rss><channel><title/><item/><image/><item><x></y></item></channel></rss>").unwrap_err();
        assert_eq!(e.path, "rss.channel.item[1].x");
    }
}
