//! Raw JSON text to a checked [`Document`], or every problem with its JSON
//! path (`takeaways[2].title: expected a string, found 42`).
//!
//! Validation never stops at the first problem: an author fixing a file
//! wants the whole list at once.

use crate::core::host;
use crate::core::json::{self, Spanned, Value};
use crate::core::limits::{MAX_BYTES, MAX_CHARS, MAX_EPISODES, MAX_ITEMS};
use crate::core::model::{Card, Document, Link, Point, Show, Url};
use crate::core::text::{char_count, concat, cut, find_byte, parse_uint, uint};
use crate::core::time::{self, DurationError};

/// One problem in the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// JSON path of the offending value: `takeaways[2].title`; empty for the
    /// document itself.
    pub path: String,
    /// Lowercase, specific, with a hint where one helps.
    pub message: String,
    /// Byte offset of the offending value in the source (for `FILE:LINE:COL`).
    pub offset: usize,
}

/// Parses and checks a document: one card, or `{ "episodes": [...] }`.
pub fn parse_document(src: &str) -> Result<Document, Vec<Error>> {
    if src.len() > MAX_BYTES {
        let message = too_large(&uint(src.len() as u64));
        return Err(vec![Error { path: String::new(), message, offset: 0 }]);
    }
    let root = match json::parse(src) {
        Ok(root) => root,
        Err(e) => {
            let (line, col) = json::line_col(src, e.offset);
            // Too deep is a limit, not a syntax error: the JSON may be fine.
            let kind = if e.message == json::TOO_DEEP { "" } else { "not valid JSON: " };
            let mut message = concat(&[kind, e.message, " (line "]);
            message.push_str(&uint(line as u64));
            message.push_str(", column ");
            message.push_str(&uint(col as u64));
            message.push(')');
            return Err(vec![Error { path: String::new(), message, offset: e.offset }]);
        }
    };
    let mut v = Validator { errors: Vec::new() };
    let doc = v.document(&root);
    match doc {
        Some(doc) if v.errors.is_empty() => Ok(doc),
        // Report in the order the values appear in the file.
        _ => Err(sort_by_offset(v.errors)),
    }
}

/// The message for a document over [`MAX_BYTES`], whose size is `bytes`
/// (a number, or the CLI's "more than 1048576" for standard input, which it
/// stops reading at the limit).
pub fn too_large(bytes: &str) -> String {
    concat(&["the document is ", bytes, " bytes; the limit is 1 MiB (1048576 bytes)"])
}

/// A stable merge sort by offset. `sort_by_key` would do, but its driftsort
/// adds about 3 KB to the wasm file; this is a few hundred bytes and still
/// O(n log n) for the 50,000 errors a hostile document can hold.
fn sort_by_offset(mut errors: Vec<Error>) -> Vec<Error> {
    let n = errors.len();
    if n < 2 {
        return errors;
    }
    let right = errors.split_off(n / 2);
    let mut right = sort_by_offset(right).into_iter().peekable();
    let mut out = Vec::with_capacity(n);
    for e in sort_by_offset(errors) {
        // Equal offsets keep their order: the left half goes first.
        while let Some(r) = right.next_if(|r| r.offset < e.offset) {
            out.push(r);
        }
        out.push(e);
    }
    out.extend(right);
    out
}

/// Every problem in `src`; empty when it is a valid document.
pub fn validate(src: &str) -> Vec<Error> {
    parse_document(src).err().unwrap_or_default()
}

