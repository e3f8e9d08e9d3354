//! Card JSON from a podcast RSS 2.0 feed (`summary-card from-rss`). CLI only
//! (native and WASI).
//!
//! The feed gives everything about an episode but its summary: the card comes
//! out with one empty takeaway for the author to write, which the validator
//! flags until they do.
//!
//! The XML is read by a small parser of its own (elements, attributes, text,
//! CDATA, comments, processing instructions, the five predefined entities and
//! numeric references; the DOCTYPE is skipped and its entities are never
//! expanded), which keeps the crate free of an XML dependency and hostile
//! feeds bounded: nesting is capped at [`MAX_DEPTH`] and the input at
//! [`MAX_BYTES`]. Namespace prefixes are resolved through their `xmlns`
//! declarations, so a feed that binds the iTunes or Podcasting 2.0 namespace
//! to another prefix still works; an undeclared `itunes:`, `podcast:` or
//! `content:` prefix is read as its usual namespace, as podcast apps do.

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
    if xml.len() > MAX_BYTES {
        let message = format!("the feed is {} bytes; the limit is 64 MiB ({MAX_BYTES} bytes)", xml.len());
        return Err(vec![FeedError { offset: 0, path: String::new(), message }]);
    }
    let root = parse(xml).map_err(|e| vec![e])?;
    let card = build(&root, guid).map_err(|e| vec![e])?;
    // Pretty-printed like the seed files, and safe to paste into the inline
    // `<script type="application/json">` (every `<` written `\u003c`).
    match serde_json::to_string_pretty(&card) {
        Ok(json) => Ok(script_json(&json) + "\n"),
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
    } else if uri.is_empty() || this == "backend.userland.com/rss2" {
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

fn is_name_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b == b':' || b >= 0x80
}

fn is_name_byte(b: u8) -> bool {
    is_name_start(b) || b.is_ascii_digit() || b == b'-' || b == b'.'
}

fn is_xml_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
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

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    /// Open elements, outermost first.
    stack: Vec<Element>,
    /// Namespace prefixes in scope (`""` for the default namespace), and for
    /// each open element how many were in scope before it.
    bindings: Vec<(String, Ns)>,
    marks: Vec<usize>,
    root: Option<Element>,
}

