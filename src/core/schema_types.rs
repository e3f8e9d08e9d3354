//! How the card data is written before validation, for its JSON Schema:
//! the types that the model's `#[schemars(...)]` attributes name (CLI
//! builds only, `not(browser)`; the CLI's `schema` module writes the
//! schema from the model).
//!
//! The model's types derive `schemars::JsonSchema` (natively), and the doc
//! comments on their fields are the schema's descriptions. But the model is
//! the data *after* validation, so what the JSON looks like before is said
//! here, in types the model's attributes point at:
//! - how a value is written: [`Text`], [`Id`], [`HttpUrl`], [`IsoDate`],
//!   [`Duration`] (named by `#[schemars(with = ...)]` on the fields);
//! - what validation reshapes: the call to action ([`Cta`], read into a
//!   `Link`), the collection's envelope ([`Collection`]), and `version`
//!   (checked, then dropped: [`with_version`] adds it back).
//!
//! The patterns follow the validator (`src/core/validate.rs`, `src/core/time.rs`)
//! exactly, character classes included: whitespace is Rust's
//! (`char::is_whitespace`, what `trim` removes), spelled out as ranges
//! rather than `\s` or `\p{...}` (ECMAScript's `\s` differs from it, and not
//! every JSON Schema validator knows `\p{...}`). They use one lookahead.
//! `tests/node/schema.test.mjs` checks them against the validator.
//!
//! Imports only the core's limits: the model imports this module.

use crate::core::limits::{MAX_CHARS, MAX_DURATION_SECONDS, MAX_EPISODES};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde_json::Value;
use std::borrow::Cow;

/// Rust's whitespace (`char::is_whitespace`, the Unicode White_Space
/// property): what the validator trims from strings.
const WHITE_SPACE: &[(u32, u32)] = &[
    (0x09, 0x0d),
    (0x20, 0x20),
    (0x85, 0x85),
    (0xa0, 0xa0),
    (0x1680, 0x1680),
    (0x2000, 0x200a),
    (0x2028, 0x2029),
    (0x202f, 0x202f),
    (0x205f, 0x205f),
    (0x3000, 0x3000),
];

/// Control characters (`char::is_control`, general category Cc).
const CONTROL: &[(u32, u32)] = &[(0x00, 0x1f), (0x7f, 0x9f)];

/// Bidi embeddings, overrides, isolates and marks: refused in URLs.
const BIDI: &[(u32, u32)] = &[(0x061c, 0x061c), (0x200e, 0x200f), (0x202a, 0x202e), (0x2066, 0x2069)];

/// What the URL check trims after `trim` (`c <= ' '`).
const C0_AND_SPACE: &[(u32, u32)] = &[(0x00, 0x20)];

/// Tab, line feed, carriage return: removed from inside a URL.
const TAB_NEWLINE: &str = "[\\t\\n\\r]";

/// A character class of the union of `sets` plus `extra` (already
/// escaped), negated if `not`, with each range as `\uXXXX-\uXXXX`.
fn class(not: bool, sets: &[&[(u32, u32)]], extra: &str) -> String {
    let mut ranges: Vec<(u32, u32)> = sets.iter().flat_map(|s| s.iter().copied()).collect();
    ranges.sort_unstable();
    let mut merged: Vec<(u32, u32)> = Vec::new();
    for (lo, hi) in ranges {
        match merged.last_mut() {
            Some(last) if lo <= last.1 + 1 => last.1 = last.1.max(hi),
            _ => merged.push((lo, hi)),
        }
    }
    let mut s = String::from(if not { "[^" } else { "[" });
    for (lo, hi) in merged {
        s.push_str(&format!("\\u{lo:04x}"));
        if hi > lo {
            s.push_str(&format!("-\\u{hi:04x}"));
        }
    }
    s.push_str(extra);
    s.push(']');
    s
}

fn white_space() -> String {
    class(false, &[WHITE_SPACE], "")
}

/// `body`, with the whitespace the validator trims allowed around it.
fn trimmed(body: &str) -> String {
    let ws = white_space();
    format!("^{ws}*{body}{ws}*$")
}

