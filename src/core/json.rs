//! A small JSON parser that remembers where every value starts.
//!
//! Why not `serde_json`: the widget ships to every reader, and a parser of a
//! few hundred lines costs far fewer bytes. Keeping byte offsets lets the CLI
//! print `FILE:LINE:COL` for every validation error, and the nesting limit
//! keeps hostile input from exhausting the stack. serde_json instead measured
//! +13.3 KB gzip of wasm (docs/decisions.md).

/// How deep arrays and objects may nest. The data format needs four levels;
/// the limit only exists so hostile input cannot overflow the stack.
pub const MAX_DEPTH: usize = 64;
/// The message for nesting past [`MAX_DEPTH`] (a limit, not a syntax error).
pub const TOO_DEEP: &str = "the document nests arrays or objects more than 64 levels deep";

/// A parsed JSON value with the byte offset where it starts in the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned {
    pub value: Value,
    pub offset: usize,
}

/// A JSON value. Numbers keep their source text so messages can quote them
/// exactly and no float formatting code is needed.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Spanned>),
    /// Members in source order; when a key repeats, the last one wins.
    Object(Vec<(String, Spanned)>),
}

/// Where and why the text is not JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: &'static str,
}

impl Spanned {
    /// The member `key` of an object (the last, if it repeats).
    pub fn get(&self, key: &str) -> Option<&Spanned> {
        match &self.value {
            Value::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Parses a whole document. A leading byte-order mark is skipped.
pub fn parse(src: &str) -> Result<Spanned, SyntaxError> {
    let mut p = Parser { src: src.as_bytes(), pos: 0, text: src };
    if src.starts_with('\u{feff}') {
        p.pos = 3;
    }
    p.skip_ws();
    if p.pos >= p.src.len() {
        return Err(p.error("the document is empty"));
    }
    let value = p.value(0)?;
    p.skip_ws();
    if p.pos < p.src.len() {
        return Err(p.error("unexpected text after the end of the JSON value"));
    }
    Ok(value)
}

/// 1-based line and column (in characters) of a byte offset, for messages.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let mut line = 1;
    let mut col = 1;
    for (i, c) in src.char_indices() {
        if i >= offset {
            break;
        }
        if c == '\n' {
            line += 1;
            col = 1;
        } else if c != '\u{feff}' {
            col += 1;
        }
    }
    (line, col)
}

struct Parser<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, message: &'static str) -> SyntaxError {
        SyntaxError { offset: self.pos, message }
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn expect_word(&mut self, word: &'static str, value: Value) -> Result<Value, SyntaxError> {
        if self.src.get(self.pos..self.pos + word.len()) == Some(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a JSON value"))
        }
    }

    /// A value inside `depth` arrays and objects.
    fn value(&mut self, depth: usize) -> Result<Spanned, SyntaxError> {
        let offset = self.pos;
        let value = match self.peek() {
            Some(b'{' | b'[') if depth >= MAX_DEPTH => {
                return Err(self.error(TOO_DEEP));
            }
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Value::String(self.string()?),
            Some(b't') => self.expect_word("true", Value::Bool(true))?,
            Some(b'f') => self.expect_word("false", Value::Bool(false))?,
            Some(b'n') => self.expect_word("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) => return Err(self.error("expected a JSON value")),
            None => return Err(self.error("the document ends too early")),
        };
        Ok(Spanned { value, offset })
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a quoted member name"));
            }
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error("expected ':' after the member name"));
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value(depth + 1)?;
            members.push((key, value));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(members));
                }
                _ => return Err(self.error("expected ',' or '}' in the object")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.error("expected ',' or ']' in the array")),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        if self.peek() == Some(b'0') {
            self.pos += 1;
        } else if self.digits() == 0 {
            return Err(self.error("expected digits in the number"));
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.error("expected digits after the decimal point"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("expected digits in the exponent"));
            }
        }
        Ok(Value::Number(self.text.get(start..self.pos).unwrap_or_default().into()))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.error("expected four hex digits after \\u")),
            };
            n = n * 16 + u32::from(d);
            self.pos += 1;
        }
        Ok(n)
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            // Copy the run of plain characters in one go.
            let run = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(self.text.get(run..self.pos).unwrap_or_default());
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            out.push(self.unicode_escape()?);
                            continue;
                        }
                        _ => return Err(self.error("unknown escape in the string")),
                    };
                    self.pos += 1;
                    out.push(c);
                }
                Some(_) => return Err(self.error("control character inside a string (escape it)")),
                None => return Err(self.error("the string is not closed")),
            }
        }
    }

    /// `\uXXXX`, joining surrogate pairs. A lone surrogate cannot be a Rust
    /// `char`; it becomes U+FFFD, as browsers do when they decode such text.
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let hi = self.hex4()?;
        if (0xD800..0xDC00).contains(&hi) && self.src.get(self.pos..self.pos + 2) == Some(b"\\u") {
            let save = self.pos;
            self.pos += 2;
            let lo = self.hex4()?;
            if (0xDC00..0xE000).contains(&lo) {
                let c = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                return Ok(char::from_u32(c).unwrap_or('\u{fffd}'));
            }
            self.pos = save;
        }
        Ok(char::from_u32(hi).unwrap_or('\u{fffd}'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Value {
        Value::String(v.into())
    }

    #[test]
    fn parses_every_kind_of_value() {
        let doc = parse(r#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\u00e9\ud83d\ude00"} "#).unwrap();
        let a = doc.get("a").unwrap();
        match &a.value {
            Value::Array(items) => {
                assert_eq!(items[0].value, Value::Number("1".into()));
                assert_eq!(items[1].value, Value::Number("-2.5e3".into()));
                assert_eq!(items[2].value, Value::Bool(true));
                assert_eq!(items[4].value, Value::Null);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(doc.get("b").unwrap().value, s("x\"é😀"));
        assert_eq!(doc.offset, 1);
    }

    #[test]
    fn last_duplicate_key_wins() {
        let doc = parse(r#"{"a": 1, "a": 2}"#).unwrap();
        assert_eq!(doc.get("a").unwrap().value, Value::Number("2".into()));
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        assert_eq!(parse(r#""\ud800x""#).unwrap().value, s("\u{fffd}x"));
        assert_eq!(parse(r#""\udc00""#).unwrap().value, s("\u{fffd}"));
        assert_eq!(parse(r#""\ud800\u0041""#).unwrap().value, s("\u{fffd}A"));
    }

    #[test]
    fn byte_order_mark_is_skipped() {
        assert_eq!(parse("\u{feff}\"x\"").unwrap().value, s("x"));
    }

    #[test]
    fn syntax_errors_say_where_and_why() {
        let cases: &[(&str, usize, &str)] = &[
            ("", 0, "the document is empty"),
            ("   ", 3, "the document is empty"),
            ("{", 1, "expected a quoted member name"),
            ("[1,]", 3, "expected a JSON value"),
            ("[1 2]", 3, "expected ',' or ']' in the array"),
            ("{\"a\" 1}", 5, "expected ':' after the member name"),
            ("\"abc", 4, "the string is not closed"),
            ("\"a\nb\"", 2, "control character inside a string (escape it)"),
            ("01", 1, "unexpected text after the end of the JSON value"),
            ("-", 1, "expected digits in the number"),
            ("1.", 2, "expected digits after the decimal point"),
            ("tru", 0, "expected a JSON value"),
            ("\"\\x\"", 2, "unknown escape in the string"),
            ("{} x", 3, "unexpected text after the end of the JSON value"),
        ];
        for (src, offset, message) in cases {
            assert_eq!(parse(src), Err(SyntaxError { offset: *offset, message }), "{src:?}");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert_eq!(parse(&deep).unwrap_err().message, "the document nests arrays or objects more than 64 levels deep");
        let ok = "[".repeat(64) + &"]".repeat(64);
        assert!(parse(&ok).is_ok());
    }

    /// Found by tests/fuzz.rs: 65 empty arrays used to pass, because only a
    /// value inside the 65th level tripped the limit.
    #[test]
    fn the_depth_limit_counts_arrays_and_objects_exactly() {
        let n = MAX_DEPTH;
        for ok in [
            "[".repeat(n) + &"]".repeat(n),
            "[".repeat(n) + "0" + &"]".repeat(n),
            "[".repeat(n - 1) + "{}" + &"]".repeat(n - 1),
        ] {
            assert!(parse(&ok).is_ok(), "{ok}");
        }
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert_eq!(
            parse(&deep),
            Err(SyntaxError {
                offset: MAX_DEPTH,
                message: "the document nests arrays or objects more than 64 levels deep"
            })
        );
        let deep = r#"{"a":"#.repeat(MAX_DEPTH) + "{}" + &"}".repeat(MAX_DEPTH);
        assert_eq!(parse(&deep).unwrap_err().offset, 5 * MAX_DEPTH);
    }

    #[test]
    fn line_and_column_count_characters() {
        let src = "{\n  \"é\": x";
        assert_eq!(line_col(src, src.find('x').unwrap()), (2, 8));
        assert_eq!(line_col(src, 0), (1, 1));
    }
}