/// Parses a whole document into its root element, or says where it is not
/// well-formed.
fn parse(src: &str) -> Result<Element, FeedError> {
    let mut p = Parser { src, pos: 0, stack: Vec::new(), bindings: Vec::new(), marks: Vec::new(), root: None };
    if src.starts_with('\u{feff}') {
        p.pos = '\u{feff}'.len_utf8();
    }
    while p.pos < src.len() {
        if p.peek() == Some(b'<') {
            p.markup()?;
        } else {
            p.text()?;
        }
    }
    if let Some(open) = p.stack.last() {
        return Err(p.fail(open.offset, format!("<{}> is never closed", open.name)));
    }
    match p.root {
        Some(root) => Ok(root),
        None => Err(p.fail(src.len(), "the document has no root element".into())),
    }
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    fn starts(&self, s: &str) -> bool {
        self.src.get(self.pos..).is_some_and(|r| r.starts_with(s))
    }

    /// Byte offset of `pat` at or after `from`.
    fn find(&self, from: usize, pat: &str) -> Option<usize> {
        self.src.get(from..)?.find(pat).map(|i| i + from)
    }

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

    fn skip_ws(&mut self) -> bool {
        let start = self.pos;
        while self.peek().is_some_and(is_xml_space) {
            self.pos += 1;
        }
        self.pos > start
    }

    fn name(&mut self) -> Option<&'a str> {
        let start = self.pos;
        if !self.peek().is_some_and(is_name_start) {
            return None;
        }
        while self.peek().is_some_and(is_name_byte) {
            self.pos += 1;
        }
        self.src.get(start..self.pos)
    }

    fn markup(&mut self) -> Result<(), FeedError> {
        let start = self.pos;
        if self.starts("<!--") {
            let end = self.find(start + 4, "-->").ok_or_else(|| self.fail(start, "a comment is not closed".into()))?;
            self.pos = end + 3;
        } else if self.starts("<![CDATA[") {
            if self.stack.is_empty() {
                return Err(self.fail(start, "CDATA outside the root element".into()));
            }
            let from = start + 9;
            let end = self.find(from, "]]>").ok_or_else(|| self.fail(start, "a CDATA section is not closed".into()))?;
            let raw = self.src.get(from..end).unwrap_or_default();
            let text = self.decode(raw, from, false, false)?;
            self.push_text(text);
            self.pos = end + 3;
        } else if self.starts("<!DOCTYPE") {
            self.doctype()?;
        } else if self.starts("<!") {
            return Err(self.fail(start, "unexpected \"<!\"".into()));
        } else if self.starts("<?") {
            let end = self
                .find(start + 2, "?>")
                .ok_or_else(|| self.fail(start, "a processing instruction is not closed".into()))?;
            self.pos = end + 2;
        } else if self.starts("</") {
            self.end_tag()?;
        } else {
            self.start_tag()?;
        }
        Ok(())
    }

    /// Skips `<!DOCTYPE ...>` with its internal subset: its declarations are
    /// never read, so no entity it defines is ever expanded.
    fn doctype(&mut self) -> Result<(), FeedError> {
        let start = self.pos;
        if self.root.is_some() || !self.stack.is_empty() {
            return Err(self.fail(start, "a DOCTYPE must come before the root element".into()));
        }
        let bytes = self.src.as_bytes();
        let mut i = start + 9;
        let mut depth = 0usize;
        while let Some(&b) = bytes.get(i) {
            match b {
                b'"' | b'\'' => {
                    i = bytes
                        .get(i + 1..)
                        .and_then(|r| r.iter().position(|&c| c == b))
                        .map_or(bytes.len(), |j| i + 1 + j);
                }
                b'[' => depth += 1,
                b']' => depth = depth.saturating_sub(1),
                b'>' if depth == 0 => {
                    self.pos = i + 1;
                    return Ok(());
                }
                _ => {}
            }
            i += 1;
        }
        Err(self.fail(start, "the DOCTYPE is not closed".into()))
    }

    fn text(&mut self) -> Result<(), FeedError> {
        let start = self.pos;
        let end = self.find(start, "<").unwrap_or(self.src.len());
        let raw = self.src.get(start..end).unwrap_or_default();
        self.pos = end;
        if self.stack.is_empty() {
            if let Some(i) = raw.bytes().position(|b| !is_xml_space(b)) {
                let what = if self.root.is_some() { "after" } else { "before" };
                return Err(self.fail(start + i, format!("text {what} the root element")));
            }
            return Ok(());
        }
        if let Some(i) = raw.find("]]>") {
            return Err(self.fail(start + i, "\"]]>\" is not allowed in text".into()));
        }
        let text = self.decode(raw, start, true, false)?;
        self.push_text(text);
        Ok(())
    }

    fn push_text(&mut self, text: String) {
        let Some(top) = self.stack.last_mut() else { return };
        if text.is_empty() {
            return;
        }
        match top.children.last_mut() {
            Some(Node::Text(t)) => t.push_str(&text),
            _ => top.children.push(Node::Text(text)),
        }
    }

    /// Text or an attribute value with its references replaced and its line
    /// ends normalised (and, in attributes, whitespace made spaces), as XML
    /// 1.0 reads them. `base` is the byte offset of `raw` in the document.
    fn decode(&self, raw: &str, base: usize, entities: bool, attr: bool) -> Result<String, FeedError> {
        let mut out = String::with_capacity(raw.len());
        let mut chars = raw.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '&' if entities => {
                    let rest = raw.get(i + 1..).unwrap_or_default();
                    let semi = rest.bytes().take(32).position(|b| b == b';');
                    let Some(semi) = semi else {
                        return Err(self.fail(base + i, "a bare \"&\"; write it as &amp;".into()));
                    };
                    let name = rest.get(..semi).unwrap_or_default();
                    out.push(self.reference(name, base + i)?);
                    while chars.next_if(|&(j, _)| j <= i + 1 + semi).is_some() {}
                }
                '\r' => {
                    chars.next_if(|&(_, n)| n == '\n');
                    out.push(if attr { ' ' } else { '\n' });
                }
                '\n' | '\t' if attr => out.push(' '),
                '<' if attr => {
                    return Err(self.fail(base + i, "\"<\" is not allowed in an attribute value; write &lt;".into()))
                }
                c if !is_xml_char(c) => {
                    let message = format!("the character U+{:04X} is not allowed in XML", u32::from(c));
                    return Err(self.fail(base + i, message));
                }
                c => out.push(c),
            }
        }
        Ok(out)
    }

    /// The character `&name;` stands for.
    fn reference(&self, name: &str, offset: usize) -> Result<char, FeedError> {
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => match name.strip_prefix('#') {
                Some(num) => {
                    let (digits, radix) = match num.strip_prefix('x') {
                        Some(hex) => (hex, 16),
                        None => (num, 10),
                    };
                    let ok = !digits.is_empty() && digits.len() <= 8 && digits.chars().all(|d| d.is_digit(radix));
                    let c = ok.then(|| u32::from_str_radix(digits, radix).ok()).flatten().and_then(char::from_u32);
                    match c.filter(|&c| is_xml_char(c)) {
                        Some(c) => Some(c),
                        None => return Err(self.fail(offset, format!("\"&{name};\" is not a character XML allows"))),
                    }
                }
                None => None,
            },
        };
        c.ok_or_else(|| {
            let shown = cut(name, 20);
            self.fail(
                offset,
                format!(
                    "unknown entity \"&{shown};\": XML has only &amp; &lt; &gt; &quot; &apos; and numeric \
                     references such as &#160; (HTML belongs in CDATA)"
                ),
            )
        })
    }

    fn start_tag(&mut self) -> Result<(), FeedError> {
        let start = self.pos;
        self.pos += 1;
        let Some(name) = self.name() else {
            return Err(self.fail(start, "\"<\" must start a tag; in text write it as &lt;".into()));
        };
        if self.stack.len() >= MAX_DEPTH {
            let message = format!("elements nest deeper than {MAX_DEPTH} levels");
            return Err(FeedError { offset: start, path: self.path(Some(name)), message });
        }
        if self.stack.is_empty() {
            if let Some(root) = &self.root {
                let message = format!("a second root element <{name}> after <{}>", root.name);
                return Err(self.fail(start, message));
            }
        }
        let mut attrs: Vec<Attr> = Vec::new();
        let self_closing = loop {
            let spaced = self.skip_ws();
            match self.peek() {
                Some(b'>') => {
                    self.pos += 1;
                    break false;
                }
                Some(b'/') if self.starts("/>") => {
                    self.pos += 2;
                    break true;
                }
                None => return Err(self.fail_in(start, Some(name), format!("the tag <{name} is not closed"))),
                Some(_) if !spaced => {
                    let message = format!("expected a space, \">\" or \"/>\" in <{name}>");
                    return Err(self.fail_in(self.pos, Some(name), message));
                }
                Some(_) => {
                    let at = self.pos;
                    let Some(key) = self.name() else {
                        let message = format!("expected an attribute name in <{name}>");
                        return Err(self.fail_in(at, Some(name), message));
                    };
                    self.skip_ws();
                    if self.peek() != Some(b'=') {
                        let message = format!("attribute \"{key}\" has no value (expected {key}=\"...\")");
                        return Err(self.fail_in(at, Some(name), message));
                    }
                    self.pos += 1;
                    self.skip_ws();
                    let quote = match self.peek() {
                        Some(q @ (b'"' | b'\'')) => q,
                        _ => {
                            let message = format!("the value of \"{key}\" must be in quotes");
                            return Err(self.fail_in(at, Some(name), message));
                        }
                    };
                    let from = self.pos + 1;
                    let close = self.src.as_bytes().get(from..).and_then(|r| r.iter().position(|&b| b == quote));
                    let Some(close) = close.map(|j| from + j) else {
                        let message = format!("the value of \"{key}\" is not closed");
                        return Err(self.fail_in(at, Some(name), message));
                    };
                    let raw = self.src.get(from..close).unwrap_or_default();
                    let value = self
                        .decode(raw, from, true, true)
                        .map_err(|e| FeedError { path: self.path(Some(name)), ..e })?;
                    if attrs.iter().any(|a| a.name == key) {
                        let message = format!("attribute \"{key}\" appears twice in <{name}>");
                        return Err(self.fail_in(at, Some(name), message));
                    }
                    attrs.push(Attr { name: key.into(), value });
                    self.pos = close + 1;
                }
            }
        };
        let mark = self.bindings.len();
        for a in &attrs {
            if a.name == "xmlns" {
                self.bindings.push((String::new(), ns_of(&a.value)));
            } else if let Some(prefix) = a.name.strip_prefix("xmlns:") {
                self.bindings.push((prefix.into(), ns_of(&a.value)));
            }
        }
        let (prefix, local) = match name.bytes().position(|b| b == b':') {
            Some(i) => (name.get(..i).unwrap_or_default(), i + 1),
            None => ("", 0),
        };
        let ns = self.resolve(prefix);
        let el = Element { name: name.into(), local, ns, attrs, children: Vec::new(), offset: start };
        if self_closing {
            self.bindings.truncate(mark);
            self.attach(el);
        } else {
            self.marks.push(mark);
            self.stack.push(el);
        }
        Ok(())
    }

    /// The namespace of a prefix (`""`: the default namespace) in scope.
    fn resolve(&self, prefix: &str) -> Ns {
        if let Some((_, ns)) = self.bindings.iter().rev().find(|(p, _)| p == prefix) {
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

    fn end_tag(&mut self) -> Result<(), FeedError> {
        let start = self.pos;
        self.pos += 2;
        let Some(name) = self.name() else {
            return Err(self.fail(start, "expected a tag name after \"</\"".into()));
        };
        self.skip_ws();
        if self.peek() != Some(b'>') {
            return Err(self.fail(self.pos, format!("expected \">\" to end </{name}>")));
        }
        self.pos += 1;
        let Some(open) = self.stack.last() else {
            return Err(self.fail(start, format!("unexpected </{name}>: no element is open")));
        };
        if open.name != name {
            let (line, col) = line_col(self.src, open.offset);
            let message = format!("expected </{}> (opened at line {line}, column {col}), found </{name}>", open.name);
            return Err(self.fail(start, message));
        }
        if let Some(open) = self.stack.pop() {
            self.bindings.truncate(self.marks.pop().unwrap_or_default());
            self.attach(open);
        }
        Ok(())
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

fn build(root: &Element, guid: Option<&str>) -> Result<FeedCard, FeedError> {
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
    let channel_path = format!("{}.{}", root.name, channel.name);
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
    card(channel, item, &item_path)
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
/// "false") to an http(s) page.
fn permalink(item: &Element) -> Option<Url> {
    let g = item.child(Ns::None, "guid")?;
    if g.attr("isPermaLink").is_some_and(|v| v.trim().eq_ignore_ascii_case("false")) {
        return None;
    }
    link_url(&g.text())
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

/// Days from 1970-01-01 to a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Minutes east of UTC for an RFC 822 zone (`+0100`, `GMT`, `EST`).
fn zone_minutes(z: &str) -> Option<i64> {
    if let Some(sign) = z.strip_prefix('+').map(|r| (1, r)).or_else(|| z.strip_prefix('-').map(|r| (-1, r))) {
        let (sign, digits) = sign;
        if digits.len() != 4 {
            return None;
        }
        let n = i64::try_from(parse_uint(digits)?).ok()?;
        return Some(sign * (n / 100 * 60 + n % 100));
    }
    let hours = match z.to_ascii_uppercase().as_str() {
        "GMT" | "UT" | "UTC" | "Z" => 0,
        "EDT" => -4,
        "EST" | "CDT" => -5,
        "CST" | "MDT" => -6,
        "MST" | "PDT" => -7,
        "PST" => -8,
        _ => return None,
    };
    Some(hours * 60)
}

/// An RFC 822 `pubDate` ("Tue, 25 Nov 2025 14:00:00 GMT") as the ISO date
/// it names *as written* (no shift to UTC: the day the show says it
/// published), and a key that orders dates in time. Lenient as readers are:
/// no weekday, full month names, two-digit years, day and month in either
/// order; an ISO 8601 date is read too.
fn pub_date(raw: &str) -> Option<(String, i64)> {
    let raw = raw.trim();
    if let Some(d) = time::parse_date(raw) {
        let iso = time::iso_date(d);
        let days = days_from_civil(d.year.into(), d.month.into(), d.day.into());
        return Some((iso, days * 86_400));
    }
    let (mut day, mut month, mut year, mut clock, mut zone) = (None, None, None, None, None);
    for tok in raw.split(|c: char| c.is_whitespace() || c == ',').filter(|t| !t.is_empty()) {
        let digits = tok.bytes().all(|b| b.is_ascii_digit());
        if tok.contains(':') && clock.is_none() {
            let mut parts = tok.split(':').map(parse_uint);
            let h = parts.next().flatten()?;
            let m = parts.next().flatten()?;
            let s = parts.next().flatten().unwrap_or(0);
            clock = Some(i64::try_from(h * 3600 + m * 60 + s).ok()?);
        } else if digits && tok.len() <= 2 && day.is_none() {
            day = parse_uint(tok);
        } else if digits && (tok.len() == 4 || (tok.len() == 2 && day.is_some())) && year.is_none() {
            let y = parse_uint(tok)?;
            year = Some(match tok.len() {
                2 if y < 50 => 2000 + y,
                2 => 1900 + y,
                _ => y,
            });
        } else if month.is_none() && tok.len() >= 3 && tok.bytes().all(|b| b.is_ascii_alphabetic()) {
            let lower = tok.to_ascii_lowercase();
            month = MONTHS.iter().position(|m| m.starts_with(&lower)).map(|i| i + 1);
        } else if clock.is_some() && zone.is_none() {
            zone = zone_minutes(tok);
        }
    }
    let (y, m, d) = (year?, month?, day?);
    let iso = format!("{y:04}-{m:02}-{d:02}");
    let date = time::parse_date(&iso)?;
    let days = days_from_civil(date.year.into(), date.month.into(), date.day.into());
    Some((iso, days * 86_400 + clock.unwrap_or(0) - zone.unwrap_or(0) * 60))
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

/// The episode description as paragraphs of plain text: HTML tags removed
/// (script and style with their content), block elements and blank lines
/// as paragraph breaks, the common HTML entities decoded.
fn paragraphs(html: &str) -> Vec<String> {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        text.push_str(rest.get(..lt).unwrap_or_default());
        let tag = rest.get(lt..).unwrap_or_default();
        let starts_tag =
            tag.as_bytes().get(1).is_some_and(|&b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?'));
        if !starts_tag {
            text.push('<');
            rest = tag.get(1..).unwrap_or_default();
            continue;
        }
        if let Some(body) = tag.strip_prefix("<!--") {
            rest = body.find("-->").and_then(|e| body.get(e + 3..)).unwrap_or_default();
            continue;
        }
        let Some(gt) = tag.find('>') else {
            rest = "";
            break;
        };
        let name: String = tag
            .get(1..gt)
            .unwrap_or_default()
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        rest = tag.get(gt + 1..).unwrap_or_default();
        if (name == "script" || name == "style") && !tag.starts_with("</") {
            let close = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            rest = match lower.find(&close) {
                Some(i) => rest.get(i..).unwrap_or_default(),
                None => "",
            };
        } else if is_block(&name) {
            text.push_str("\n\n");
        } else {
            text.push(' ');
        }
    }
    text.push_str(rest);
    let text = decode_html(&text);
    let mut out = Vec::new();
    for para in text.split("\n\n") {
        let p = one_line(para);
        if !p.is_empty() {
            out.push(p);
        }
    }
    out
}

/// `&name;` and numeric references as HTML writes them; unknown names stay
/// as they are.
fn decode_html(s: &str) -> String {
    const NAMED: [(&str, char); 33] = [
        ("amp", '&'),
        ("lt", '<'),
        ("gt", '>'),
        ("quot", '"'),
        ("apos", '\''),
        ("nbsp", ' '),
        ("ndash", '–'),
        ("mdash", '—'),
        ("lsquo", '‘'),
        ("rsquo", '’'),
        ("sbquo", '‚'),
        ("ldquo", '“'),
        ("rdquo", '”'),
        ("bdquo", '„'),
        ("hellip", '…'),
        ("laquo", '«'),
        ("raquo", '»'),
        ("bull", '•'),
        ("middot", '·'),
        ("copy", '©'),
        ("reg", '®'),
        ("trade", '™'),
        ("eacute", 'é'),
        ("egrave", 'è'),
        ("aacute", 'á'),
        ("agrave", 'à'),
        ("iacute", 'í'),
        ("oacute", 'ó'),
        ("uacute", 'ú'),
        ("ntilde", 'ñ'),
        ("ccedil", 'ç'),
        ("uuml", 'ü'),
        ("ouml", 'ö'),
    ];
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or_default());
        let after = rest.get(amp + 1..).unwrap_or_default();
        let semi = after.bytes().take(12).position(|b| b == b';');
        let c = semi.and_then(|i| {
            let name = after.get(..i)?;
            match name.strip_prefix('#') {
                Some(num) => {
                    let n = match num.strip_prefix(['x', 'X']) {
                        Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                            u32::from_str_radix(hex, 16).ok()
                        }
                        Some(_) => None,
                        None => u32::try_from(parse_uint(num)?).ok(),
                    };
                    n.and_then(char::from_u32).filter(|&c| is_xml_char(c) && c != '\r')
                }
                None => NAMED.iter().find(|(n, _)| *n == name).map(|&(_, c)| c),
            }
        });
        match (c, semi) {
            (Some(c), Some(i)) => {
                out.push(c);
                rest = after.get(i + 1..).unwrap_or_default();
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// What the episode covers: the first paragraph of its `itunes:summary`,
/// else `description`, else `content:encoded`, at most [`MAX_COVERS`]
/// characters (cut at a sentence end when one is near, else at a word).
/// Show notes go on with links and sponsors; their opening says what the
/// episode is about.
fn covers(item: &Element) -> Option<String> {
    let sources =
        [item.child(Ns::Itunes, "summary"), item.child(Ns::None, "description"), item.child(Ns::Content, "encoded")];
    let first = sources.into_iter().flatten().find_map(|el| paragraphs(&el.text()).into_iter().next())?;
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
    let kind = kind.trim().to_ascii_lowercase();
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).filter(|e| e.len() <= 4).unwrap_or_default();
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
    let video = kind.starts_with("video/") || (kind.is_empty() && matches!(ext.as_str(), "mp4" | "m4v" | "mov"));
    let mut details = Vec::new();
    if !format.is_empty() {
        details.push(format.to_string());
    }
    if let Some(bytes) = length.and_then(|l| parse_uint(l.trim())).filter(|&b| b >= 1_000_000) {
        details.push(format!("{} MB", (bytes + 500_000) / 1_000_000));
    }
    let noun = if video { "Video" } else { "Audio" };
    if details.is_empty() {
        noun.into()
    } else {
        format!("{noun} ({})", details.join(", "))
    }
}

/// The listen links: the episode page (labelled with the show's name, as
/// the card's other listen links name where they go), then the audio file
/// itself, for listeners without a podcast app.
fn listen(item: &Element, page: Option<&Url>, show: Option<&str>) -> Vec<Link> {
    let mut out = Vec::new();
    if let Some(url) = page {
        out.push(Link { label: show.unwrap_or("Episode page").into(), url: url.clone() });
    }
    let enclosure = item.child(Ns::None, "enclosure");
    if let Some((enc, url)) = enclosure.and_then(|e| Some((e, link_url(e.attr("url")?)?))) {
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
            ("a<br/>b<br>c", &["a", "b", "c"]),
            ("<script>alert('x')</script><STYLE>p{}</STYLE>Text", &["Text"]),
            ("<!-- hidden <p> -->Shown", &["Shown"]),
            ("1 < 2 and 3 > 2", &["1 < 2 and 3 > 2"]),
            (
                "&lt;p&gt; is a tag; AT&T &unknown; &#8217; &#x2014; &#0; &#xZZ;",
                &["<p> is a tag; AT&T &unknown; ’ — &#0; &#xZZ;"],
            ),
            ("<a href=\"https://x.example\">link</a>, then", &["link , then"]),
            ("   ", &[]),
        ];
        for &(html, want) in cases {
            assert_eq!(paragraphs(html), want, "{html}");
        }
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
