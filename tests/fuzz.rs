//! Native fuzzing of the pure core with proptest: no input reaches a panic,
//! and data never becomes markup, an event handler or a script URL.
//!
//! What is fuzzed: the JSON parser (arbitrary bytes, token soup, round
//! trips, deep nesting), `validate::parse_document` on generated documents
//! that use the real field names with hostile values, the view and the HTML
//! renderer for every document that validates (and the error view for every
//! one that does not), the share helpers, durations, dates and read time.
//!
//! Time-boxed: `cargo test` runs 128 to 1024 cases per property, about
//! five seconds of CPU in a debug build. For a longer run set `FUZZ_CASES`
//! (or proptest's own `PROPTEST_CASES`) to the number of cases for every
//! property. Keep the debug profile: it checks arithmetic for overflow,
//! which release builds do not.
//!
//! ```text
//! FUZZ_CASES=20000 cargo test --test fuzz
//! ```
//!
//! Failure persistence is off, so a run leaves no files behind: a failure
//! prints the shrunk input, which belongs in a regression unit test next to
//! the code it breaks.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::Config;
use summary_card::core::html::to_html;
use summary_card::core::i18n::{Locale, LOCALES};
use summary_card::core::json::{self, Spanned, Value, MAX_DEPTH};
use summary_card::core::limits::{MAX_BYTES, MAX_CHARS, MAX_DURATION_SECONDS, MAX_EPISODES, MAX_ITEMS};
use summary_card::core::links::{self, Target};
use summary_card::core::model::{Card, Document, Point};
use summary_card::core::readtime::{self, Count};
use summary_card::core::text;
use summary_card::core::time;
use summary_card::core::validate::{self, check_url, parse_document};
use summary_card::core::view::{
    card_view, copy_field, document_view, error_view, errors_view, share_menu, Element, Layout, Node, Options, Output,
    ShareMenu, Theme,
};

/// `cases` per property, unless `FUZZ_CASES` or `PROPTEST_CASES` says
/// otherwise. Shrinking is bounded too, so a failure is reported quickly.
fn config(cases: u32) -> Config {
    let cases = ["FUZZ_CASES", "PROPTEST_CASES"]
        .iter()
        .find_map(|k| std::env::var(k).ok()?.trim().parse().ok())
        .unwrap_or(cases);
    Config { cases, max_shrink_iters: 1024, max_shrink_time: 10_000, failure_persistence: None, ..Config::default() }
}

// ---------------------------------------------------------------------------
// Generators

/// Text an attacker or a careless author might put anywhere.
const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg onload=alert(1)>",
    "\" onmouseover=\"alert(1)",
    "' onfocus='alert(1)' autofocus='",
    "</article></div><script>",
    "<!--",
    "]]>",
    "&lt;script&gt;",
    "&amp;&#60;&#x3C;",
    "javascript:alert(1)",
    "\u{202E}evil\u{202C}",
    "\u{202E}",
    "\u{2066}\u{2067}\u{2068}\u{2069}",
    "\u{200F}\u{200E}",
    "e\u{301}",
    "\u{301}",
    "\u{301}\u{302}\u{303}",
    "\u{200D}",
    "a\u{200D} ",
    "👩‍👩‍👧",
    "👍🏽",
    "🇯🇵🇫",
    "🇯",
    "❤\u{FE0F}",
    "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
    "\u{FEFF}",
    "\u{0}",
    "\u{1}\u{1F}\u{7F}",
    "\t\n\r",
    "\r\n",
    "\u{85}\u{2028}\u{2029}",
    "\u{3000}",
    "\u{A0}",
    "日本語の文章です。",
    "한국어",
    "مرحبا",
    "…",
    "—",
    "{{constructor.constructor('alert(1)')()}}",
    "${alert(1)}",
    "__proto__",
    "  ",
    "",
    "\u{FFFD}",
    "\u{10FFFF}",
    "\u{E000}",
];

/// Links, hostile and not, including the obfuscations browsers undo.
const HOSTILE_URLS: &[&str] = &[
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\rscript:alert(1)",
    "\u{1}javascript:alert(1)",
    "\u{0}javascript:alert(1)",
    "\u{FEFF}javascript:alert(1)",
    "\u{A0}javascript:alert(1)",
    "javascript\u{0}:alert(1)",
    "javascript&colon;alert(1)",
    "javascript&#58;alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "javascript%3Aalert(1)",
    "javascript:https://example.com",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:image/svg+xml,<svg onload=alert(1)>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "blob:https://example.com/x",
    "about:blank",
    "//evil.example/x",
    "/relative",
    "example.com",
    "https:\\\\evil.example",
    "https:/\\evil.example",
    "https://evil.example\\@good.example",
    "https://good.example\" onmouseover=\"alert(1)",
    "https://good.example/<script>",
    "https://good.example/\u{202E}gpj.exe",
    "https://user:pass@good.example",
    "https://",
    "https://:80",
    "http:example.com",
    "HTTPS://EXAMPLE.COM",
    "https://例え.jp/パス",
    "mailto:a@b.c",
    "mailto:javascript:alert(1)",
    "mailto:",
    "MAILTO:a@b.c?subject=<script>",
];

/// Text of every kind: plain, hostile, arbitrary Unicode and mixtures.
fn text() -> BoxedStrategy<String> {
    prop_oneof![
        4 => "[A-Za-z0-9 ,.'!?&-]{1,40}",
        3 => select(HOSTILE).prop_map(String::from),
        2 => any::<String>(),
        2 => proptest::collection::vec(any::<char>(), 0..16).prop_map(|cs| cs.into_iter().collect::<String>()),
        3 => proptest::collection::vec(
            prop_oneof![select(HOSTILE).prop_map(String::from), "[a-z ]{0,6}", any::<char>().prop_map(String::from)],
            1..5
        )
        .prop_map(|parts| parts.concat()),
    ]
    .boxed()
}

/// A scheme spelled the ways browsers still recognise: mixed case, with
/// tabs, newlines and control characters around and inside, or encoded.
fn obfuscated_url() -> impl Strategy<Value = String> {
    const JUNK: &[&str] =
        &["", "", "", "", "\t", "\n", "\r", " ", "\u{0}", "\u{1}", "\u{C}", "\u{A0}", "&#x09;", "%0a"];
    (
        select(JUNK),
        select(&["javascript", "data", "vbscript", "https", "http", "mailto", "file", "blob"][..]),
        proptest::collection::vec((any::<bool>(), select(JUNK)), 12),
        select(&[":", ":", ":", "&colon;", "&#58;", "%3a", "\u{FF1A}"][..]),
        select(&["alert(1)", "//evil.example/", "//good.example/a?b#c", "text/html,<script>alert(1)</script>", "a@b.c"][..]),
    )
        .prop_map(|(lead, scheme, noise, sep, rest)| {
            let mut s = String::from(lead);
            for (c, (upper, junk)) in scheme.chars().zip(noise) {
                s.push(if upper { c.to_ascii_uppercase() } else { c });
                s.push_str(junk);
            }
            s.push_str(sep);
            s.push_str(rest);
            s
        })
}

fn url() -> BoxedStrategy<String> {
    prop_oneof![
        4 => "https?://[a-z]{1,10}\\.[a-z]{2,3}(/[a-zA-Z0-9._~%-]{0,12}){0,3}(\\?[a-z]=[a-z0-9]{0,5})?(#[a-z]{0,5})?",
        1 => "mailto:[a-z]{1,8}@[a-z]{1,8}\\.[a-z]{2}",
        3 => select(HOSTILE_URLS).prop_map(String::from),
        3 => obfuscated_url(),
        1 => text(),
    ]
    .boxed()
}