/// Characters that change how the text around them is ordered: bidi
/// embeddings, overrides, isolates and marks.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with control characters, line and paragraph separators and bidi
/// controls written as JSON escapes (`\n`, `\u202e`), as the author would
/// find them in the file. A message quotes data: raw, these could break the
/// CLI's one-line-per-error output, drive the terminal, or reorder the
/// message around them.
fn visible(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || is_bidi_control(c) || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str("\\u");
                let n = u32::from(c);
                for shift in [12, 8, 4, 0] {
                    out.extend(char::from_digit((n >> shift) & 0xf, 16));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// How a value is described in "found ..." messages.
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(true) => "true".into(),
        Value::Bool(false) => "false".into(),
        Value::Number(raw) => cut(raw, 24),
        Value::String(s) if s.trim().is_empty() => "an empty string".into(),
        // Escapes are added after the cut: the limit counts the data's characters.
        Value::String(s) => concat(&["the string \"", &visible(&cut(s, 40)), "\""]),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// A path one step below `base`.
fn field(base: &str, name: &str) -> String {
    if base.is_empty() {
        name.into()
    } else {
        concat(&[base, ".", name])
    }
}

fn index(base: &str, i: usize) -> String {
    concat(&[base, "[", &uint(i as u64), "]"])
}

/// Whole non-negative number from JSON number text, rounding a fraction to
/// the nearest unit; `None` when negative or too large.
fn whole_number(raw: &str) -> Option<u64> {
    if raw.starts_with('-') {
        return None;
    }
    let (mantissa, exp) = match raw.bytes().position(|b| b == b'e' || b == b'E') {
        Some(i) => (raw.get(..i)?, exponent(raw.get(i + 1..)?)?),
        None => (raw, 0),
    };
    let (int, frac) = match find_byte(mantissa, b'.') {
        Some(i) => (mantissa.get(..i)?, mantissa.get(i + 1..)?),
        None => (mantissa, ""),
    };
    if int.bytes().chain(frac.bytes()).all(|b| b == b'0') {
        return Some(0);
    }
    // Digits before the decimal point once the exponent is applied; the one
    // after it rounds; the rest cannot matter, however many there are.
    let point = i64::try_from(int.len()).ok()? + i64::from(exp);
    let mut value: u64 = 0;
    let mut at: i64 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        if at >= point {
            return value.checked_add(u64::from(b >= b'5'));
        }
        value = value.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
        at += 1;
    }
    while at < point {
        value = value.checked_mul(10)?;
        at += 1;
    }
    Some(value)
}

/// A JSON number's exponent (`+5`, `-2`, `10`) as an `i32`; `None` when it
/// does not fit (as `str::parse::<i32>` would say).
fn exponent(text: &str) -> Option<i32> {
    let text = text.trim_start_matches('+');
    let (negative, digits) = match text.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, text),
    };
    let n = i64::try_from(parse_uint(digits)?).ok()?;
    i32::try_from(if negative { -n } else { n }).ok()
}

/// Parses a URL just far enough to know it is an absolute link we allow.
///
/// Leading and trailing spaces and control characters are trimmed and tabs
/// and newlines removed (as browsers do before parsing), the scheme is
/// case-folded, and only `http:`/`https:` with a host (or `mailto:` with an
/// address, where allowed) pass. Anything else, relative URLs included, is
/// refused rather than guessed at, and so is any URL with a control or bidi
/// character left in it (which could disguise where a link goes).
pub fn check_url(raw: &str, allow_mailto: bool) -> Option<Url> {
    let trimmed = raw.trim_matches(|c: char| c <= ' ');
    let cleaned: String = trimmed.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let colon = find_byte(&cleaned, b':')?;
    let scheme = cleaned.get(..colon)?.to_ascii_lowercase();
    let rest = cleaned.get(colon + 1..)?;
    let ok = match scheme.as_str() {
        "http" | "https" => {
            let after = rest.strip_prefix("//")?;
            let end = after.bytes().position(|b| matches!(b, b'/' | b'?' | b'#' | b'\\')).unwrap_or(after.len());
            let authority = after.get(..end)?;
            host::authority_ok(authority)
                && !cleaned.chars().any(|c| c.is_whitespace() || c.is_control() || is_bidi_control(c) || c == '\\')
        }
        "mailto" => allow_mailto && rest.len() > 1 && !rest.chars().any(|c| c.is_control() || is_bidi_control(c)),
        _ => false,
    };
    ok.then(|| Url(concat(&[&scheme, ":", rest])))
}

struct Validator {
    errors: Vec<Error>,
}

impl Validator {
    fn error(&mut self, path: &str, v: &Spanned, message: String) {
        self.errors.push(Error { path: path.into(), message, offset: v.offset });
    }

    fn expected(&mut self, path: &str, v: &Spanned, what: &str) {
        let message = concat(&["expected ", what, ", found ", &describe(&v.value)]);
        self.error(path, v, message);
    }

    fn missing(&mut self, path: &str, parent: &Spanned, hint: &str) {
        self.error(path, parent, concat(&["is required", hint]));
    }