/// Any string with a character that is not whitespace.
fn non_blank_pattern() -> String {
    class(true, &[WHITE_SPACE], "")
}

/// `id`: letters, digits, `-` and `_`, starting with a letter or digit, at
/// most 100.
fn id_pattern() -> String {
    trimmed("[A-Za-z0-9][A-Za-z0-9_-]{0,99}")
}

/// An `http:`/`https:` URL as `validate::check_url` reads it: after the
/// scheme and `//`, an authority up to the first `/`, `?` or `#`; after its
/// last `@`, a host and an optional port as browsers parse them (issue 16):
/// a bracketed IPv6 address that closes, or a name without the WHATWG URL
/// standard's forbidden host code points whose `%` starts two hex digits,
/// then `:` and a port up to 65535 (or none). No whitespace, control, bidi
/// character or backslash anywhere, except tabs and line breaks, which are
/// removed. What the host's characters mean (IPv6 and IPv4 numbers, what an
/// escape decodes to) only the validator checks (src/core/host.rs).
fn http_body() -> String {
    let bad: &[&[(u32, u32)]] = &[WHITE_SPACE, CONTROL, BIDI];
    let any = format!("(?:{}|{TAB_NEWLINE})", class(true, bad, "\\\\"));
    let authority = format!("(?:{}|{TAB_NEWLINE})", class(true, bad, "\\\\/?#"));
    let name_char = format!("(?:%[0-9A-Fa-f]{{2}}|{})", class(true, bad, "\\\\/?#@:%<>\\[\\]^|"));
    let name = format!("{TAB_NEWLINE}*{name_char}(?:{name_char}|{TAB_NEWLINE})*");
    let ipv6 = format!("{TAB_NEWLINE}*\\[(?:[0-9A-Fa-f:.]|{TAB_NEWLINE})*\\]{TAB_NEWLINE}*");
    let port = "(?:0*(?:[0-9]{1,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?";
    let port = format!("(?::{TAB_NEWLINE}*{port}{TAB_NEWLINE}*)?");
    let scheme = format!("{}(?:{TAB_NEWLINE}*[Ss])?{TAB_NEWLINE}*{}", spelled("http"), spelled("://"));
    format!("{scheme}(?:{authority}*@)?(?:{ipv6}|{name}){port}(?:[/?#]{any}*)?")
}

/// `word` in any case, with tabs and line breaks allowed between its
/// characters (the validator removes them).
fn spelled(word: &str) -> String {
    let mut s = String::new();
    for c in word.chars() {
        if !s.is_empty() {
            s.push_str(TAB_NEWLINE);
            s.push('*');
        }
        if c.is_ascii_alphabetic() {
            s.extend(['[', c.to_ascii_uppercase(), c.to_ascii_lowercase(), ']']);
        } else {
            s.push(c);
        }
    }
    s
}

/// A `mailto:` URL: at least two bytes after the colon once trimmed (two
/// characters, or one beyond ASCII), no control or bidi character.
fn mailto_body() -> String {
    let any = format!("(?:{}|{TAB_NEWLINE})", class(true, &[CONTROL, BIDI], ""));
    let one = class(true, &[CONTROL, BIDI], "");
    let last = class(true, &[CONTROL, BIDI, WHITE_SPACE], "");
    let last_wide = class(true, &[CONTROL, BIDI, WHITE_SPACE, &[(0x00, 0x7f)]], "");
    format!("{}(?:{any}*{one}{TAB_NEWLINE}*{last}|{TAB_NEWLINE}*{last_wide})", spelled("mailto:"))
}

/// A URL with the ends trimmed as the validator trims them: whitespace,
/// then control characters and spaces.
fn url_pattern(body: &str) -> String {
    let ws = white_space();
    let c0 = class(false, &[C0_AND_SPACE], "");
    format!("^{ws}*{c0}*{body}{c0}*{ws}*$")
}

/// An absolute `https:` or `http:` URL.
fn http_url_pattern() -> String {
    url_pattern(&http_body())
}