/// JSON as the generator builds it. Not a `serde_json::Value`: a number's
/// text is part of what is fuzzed (`1e400`, `-0`, 26 digits, which no `f64`
/// holds), and an object keeps every member, repeats included, in order.
#[derive(Debug, Clone, PartialEq)]
enum J {
    Null,
    Bool(bool),
    /// Number text, valid JSON.
    Num(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl J {
    /// JSON text: strings and keys escaped by serde_json, numbers as
    /// generated, and whitespace between an object's members.
    fn to_json(&self) -> String {
        let string = |s: &str| serde_json::to_string(s).unwrap();
        match self {
            J::Null => "null".into(),
            J::Bool(b) => b.to_string(),
            J::Num(n) => n.clone(),
            J::Str(s) => string(s),
            J::Arr(items) => format!("[{}]", items.iter().map(J::to_json).collect::<Vec<_>>().join(",")),
            J::Obj(members) => {
                let members: Vec<String> = members.iter().map(|(k, v)| string(k) + ": " + &v.to_json()).collect();
                format!("{{ {} }}", members.join(",\n  "))
            }
        }
    }
}

fn number() -> BoxedStrategy<String> {
    prop_oneof![
        3 => "-?(0|[1-9][0-9]{0,24})(\\.[0-9]{1,8})?([eE][+-]?[0-9]{1,11})?",
        2 => (0u64..4_000_000).prop_map(|n| n.to_string()),
        2 => select(
            &[
                "0", "-0", "1", "1.0", "1e0", "10e-1", "5760", "5760.5", "-5", "3600000", "3600001", "1e400", "-1e400",
                "1e-400", "1e2147483647", "1e-2147483648", "1e-2147483649", "0.0000001", "18446744073709551615",
                "18446744073709551616", "99999999999999999999999999",
            ][..]
        )
        .prop_map(String::from),
    ]
    .boxed()
}

fn leaf() -> BoxedStrategy<J> {
    prop_oneof![
        Just(J::Null),
        any::<bool>().prop_map(J::Bool),
        number().prop_map(J::Num),
        text().prop_map(J::Str),
        url().prop_map(J::Str),
    ]
    .boxed()
}

fn key() -> BoxedStrategy<String> {
    prop_oneof![
        select(
            &[
                "title",
                "text",
                "url",
                "name",
                "label",
                "episodes",
                "takeaways",
                "version",
                "__proto__",
                "constructor",
                "",
            ][..]
        )
        .prop_map(String::from),
        "[a-z_]{1,8}",
        any::<String>(),
    ]
    .boxed()
}

/// Any JSON value, a few levels deep.
fn any_json() -> BoxedStrategy<J> {
    leaf()
        .prop_recursive(4, 24, 5, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..5).prop_map(J::Arr),
                proptest::collection::vec((key(), inner), 0..5).prop_map(J::Obj),
            ]
        })
        .boxed()
}

/// How a generated document leans: `Valid` keeps every value of the right
/// kind (but still hostile: markup, bidi controls, disguised URLs that the
/// allowlist accepts), so most documents reach the renderer; `Wild` mixes
/// in wrong kinds, blanks, overlong values and anything at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Valid,
    Wild,
}

/// The right kind of value; in `Wild` mode, sometimes anything at all.
fn field(mode: Mode, good: BoxedStrategy<J>) -> BoxedStrategy<J> {
    match mode {
        Mode::Valid => good,
        Mode::Wild => prop_oneof![9 => good, 1 => any_json()].boxed(),
    }
}

/// An optional member: present with probability `p`; required members
/// (`p == 1.0`) may still be missing in `Wild` mode.
fn member(mode: Mode, name: &'static str, p: f64, value: BoxedStrategy<J>) -> BoxedStrategy<Option<(String, J)>> {
    let value = value.prop_map(move |v| (name.to_string(), v));
    match (mode, p >= 1.0) {
        (Mode::Valid, true) => value.prop_map(Some).boxed(),
        (Mode::Wild, true) => proptest::option::weighted(0.95, value).boxed(),
        (_, false) => proptest::option::weighted(p, value).boxed(),
    }
}

/// Text for a string field: in `Valid` mode non-blank and within the limit.
fn field_text(mode: Mode) -> BoxedStrategy<J> {
    // Strings at the length limit (in characters, of one to eight bytes).
    let long = (select(vec![MAX_CHARS - 1, MAX_CHARS, MAX_CHARS + 1]), select(&["x", "é", "👍🏽", " "][..]))
        .prop_map(|(n, s)| s.repeat(n));
    let text = prop_oneof![20 => text(), 1 => long];
    match mode {
        Mode::Valid => text
            .prop_map(|s| {
                let s: String = s.chars().take(MAX_CHARS).collect();
                J::Str(if s.trim().is_empty() { s + "x" } else { s })
            })
            .boxed(),
        Mode::Wild => text.prop_map(J::Str).boxed(),
    }
}

/// Links the allowlist accepts, hostile ones included: markup and quotes
/// in the path, tabs and newlines inside the scheme, odd case, controls
/// and spaces around it.
fn allowed_url(mailto: bool) -> BoxedStrategy<String> {
    const ACCEPTED: &[&str] = &[
        "https://good.example/\"onmouseover=\"alert(1)",
        "https://good.example/<script>alert(1)</script>",
        "https://good.example/?q='><svg/onload=alert(1)>",
        "https://good.example/#javascript:alert(1)",
        "https://javascript:alert(1)@good.example",
        "ht\ttps://good.example",
        "  HTTPS://GOOD.EXAMPLE  ",
        "h\nttp://good.example/gpj.exe",
        "https://例え.jp/パス",
        "https://user:pass@good.example",
    ];
    let mut options: Vec<BoxedStrategy<String>> = vec![
        "https?://[a-z]{1,10}\\.[a-z]{2,3}(/[a-zA-Z0-9._~%-]{0,12}){0,3}(\\?[a-z]=[a-z0-9]{0,5})?(#[a-z]{0,5})?"
            .boxed(),
        select(ACCEPTED).prop_map(String::from).boxed(),
        disguised_http().boxed(),
    ];
    if mailto {
        options.push(
            select(&["mailto:a@b.c", "mailto:javascript:alert(1)", "MAILTO:a@b.c?subject=<x>"][..])
                .prop_map(String::from)
                .boxed(),
        );
    }
    proptest::strategy::Union::new(options).boxed()
}

/// `http(s)://` in mixed case with the characters browsers drop (tabs,
/// newlines) inside and those they trim (spaces, controls) around it.
fn disguised_http() -> impl Strategy<Value = String> {
    const DROPPED: &[&str] = &["", "", "\t", "\n", "\r"];
    (
        select(&["", " ", "\u{1}", "\t\n", "\u{0}\u{1F} "][..]),
        select(&["http", "https"][..]),
        proptest::collection::vec((any::<bool>(), select(DROPPED)), 5),
        "[a-z]{1,8}\\.[a-z]{2}/[a-z<>\"'=()]{0,12}",
        select(&["", " ", "\u{1}", "\n"][..]),
    )
        .prop_map(|(lead, scheme, noise, rest, trail)| {
            let mut s = String::from(lead);
            for (c, (upper, junk)) in scheme.chars().zip(noise) {
                s.push(if upper { c.to_ascii_uppercase() } else { c });
                s.push_str(junk);
            }
            s + "://" + &rest + trail
        })
}