    fn object<'v>(&mut self, path: &str, v: &'v Spanned) -> Option<&'v [(String, Spanned)]> {
        match &v.value {
            Value::Object(members) => Some(members),
            _ => {
                self.expected(path, v, "an object");
                None
            }
        }
    }

    fn array<'v>(&mut self, path: &str, v: &'v Spanned) -> Option<&'v [Spanned]> {
        let max = if path == "episodes" { MAX_EPISODES } else { MAX_ITEMS };
        match &v.value {
            Value::Array(items) if items.len() > max => {
                let message = concat(&["has ", &uint(items.len() as u64), " items; the limit is ", &uint(max as u64)]);
                self.error(path, v, message);
                None
            }
            Value::Array(items) => Some(items),
            _ => {
                self.expected(path, v, "an array");
                None
            }
        }
    }

    /// A non-blank string, trimmed, with U+0000 as U+FFFD (issue 16). An
    /// HTML parser drops a NUL in text, so the static card said "nulbyte"
    /// where the widget's text node and the JSON-LD kept the NUL; replaced
    /// here, every output shows the same character, as `json` does for a
    /// lone surrogate (docs/decisions.md).
    fn string(&mut self, path: &str, v: &Spanned) -> Option<String> {
        let s = self.raw_string(path, v)?;
        if !s.bytes().any(|b| b == 0) {
            return Some(s);
        }
        Some(s.chars().map(|c| if c == '\0' { '\u{fffd}' } else { c }).collect())
    }

    /// A non-blank string, trimmed, as written: a URL with a NUL is refused.
    fn raw_string(&mut self, path: &str, v: &Spanned) -> Option<String> {
        match &v.value {
            Value::String(s) if s.len() > MAX_CHARS && char_count(s) > MAX_CHARS => {
                let n = char_count(s) as u64;
                let message = concat(&["is ", &uint(n), " characters long; the limit is ", &uint(MAX_CHARS as u64)]);
                self.error(path, v, message);
                None
            }
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().into()),
            Value::String(_) => {
                self.error(path, v, "must not be empty".into());
                None
            }
            _ => {
                self.expected(path, v, "a string");
                None
            }
        }
    }

    fn opt_string(&mut self, obj: &Spanned, base: &str, key: &str) -> Option<String> {
        let v = obj.get(key)?;
        self.string(&field(base, key), v)
    }

    fn req_string(&mut self, obj: &Spanned, base: &str, key: &str, hint: &str) -> Option<String> {
        let path = field(base, key);
        match obj.get(key) {
            Some(v) => self.string(&path, v),
            None => {
                self.missing(&path, obj, hint);
                None
            }
        }
    }

    fn url(&mut self, path: &str, v: &Spanned, allow_mailto: bool) -> Option<Url> {
        let s = self.raw_string(path, v)?;
        let url = check_url(&s, allow_mailto);
        if url.is_none() {
            let what = if allow_mailto {
                "an absolute https:, http: or mailto: URL"
            } else {
                "an absolute https: or http: URL"
            };
            self.expected(path, v, what);
        }
        url
    }

    fn opt_url(&mut self, obj: &Spanned, base: &str, key: &str) -> Option<Url> {
        let v = obj.get(key)?;
        self.url(&field(base, key), v, false)
    }

    fn strings(&mut self, obj: &Spanned, key: &str) -> Vec<String> {
        let Some(v) = obj.get(key) else { return Vec::new() };
        let Some(items) = self.array(key, v) else { return Vec::new() };
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            if let Some(s) = self.string(&index(key, i), item) {
                out.push(s);
            }
        }
        out
    }

    fn points(&mut self, obj: &Spanned, key: &str, required: bool) -> Vec<Point> {
        let v = match obj.get(key) {
            Some(v) => v,
            None => {
                if required {
                    self.missing(key, obj, ": a card needs at least one takeaway");
                }
                return Vec::new();
            }
        };
        let Some(items) = self.array(key, v) else { return Vec::new() };
        if required && items.is_empty() {
            self.error(key, v, "must have at least one item".into());
        }
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = index(key, i);
            if self.object(&path, item).is_none() {
                continue;
            }
            let title = self.opt_string(item, &path, "title");
            if let Some(text) = self.req_string(item, &path, "text", "") {
                out.push(Point { title, text });
            }
        }
        out
    }

    fn link(&mut self, path: &str, v: &Spanned, label_key: &str, allow_mailto: bool) -> Option<Link> {
        self.object(path, v)?;
        let label = self.req_string(v, path, label_key, "");
        let url_path = field(path, "url");
        let url = match v.get("url") {
            Some(u) => self.url(&url_path, u, allow_mailto),
            None => {
                self.missing(&url_path, v, "");
                None
            }
        };
        Some(Link { label: label?, url: url? })
    }

    fn show(&mut self, v: &Spanned) -> Option<Show> {
        self.object("show", v)?;
        let name = self.req_string(v, "show", "name", "");
        let url = self.opt_url(v, "show", "url");
        let artwork = self.opt_url(v, "show", "artwork");
        Some(Show { name: name?, url, artwork })
    }

    fn version(&mut self, obj: &Spanned) {
        let Some(v) = obj.get("version") else { return };
        match &v.value {
            Value::Number(raw) if whole_number(raw) == Some(1) && !raw.contains(['.', 'e', 'E']) => {}
            Value::Number(raw) => {
                let message = concat(&["unsupported version ", raw, "; this widget reads version 1"]);
                self.error("version", v, message);
            }
            _ => self.expected("version", v, "the number 1"),
        }
    }

    fn id(&mut self, obj: &Spanned) -> Option<String> {
        let v = obj.get("id")?;
        let id = self.string("id", v)?;
        let ok = id.len() <= 100
            && id.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
            && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !ok {
            let message = concat(&[
                "expected letters, digits, '-' and '_' (it names the card in links), found ",
                &describe(&v.value),
            ]);
            self.error("id", v, message);
            return None;
        }
        Some(id)
    }

    fn duration(&mut self, obj: &Spanned) -> Option<u32> {
        let v = obj.get("duration")?;
        let seconds = match &v.value {
            Value::Number(raw) => match whole_number(raw) {
                Some(n) => time::check_length(n),
                None if raw.starts_with('-') => {
                    self.error("duration", v, concat(&["must not be negative, found ", raw]));
                    return None;
                }
                None => Err(DurationError::Length),
            },
            Value::String(s) => time::parse_duration(s),
            _ => {
                self.expected("duration", v, "seconds or \"H:MM:SS\"");
                return None;
            }
        };
        match seconds {
            Ok(n) => u32::try_from(n).ok(),
            Err(e) => {
                let why = match e {
                    DurationError::Format => "expected seconds, \"MM:SS\" or \"H:MM:SS\", found ",
                    DurationError::OutOfRange => "minutes and seconds must be below 60, found ",
                    DurationError::Length => "must be between 1 second and 1000 hours, found ",
                };
                self.error("duration", v, concat(&[why, &describe(&v.value)]));
                None
            }
        }
    }

    fn card(&mut self, v: &Spanned) -> Option<Card> {
        self.object("", v)?;
        let title = self.req_string(v, "", "title", ": every card needs a title");
        self.version(v);
        let mut card = Card {
            id: self.id(v),
            url: self.opt_url(v, "", "url"),
            show: v.get("show").and_then(|s| self.show(s)),
            guests: self.strings(v, "guests"),
            duration: self.duration(v),
            topics: self.strings(v, "topics"),
            takeaways: self.points(v, "takeaways", true),
            covers: self.opt_string(v, "", "covers"),
            questions: self.points(v, "questions", false),
            notable_moment: self.opt_string(v, "", "notable_moment"),
            ..Card::default()
        };
        if let Some(p) = v.get("published") {
            if let Some(s) = self.string("published", p) {
                card.published = time::parse_date(&s);
                if card.published.is_none() {
                    self.expected("published", p, "an ISO 8601 date such as \"2025-11-25\"");
                }
            }
        }
        if let Some(a) = v.get("ai_generated") {
            match a.value {
                Value::Bool(b) => card.ai_generated = b,
                _ => self.expected("ai_generated", a, "true or false"),
            }
        }
        if let Some(l) = v.get("listen") {
            if let Some(items) = self.array("listen", l) {
                for (i, item) in items.iter().enumerate() {
                    card.listen.extend(self.link(&index("listen", i), item, "label", false));
                }
            }
        }
        card.cta = v.get("cta").and_then(|c| self.link("cta", c, "text", true));
        card.title = title?;
        Some(card)
    }

    fn document(&mut self, root: &Spanned) -> Option<Document> {
        let Some(episodes) = root.get("episodes") else {
            return self.card(root).map(|c| Document::Card(Box::new(c)));
        };
        self.version(root);
        let items = self.array("episodes", episodes)?;
        if items.is_empty() {
            self.error("episodes", episodes, "must have at least one episode".into());
        }
        let mut cards = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let before = self.errors.len();
            let card = self.card(item);
            let base = index("episodes", i);
            // Prefix the paths of this episode's problems.
            for e in self.errors.iter_mut().skip(before) {
                e.path = if e.path.is_empty() { base.clone() } else { concat(&[&base, ".", &e.path]) };
            }
            cards.extend(card);
        }
        Some(Document::Collection(cards))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(src: &str) -> Vec<(String, String)> {
        validate(src).into_iter().map(|e| (e.path, e.message)).collect()
    }

    /// A valid card with `extra` members merged in (later keys win).
    fn card_with(extra: &str) -> String {
        let base = r#"{"version": 1, "title": "T", "takeaways": [{"title": "A", "text": "B"}]"#;
        if extra.is_empty() {
            concat(&[base, "}"])
        } else {
            concat(&[base, ", ", extra, "}"])
        }
    }

    #[test]
    fn the_seed_is_valid_and_complete() {
        let src = include_str!("../../www/episodes/ilya.json");
        let Ok(Document::Card(card)) = parse_document(src) else { panic!("{:?}", validate(src)) };
        assert_eq!(card.takeaways.len(), 5);
        assert_eq!(card.questions.len(), 5);
        assert_eq!(card.duration, Some(5760));
        assert!(card.ai_generated);
        assert_eq!(card.show.as_ref().map(|s| s.name.as_str()), Some("Dwarkesh Podcast"));
        assert!(card.covers.is_some() && card.notable_moment.is_some() && card.cta.is_some());
        assert_eq!(card.listen.len(), 3);
    }

    #[test]
    fn minimal_card_is_valid() {
        assert_eq!(errors(&card_with("")), vec![]);
        assert_eq!(errors(r#"{"title": "T", "takeaways": [{"text": "x"}]}"#), vec![]);
    }

    #[test]
    fn unknown_fields_are_ignored() {
        assert_eq!(errors(&card_with(r#""future": {"x": [1]}, "__proto__": {"polluted": true}"#)), vec![]);
    }

    #[test]
    fn field_errors_with_paths() {
        // (extra members, expected path, expected message)
        let cases: &[(&str, &str, &str)] = &[
            (r#""title": 42"#, "title", "expected a string, found 42"),
            (r#""title": "  ""#, "title", "must not be empty"),
            (r#""takeaways": []"#, "takeaways", "must have at least one item"),
            (r#""takeaways": {}"#, "takeaways", "expected an array, found an object"),
            (
                r#""takeaways": [{"title": "a", "text": "b"}, {"title": 42, "text": "x"}]"#,
                "takeaways[1].title",
                "expected a string, found 42",
            ),
            (r#""takeaways": [{"title": "a"}]"#, "takeaways[0].text", "is required"),
            (r#""takeaways": ["plain"]"#, "takeaways[0]", "expected an object, found the string \"plain\""),
            (r#""questions": [{"text": null}]"#, "questions[0].text", "expected a string, found null"),
            (r#""guests": "Ilya""#, "guests", "expected an array, found the string \"Ilya\""),
            (r#""guests": ["a", 1]"#, "guests[1]", "expected a string, found 1"),
            (r#""topics": [true]"#, "topics[0]", "expected a string, found true"),
            (r#""ai_generated": "yes""#, "ai_generated", "expected true or false, found the string \"yes\""),
            (r#""covers": ["x"]"#, "covers", "expected a string, found an array"),
            (r#""notable_moment": 1.5"#, "notable_moment", "expected a string, found 1.5"),
            (
                r#""published": "25/11/2025""#,
                "published",
                "expected an ISO 8601 date such as \"2025-11-25\", found the string \"25/11/2025\"",
            ),
            (
                r#""published": "2025-02-30""#,
                "published",
                "expected an ISO 8601 date such as \"2025-11-25\", found the string \"2025-02-30\"",
            ),
            (
                r#""duration": "99:99:99""#,
                "duration",
                "minutes and seconds must be below 60, found the string \"99:99:99\"",
            ),
            (r#""duration": "1h""#, "duration", "expected seconds, \"MM:SS\" or \"H:MM:SS\", found the string \"1h\""),
            (r#""duration": -5"#, "duration", "must not be negative, found -5"),
            (r#""duration": 0"#, "duration", "must be between 1 second and 1000 hours, found 0"),
            (r#""duration": 1e12"#, "duration", "must be between 1 second and 1000 hours, found 1e12"),
            (r#""duration": true"#, "duration", "expected seconds or \"H:MM:SS\", found true"),
            (r#""version": 2"#, "version", "unsupported version 2; this widget reads version 1"),
            (r#""version": "1""#, "version", "expected the number 1, found the string \"1\""),
            (
                r#""id": "has space""#,
                "id",
                "expected letters, digits, '-' and '_' (it names the card in links), found the string \"has space\"",
            ),
            (
                r#""url": "javascript:alert(1)""#,
                "url",
                "expected an absolute https: or http: URL, found the string \"javascript:alert(1)\"",
            ),
            (
                r#""url": "/relative""#,
                "url",
                "expected an absolute https: or http: URL, found the string \"/relative\"",
            ),
            (
                r#""show": {"name": "S", "url": "data:text/html,x"}"#,
                "show.url",
                "expected an absolute https: or http: URL, found the string \"data:text/html,x\"",
            ),
            (
                r#""show": {"name": "S", "artwork": "mailto:a@b.c"}"#,
                "show.artwork",
                "expected an absolute https: or http: URL, found the string \"mailto:a@b.c\"",
            ),
            (r#""show": {"url": "https://x.y"}"#, "show.name", "is required"),
            (r#""show": "S""#, "show", "expected an object, found the string \"S\""),
            (
                r#""listen": [{"label": "L", "url": "vbscript:x"}]"#,
                "listen[0].url",
                "expected an absolute https: or http: URL, found the string \"vbscript:x\"",
            ),
            (r#""listen": [{"label": "L"}]"#, "listen[0].url", "is required"),
            (r#""listen": [{"url": "https://a.b"}]"#, "listen[0].label", "is required"),
            (
                r#""cta": {"text": "Go", "url": "ftp://x"}"#,
                "cta.url",
                "expected an absolute https:, http: or mailto: URL, found the string \"ftp://x\"",
            ),
            (r#""cta": {"url": "https://x.y"}"#, "cta.text", "is required"),
        ];
        for (extra, path, message) in cases {
            assert_eq!(errors(&card_with(extra)), vec![(path.to_string(), message.to_string())], "{extra}");
        }
    }

    #[test]
    fn every_error_is_reported_at_once() {
        let e = errors(r#"{"title": 1, "takeaways": [{"title": 2, "text": 3}], "url": "x"}"#);
        let paths: Vec<&str> = e.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, ["title", "takeaways[0].title", "takeaways[0].text", "url"]);
    }

    #[test]
    fn errors_come_in_file_order_whatever_order_they_are_checked_in() {
        // cta and listen come first in the file but are checked last; a
        // missing member shares its object's offset and keeps its place.
        let e = errors(
            r#"{"cta": {"url": 1}, "listen": [{"label": 2, "url": "x"}], "title": 3, "takeaways": [{"text": 4}], "guests": [5, 6]}"#,
        );
        let paths: Vec<&str> = e.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "cta.text",
                "cta.url",
                "listen[0].label",
                "listen[0].url",
                "title",
                "takeaways[0].text",
                "guests[0]",
                "guests[1]"
            ]
        );
        let mut many = Vec::new();
        for i in 0..1000 {
            many.push(Error { path: uint(i), message: String::new(), offset: (i as usize * 7919) % 100 });
        }
        let sorted = sort_by_offset(many.clone());
        many.sort_by_key(|e| e.offset);
        assert_eq!(sorted, many, "the same as the standard library's stable sort");
    }

    #[test]
    fn document_level_errors() {
        assert_eq!(errors("[]"), vec![("".into(), "expected an object, found an array".into())]);
        assert_eq!(errors("null"), vec![("".into(), "expected an object, found null".into())]);
        assert_eq!(
            errors("{}"),
            vec![
                ("title".into(), "is required: every card needs a title".into()),
                ("takeaways".into(), "is required: a card needs at least one takeaway".into())
            ]
        );
        assert_eq!(
            errors("{\n  \"title\": \"x\",\n  oops"),
            vec![("".into(), "not valid JSON: expected a quoted member name (line 3, column 3)".into())]
        );
        assert_eq!(errors(""), vec![("".into(), "not valid JSON: the document is empty (line 1, column 1)".into())]);
    }

    #[test]
    fn collections() {
        let ok = concat(&[r#"{"version": 1, "episodes": ["#, &card_with(""), ",", &card_with(""), "]}"]);
        assert!(matches!(parse_document(&ok), Ok(Document::Collection(c)) if c.len() == 2));
        let bad =
            concat(&[r#"{"episodes": ["#, &card_with(""), r#", {"title": 5, "takeaways": [{"text": "x"}]}, 7]}"#]);
        assert_eq!(
            errors(&bad),
            vec![
                ("episodes[1].title".into(), "expected a string, found 5".into()),
                ("episodes[2]".into(), "expected an object, found 7".into())
            ]
        );
        assert_eq!(errors(r#"{"episodes": []}"#), vec![("episodes".into(), "must have at least one episode".into())]);
    }

    #[test]
    fn limits_give_clear_errors() {
        let huge = concat(&[r#"{"title": ""#, &"x".repeat(MAX_BYTES), r#"", "takeaways": [{"text": "x"}]}"#]);
        assert_eq!(errors(&huge).len(), 1);
        assert!(errors(&huge)[0].1.starts_with("the document is 1048"), "{:?}", errors(&huge));
        let long = concat(&[r#""title": ""#, &"é".repeat(MAX_CHARS + 1), "\""]);
        assert_eq!(
            errors(&card_with(&long)),
            vec![("title".into(), "is 5001 characters long; the limit is 5000".into())]
        );
        let many = concat(&[r#""takeaways": ["#, &vec![r#"{"text": "x"}"#; 101].join(","), "]"]);
        assert_eq!(errors(&card_with(&many)), vec![("takeaways".into(), "has 101 items; the limit is 100".into())]);
        let topics = concat(&[r#""topics": ["#, &vec![r#""t""#; 100].join(","), "]"]);
        assert_eq!(errors(&card_with(&topics)), vec![]);
    }

    #[test]
    fn messages_show_invisible_characters_as_escapes() {
        // Quoted data can neither reorder the message, nor break the CLI's
        // one line per error, nor send escape sequences to a terminal.
        let cases: &[(&str, &str)] = &[
            (r#""\u202eevil""#, r#""\u202eevil""#),
            (r#"" \tjava\nscript:x""#, r#"" \tjava\nscript:x""#),
            (r#""\u001b[2J\u0007\u0000\u0085\u2028\u2066""#, r#""\u001b[2J\u0007\u0000\u0085\u2028\u2066""#),
            (r#""<script>\u200dx</script>""#, "\"<script>\u{200d}x</script>\""),
        ];
        for (value, quoted) in cases {
            let src = concat(&[r#"{"title": "T", "takeaways": [{"text": "x"}], "guests": "#, value, "}"]);
            let message = concat(&["expected an array, found the string ", quoted]);
            assert_eq!(errors(&src), vec![("guests".to_string(), message)], "{value}");
        }
        // The 40-character cut counts the data's characters, not the escapes.
        let long = concat(&[r#"{"title": 1, "takeaways": [{"text": "x"}], "guests": ""#, &"\\u202e".repeat(50), "\"}"]);
        let e = errors(&long);
        assert_eq!(e[1].1, concat(&["expected an array, found the string \"", &"\\u202e".repeat(40), "…\""]));
    }

    #[test]
    fn nesting_too_deep_is_a_limit_not_a_syntax_error() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        let e = errors(&deep);
        assert_eq!(e.len(), 1);
        assert!(
            e[0].1.starts_with("the document nests arrays or objects more than 64 levels deep (line 1, column "),
            "{e:?}"
        );
    }

    #[test]
    fn hostile_documents_from_the_corpus() {
        // tests/corpus: ok-* documents are valid, bad-* ones are not; no
        // message of either carries a raw control or bidi character.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if !name.ends_with(".json") {
                continue;
            }
            let e = validate(&std::fs::read_to_string(&path).unwrap());
            if name.starts_with("ok-") {
                assert_eq!(e, vec![], "{name}");
            } else {
                assert!(name.starts_with("bad-") && !e.is_empty(), "{name}");
            }
            for e in e {
                assert!(!e.message.chars().any(|c| c.is_control() || is_bidi_control(c)), "{name}: {}", e.message);
            }
            seen += 1;
        }
        assert!(seen >= 40, "{seen} corpus documents");
    }

    #[test]
    fn error_offsets_point_at_the_value() {
        let src = r#"{"title": 42, "takeaways": [{"text": "x"}]}"#;
        let e = validate(src);
        assert_eq!(e[0].offset, src.find("42").unwrap());
    }

    #[test]
    fn url_allowlist() {
        let ok: &[(&str, bool, &str)] = &[
            ("https://example.com/a?b=1#c", false, "https://example.com/a?b=1#c"),
            ("HTTPS://Example.com", false, "https://Example.com"),
            ("  http://x.y/ \n", false, "http://x.y/"),
            ("https://ex\tample.com", false, "https://example.com"),
            ("mailto:a@b.c", true, "mailto:a@b.c"),
            ("MailTo:a@b.c?subject=x", true, "mailto:a@b.c?subject=x"),
            ("https://例え.jp/パス", false, "https://例え.jp/パス"),
            ("https://user@host.com", false, "https://user@host.com"),
        ];
        for (raw, mailto, want) in ok {
            assert_eq!(check_url(raw, *mailto).as_ref().map(Url::as_str), Some(*want), "{raw}");
        }
        let bad: &[(&str, bool)] = &[
            ("javascript:alert(1)", true),
            (" JaVaScRiPt:alert(1)", true),
            ("java\tscript:alert(1)", true),
            ("\u{1}javascript:alert(1)", true),
            ("javascript&colon;alert(1)", true),
            ("&#106;avascript:alert(1)", true),
            ("data:text/html,<script>", true),
            ("vbscript:msgbox", true),
            ("/relative/path", true),
            ("//example.com/x", true),
            ("example.com", true),
            ("https:/example.com", false),
            ("https://", false),
            ("https://:80", false),
            ("https://a b.com", false),
            ("https:\\\\evil.com", false),
            ("mailto:a@b.c", false),
            ("mailto:", true),
            ("ftp://x.y", false),
            ("file:///etc/passwd", false),
            ("https://ok.example/\u{202e}gpj.exe", false),
            ("https://ok.example/\u{2066}x", false),
            ("https://ok.example/\u{85}x", false),
            ("https://ok.example/\u{7f}x", false),
            ("java\u{0}script:alert(1)", true),
            ("\u{ff4a}avascript\u{ff1a}alert(1)", true),
            ("blob:https://ok.example/1", true),
            ("mailto:a@b.c\u{202e}moc.live", true),
            ("mailto:a@b.c\u{0}?x", true),
        ];
        for (raw, mailto) in bad {
            assert_eq!(check_url(raw, *mailto), None, "{raw:?}");
        }
    }

    /// A NUL in text is U+FFFD in the card, so the static HTML (where an
    /// HTML parser would drop it), the widget and the JSON-LD all show the
    /// same; a URL with one is still refused.
    #[test]
    fn issue_16_a_nul_in_text_becomes_a_replacement_character() {
        let src = card_with(r#""title": "nul\u0000byte", "guests": ["\u0000"], "covers": " \u0000 x ""#);
        let Ok(Document::Card(card)) = parse_document(&src) else { panic!("{:?}", validate(&src)) };
        assert_eq!(card.title, "nul\u{fffd}byte");
        assert_eq!(card.guests, ["\u{fffd}"]);
        assert_eq!(card.covers.as_deref(), Some("\u{fffd} x"));
        for url in [
            r#""url": "https://ok.example/\u0000x""#,
            r#""listen": [{"label": "L", "url": "https://ok.example\u0000/"}]"#,
        ] {
            assert_eq!(errors(&card_with(url)).len(), 1, "{url}");
        }
    }

    #[test]
    fn exponents_parse_as_i32_would() {
        for text in ["0", "+5", "-2", "10", "2147483647", "2147483648", "-2147483648", "-2147483649", "", "-", "+"] {
            assert_eq!(exponent(text), text.trim_start_matches('+').parse::<i32>().ok(), "{text}");
        }
    }

    #[test]
    fn whole_numbers() {
        let cases: &[(&str, Option<u64>)] = &[
            ("0", Some(0)),
            ("5760", Some(5760)),
            ("5760.4", Some(5760)),
            ("5760.5", Some(5761)),
            ("5.76e3", Some(5760)),
            ("1E2", Some(100)),
            ("1e-2", Some(0)),
            ("-1", None),
            ("1e400", None),
            ("123456789012345678901234567890", None),
            ("5760.0000000000000000", Some(5760)),
            ("5760.4999999999999999999", Some(5760)),
            ("5760.50000000000000000001", Some(5761)),
            ("0.5", Some(1)),
            ("5e-1", Some(1)),
            ("4.9e-1", Some(0)),
            ("0.05e1", Some(1)),
            ("1.5e1", Some(15)),
            ("0e999999999", Some(0)),
            ("99999999999999999999e-10", Some(10_000_000_000)),
        ];
        for (raw, want) in cases {
            assert_eq!(whole_number(raw), *want, "{raw}");
        }
    }
}