/// An absolute `https:` or `http:` URL, or a `mailto:` one.
fn link_url_pattern() -> String {
    url_pattern(&format!("(?:{}|{})", http_body(), mailto_body()))
}

/// `YYYY-MM-DD` from year 1000, a real day (leap years included), then
/// optionally `T` and anything (a time, ignored).
fn date_pattern() -> String {
    let day31 = "(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])";
    let day30 = "(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)";
    let day28 = "02-(?:0[1-9]|1[0-9]|2[0-8])";
    let leap_year = "(?:[1-9][0-9](?:0[48]|[2468][048]|[13579][26])|(?:[13579][26]|[2468][048])00)";
    trimmed(&format!("(?:[1-9][0-9]{{3}}-(?:{day31}|{day30}|{day28})|{leap_year}-02-29)(?:T[\\s\\S]*)?"))
}

/// `time::parse_duration`: `SS`, `MM:SS` or `H:MM:SS`, each part 1 to 7
/// digits, minutes and seconds after a larger unit below 60, in all from 1
/// second to 1000 hours.
fn duration_pattern() -> String {
    // Up to 7 digits whose value is at most 3600000, 59999, 999; below 60.
    let seconds = "(?:[0-9]{1,6}|[0-2][0-9]{6}|3[0-5][0-9]{5}|3600000)";
    let minutes = "(?:0{0,3}[0-9]{1,4}|0{0,2}[0-5][0-9]{4})";
    let hours = "0{0,4}[0-9]{1,3}";
    let below_60 = "0{0,5}[0-5]?[0-9]";
    // Exactly the limit: 60000 minutes, 1000 hours.
    let max_minutes = "0{0,2}60000:0{1,7}";
    let max_hours = "0{0,3}1000:0{1,7}:0{1,7}";
    let ws = white_space();
    let not_zero = format!("(?![0:]*{ws}*$)");
    trimmed(&format!(
        "{not_zero}(?:{seconds}|{minutes}:{below_60}|{max_minutes}|{hours}:{below_60}:{below_60}|{max_hours})"
    ))
}

/// A non-blank string of at most 5000 characters (trimmed when read).
pub struct Text;

impl JsonSchema for Text {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "minLength": 1, "maxLength": MAX_CHARS, "pattern": non_blank_pattern() })
    }
}

/// The card's name in links.
pub struct Id;

impl JsonSchema for Id {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "maxLength": MAX_CHARS, "pattern": id_pattern() })
    }
}

/// An absolute `https:` or `http:` URL.
pub struct HttpUrl;

impl JsonSchema for HttpUrl {
    fn schema_name() -> Cow<'static, str> {
        "HttpUrl".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An absolute https: or http: URL, such as \"https://example.com/episodes/42\". Anything \
                else (javascript:, data:, mailto:, relative or protocol-relative links) is refused, and so is a URL \
                with spaces, control or bidi characters or backslashes in it.",
            "type": "string",
            // `iri`, not `uri`: the validator takes Unicode as it is (https://例え.jp/パス).
            // An annotation only: the pattern is the check.
            "format": "iri",
            "maxLength": MAX_CHARS,
            "pattern": http_url_pattern(),
        })
    }
}

/// An absolute `https:`, `http:` or `mailto:` URL (the call to action's).
pub struct LinkUrl;

impl JsonSchema for LinkUrl {
    fn schema_name() -> Cow<'static, str> {
        "LinkUrl".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An absolute https: or http: URL, or a mailto: address (\"mailto:hello@example.com\"). \
                Anything else is refused.",
            "type": "string",
            "format": "iri",
            "maxLength": MAX_CHARS,
            "pattern": link_url_pattern(),
        })
    }
}

/// An ISO 8601 calendar date.
pub struct IsoDate;

impl JsonSchema for IsoDate {
    fn schema_name() -> Cow<'static, str> {
        "IsoDate".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An ISO 8601 calendar date, YYYY-MM-DD (\"2025-11-25\"), a real day from year 1000 on. A \
                time may follow after T (\"2025-11-25T08:00:00Z\"); the card shows only the day.",
            "type": "string",
            "maxLength": MAX_CHARS,
            "pattern": date_pattern(),
        })
    }
}