fn field_url(mode: Mode, mailto: bool) -> BoxedStrategy<J> {
    match mode {
        Mode::Valid => allowed_url(mailto).prop_map(J::Str).boxed(),
        Mode::Wild => prop_oneof![allowed_url(mailto), url()].prop_map(J::Str).boxed(),
    }
}

fn point(mode: Mode) -> BoxedStrategy<J> {
    (
        member(mode, "title", 0.7, field(mode, field_text(mode))),
        member(mode, "text", 1.0, field(mode, field_text(mode))),
    )
        .prop_map(|(t, x)| J::Obj(t.into_iter().chain(x).collect()))
        .boxed()
}

fn points(mode: Mode, min: usize, max: usize) -> BoxedStrategy<J> {
    let items = proptest::collection::vec(field(mode, point(mode)), min..max).prop_map(J::Arr);
    let plain = |n| J::Arr(vec![J::Obj(vec![("text".into(), J::Str("x".into()))]); n]);
    match mode {
        Mode::Valid => prop_oneof![20 => items, 1 => Just(plain(MAX_ITEMS))].boxed(),
        Mode::Wild => prop_oneof![12 => items, 1 => Just(plain(MAX_ITEMS + 1)), 1 => Just(plain(0))].boxed(),
    }
}

fn strings(mode: Mode) -> BoxedStrategy<J> {
    proptest::collection::vec(field(mode, field_text(mode)), 0..5).prop_map(J::Arr).boxed()
}

fn link(mode: Mode, label: &'static str, mailto: bool) -> BoxedStrategy<J> {
    (
        member(mode, label, 1.0, field(mode, field_text(mode))),
        member(mode, "url", 1.0, field(mode, field_url(mode, mailto))),
    )
        .prop_map(|(l, u)| J::Obj(l.into_iter().chain(u).collect()))
        .boxed()
}

fn duration(mode: Mode) -> BoxedStrategy<J> {
    let valid = prop_oneof![
        (1u64..=MAX_DURATION_SECONDS).prop_map(|n| J::Num(n.to_string())),
        (0u64..1000, 0u64..60, 0u64..60).prop_map(|(h, m, s)| J::Str(format!("{h}:{m:02}:{s:02}"))),
        select(&["1:36:00", "96:00", " 45:30 ", "5760", "1000:00:00"][..]).prop_map(|s| J::Str(s.into())),
        Just(J::Num("5760.5".into())),
        Just(J::Num("5.76e3".into())),
    ];
    match mode {
        Mode::Valid => valid.prop_filter("not zero", |j| !matches!(j, J::Str(s) if s == "0:00:00")).boxed(),
        Mode::Wild => prop_oneof![
            valid,
            number().prop_map(J::Num),
            "[0-9]{1,3}:[0-9]{1,2}:[0-9]{1,2}".prop_map(J::Str),
            "[0-9]{1,5}:[0-9]{1,2}".prop_map(J::Str),
            select(&["99:99:99", "0:00", "1::0", "-5", "1h", "1:2:3:4", "9999999:00:00", "1000:00:01", ""][..])
                .prop_map(|s| J::Str(s.into())),
            text().prop_map(J::Str),
        ]
        .boxed(),
    }
}

fn date(mode: Mode) -> BoxedStrategy<J> {
    let valid = prop_oneof![
        (1000u16..=9999, 1u8..=12, 1u8..=28, "(T[0-9:Z]{0,9})?")
            .prop_map(|(y, m, d, t)| J::Str(format!("{y:04}-{m:02}-{d:02}{t}"))),
        select(&["2024-02-29", "2000-02-29", "2025-11-25T", "9999-12-31"][..]).prop_map(|s| J::Str(s.into())),
    ];
    match mode {
        Mode::Valid => valid.boxed(),
        Mode::Wild => prop_oneof![
            valid,
            "[0-9]{4}-[01][0-9]-[0-3][0-9](T[0-9:Z]{0,9})?".prop_map(J::Str),
            "[0-9]{1,5}-[0-9]{1,3}-[0-9]{1,3}.{0,3}".prop_map(J::Str),
            select(&["2025-02-29", "1900-02-29", "0999-01-01", "2025-11-2é", "2025-11-25x"][..])
                .prop_map(|s| J::Str(s.into())),
            text().prop_map(J::Str),
        ]
        .boxed(),
    }
}

fn show(mode: Mode) -> BoxedStrategy<J> {
    (
        member(mode, "name", 1.0, field(mode, field_text(mode))),
        member(mode, "url", 0.6, field(mode, field_url(mode, false))),
        member(mode, "artwork", 0.6, field(mode, field_url(mode, false))),
    )
        .prop_map(|(n, u, a)| J::Obj(n.into_iter().chain(u).chain(a).collect()))
        .boxed()
}

/// A card object with the real field names, in a shuffled order, with an
/// unknown member or two (which the format ignores).
fn card(mode: Mode) -> BoxedStrategy<J> {
    let version = match mode {
        Mode::Valid => Just(J::Num("1".into())).boxed(),
        Mode::Wild => prop_oneof![4 => Just(J::Num("1".into())), 1 => number().prop_map(J::Num)].boxed(),
    };
    let id = match mode {
        Mode::Valid => "[A-Za-z0-9][A-Za-z0-9_-]{0,20}".prop_map(J::Str).boxed(),
        Mode::Wild => prop_oneof![
            3 => "[A-Za-z0-9][A-Za-z0-9_-]{0,20}".prop_map(J::Str),
            1 => text().prop_map(J::Str),
            1 => Just(J::Str("a".repeat(101))),
        ]
        .boxed(),
    };
    let listen = proptest::collection::vec(field(mode, link(mode, "label", false)), 0..4).prop_map(J::Arr).boxed();
    let first = (
        member(mode, "version", 0.5, field(mode, version)),
        member(mode, "id", 0.5, field(mode, id)),
        member(mode, "url", 0.5, field(mode, field_url(mode, false))),
        member(mode, "show", 0.6, field(mode, show(mode))),
        member(mode, "title", 1.0, field(mode, field_text(mode))),
        member(mode, "guests", 0.4, field(mode, strings(mode))),
        member(mode, "published", 0.5, field(mode, date(mode))),
        member(mode, "duration", 0.6, field(mode, duration(mode))),
    );
    let second = (
        member(mode, "topics", 0.4, field(mode, strings(mode))),
        member(mode, "ai_generated", 0.5, field(mode, any::<bool>().prop_map(J::Bool).boxed())),
        member(mode, "takeaways", 1.0, field(mode, points(mode, 1, 7))),
        member(mode, "covers", 0.4, field(mode, field_text(mode))),
        member(mode, "questions", 0.4, field(mode, points(mode, 0, 4))),
        member(mode, "notable_moment", 0.4, field(mode, field_text(mode))),
        member(mode, "listen", 0.4, field(mode, listen)),
        member(mode, "cta", 0.4, field(mode, link(mode, "text", true))),
    );
    let extra_key = match mode {
        Mode::Valid => {
            select(&["future", "__proto__", "constructor", "prototype", "$schema"][..]).prop_map(String::from).boxed()
        }
        Mode::Wild => key(),
    };
    let extra = proptest::collection::vec((extra_key, any_json()), 0..2);
    (first, second, extra)
        .prop_flat_map(|((a, b, c, d, e, f, g, h), (i, j, k, l, m, n, o, p), extra)| {
            let members: Vec<(String, J)> =
                [a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p].into_iter().flatten().chain(extra).collect();
            Just(members).prop_shuffle()
        })
        .prop_map(J::Obj)
        .boxed()
}

fn collection(mode: Mode) -> BoxedStrategy<J> {
    let episodes = match mode {
        Mode::Valid => proptest::collection::vec(card(mode), 1..4).prop_map(J::Arr).boxed(),
        Mode::Wild => prop_oneof![
            8 => proptest::collection::vec(field(mode, card(mode)), 0..4).prop_map(J::Arr),
            1 => any_json(),
        ]
        .boxed(),
    };
    (proptest::option::weighted(0.7, field(mode, Just(J::Num("1".into())).boxed())), episodes)
        .prop_map(|(version, episodes)| {
            let mut m: Vec<(String, J)> = version.map(|v| ("version".to_string(), v)).into_iter().collect();
            m.push(("episodes".into(), episodes));
            J::Obj(m)
        })
        .boxed()
}

/// A whole document: one card or a collection, valid-leaning or wild, or
/// any JSON at all.
fn document() -> BoxedStrategy<J> {
    prop_oneof![
        4 => card(Mode::Valid),
        2 => collection(Mode::Valid),
        3 => card(Mode::Wild),
        1 => collection(Mode::Wild),
        1 => any_json(),
    ]
    .boxed()
}

/// Bytes that make the parser work: JSON's tokens, escapes and odd text.
fn token_soup() -> impl Strategy<Value = String> {
    const TOKENS: &[&str] = &[
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\\",
        "\\u",
        "\\ud83d",
        "\\ude00",
        "\\u00",
        "d800",
        "0",
        "-",
        "1",
        "e5",
        ".",
        "E+",
        "true",
        "tru",
        "null",
        "false",
        " ",
        "\n",
        "\t",
        "\r",
        "é",
        "😀",
        "\u{FEFF}",
        "\u{0}",
        "\"title\"",
        "\"episodes\"",
        "\"takeaways\"",
        "\"text\"",
        "\"x\"",
        "9",
        "a",
    ];
    proptest::collection::vec(select(TOKENS), 0..60).prop_map(|v| v.concat())
}

fn big_u64() -> impl Strategy<Value = u64> {
    prop_oneof![any::<u64>(), u64::MAX - 100..=u64::MAX, 0u64..10_000_000, Just(0)]
}

// ---------------------------------------------------------------------------
// Checks

/// The scheme a browser would see: leading and trailing C0 controls and
/// spaces stripped, tabs and newlines removed anywhere, then case-folded.
fn scheme(url: &str) -> String {
    let t: String = url.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    t.find(':').map(|i| t[..i].to_ascii_lowercase()).unwrap_or_default()
}

fn safe_url(url: &str) -> bool {
    matches!(scheme(url).as_str(), "http" | "https" | "mailto")
}

const URL_ATTRIBUTES: &[&str] =
    &["href", "src", "srcset", "action", "formaction", "poster", "background", "cite", "data", "xlink:href"];
const DANGEROUS_TAGS: &[&str] =
    &["script", "style", "iframe", "frame", "object", "embed", "svg", "math", "template", "base", "meta", "link"];

/// One attribute as the browser would see it: name and decoded value.
fn check_attribute(tag: &str, name: &str, value: &str) {
    let lower = name.to_ascii_lowercase();
    assert!(!lower.starts_with("on"), "<{tag}> has an event handler attribute {name}={value:?}");
    assert!(lower != "style", "<{tag}> has a style attribute {value:?}");
    if URL_ATTRIBUTES.contains(&lower.as_str()) {
        assert!(safe_url(value), "<{tag} {name}> is not an http(s)/mailto URL: {value:?}");
    }
}

/// Pre-order list of (tag, attributes) of the view tree.
fn flatten<'e>(e: &'e Element, out: &mut Vec<&'e Element>) {
    out.push(e);
    for c in &e.children {
        if let Node::Element(c) = c {
            flatten(c, out);
        }
    }
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

struct Tag {
    name: String,
    end: bool,
    attrs: Vec<(String, String)>,
}

/// The tags of the renderer's HTML, read as a browser's tokenizer would for
/// this simple form (`<name a="v" ...>`, `</name>`); text must contain no
/// `<` at all, so every `<` starts a tag.
fn scan(html: &str) -> Vec<Tag> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        let text = &rest[..lt];
        assert!(!text.contains('>'), "unescaped '>' in text {text:?}");
        rest = &rest[lt + 1..];
        let end = rest.starts_with('/');
        if end {
            rest = &rest[1..];
        }
        let name_len = rest.find([' ', '>']).expect("unterminated tag");
        let name = rest[..name_len].to_string();
        assert!(
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
            "odd tag name {name:?}"
        );
        rest = &rest[name_len..];
        let mut attrs = Vec::new();
        loop {
            if let Some(r) = rest.strip_prefix('>') {
                rest = r;
                break;
            }
            let r = rest.strip_prefix(' ').expect("attribute not preceded by a space");
            let eq = r.find("=\"").expect("attribute without a quoted value");
            let attr = r[..eq].to_string();
            assert!(attr.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "odd attribute name {attr:?}");
            let r = &r[eq + 2..];
            let close = r.find('"').expect("unterminated attribute value");
            let raw = &r[..close];
            assert!(!raw.contains(['<', '>', '\'']), "unescaped character in attribute value {raw:?}");
            attrs.push((attr, unescape(raw)));
            rest = &r[close + 1..];
        }
        tags.push(Tag { name, end, attrs });
    }
    assert!(!rest.contains('>'), "unescaped '>' in text {rest:?}");
    tags
}

/// Everything a rendered view must satisfy, whatever data went in: the
/// HTML has exactly the tree's elements and attributes (data cannot add
/// markup), no dangerous tag, no event handler, only http(s)/mailto links.
fn check_view(e: &Element) {
    let mut elements = Vec::new();
    flatten(e, &mut elements);
    for el in &elements {
        assert!(!DANGEROUS_TAGS.contains(&el.tag), "dangerous tag <{}>", el.tag);
        for (name, value) in &el.attrs {
            check_attribute(el.tag, name, value);
        }
    }
    let html = to_html(e);
    assert!(!html.to_ascii_lowercase().contains("<script"), "{html}");
    let tags = scan(&html);
    let starts: Vec<&Tag> = tags.iter().filter(|t| !t.end).collect();
    assert_eq!(starts.len(), elements.len(), "the HTML has other elements than the view: {html}");
    for (tag, el) in starts.iter().zip(&elements) {
        assert_eq!(tag.name, el.tag);
        let want: Vec<(String, String)> = el.attrs.iter().map(|(n, v)| (n.to_string(), v.clone())).collect();
        assert_eq!(tag.attrs, want, "attributes of <{}> changed on the way to HTML", el.tag);
        for (name, value) in &tag.attrs {
            check_attribute(&tag.name, name, value);
        }
    }
    let voids = elements.iter().filter(|e| matches!(e.tag, "img" | "br" | "hr" | "input" | "meta" | "link")).count();
    assert_eq!(tags.iter().filter(|t| t.end).count(), elements.len() - voids);
}