/// An episode's length, as feeds write it.
pub struct Duration;

impl JsonSchema for Duration {
    fn schema_name() -> Cow<'static, str> {
        "Duration".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let max = MAX_DURATION_SECONDS;
        json_schema!({
            "description": "An episode's length, from 1 second to 1000 hours: seconds as a number (5760; a fraction \
                is rounded), or a string \"H:MM:SS\" or \"MM:SS\" as in podcast RSS feeds (\"1:36:00\", \"96:00\"). \
                Minutes may pass 59 in \"MM:SS\"; seconds, and minutes after hours, may not.",
            "oneOf": [
                // Rounded to whole seconds: 0.5 is 1 second, max + 0.5 is too long.
                { "type": "number", "minimum": 0.5, "exclusiveMaximum": max as f64 + 0.5 },
                { "type": "string", "pattern": duration_pattern() },
            ],
        })
    }
}

/// A call to action: a link's text and where it goes.
// Validation reads it into a `model::Link`, whose `label` is the text.
#[derive(JsonSchema)]
#[allow(dead_code)] // Describes the JSON; never built.
pub struct Cta {
    /// The link's text, such as "Get summaries like this every Monday".
    text: Text,
    /// Where the link goes: an https: or http: URL, or a mailto: address.
    url: LinkUrl,
}

/// Several episodes in one file: a podcaster's showcase, shown as a list of
/// compact cards.
// Generic over the card (the model names `Collection<Card>`), so that this
// module need not import the model, which imports it.
#[derive(JsonSchema)]
#[schemars(rename = "Collection", transform = with_version)]
#[allow(dead_code)] // Describes the JSON; validation reads it into a `Document::Collection`.
pub struct Collection<C> {
    /// The episodes' cards, each as a file of one card would hold it: at
    /// least 1, at most 500.
    #[schemars(length(min = 1, max = MAX_EPISODES))]
    episodes: Vec<C>,
}

/// Adds the optional `version` property, which validation checks and then
/// drops (so the model has no field for it).
pub fn with_version(schema: &mut Schema) {
    let version = json_schema!({
        "description": "The data format's version, 1. Optional; any other version is refused, so data written \
            for a later format is never misread.",
        "const": 1,
    });
    if let Some(Value::Object(properties)) = schema.get_mut("properties") {
        properties.insert("version".into(), version.to_value());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::validate::check_url;

    fn in_set(set: &[(u32, u32)], c: char) -> bool {
        set.iter().any(|&(lo, hi)| (lo..=hi).contains(&u32::from(c)))
    }

    #[test]
    fn character_sets_are_rusts() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(in_set(WHITE_SPACE, c), c.is_whitespace(), "{c:?}");
            assert_eq!(in_set(CONTROL, c), c.is_control(), "{c:?}");
        }
    }

    #[test]
    fn characters_refused_in_urls_are_the_validators() {
        // Every character inside a path, and inside a mailto: address.
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let removed = matches!(c, '\t' | '\n' | '\r');
            let in_http = !(in_set(WHITE_SPACE, c) || in_set(CONTROL, c) || in_set(BIDI, c) || c == '\\');
            assert_eq!(check_url(&format!("https://a.b/x{c}y"), false).is_some(), in_http || removed, "{c:?}");
            let in_mailto = !(in_set(CONTROL, c) || in_set(BIDI, c));
            assert_eq!(check_url(&format!("mailto:a{c}b"), true).is_some(), in_mailto || removed, "{c:?}");
        }
    }

    #[test]
    fn words_are_spelled_in_any_case_with_tabs_between() {
        assert_eq!(spelled("a:"), "[Aa][\\t\\n\\r]*:");
    }

    #[test]
    fn classes_merge_ranges() {
        assert_eq!(class(false, &[&[(0x61, 0x62)], &[(0x63, 0x63), (0x30, 0x30)]], "_"), "[\\u0030\\u0061-\\u0063_]");
        assert_eq!(
            class(true, &[WHITE_SPACE, CONTROL], ""),
            "[^\\u0000-\\u0020\\u007f-\\u00a0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]"
        );
    }
}