/// Invariants of a validated card.
fn check_card(card: &Card) {
    assert!(!card.title.is_empty() && card.title.trim() == card.title);
    assert!((1..=MAX_ITEMS).contains(&card.takeaways.len()));
    assert!(card.questions.len() <= MAX_ITEMS && card.topics.len() <= MAX_ITEMS && card.guests.len() <= MAX_ITEMS);
    let strings = card.guests.iter().chain(&card.topics).chain(&card.covers).chain(&card.notable_moment);
    let points = card.takeaways.iter().chain(&card.questions);
    for s in strings.chain(points.flat_map(|p: &Point| p.title.iter().chain([&p.text]))) {
        assert!(!s.is_empty() && s.trim() == s && s.chars().count() <= MAX_CHARS, "{s:?}");
    }
    let urls = card
        .url
        .iter()
        .chain(card.show.iter().flat_map(|s| s.url.iter().chain(&s.artwork)))
        .chain(card.listen.iter().map(|l| &l.url));
    for u in urls {
        assert!(matches!(scheme(u.as_str()).as_str(), "http" | "https"), "{u:?}");
    }
    if let Some(c) = &card.cta {
        assert!(safe_url(c.url.as_str()), "{:?}", c.url);
    }
    if let Some(d) = card.duration {
        assert!((1..=MAX_DURATION_SECONDS).contains(&u64::from(d)));
    }
    if let Some(id) = &card.id {
        assert!(id.len() <= 100 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    }
}

/// X's weight of `s` as the crate models it (twitter-text v3 ranges, one
/// weight per grapheme cluster outside them), written out independently.
fn x_weight(s: &str) -> usize {
    let b = links::grapheme_bounds(s);
    b.windows(2)
        .map(|w| {
            let cluster = &s[w[0]..w[1]];
            let light = cluster
                .chars()
                .all(|c| matches!(c as u32, 0..=0x10FF | 0x2000..=0x200D | 0x2010..=0x201F | 0x2032..=0x2037));
            if light {
                cluster.chars().count()
            } else {
                2
            }
        })
        .sum()
}

/// The minutes of an ISO 8601 duration `PT[nH][nM]`.
fn iso_minutes(iso: &str) -> Option<u64> {
    let rest = iso.strip_prefix("PT")?;
    let (hours, rest) = match rest.split_once('H') {
        Some((h, rest)) => (h.parse::<u64>().ok()?, rest),
        None => (0, rest),
    };
    let minutes = match rest.strip_suffix('M') {
        Some(m) => m.parse::<u64>().ok()?,
        None if rest.is_empty() => 0,
        None => return None,
    };
    hours.checked_mul(60)?.checked_add(minutes)
}

/// The minutes of an English duration label: `96 min`, `2 h 5 min`,
/// `1,000 h`.
fn label_minutes(label: &str) -> Option<u64> {
    let words: Vec<&str> = label.split(' ').collect();
    let mut total = 0u64;
    for pair in words.chunks(2) {
        let n: u64 = pair[0].replace(',', "").parse().ok()?;
        let unit = match pair.get(1) {
            Some(&"h") => 60,
            Some(&"min") => 1,
            _ => return None,
        };
        total = total.checked_add(n.checked_mul(unit)?)?;
    }
    Some(total)
}

fn percent_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

/// Compares a parsed value with the generated one; offsets must point at
/// the first byte of each value in `src`.
fn same(src: &str, got: &Spanned, want: &J) {
    let first = src.as_bytes()[got.offset];
    match (&got.value, want) {
        (Value::Null, J::Null) => assert_eq!(first, b'n'),
        (Value::Bool(a), J::Bool(b)) => assert_eq!(a, b),
        (Value::Number(a), J::Num(b)) => assert_eq!(a, b),
        (Value::String(a), J::Str(b)) => {
            assert_eq!(a, b);
            assert_eq!(first, b'"');
        }
        (Value::Array(a), J::Arr(b)) => {
            assert_eq!(first, b'[');
            assert_eq!(a.len(), b.len());
            for (x, y) in a.iter().zip(b) {
                same(src, x, y);
            }
        }
        (Value::Object(a), J::Obj(b)) => {
            assert_eq!(first, b'{');
            assert_eq!(a.len(), b.len());
            for ((ka, va), (kb, vb)) in a.iter().zip(b) {
                assert_eq!(ka, kb);
                same(src, va, vb);
            }
        }
        (got, want) => panic!("parsed {got:?}, generated {want:?}"),
    }
}

/// Where `offset` is as a reader counts, written independently of
/// `json::line_col`: the line is 1 + the newlines before it, the column 1 +
/// the characters since the last of them (a byte order mark takes none). An
/// offset inside a character is after it; one past the end is the end.
fn reader_line_col(src: &str, offset: usize) -> (usize, usize) {
    let end = (offset.min(src.len())..=src.len()).find(|&i| src.is_char_boundary(i)).unwrap();
    let before = &src[..end];
    let last_line = before.rsplit('\n').next().unwrap();
    (before.matches('\n').count() + 1, last_line.chars().filter(|&c| c != '\u{feff}').count() + 1)
}

/// The first byte offset at `line:col` in `src`: the inverse of `line_col`
/// up to byte order marks, which take no column.
fn offset_at(src: &str, line: usize, col: usize) -> usize {
    let start: usize = src.split_inclusive('\n').take(line - 1).map(str::len).sum();
    match col.checked_sub(2) {
        None => start,
        Some(n) => {
            let counted = src[start..].char_indices().filter(|&(_, c)| c != '\u{feff}');
            let (i, c) = counted.clone().nth(n).expect("the column is on its line");
            start + i + c.len_utf8()
        }
    }
}

/// `line_col` says where `offset` is, and that place leads back to it.
fn check_line_col(src: &str, offset: usize) {
    let (line, col) = json::line_col(src, offset);
    assert_eq!((line, col), reader_line_col(src, offset), "offset {offset} of {src:?}");
    let back = offset_at(src, line, col);
    let end = (offset.min(src.len())..=src.len()).find(|&i| src.is_char_boundary(i)).unwrap();
    assert!(back <= end && src[back..end].chars().all(|c| c == '\u{feff}'), "{line}:{col} is {back}, not {offset}");
}

fn check_syntax_error_offset(src: &str, offset: usize) {
    assert!(offset <= src.len(), "offset {offset} past the end ({})", src.len());
    assert!(src.is_char_boundary(offset), "offset {offset} inside a character");
    check_line_col(src, offset);
}

/// Parse, validate and render `src`: valid documents as cards (and their
/// share menus), invalid ones as the error view. Everything must hold up.
fn run_document(src: &str, opts: &Options) {
    match json::parse(src) {
        Ok(_) => {}
        Err(e) => check_syntax_error_offset(src, e.offset),
    }
    let result = parse_document(src);
    assert_eq!(validate::validate(src).is_empty(), result.is_ok());
    match result {
        Ok(doc) => {
            let cards = summary_card::core::view::cards(&doc);
            assert!(!cards.is_empty() && cards.len() <= MAX_EPISODES);
            if let Document::Card(_) = doc {
                assert_eq!(cards.len(), 1);
            }
            for c in cards {
                check_card(c);
                check_share(c, opts);
            }
            check_view(&document_view(&doc, opts));
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            assert!(errors.windows(2).all(|w| w[0].offset <= w[1].offset), "errors are not in file order");
            for e in &errors {
                assert!(e.offset <= src.len() && src.is_char_boundary(e.offset), "{e:?}");
                assert!(!e.message.is_empty());
            }
            check_view(&errors_view(&errors, opts));
        }
    }
}

/// The share texts, links and menu of a valid card.
fn check_share(card: &Card, opts: &Options) {
    let minutes = readtime::card_minutes(card, opts.wpm);
    // One more takeaway (a copy of one it has) never reads faster.
    let mut longer = card.clone();
    longer.takeaways.extend(card.takeaways.first().cloned());
    assert!(readtime::card_minutes(&longer, opts.wpm) >= minutes);
    let text = links::share_text(card, minutes, summary_card::core::i18n::Locale::En);
    let page = "https://blog.example/post?x=1#old";
    let url = links::share_url(card, page);
    assert!(safe_url(&url));
    for i in 0..card.takeaways.len() {
        let frag = links::takeaway_fragment(card, i);
        assert_eq!(links::takeaway_from_fragment(card, &frag), Some(i), "{frag}");
        assert_eq!(links::takeaway_from_fragment(card, &(String::from("#") + &frag)), Some(i));
        assert!(safe_url(&links::takeaway_url(card, i, page)));
    }
    let _ = links::takeaways_text(card, &url);
    if let Some(p) = card.takeaways.first() {
        let _ = links::takeaway_text(card, p);
    }
    let menu = ShareMenu {
        targets: &links::ALL,
        text: &text,
        url: &url,
        title: &card.title,
        mastodon: Some("mastodon.social"),
        locale: summary_card::core::i18n::Locale::Ar,
    };
    check_view(&share_menu(&menu));
    check_view(&copy_field(&url, summary_card::core::i18n::Locale::Ar.messages()));
}

// ---------------------------------------------------------------------------
// Properties

proptest! {
    #![proptest_config(config(512))]

    /// Any bytes at all (as the browser would decode them) parse or fail
    /// with an offset inside the input, and validation does the same.
    #[test]
    fn parser_and_validator_survive_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let src = String::from_utf8_lossy(&bytes);
        run_document(&src, &Options::default());
    }

    #[test]
    fn parser_and_validator_survive_arbitrary_strings(src in any::<String>()) {
        run_document(&src, &Options::default());
    }

    #[test]
    fn parser_and_validator_survive_token_soup(src in token_soup()) {
        run_document(&src, &Options::default());
    }

    /// Generated JSON parses back to the same values, and each value's
    /// offset points at its first byte.
    #[test]
    fn parser_round_trips_generated_json(v in any_json()) {
        let src = v.to_json();
        let parsed = json::parse(&src).unwrap_or_else(|e| panic!("{e:?} in {src}"));
        same(&src, &parsed, &v);
    }

    /// Strings survive every escape: `\uXXXX` (with surrogate pairs) for
    /// any character, the short escapes, and characters as they are.
    #[test]
    fn parser_decodes_every_escape(s in any::<String>(), how in proptest::collection::vec(0u8..3, 0..64)) {
        let mut src = String::from("\"");
        for (i, c) in s.chars().enumerate() {
            // 0: as it is, 1: `\uXXXX`, 2: the short escape where there is one.
            let mode = how.get(i % how.len().max(1)).copied().unwrap_or(0);
            let short = match c {
                '"' => Some("\\\""),
                '\\' => Some("\\\\"),
                '/' if mode == 2 => Some("\\/"),
                '\n' if mode == 2 => Some("\\n"),
                '\t' if mode == 2 => Some("\\t"),
                '\r' if mode == 2 => Some("\\r"),
                '\u{8}' if mode == 2 => Some("\\b"),
                '\u{c}' if mode == 2 => Some("\\f"),
                _ => None,
            };
            if let Some(e) = short {
                src.push_str(e);
            } else if c < ' ' || mode == 1 {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    src.push_str(&format!("\\u{u:04x}"));
                }
            } else {
                src.push(c);
            }
        }
        src.push('"');
        prop_assert_eq!(json::parse(&src).map(|v| v.value), Ok(Value::String(s)));
    }

    /// Line and column round-trip to the byte offset, for any text (lines,
    /// CRLF, wide characters, byte order marks) and any offset: inside it,
    /// inside a character, or past the end.
    #[test]
    fn line_col_round_trips_to_the_offset(
        src in prop_oneof![
            any::<String>(),
            proptest::collection::vec(select(&["\n", "\r\n", "a", " ", "é", "日", "👍🏽", "\u{feff}"][..]), 0..40)
                .prop_map(|parts| parts.concat()),
        ],
        at in any::<proptest::sample::Index>(),
        past in 0usize..3,
    ) {
        let offset = at.index(src.len() + 1) + if past == 0 { 0 } else { src.len() * past + past };
        check_line_col(&src, offset);
        check_line_col(&src, usize::MAX);
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// Documents with the real field names and hostile values: validation
    /// never panics, and whatever passes renders without markup, event
    /// handlers or script URLs from the data.
    #[test]
    fn generated_documents_validate_and_render_safely(
        doc in document(),
        theme in select(&["", "light", "dark", "DARK ", "bogus"][..]),
        layout in select(&["", "full", "compact", " Compact", "bogus"][..]),
        wpm in prop_oneof![Just(String::new()), "[0-9]{1,6}", any::<String>()],
    ) {
        let opts = Options::from_attributes(theme, layout, &wpm);
        prop_assert!((50..=2000).contains(&opts.wpm));
        run_document(&doc.to_json(), &opts);
    }

    #[test]
    fn error_view_renders_safely(detail in text(), more in any::<usize>()) {
        check_view(&error_view(&detail, more, &Options::default()));
    }

    /// The share menu for any text, link, title and Mastodon server: every
    /// entry is an https: or mailto: link or a button.
    #[test]
    fn share_menu_links_are_always_safe(
        text in text(),
        url in url(),
        title in text(),
        mastodon in proptest::option::of(prop_oneof![text(), url(), "@?[a-z]{1,5}@[a-z]{1,8}\\.[a-z]{2,4}/?"]),
        targets in prop_oneof![text(), "[a-z, ]{0,40}", Just(String::new())],
        locale in 0usize..10,
    ) {
        let targets = links::parse_targets(&targets);
        let locale = summary_card::core::i18n::LOCALES[locale];
        let menu = ShareMenu { targets: &targets, text: &text, url: &url, title: &title, mastodon: mastodon.as_deref(), locale };
        check_view(&share_menu(&menu));
    }
}

proptest! {
    #![proptest_config(config(128))]

    /// Single cards shown at any heading level, layout, theme, speed and
    /// output (the widget's, the static page's, a fragment).
    #[test]
    fn card_view_renders_safely_for_any_options(
        doc in card(Mode::Valid),
        level in any::<u8>(),
        n in any::<usize>(),
        compact in any::<bool>(),
        wpm in any::<u32>(),
        locale in 0usize..10,
        output in select(&[Output::Live, Output::Static, Output::Fragment][..]),
    ) {
        let layout = if compact { Layout::Compact } else { Layout::Full };
        let locale = summary_card::core::i18n::LOCALES[locale];
        let opts = Options { theme: Theme::Dark, layout, wpm, heading: 2, locale, output };
        if let Ok(Document::Card(card)) = parse_document(&doc.to_json()) {
            let view = card_view(&card, &opts, n, level);
            check_view(&view);
            // The read time shown is the one computed.
            let mut elements = Vec::new();
            flatten(&view, &mut elements);
            let shown = elements.iter().find(|e| e.get("part") == Some("read-time")).unwrap();
            let minutes = readtime::card_minutes(&card, wpm);
            prop_assert_eq!(&shown.children, &vec![Node::Text(locale.count(locale.messages().min_read, minutes))]);
        }
    }
}

proptest! {
    #![proptest_config(config(1024))]

    /// Only absolute http(s) links (and mailto: where allowed) pass, however
    /// the scheme is disguised; what passes is stable under a second check.
    #[test]
    fn url_allowlist_admits_only_http_and_mailto(raw in url(), mailto in any::<bool>()) {
        if let Some(u) = check_url(&raw, mailto) {
            let s = scheme(u.as_str());
            prop_assert!(s == "http" || s == "https" || (mailto && s == "mailto"), "{:?} -> {:?}", raw, u);
            prop_assert!(u.as_str().starts_with(&(s.clone() + ":")), "{:?}", u);
            if s != "mailto" {
                prop_assert!(!u.as_str().chars().any(|c| c.is_whitespace() || c < ' ' || c == '\\'), "{:?}", u);
            }
            let again = check_url(u.as_str(), mailto);
            prop_assert_eq!(again.as_ref(), Some(&u));
        }
    }

    /// X: the text fits 280 weighted characters with a space and the link
    /// (23), counting the ellipsis; it is cut only between clusters.
    #[test]
    fn trim_for_x_fits_its_budget(text in text(), repeat in 1usize..24) {
        let text = text.repeat(repeat);
        let t = links::trim_for_x(&text);
        let budget = links::X_LIMIT - links::X_URL_LENGTH - 1;
        prop_assert!(x_weight(&t) <= budget, "weight {} > {} for {:?}", x_weight(&t), budget, t);
        if x_weight(&text) <= budget {
            prop_assert_eq!(&t, &text);
        } else {
            prop_assert!(t.ends_with('…'));
            prop_assert!(text.starts_with(t.strip_suffix('…').unwrap_or(&t)));
        }
    }

    /// Bluesky: text, a space and the untouched URL in at most 300
    /// graphemes (when the URL leaves room for at least an ellipsis).
    #[test]
    fn bluesky_post_fits_its_budget(text in text(), repeat in 1usize..24, url in url()) {
        let text = text.repeat(repeat);
        let post = links::bluesky_post(&text, &url);
        prop_assert!(post.ends_with(&(String::from(" ") + &url)));
        if links::graphemes(&url) + 2 <= links::BLUESKY_LIMIT {
            prop_assert!(links::graphemes(&post) <= links::BLUESKY_LIMIT, "{} graphemes", links::graphemes(&post));
        }
    }

    /// Cluster bounds start at 0, end at the length, increase, and never
    /// fall inside a UTF-8 sequence.
    #[test]
    fn grapheme_bounds_are_char_boundaries(parts in proptest::collection::vec(text(), 0..4)) {
        let s = parts.concat();
        let b = links::grapheme_bounds(&s);
        prop_assert_eq!(b.first().copied(), Some(0));
        prop_assert_eq!(b.last().copied(), Some(s.len()));
        prop_assert!(b.windows(2).all(|w| w[0] < w[1]));
        prop_assert!(b.iter().all(|&i| s.is_char_boundary(i)));
        prop_assert!(links::graphemes(&s) <= s.chars().count());
    }

    /// Percent-encoding yields unreserved ASCII and `%XX` only, and decodes
    /// back to the same bytes.
    #[test]
    fn encode_is_ascii_and_reversible(s in text()) {
        let e = links::encode(&s);
        prop_assert!(e.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.~%".contains(&b)), "{}", e);
        prop_assert_eq!(percent_decode(&e), s.as_bytes().to_vec());
    }

    #[test]
    fn slugs_are_short_plain_and_never_empty(title in text()) {
        let s = links::slug(&title);
        prop_assert!(!s.is_empty() && s.len() <= 60, "{:?}", s);
        prop_assert!(s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{:?}", s);
        prop_assert!(!s.starts_with('-') && !s.ends_with('-') && !s.contains("--"), "{:?}", s);
    }

    /// A Mastodon server is reduced to a bare host, so the share link can
    /// only ever go to `https://HOST/share`.
    #[test]
    fn mastodon_host_is_a_bare_host(input in prop_oneof![text(), url(), "@?[a-z]{1,5}@[a-zA-Z.-]{1,12}(:[0-9]{1,5})?/?"]) {
        if let Some(h) = links::mastodon_host(&input) {
            prop_assert!(h.contains('.') && h.len() <= 253, "{:?}", h);
            prop_assert!(h.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b".-:".contains(&b)), "{:?}", h);
            let u = links::intent_url(Target::Mastodon, "t", "https://e.com", "t", Some(&input)).unwrap();
            prop_assert!(u.starts_with(&format!("https://{h}/share?text=")), "{}", u);
        }
    }

    /// Every intent URL is ASCII, https: or mailto:, whatever the text.
    #[test]
    fn intent_urls_are_ascii_and_safe(text in text(), url in url(), title in text(), mastodon in text()) {
        for t in links::ALL {
            if let Some(u) = links::intent_url(t, &text, &url, &title, Some(&mastodon)) {
                prop_assert!(u.is_ascii(), "{}", u);
                prop_assert!(u.starts_with("https://") || u.starts_with("mailto:"), "{}", u);
            }
        }
    }

    #[test]
    fn share_targets_parse_without_repeats(attr in prop_oneof![text(), "[a-zA-Z, -]{0,60}"]) {
        let targets = links::parse_targets(&attr);
        for (i, t) in targets.iter().enumerate() {
            prop_assert!(!targets[..i].contains(t));
        }
        if attr.trim().is_empty() {
            prop_assert_eq!(targets, links::ALL.to_vec());
        }
    }

    /// A fragment names a takeaway of this card or nothing.
    #[test]
    fn takeaway_from_any_fragment_is_in_range(
        title in text(),
        id in proptest::option::of("[a-z0-9-]{1,8}"),
        n in 0usize..5,
        hash in prop_oneof![text(), "#?[a-z-]{0,12}-takeaway-[+-]?[0-9]{0,25}"],
    ) {
        let card = Card {
            title,
            id,
            takeaways: vec![Point { title: None, text: "x".into() }; n],
            ..Card::default()
        };
        if let Some(i) = links::takeaway_from_fragment(&card, &hash) {
            prop_assert!(i < n);
        }
        let page = String::from("https://e.com/") + &links::encode(&hash);
        let _ = links::share_url(&card, &page);
        if n > 0 {
            let _ = links::takeaway_url(&card, n - 1, &hash);
        }
    }

    /// Durations: never a panic; what parses is between 1 s and 1000 h and
    /// matches the arithmetic of its fields.
    #[test]
    fn durations_parse_or_fail_cleanly(
        s in prop_oneof![text(), "[0-9]{0,8}(:[0-9]{0,8}){0,3}", " ?[0-9:]{0,12} ?"],
    ) {
        if let Ok(n) = time::parse_duration(&s) {
            prop_assert!((1..=MAX_DURATION_SECONDS).contains(&n));
            let fields: Vec<u64> = s.trim().split(':').map(|p| p.parse().unwrap()).collect();
            let want = fields.iter().fold(0, |acc, f| acc * 60 + f);
            prop_assert_eq!(n, want);
        }
    }

    /// The minutes a card shows are the nearest whole minute (half a minute
    /// rounds up; under half a minute is 1), never fewer for more seconds;
    /// `<time datetime>` and the English label say the same number.
    #[test]
    fn minutes_are_the_nearest_whole_minute(seconds in big_u64()) {
        let m = time::minutes(seconds);
        let (m60, s) = (u128::from(m) * 60, u128::from(seconds));
        if seconds < 30 {
            prop_assert_eq!(m, 1);
        } else {
            prop_assert!(m60 <= s + 30 && s + 30 < m60 + 60, "{} s -> {} min", seconds, m);
        }
        if let Some(next) = seconds.checked_add(1) {
            prop_assert!(time::minutes(next) >= m);
        }
        prop_assert_eq!(iso_minutes(&time::iso_duration(seconds)), Some(m));
        let label = Locale::En.duration(seconds);
        prop_assert_eq!(label_minutes(&label), Some(m), "{}", label);
        prop_assert_eq!(time::check_length(seconds).is_ok(), (1..=MAX_DURATION_SECONDS).contains(&seconds));
    }

    /// Dates: a parsed date prints back as the input's first ten bytes, and
    /// every locale's label holds its year as written.
    #[test]
    fn dates_parse_or_fail_cleanly(
        s in prop_oneof![text(), "[0-9]{4}-[0-9]{2}-[0-9]{2}(T.{0,6})?", "[0-9-]{8,12}.{0,2}"],
    ) {
        if let Some(d) = time::parse_date(&s) {
            prop_assert_eq!(time::iso_date(d), &s[..10]);
            for l in LOCALES {
                prop_assert!(l.date(d).contains(&s[..4]), "{:?}: {}", l, l.date(d));
            }
        }
    }

    /// Read time adds up: text joined by a space counts as its two parts
    /// did, and more text never reads faster (but for the first kana, which
    /// makes Han characters Japanese, read faster than Chinese); a faster
    /// reader never takes longer.
    #[test]
    fn read_time_grows_with_the_text(a in text(), b in text(), wpm in any::<u32>()) {
        let count = |s: &str| {
            let mut c = Count::default();
            c.add(s);
            c
        };
        let (ca, cb, both) = (count(&a), count(&b), count(&(a.clone() + " " + &b)));
        let sum = Count {
            words: ca.words + cb.words,
            arabic: ca.arabic + cb.arabic,
            hebrew: ca.hebrew + cb.hebrew,
            han: ca.han + cb.han,
            kana: ca.kana + cb.kana,
        };
        prop_assert_eq!(both, sum);
        if !(ca.kana == 0 && cb.kana > 0) {
            prop_assert!(both.minutes(wpm) >= ca.minutes(wpm), "{:?} then {:?}", ca, both);
        }
        prop_assert!(ca.minutes(wpm.saturating_add(1)) <= ca.minutes(wpm));
    }

    /// Words in a Latin script read at exactly `wpm` (rounded up, at least
    /// a minute); any counts at all, however large, give an answer.
    #[test]
    fn read_time_is_words_over_speed(n in 0u64..20_000, wpm in 1u32..3000, big in big_u64()) {
        let text = "word ".repeat(n as usize);
        let mut c = Count::default();
        c.add(&text);
        prop_assert_eq!(c.words, n);
        prop_assert_eq!(c.minutes(wpm), n.div_ceil(u64::from(wpm)).max(1));
        let (huge, words) = (Count { words: big, arabic: big, hebrew: big, han: big, kana: big }, Count { words: big, ..Count::default() });
        prop_assert!(huge.minutes(wpm) >= words.minutes(wpm));
    }

    /// Small text helpers: `uint` is decimal, `cut` is bounded.
    #[test]
    fn text_helpers(n in big_u64(), s in text(), max in 0usize..50) {
        prop_assert_eq!(text::uint(n), n.to_string());
        let q = text::cut(&s, max);
        prop_assert!(q.chars().count() <= max + 1); // the ellipsis
        prop_assert!(s.starts_with(q.trim_end_matches('…')));
    }

    /// Widget attributes as a page may write them.
    #[test]
    fn options_from_any_attributes(theme in text(), layout in text(), wpm in prop_oneof![text(), "[0-9]{0,12}"]) {
        let o = Options::from_attributes(&theme, &layout, &wpm);
        prop_assert!((50..=2000).contains(&o.wpm));
    }
}

// ---------------------------------------------------------------------------
// Size and depth: fixed inputs, run once.

/// Exactly `MAX_DEPTH` levels of arrays or objects parse; one more is a
/// clear error (never a stack overflow), however deep the input goes.
#[test]
fn nesting_is_limited_without_overflowing_the_stack() {
    // (opening, closing, containers per repetition, a value for the middle)
    let shapes =
        [("[", "]", 1, ""), ("[", "]", 1, "0"), ("{\"a\":", "}", 1, "null"), ("[{\"episodes\":", "}]", 2, "[]")];
    for (open, close, per, inner) in shapes {
        for reps in [1, MAX_DEPTH / per - 1, MAX_DEPTH / per, MAX_DEPTH / per + 1, 10_000, 200_000] {
            let src = open.repeat(reps) + inner + &close.repeat(reps);
            let containers = reps * per + usize::from(inner == "[]");
            let parsed = json::parse(&src);
            assert_eq!(parsed.is_ok(), containers <= MAX_DEPTH, "{containers} levels of {open}{inner}{close}");
            if let Err(e) = parsed {
                check_syntax_error_offset(&src, e.offset);
            }
            run_document(&src, &Options::default());
        }
    }
    // Unclosed, and mixed with whitespace: the same error, not a crash.
    let src = "[ {\"x\": ".repeat(100_000);
    assert!(json::parse(&src).is_err());
    run_document(&src, &Options::default());
}

/// The largest documents the limits allow validate and render; one byte
/// more is refused before parsing.
#[test]
fn documents_at_the_size_limits() {
    let takeaways = vec![r#"{"text":"x"}"#; MAX_ITEMS].join(",");
    let episode = String::from(r#"{"title":"T","takeaways":["#) + &takeaways + "]}";
    let src = String::from(r#"{"version":1,"episodes":["#) + &vec![episode.as_str(); MAX_EPISODES].join(",") + "]}";
    assert!(src.len() <= MAX_BYTES, "{}", src.len());
    let Ok(doc) = parse_document(&src) else { panic!("{:?}", validate::validate(&src).first()) };
    assert_eq!(summary_card::core::view::cards(&doc).len(), MAX_EPISODES);
    check_view(&document_view(&doc, &Options::default()));

    let too_many = String::from(r#"{"episodes":["#) + &vec![episode.as_str(); MAX_EPISODES + 1].join(",") + "]}";
    assert_eq!(validate::validate(&too_many).len(), 1);

    let padded = String::from(r#"{"title":"T","takeaways":[{"text":"x"}]}"#) + &" ".repeat(MAX_BYTES);
    let errors = validate::validate(&padded);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].offset, 0);

    // A megabyte of one string; a quarter of one of tiny values, and of one
    // key repeated (every lookup scans the members).
    let long = String::from("\"") + &"é".repeat(MAX_BYTES / 2 - 2) + "\"";
    run_document(&long, &Options::default());
    let numbers = String::from("[") + &vec!["0"; MAX_BYTES / 8].join(",") + "]";
    run_document(&numbers, &Options::default());
    let members = String::from("{") + &vec![r#""a":0"#; MAX_BYTES / 24].join(",") + "}";
    run_document(&members, &Options::default());
}
