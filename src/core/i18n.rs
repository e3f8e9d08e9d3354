//! The widget's UI language: a message table per locale with CLDR plural
//! forms, and numbers, durations, dates and lists formatted per locale.
//!
//! Everything is formatted here in Rust, so the browser and the native CLI
//! give the same text whatever the host's `Intl` support (docs/decisions.md). The expected forms
//! come from Node's `Intl` (full ICU): `tests/i18n/oracle.mjs` prints the
//! tables the tests below hard-code. Templates mark where a value goes with
//! `{}` ([`fill`], [`split`]); the two sentences that hold two values name
//! them `{read}` and `{episode}`.
//!
//! Every locale writes Latin digits, as Node's `Intl` does for the bare tags
//! (`ar` included; `Intl` would use Arabic-Indic digits for `ar-EG`, but here
//! every `ar-*` tag is `ar`).
//!
//! The tables below are the one source of the words. The native and WASI
//! builds (CLI, tests) use them all. The browser's wasm build links only
//! English's: the other nine are written at build time as
//! `dist/locales/<tag>.json` (by the CLI's hidden `__locales` step, from
//! [`Locale::built_in`], [`Messages::texts`] and the methods beside it), and
//! the JS shim fetches the one a card needs and hands it to [`load`] before
//! mounting the card. Plural rules, digit grouping and list joiners are small
//! and stay in code.

use crate::core::json::{self, Spanned, Value};
use crate::core::model::Date;
use crate::core::text::{concat, push_uint, uint};
use crate::core::time;
use std::cell::RefCell;

use self::DatePart::{Day, Day2, Lit, Month, Month2, MonthName, Year};
use self::Plural::{Few, Many, One, Other, Two};

/// A UI language the widget ships.
#[derive(Clone, Copy, PartialEq, Eq, Default, Debug)]
pub enum Locale {
    /// English, the default.
    #[default]
    En,
    /// Spanish.
    Es,
    /// German.
    De,
    /// French.
    Fr,
    /// Portuguese (Brazilian wording).
    Pt,
    /// Japanese.
    Ja,
    /// Chinese, in simplified characters.
    Zh,
    /// Arabic (right to left).
    Ar,
    /// Hindi.
    Hi,
    /// Hebrew (right to left).
    He,
}

/// Every shipped locale, in [`Locale`] order.
pub const LOCALES: [Locale; 10] = [
    Locale::En,
    Locale::Es,
    Locale::De,
    Locale::Fr,
    Locale::Pt,
    Locale::Ja,
    Locale::Zh,
    Locale::Ar,
    Locale::Hi,
    Locale::He,
];

/// A CLDR plural category.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Plural {
    /// Arabic 0.
    Zero,
    /// 1 (and 0 in French, Portuguese and Hindi).
    One,
    /// Arabic and Hebrew 2.
    Two,
    /// Arabic 3–10 (modulo 100).
    Few,
    /// Arabic 11–99 (modulo 100); Spanish, French and Portuguese whole millions.
    Many,
    /// Everything else; every [`Forms`] has it.
    Other,
}

/// A message with one form per plural category. A category not listed uses
/// the [`Plural::Other`] form, which every message has. A form may leave out
/// the `{}` where the language spells the number in the word (Arabic
/// "دقيقتان", two minutes).
pub type Forms = [(Plural, &'static str)];

/// One piece of a date pattern.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum DatePart {
    /// Day of the month, `1`–`31`.
    Day,
    /// Day of the month, two digits.
    Day2,
    /// Month number, `1`–`12`.
    Month,
    /// Month number, two digits.
    Month2,
    /// The month's name from [`Messages::months`].
    MonthName,
    /// The year, without grouping.
    Year,
    /// Literal text.
    Lit(&'static str),
}

/// Primary language subtags, lower case, and their locales: first each
/// locale's own tag, in [`Locale`] order ([`Locale::tag`] relies on it).
const TAGS: [(&str, Locale); 11] = [
    ("en", Locale::En),
    ("es", Locale::Es),
    ("de", Locale::De),
    ("fr", Locale::Fr),
    ("pt", Locale::Pt),
    ("ja", Locale::Ja),
    ("zh", Locale::Zh),
    ("ar", Locale::Ar),
    ("hi", Locale::Hi),
    ("he", Locale::He),
    ("iw", Locale::He),
];

impl Locale {
    /// The locale of a BCP 47 tag, by its primary language subtag (ASCII
    /// case-insensitive, `_` accepted like `-`, surrounding whitespace
    /// ignored): `"pt-BR"` is Portuguese, the old `"iw"` Hebrew. Every Chinese
    /// tag, `"zh-Hant"` and `"zh-TW"` included, gets the simplified-character
    /// strings. Unknown or empty tags are English.
    pub fn from_tag(tag: &str) -> Locale {
        let tag = tag.trim();
        let end = tag.bytes().position(|b| b == b'-' || b == b'_').unwrap_or(tag.len());
        let primary = tag.get(..end).unwrap_or_default();
        TAGS.iter().find(|(code, _)| primary.eq_ignore_ascii_case(code)).map_or(Locale::En, |&(_, l)| l)
    }

    /// The locale a card in the locale of `tag` is shown in: that one when
    /// its words are at hand (in the CLI always; in the browser's wasm,
    /// English or a table given to [`load`]), else English, so that the card's `lang`,
    /// `dir`, numbers and dates match its words.
    pub fn shown(tag: &str) -> Locale {
        let l = Locale::from_tag(tag);
        if cfg!(browser) && l != Locale::En && loaded(l).is_none() {
            Locale::En
        } else {
            l
        }
    }

    /// The BCP 47 tag for the `lang` attribute: `"en"`, `"es"`, …
    pub fn tag(self) -> &'static str {
        TAGS.get(self as usize).map_or("en", |&(code, _)| code)
    }

    /// Written right to left (Arabic, Hebrew): the card's `dir` is `rtl`.
    pub fn rtl(self) -> bool {
        matches!(self, Locale::Ar | Locale::He)
    }

    /// The CLDR cardinal plural category of the whole number `n`.
    pub fn plural(self, n: u64) -> Plural {
        let millions = n != 0 && n % 1_000_000 == 0;
        match self {
            Locale::En | Locale::De => {
                if n == 1 {
                    One
                } else {
                    Other
                }
            }
            Locale::Es | Locale::Fr | Locale::Pt => {
                if n == 1 || (n == 0 && self != Locale::Es) {
                    One
                } else if millions {
                    Many
                } else {
                    Other
                }
            }
            Locale::Hi => {
                if n <= 1 {
                    One
                } else {
                    Other
                }
            }
            Locale::Ja | Locale::Zh => Other,
            Locale::He => match n {
                1 => One,
                2 => Two,
                _ => Other,
            },
            Locale::Ar => match (n, n % 100) {
                (0, _) => Plural::Zero,
                (1, _) => One,
                (2, _) => Two,
                (_, 3..=10) => Few,
                (_, 11..=99) => Many,
                _ => Other,
            },
        }
    }

    /// `n` with the locale's digit grouping, as `Intl.NumberFormat(tag)`
    /// writes it: `1,234,567`; `1.234.567` (de, pt, and es from five digits:
    /// `1000`, `10.000`); narrow no-break spaces in fr; `12,34,567` in hi.
    pub fn num(self, n: u64) -> String {
        let digits = uint(n);
        let (sep, min_len, indian) = match self {
            Locale::Es => (".", 5, false),
            Locale::De | Locale::Pt => (".", 4, false),
            Locale::Fr => ("\u{202f}", 4, false),
            Locale::Hi => (",", 4, true),
            _ => (",", 4, false),
        };
        if digits.len() < min_len {
            return digits;
        }
        let mut s = String::with_capacity(digits.len() * 2);
        for (i, b) in digits.bytes().enumerate() {
            s.push(char::from(b));
            let rest = digits.len() - i - 1;
            if rest >= 3 && if indian { rest % 2 == 1 } else { rest % 3 == 0 } {
                s.push_str(sep);
            }
        }
        s
    }

    /// The compact duration label, in whole minutes ([`time::minutes`]):
    /// minutes under two hours (a three-digit minute count is harder to read
    /// than hours), hours and minutes from two hours, in CLDR short units
    /// (`"96 min"`, `"2 h 5 min"`; de `"96 Min."`, ja `"96 分"`, ar `"96 د"`).
    pub fn duration(self, secs: u64) -> String {
        let m = time::minutes(secs);
        let msg = self.messages();
        if m < 120 {
            return self.count(msg.minutes, m);
        }
        let mut s = self.count(msg.hours, m / 60);
        if m % 60 != 0 {
            s.push_str(msg.unit_sep);
            s.push_str(&self.count(msg.minutes, m % 60));
        }
        s
    }

    /// The date as `Intl.DateTimeFormat(tag, {dateStyle: "medium"})` writes
    /// it: `"Nov 25, 2025"`, `"25 nov 2025"`, `"25.11.2025"`, `"2025年11月25日"`.
    pub fn date(self, d: Date) -> String {
        let msg = self.messages();
        let mut s = String::new();
        for &part in msg.date {
            match part {
                Day => push_uint(&mut s, d.day.into()),
                Day2 => push_two(&mut s, d.day),
                Month => push_uint(&mut s, d.month.into()),
                Month2 => push_two(&mut s, d.month),
                MonthName => s.push_str(msg.months.get(usize::from(d.month).wrapping_sub(1)).copied().unwrap_or("")),
                Year => push_uint(&mut s, d.year.into()),
                Lit(text) => s.push_str(text),
            }
        }
        s
    }

    /// The locale's messages: a table given to [`load`], else the built-in
    /// one (in the wasm build, where only English is built in, English).
    pub fn messages(self) -> &'static Messages {
        if self == Locale::En {
            return &EN;
        }
        #[cfg(browser)]
        let built_in = &EN;
        #[cfg(not(browser))]
        let built_in = self.built_in();
        loaded(self).unwrap_or(built_in)
    }

    /// The table compiled into the crate. Only [`Locale::messages`] (native
    /// builds) and the CLI, which writes the tables, read it, so the wasm
    /// file links English's alone (`scripts/check-size.mjs` checks that).
    pub fn built_in(self) -> &'static Messages {
        match self {
            Locale::En => &EN,
            Locale::Es => &ES,
            Locale::De => &DE,
            Locale::Fr => &FR,
            Locale::Pt => &PT,
            Locale::Ja => &JA,
            Locale::Zh => &ZH,
            Locale::Ar => &AR,
            Locale::Hi => &HI,
            Locale::He => &HE,
        }
    }

    /// The form of `forms` for the number `n` (the `Other` form when the
    /// category has none).
    pub fn pick(self, forms: &'static Forms, n: u64) -> &'static str {
        let want = self.plural(n);
        let mut other = "";
        for &(p, text) in forms {
            if p == want {
                return text;
            }
            if p == Other {
                other = text;
            }
        }
        other
    }

    /// The form of `forms` for `n` with `n` (grouped, see [`Locale::num`])
    /// in its `{}`: `count(&msg.episodes, 3)` is `"3 episodes"`.
    pub fn count(self, forms: &'static Forms, n: u64) -> String {
        let form = self.pick(forms, n);
        match form.strip_prefix("a {}") {
            Some(rest) if self == Locale::En && says_an(n) => concat(&["an ", &self.num(n), rest]),
            _ => fill(form, &self.num(n)),
        }
    }

    /// The stats line for screen readers: `"96-minute episode, 3-minute
    /// read"`, or `"3-minute read"` without a duration (whole minutes).
    pub fn stats_spoken(self, duration_minutes: Option<u64>, read_minutes: u64) -> String {
        let msg = self.messages();
        let read = self.count(msg.spoken_read, read_minutes);
        match duration_minutes {
            Some(d) => put(&put(msg.spoken, "{episode}", &self.count(msg.spoken_episode, d)), "{read}", &read),
            None => read,
        }
    }

    /// The footer sentence: `"You just read a 3-minute summary of a
    /// 96-minute episode."`, or `"You just read a 3-minute summary."`
    /// without a duration (whole minutes).
    pub fn footer(self, read: u64, duration: Option<u64>) -> String {
        let msg = self.messages();
        let text = match duration {
            Some(d) => put(msg.footer_of, "{episode}", &self.count(msg.footer_episode, d)),
            None => String::from(msg.footer),
        };
        put(&text, "{read}", &self.count(msg.footer_read, read))
    }

    /// The summary's length in the share text: `"a 3-minute summary"`.
    pub fn summary_of(self, minutes: u64) -> String {
        self.count(self.messages().summary_of, minutes)
    }

    /// The joiners of a list of `count` names whose last one is `last`, as
    /// `Intl.ListFormat(tag, {type: "conjunction"})` joins them: (between
    /// items, before the last one). Spanish `" e "` before an "i" sound and
    /// Hebrew `" ו"` before a Hebrew word follow ICU's rules. Deviation:
    /// English keeps `" and "` without the serial comma Intl adds
    /// (`"A, B and C"`, the card's English since the first release).
    pub fn list_separators(self, count: usize, last: &str) -> (&'static str, &'static str) {
        match self {
            Locale::En => (", ", " and "),
            Locale::Es => (", ", if spanish_e(last) { " e " } else { " y " }),
            Locale::De => (", ", " und "),
            Locale::Fr => (", ", " et "),
            Locale::Pt => (", ", " e "),
            Locale::Ja => ("、", "、"),
            Locale::Zh => ("、", "和"),
            Locale::Ar => (" و", " و"),
            Locale::Hi => (", ", if count > 2 { ", और " } else { " और " }),
            Locale::He => {
                let hebrew =
                    last.chars().next().is_some_and(|c| matches!(c, '\u{591}'..='\u{5f4}' | '\u{fb1d}'..='\u{fb4f}'));
                (", ", if hebrew { " ו" } else { " ו-" })
            }
        }
    }
}

/// Whether English says "an" before the number `n`: eight, eleven,
/// eighteen, eighty…, eight hundred…, eleven thousand…, eighteen thousand….
fn says_an(n: u64) -> bool {
    let digits = uint(n);
    let b = digits.as_bytes();
    b.first() == Some(&b'8') || (b.len() % 3 == 2 && matches!(b.get(..2), Some(b"11" | b"18")))
}

/// ICU's Spanish rule: "y" becomes "e" before `i…`, `hi` and `hi` not followed
/// by `a` or `e` (ASCII case-insensitive; not before `í`).
fn spanish_e(word: &str) -> bool {
    let b = word.as_bytes();
    let lower = |i: usize| b.get(i).map(u8::to_ascii_lowercase);
    match (lower(0), lower(1), lower(2)) {
        (Some(b'i'), _, _) => true,
        (Some(b'h'), Some(b'i'), next) => !matches!(next, Some(b'a' | b'e')),
        _ => false,
    }
}

/// Appends `n` as two digits.
fn push_two(s: &mut String, n: u8) {
    if n < 10 {
        s.push('0');
    }
    push_uint(s, n.into());
}

/// Byte offset of the first `needle` (not empty) in `hay`.
fn find(hay: &str, needle: &str) -> Option<usize> {
    hay.as_bytes().windows(needle.len()).position(|w| w == needle.as_bytes())
}

/// `template` with its first `key` replaced by `value` (unchanged without one).
fn put(template: &str, key: &str, value: &str) -> String {
    match find(template, key) {
        Some(i) => {
            concat(&[template.get(..i).unwrap_or_default(), value, template.get(i + key.len()..).unwrap_or_default()])
        }
        None => String::from(template),
    }
}

/// `template` with its first `{}` replaced by `value` (unchanged without one).
pub fn fill(template: &str, value: &str) -> String {
    put(template, "{}", value)
}

/// The text before and after the first `{}` of `template` (all of it and
/// `""` without one), for a view that puts an element there.
pub fn split(template: &str) -> (&str, &str) {
    match find(template, "{}") {
        Some(i) => (template.get(..i).unwrap_or_default(), template.get(i + 2..).unwrap_or_default()),
        None => (template, ""),
    }
}

/// The words the widget adds to a card, in one locale. English is shown for
/// each; `{}` marks the inserted value (an element or a number).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Messages {
    /// "{} episode", stats line; `{}` is the duration label (a `<time>`).
    pub episode: &'static str,
    /// "{} min read", stats line, by read minutes.
    pub min_read: &'static Forms,
    /// "{episode}, {read}": the spoken stats with both pieces.
    pub spoken: &'static str,
    /// "{}-minute episode", spoken stats, by episode minutes.
    pub spoken_episode: &'static Forms,
    /// "{}-minute read", spoken stats, by read minutes.
    pub spoken_read: &'static Forms,
    /// "You just read {read}.": the footer without a duration.
    pub footer: &'static str,
    /// "You just read {read} of {episode}.": the footer with a duration.
    pub footer_of: &'static str,
    /// "a {}-minute summary", the footer's `{read}`, by read minutes.
    pub footer_read: &'static Forms,
    /// "a {}-minute episode", the footer's `{episode}`, by episode minutes.
    pub footer_episode: &'static Forms,
    /// "a {}-minute summary", in the share text, by read minutes.
    pub summary_of: &'static Forms,
    /// "AI-generated summary".
    pub ai_label: &'static str,
    /// "Written by AI from the episode; it may contain mistakes."
    pub ai_note: &'static str,
    /// "Topics".
    pub topics: &'static str,
    /// "Key takeaways".
    pub takeaways: &'static str,
    /// "What it covers".
    pub covers: &'static str,
    /// "Key questions answered".
    pub questions: &'static str,
    /// "Notable moment".
    pub notable: &'static str,
    /// "Listen".
    pub listen: &'static str,
    /// "Know someone who'd find this useful?"
    pub share_prompt: &'static str,
    /// "Share".
    pub share: &'static str,
    /// "Share takeaway {}", an accessible name; `{}` is the 1-based number.
    pub share_takeaway: &'static str,
    /// "Share options".
    pub share_menu: &'static str,
    /// "Your Mastodon server".
    pub mastodon_server: &'static str,
    /// "Share on Mastodon", the Mastodon form's button.
    pub mastodon_go: &'static str,
    /// "Enter a server name, such as mastodon.social".
    pub mastodon_hint: &'static str,
    /// "Copy the link: ", before a field holding the link.
    pub copy_prompt: &'static str,
    /// "Link to copy", that field's accessible name.
    pub copy_field: &'static str,
    /// "Link copied".
    pub link_copied: &'static str,
    /// "Takeaways copied".
    pub takeaways_copied: &'static str,
    /// "with {}": the guests; `{}` is the list.
    pub with_guests: &'static str,
    /// "Copy link", the label and accessible name of that share target.
    pub copy_link: &'static str,
    /// "Copy takeaways", a share target's label.
    pub copy_takeaways: &'static str,
    /// "Copy takeaways as text", its accessible name.
    pub copy_takeaways_name: &'static str,
    /// "Email", a share target's label.
    pub email: &'static str,
    /// "Share by email", its accessible name.
    pub email_name: &'static str,
    /// "Share as image", the label of the quote-card picture's target.
    pub share_image: &'static str,
    /// "Image saved", said when the picture was downloaded.
    pub image_saved: &'static str,
    /// "Share on {}": the accessible name of a brand's target (X, Bluesky,
    /// …); the brand is its label, untranslated.
    pub share_on: &'static str,
    /// "{} episodes", a collection's count.
    pub episodes: &'static Forms,
    /// "Show all {} takeaways", the compact layout's disclosure.
    pub show_all: &'static Forms,
    /// "Show fewer takeaways".
    pub show_fewer: &'static str,
    /// "Show {} more episodes", by how many more will appear.
    pub show_more: &'static Forms,
    /// "This summary can't be shown."
    pub error_title: &'static str,
    /// "…and {} more problems (the browser console lists them all)."
    pub more_problems: &'static Forms,
    /// "Retry".
    pub retry: &'static str,
    /// "Loading summary…".
    pub loading: &'static str,
    /// "{} min", the CLDR short minute unit.
    minutes: &'static Forms,
    /// "{} h", the short hour unit (English keeps "h" over CLDR's "hr").
    hours: &'static Forms,
    /// Between hours and minutes, as CLDR's narrow unit list joins them
    /// (Japanese: the short list's space).
    unit_sep: &'static str,
    /// The medium date pattern.
    date: &'static [DatePart],
    /// Short month names, January first (empty for numeric dates).
    months: &'static [&'static str],
}

// Tables loaded at run time. In the wasm build the shim fetches
// `locales/<tag>.json` once per page for each locale its cards use and
// passes it to `load`. A table is parsed into leaked `&'static` strings and
// slices, so `Messages` stays one type for built-in and loaded tables. The
// leak is bounded: `load` parses at most one table per locale per instance
// (a refused one included), so at most nine of a few KB each, whatever it
// is given later.
thread_local! {
    /// Each locale `load` was given a table for, with it (`None`: refused).
    static LOADED: RefCell<Vec<(Locale, Option<&'static Messages>)>> = const { RefCell::new(Vec::new()) };
}

/// The table [`load`] took for `locale`, if any.
fn loaded(locale: Locale) -> Option<&'static Messages> {
    // `try_with`, not `with`: its panic would bring std's formatting of
    // `AccessError` into the wasm (bench/SIZE.md, issue 17).
    LOADED.try_with(|t| t.try_borrow().ok()?.iter().find(|(l, _)| *l == locale).and_then(|&(_, m)| m)).ok().flatten()
}

/// The file name (without `.json`) of the table a card in the locale of
/// `tag` needs, `"de"` for `"de-AT"`; `""` for English, which is built in.
pub fn table_file(tag: &str) -> &'static str {
    match Locale::from_tag(tag) {
        Locale::En => "",
        l => l.tag(),
    }
}

/// Takes `json`, a table as the CLI writes it, as the messages of the
/// locale of `tag`. Only the first table given for a locale is parsed; a
/// table that is not valid is refused, and the locale keeps English.
/// Returns whether the locale now has its table. English is built in and
/// never replaced (`false`).
pub fn load(tag: &str, json: &str) -> bool {
    let locale = Locale::from_tag(tag);
    if locale == Locale::En {
        return false;
    }
    LOADED
        .try_with(|t| {
            let Ok(mut t) = t.try_borrow_mut() else { return false };
            if let Some(&(_, m)) = t.iter().find(|(l, _)| *l == locale) {
                return m.is_some();
            }
            let m = Messages::from_json(json).map(|m| &*Box::leak(Box::new(m)));
            t.push((locale, m));
            m.is_some()
        })
        .unwrap_or(false)
}

/// Date pattern tokens in tables: `{d}` is [`Day`], and so on.
const DATE_TOKENS: [(&str, DatePart); 6] =
    [("d", Day), ("dd", Day2), ("M", Month), ("MM", Month2), ("MMM", MonthName), ("y", Year)];

/// Plural category names in tables.
const PLURAL_NAMES: [(&str, Plural); 6] =
    [("zero", Plural::Zero), ("one", One), ("two", Two), ("few", Few), ("many", Many), ("other", Other)];

/// Lists every message field once, by kind, and makes the reader of tables
/// and the lists the CLI writes them from ([`Messages::texts`],
/// [`Messages::plural_messages`]) from that one list.
macro_rules! table_fields {
    (texts: $($t:ident)*; forms: $($f:ident)*;) => {
        #[cfg(not(browser))]
        impl Messages {
            /// Every plain message, by its name in a table file, in the
            /// order the file lists them (first in a table, before
            /// [`Messages::plural_messages`], `date` and `months`).
            pub fn texts(&self) -> Vec<(&'static str, &'static str)> {
                // Names every field: a field missing from the list fails to compile.
                let Messages { $($t: _,)* $($f: _,)* date: _, months: _ } = self;
                vec![$((stringify!($t), self.$t),)*]
            }

            /// Every plural message, by its name in a table file, in the
            /// order the file lists them.
            pub fn plural_messages(&self) -> Vec<(&'static str, &'static Forms)> {
                vec![$((stringify!($f), self.$f),)*]
            }
        }

        impl Messages {
            /// A table as the CLI writes it, or `None` when `src` is
            /// not one: every message present and a string, every plural
            /// message an object of known categories with an `other` form,
            /// a date pattern of known tokens, and 0 or 12 month names.
            pub fn from_json(src: &str) -> Option<Messages> {
                let mut r = Reader { table: json::parse(src).ok()?, ok: true };
                // English, each message then read over it.
                let mut m = EN;
                $(r.text(stringify!($t), &mut m.$t);)*
                $(r.forms(stringify!($f), &mut m.$f);)*
                r.date(&mut m.date);
                r.months(&mut m.months);
                r.ok.then_some(m)
            }
        }
    };
}

table_fields! {
    texts: episode spoken footer footer_of ai_label ai_note topics takeaways covers questions notable listen
        share_prompt share share_takeaway share_menu mastodon_server mastodon_go mastodon_hint copy_prompt
        copy_field link_copied takeaways_copied with_guests copy_link copy_takeaways copy_takeaways_name email
        email_name share_image image_saved share_on show_fewer error_title retry loading unit_sep;
    forms: min_read spoken_episode spoken_read footer_read footer_episode summary_of episodes show_all show_more
        more_problems minutes hours;
}

/// A string kept for the rest of the instance (see `LOADED`).
fn leak(s: &str) -> &'static str {
    Box::leak(Box::from(s))
}

/// Reads a parsed table into a `Messages`, one message a call (not inlined,
/// so the reader stays small). A message that is missing or malformed
/// clears `ok`.
struct Reader {
    table: Spanned,
    ok: bool,
}

impl Reader {
    /// The string `key`.
    #[inline(never)]
    fn text(&mut self, key: &str, slot: &mut &'static str) {
        match self.table.get(key).and_then(string) {
            Some(s) => *slot = s,
            None => self.ok = false,
        }
    }

    /// The plural message `key`: `{"one": "...", "other": "..."}`, known
    /// categories only, with an `other`.
    #[inline(never)]
    fn forms(&mut self, key: &str, slot: &mut &'static Forms) {
        let mut forms = Vec::new();
        let mut other = false;
        if let Some(Value::Object(members)) = self.table.get(key).map(|v| &v.value) {
            for (name, form) in members {
                match (PLURAL_NAMES.iter().find(|(n, _)| *n == name.as_str()), string(form)) {
                    (Some(&(_, p)), Some(s)) => {
                        other |= p == Other;
                        forms.push((p, s));
                    }
                    _ => self.ok = false,
                }
            }
        }
        self.ok &= other;
        *slot = Box::leak(forms.into_boxed_slice());
    }

    /// The date pattern, `"{d} {MMM} {y}"`: tokens in braces, literal text
    /// between them.
    fn date(&mut self, slot: &mut &'static [DatePart]) {
        let mut parts = Vec::new();
        let pattern = self.table.get("date").and_then(string);
        self.ok &= pattern.is_some();
        let mut rest = pattern.unwrap_or_default();
        while !rest.is_empty() {
            // Text up to a `{`, then the token up to its `}`.
            let open = find(rest, "{").unwrap_or(rest.len());
            if open > 0 {
                parts.push(Lit(rest.get(..open).unwrap_or_default()));
            }
            let Some(after) = rest.get(open + 1..) else { break };
            let close = find(after, "}");
            let token = close.and_then(|c| after.get(..c)).and_then(|t| DATE_TOKENS.iter().find(|(n, _)| *n == t));
            let Some(&(_, part)) = token else {
                self.ok = false;
                break;
            };
            parts.push(part);
            rest = after.get(close.unwrap_or_default() + 1..).unwrap_or_default();
        }
        self.ok &= !parts.is_empty();
        *slot = Box::leak(parts.into_boxed_slice());
    }

    /// The month names: none, or twelve.
    fn months(&mut self, slot: &mut &'static [&'static str]) {
        let mut names = Vec::new();
        if let Some(Value::Array(items)) = self.table.get("months").map(|v| &v.value) {
            for item in items {
                match string(item) {
                    Some(s) => names.push(s),
                    None => self.ok = false,
                }
            }
        }
        self.ok &= matches!(names.len(), 0 | 12) && self.table.get("months").is_some();
        *slot = Box::leak(names.into_boxed_slice());
    }
}

/// A JSON string, leaked.
fn string(v: &Spanned) -> Option<&'static str> {
    match &v.value {
        Value::String(s) => Some(leak(s)),
        _ => None,
    }
}

#[cfg(not(browser))]
impl Messages {
    /// The medium date pattern as a table writes it, `"{d} {MMM} {y}"`:
    /// tokens in braces, literal text between them.
    pub fn date_pattern(&self) -> String {
        let mut pattern = String::new();
        for part in self.date {
            match part {
                Lit(text) => pattern.push_str(text),
                p => {
                    let token = DATE_TOKENS.iter().find(|(_, q)| q == p).map_or("", |&(t, _)| t);
                    pattern.push_str(&concat(&["{", token, "}"]));
                }
            }
        }
        pattern
    }

    /// The short month names, January first (none for numeric dates).
    pub fn month_names(&self) -> &'static [&'static str] {
        self.months
    }
}

#[cfg(not(browser))]
impl Plural {
    /// The category's CLDR name, as tables write it: `"one"`, `"other"`.
    pub fn name(self) -> &'static str {
        PLURAL_NAMES.iter().find(|(_, p)| *p == self).map_or("other", |&(n, _)| n)
    }
}

static EN: Messages = Messages {
    episode: "{} episode",
    min_read: &[(Other, "{} min read")],
    spoken: "{episode}, {read}",
    spoken_episode: &[(Other, "{}-minute episode")],
    spoken_read: &[(Other, "{}-minute read")],
    footer: "You just read {read}.",
    footer_of: "You just read {read} of {episode}.",
    footer_read: &[(Other, "a {}-minute summary")],
    footer_episode: &[(Other, "a {}-minute episode")],
    summary_of: &[(Other, "a {}-minute summary")],
    ai_label: "AI-generated summary",
    ai_note: "Written by AI from the episode; it may contain mistakes.",
    topics: "Topics",
    takeaways: "Key takeaways",
    covers: "What it covers",
    questions: "Key questions answered",
    notable: "Notable moment",
    listen: "Listen",
    share_prompt: "Know someone who'd find this useful?",
    share: "Share",
    share_takeaway: "Share takeaway {}",
    share_menu: "Share options",
    mastodon_server: "Your Mastodon server",
    mastodon_go: "Share on Mastodon",
    mastodon_hint: "Enter a server name, such as mastodon.social",
    copy_prompt: "Copy the link: ",
    copy_field: "Link to copy",
    link_copied: "Link copied",
    takeaways_copied: "Takeaways copied",
    with_guests: "with {}",
    copy_link: "Copy link",
    copy_takeaways: "Copy takeaways",
    copy_takeaways_name: "Copy takeaways as text",
    email: "Email",
    email_name: "Share by email",
    share_image: "Share as image",
    image_saved: "Image saved",
    share_on: "Share on {}",
    episodes: &[(One, "{} episode"), (Other, "{} episodes")],
    show_all: &[(One, "Show {} takeaway"), (Other, "Show all {} takeaways")],
    show_fewer: "Show fewer takeaways",
    show_more: &[(One, "Show {} more episode"), (Other, "Show {} more episodes")],
    error_title: "This summary can't be shown.",
    more_problems: &[
        (One, "…and {} more problem (the browser console lists them all)."),
        (Other, "…and {} more problems (the browser console lists them all)."),
    ],
    retry: "Retry",
    loading: "Loading summary…",
    minutes: &[(Other, "{} min")],
    hours: &[(Other, "{} h")],
    unit_sep: " ",
    date: &[MonthName, Lit(" "), Day, Lit(", "), Year],
    months: &["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};

static ES: Messages = Messages {
    episode: "Episodio de {}",
    min_read: &[(Other, "{} min de lectura")],
    spoken: "{episode}, {read}",
    spoken_episode: &[(One, "episodio de {} minuto"), (Other, "episodio de {} minutos")],
    spoken_read: &[(One, "lectura de {} minuto"), (Other, "lectura de {} minutos")],
    footer: "Acabas de leer {read}.",
    footer_of: "Acabas de leer {read} {episode}.",
    footer_read: &[(One, "un resumen de {} minuto"), (Other, "un resumen de {} minutos")],
    footer_episode: &[(One, "de un episodio de {} minuto"), (Other, "de un episodio de {} minutos")],
    summary_of: &[(One, "un resumen de {} minuto"), (Other, "un resumen de {} minutos")],
    ai_label: "Resumen generado por IA",
    ai_note: "Escrito por IA a partir del episodio; puede contener errores.",
    topics: "Temas",
    takeaways: "Ideas clave",
    covers: "De qué trata",
    questions: "Preguntas clave respondidas",
    notable: "Momento destacado",
    listen: "Escuchar",
    share_prompt: "¿Conoces a alguien a quien le pueda ser útil?",
    share: "Compartir",
    share_takeaway: "Compartir la idea {}",
    share_menu: "Opciones para compartir",
    mastodon_server: "Tu servidor de Mastodon",
    mastodon_go: "Compartir en Mastodon",
    mastodon_hint: "Escribe el nombre de un servidor, como mastodon.social",
    copy_prompt: "Copia el enlace: ",
    copy_field: "Enlace para copiar",
    link_copied: "Enlace copiado",
    takeaways_copied: "Ideas copiadas",
    with_guests: "con {}",
    copy_link: "Copiar enlace",
    copy_takeaways: "Copiar ideas",
    copy_takeaways_name: "Copiar las ideas como texto",
    email: "Correo",
    email_name: "Compartir por correo",
    share_image: "Compartir como imagen",
    image_saved: "Imagen guardada",
    share_on: "Compartir en {}",
    episodes: &[(One, "{} episodio"), (Other, "{} episodios")],
    show_all: &[(One, "Mostrar {} idea"), (Other, "Mostrar las {} ideas")],
    show_fewer: "Mostrar menos ideas",
    show_more: &[(One, "Mostrar {} episodio más"), (Other, "Mostrar {} episodios más")],
    error_title: "No se puede mostrar este resumen.",
    more_problems: &[
        (One, "…y {} problema más (la consola del navegador los muestra todos)."),
        (Other, "…y {} problemas más (la consola del navegador los muestra todos)."),
    ],
    retry: "Reintentar",
    loading: "Cargando resumen…",
    minutes: &[(Other, "{} min")],
    hours: &[(Other, "{} h")],
    unit_sep: " ",
    date: &[Day, Lit(" "), MonthName, Lit(" "), Year],
    months: &["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
};

static DE: Messages = Messages {
    episode: "Folge: {}",
    min_read: &[(Other, "Lesezeit: {} Min.")],
    spoken: "{episode}, {read}",
    spoken_episode: &[(Other, "{}-minütige Folge")],
    spoken_read: &[(One, "{} Minute Lesezeit"), (Other, "{} Minuten Lesezeit")],
    footer: "Sie haben gerade {read} gelesen.",
    footer_of: "Sie haben gerade {read} {episode} gelesen.",
    footer_read: &[(Other, "eine {}-minütige Zusammenfassung")],
    footer_episode: &[(Other, "einer {}-minütigen Folge")],
    summary_of: &[(Other, "eine {}-minütige Zusammenfassung")],
    ai_label: "KI-generierte Zusammenfassung",
    ai_note: "Von KI aus der Folge erstellt; kann Fehler enthalten.",
    topics: "Themen",
    takeaways: "Kernaussagen",
    covers: "Worum es geht",
    questions: "Beantwortete Kernfragen",
    notable: "Bemerkenswerter Moment",
    listen: "Anhören",
    share_prompt: "Kennen Sie jemanden, für den das nützlich wäre?",
    share: "Teilen",
    share_takeaway: "Kernaussage {} teilen",
    share_menu: "Optionen zum Teilen",
    mastodon_server: "Ihr Mastodon-Server",
    mastodon_go: "Auf Mastodon teilen",
    mastodon_hint: "Geben Sie einen Servernamen ein, z. B. mastodon.social",
    copy_prompt: "Link kopieren: ",
    copy_field: "Link zum Kopieren",
    link_copied: "Link kopiert",
    takeaways_copied: "Kernaussagen kopiert",
    with_guests: "mit {}",
    copy_link: "Link kopieren",
    copy_takeaways: "Kernaussagen kopieren",
    copy_takeaways_name: "Kernaussagen als Text kopieren",
    email: "E-Mail",
    email_name: "Per E-Mail teilen",
    share_image: "Als Bild teilen",
    image_saved: "Bild gespeichert",
    share_on: "Auf {} teilen",
    episodes: &[(One, "{} Folge"), (Other, "{} Folgen")],
    show_all: &[(One, "{} Kernaussage anzeigen"), (Other, "Alle {} Kernaussagen anzeigen")],
    show_fewer: "Weniger Kernaussagen anzeigen",
    show_more: &[(One, "{} weitere Folge anzeigen"), (Other, "{} weitere Folgen anzeigen")],
    error_title: "Diese Zusammenfassung kann nicht angezeigt werden.",
    more_problems: &[
        (One, "…und {} weiteres Problem (die Browserkonsole listet alle auf)."),
        (Other, "…und {} weitere Probleme (die Browserkonsole listet alle auf)."),
    ],
    retry: "Erneut versuchen",
    loading: "Zusammenfassung wird geladen…",
    minutes: &[(Other, "{} Min.")],
    hours: &[(Other, "{} Std.")],
    unit_sep: ", ",
    date: &[Day2, Lit("."), Month2, Lit("."), Year],
    months: &[],
};

static FR: Messages = Messages {
    episode: "Épisode de {}",
    min_read: &[(Other, "{}\u{a0}min de lecture")],
    spoken: "{episode}, {read}",
    spoken_episode: &[(One, "épisode de {}\u{a0}minute"), (Other, "épisode de {}\u{a0}minutes")],
    spoken_read: &[(One, "lecture de {}\u{a0}minute"), (Other, "lecture de {}\u{a0}minutes")],
    footer: "Vous venez de lire {read}.",
    footer_of: "Vous venez de lire {read} {episode}.",
    footer_read: &[(One, "un résumé de {}\u{a0}minute"), (Other, "un résumé de {}\u{a0}minutes")],
    footer_episode: &[(One, "d’un épisode de {}\u{a0}minute"), (Other, "d’un épisode de {}\u{a0}minutes")],
    summary_of: &[(One, "un résumé de {}\u{a0}minute"), (Other, "un résumé de {}\u{a0}minutes")],
    ai_label: "Résumé généré par IA",
    ai_note: "Rédigé par une IA à partir de l’épisode\u{202f}; il peut contenir des erreurs.",
    topics: "Sujets",
    takeaways: "Points clés",
    covers: "Au programme",
    questions: "Questions clés abordées",
    notable: "Moment marquant",
    listen: "Écouter",
    share_prompt: "Vous connaissez quelqu’un à qui cela serait utile\u{202f}?",
    share: "Partager",
    share_takeaway: "Partager le point clé {}",
    share_menu: "Options de partage",
    mastodon_server: "Votre serveur Mastodon",
    mastodon_go: "Partager sur Mastodon",
    mastodon_hint: "Saisissez un nom de serveur, par exemple mastodon.social",
    copy_prompt: "Copiez le lien\u{a0}: ",
    copy_field: "Lien à copier",
    link_copied: "Lien copié",
    takeaways_copied: "Points clés copiés",
    with_guests: "avec {}",
    copy_link: "Copier le lien",
    copy_takeaways: "Copier les points clés",
    copy_takeaways_name: "Copier les points clés en texte",
    email: "E-mail",
    email_name: "Partager par e-mail",
    share_image: "Partager en image",
    image_saved: "Image enregistrée",
    share_on: "Partager sur {}",
    episodes: &[(One, "{} épisode"), (Other, "{} épisodes")],
    show_all: &[(One, "Afficher {} point clé"), (Other, "Afficher les {} points clés")],
    show_fewer: "Afficher moins de points clés",
    show_more: &[(One, "Afficher {} épisode de plus"), (Other, "Afficher {} épisodes de plus")],
    error_title: "Impossible d’afficher ce résumé.",
    more_problems: &[
        (One, "…et {} autre problème (la console du navigateur les liste tous)."),
        (Other, "…et {} autres problèmes (la console du navigateur les liste tous)."),
    ],
    retry: "Réessayer",
    loading: "Chargement du résumé…",
    minutes: &[(Other, "{}\u{a0}min")],
    hours: &[(Other, "{}\u{202f}h")],
    unit_sep: " ",
    date: &[Day, Lit(" "), MonthName, Lit(" "), Year],
    months: &["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
};

static PT: Messages = Messages {
    episode: "Episódio de {}",
    min_read: &[(Other, "{} min de leitura")],
    spoken: "{episode}, {read}",
    spoken_episode: &[(One, "episódio de {} minuto"), (Other, "episódio de {} minutos")],
    spoken_read: &[(One, "leitura de {} minuto"), (Other, "leitura de {} minutos")],
    footer: "Você acabou de ler {read}.",
    footer_of: "Você acabou de ler {read} {episode}.",
    footer_read: &[(One, "um resumo de {} minuto"), (Other, "um resumo de {} minutos")],
    footer_episode: &[(One, "de um episódio de {} minuto"), (Other, "de um episódio de {} minutos")],
    summary_of: &[(One, "um resumo de {} minuto"), (Other, "um resumo de {} minutos")],
    ai_label: "Resumo gerado por IA",
    ai_note: "Escrito por IA a partir do episódio; pode conter erros.",
    topics: "Temas",
    takeaways: "Pontos principais",
    covers: "O que aborda",
    questions: "Principais perguntas respondidas",
    notable: "Momento marcante",
    listen: "Ouvir",
    share_prompt: "Conhece alguém que acharia isto útil?",
    share: "Compartilhar",
    share_takeaway: "Compartilhar o ponto {}",
    share_menu: "Opções de compartilhamento",
    mastodon_server: "Seu servidor do Mastodon",
    mastodon_go: "Compartilhar no Mastodon",
    mastodon_hint: "Digite o nome de um servidor, como mastodon.social",
    copy_prompt: "Copie o link: ",
    copy_field: "Link para copiar",
    link_copied: "Link copiado",
    takeaways_copied: "Pontos principais copiados",
    with_guests: "com {}",
    copy_link: "Copiar link",
    copy_takeaways: "Copiar pontos principais",
    copy_takeaways_name: "Copiar os pontos principais como texto",
    email: "E-mail",
    email_name: "Compartilhar por e-mail",
    share_image: "Compartilhar como imagem",
    image_saved: "Imagem salva",
    share_on: "Compartilhar no {}",
    episodes: &[(One, "{} episódio"), (Other, "{} episódios")],
    show_all: &[(One, "Mostrar {} ponto principal"), (Other, "Mostrar os {} pontos principais")],
    show_fewer: "Mostrar menos pontos",
    show_more: &[(One, "Mostrar mais {} episódio"), (Other, "Mostrar mais {} episódios")],
    error_title: "Não é possível exibir este resumo.",
    more_problems: &[
        (One, "…e mais {} problema (o console do navegador lista todos)."),
        (Other, "…e mais {} problemas (o console do navegador lista todos)."),
    ],
    retry: "Tentar de novo",
    loading: "Carregando resumo…",
    minutes: &[(Other, "{} min")],
    hours: &[(Other, "{} h")],
    unit_sep: " ",
    date: &[Day, Lit(" de "), MonthName, Lit(" de "), Year],
    months: &["jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.", "nov.", "dez."],
};

static JA: Messages = Messages {
    episode: "エピソード {}",
    min_read: &[(Other, "読了目安 {} 分")],
    spoken: "{episode}、{read}",
    spoken_episode: &[(Other, "{}分のエピソード")],
    spoken_read: &[(Other, "{}分で読めます")],
    footer: "{read}を読みました。",
    footer_of: "{episode}の、{read}を読みました。",
    footer_read: &[(Other, "{}分で読める要約")],
    footer_episode: &[(Other, "{}分のエピソード")],
    summary_of: &[(Other, "{}分で読める要約")],
    ai_label: "AI が生成した要約",
    ai_note: "エピソードをもとに AI が作成しました。誤りを含む場合があります。",
    topics: "トピック",
    takeaways: "重要なポイント",
    covers: "内容",
    questions: "主な疑問とその答え",
    notable: "注目の場面",
    listen: "聴く",
    share_prompt: "役に立ちそうな知り合いはいませんか？",
    share: "共有",
    share_takeaway: "ポイント{}を共有",
    share_menu: "共有オプション",
    mastodon_server: "Mastodon サーバー",
    mastodon_go: "Mastodon で共有",
    mastodon_hint: "サーバー名を入力してください（例：mastodon.social）",
    copy_prompt: "リンクをコピーしてください：",
    copy_field: "コピーするリンク",
    link_copied: "リンクをコピーしました",
    takeaways_copied: "ポイントをコピーしました",
    with_guests: "ゲスト：{}",
    copy_link: "リンクをコピー",
    copy_takeaways: "ポイントをコピー",
    copy_takeaways_name: "ポイントをテキストとしてコピー",
    email: "メール",
    email_name: "メールで共有",
    share_image: "画像で共有",
    image_saved: "画像を保存しました",
    share_on: "{} で共有",
    episodes: &[(Other, "{}件のエピソード")],
    show_all: &[(Other, "{}件のポイントをすべて表示")],
    show_fewer: "ポイントを折りたたむ",
    show_more: &[(Other, "さらに{}件のエピソードを表示")],
    error_title: "この要約を表示できません。",
    more_problems: &[(Other, "…ほかに{}件の問題があります（すべてブラウザのコンソールに表示されます）。")],
    retry: "再試行",
    loading: "要約を読み込んでいます…",
    minutes: &[(Other, "{} 分")],
    hours: &[(Other, "{} 時間")],
    unit_sep: " ",
    date: &[Year, Lit("/"), Month2, Lit("/"), Day2],
    months: &[],
};

static ZH: Messages = Messages {
    episode: "节目时长{}",
    min_read: &[(Other, "阅读约需{}分钟")],
    spoken: "{episode}，{read}",
    spoken_episode: &[(Other, "节目时长{}分钟")],
    spoken_read: &[(Other, "阅读约需{}分钟")],
    footer: "你刚刚读完了{read}。",
    footer_of: "你刚刚读完了{read}，原节目时长{episode}。",
    footer_read: &[(Other, "一篇{}分钟的摘要")],
    footer_episode: &[(Other, "{}分钟")],
    summary_of: &[(Other, "{}分钟读完的摘要")],
    ai_label: "AI 生成的摘要",
    ai_note: "由 AI 根据节目内容生成，可能有误。",
    topics: "话题",
    takeaways: "要点",
    covers: "内容概览",
    questions: "解答的关键问题",
    notable: "精彩瞬间",
    listen: "收听",
    share_prompt: "认识会觉得这有用的人吗？",
    share: "分享",
    share_takeaway: "分享要点{}",
    share_menu: "分享选项",
    mastodon_server: "你的 Mastodon 服务器",
    mastodon_go: "分享到 Mastodon",
    mastodon_hint: "请输入服务器名称，例如 mastodon.social",
    copy_prompt: "复制链接：",
    copy_field: "要复制的链接",
    link_copied: "链接已复制",
    takeaways_copied: "要点已复制",
    with_guests: "嘉宾：{}",
    copy_link: "复制链接",
    copy_takeaways: "复制要点",
    copy_takeaways_name: "以文本形式复制要点",
    email: "电子邮件",
    email_name: "通过电子邮件分享",
    share_image: "以图片分享",
    image_saved: "图片已保存",
    share_on: "分享到 {}",
    episodes: &[(Other, "{}期节目")],
    show_all: &[(Other, "显示全部{}条要点")],
    show_fewer: "收起要点",
    show_more: &[(Other, "再显示{}期节目")],
    error_title: "无法显示此摘要。",
    more_problems: &[(Other, "……另有{}个问题（浏览器控制台中列出了全部问题）。")],
    retry: "重试",
    loading: "正在加载摘要…",
    minutes: &[(Other, "{}分钟")],
    hours: &[(Other, "{}小时")],
    unit_sep: "",
    date: &[Year, Lit("年"), Month, Lit("月"), Day, Lit("日")],
    months: &[],
};

/// Arabic "a read of n minutes": 1 and 2 are spelled in the noun, 3–10 take
/// the plural دقائق, the rest the singular دقيقة.
const AR_READ: &Forms = &[
    (One, "قراءة في دقيقة واحدة"),
    (Two, "قراءة في دقيقتين"),
    (Few, "قراءة في {} دقائق"),
    (Other, "قراءة في {} دقيقة"),
];

static AR: Messages = Messages {
    episode: "حلقة مدتها {}",
    min_read: AR_READ,
    spoken: "{episode}، {read}",
    spoken_episode: &[
        (One, "حلقة مدتها دقيقة واحدة"),
        (Two, "حلقة مدتها دقيقتان"),
        (Few, "حلقة مدتها {} دقائق"),
        (Other, "حلقة مدتها {} دقيقة"),
    ],
    spoken_read: AR_READ,
    footer: "لقد قرأت للتو {read}.",
    footer_of: "لقد قرأت للتو {read} {episode}.",
    footer_read: &[
        (One, "ملخصًا يُقرأ في دقيقة واحدة"),
        (Two, "ملخصًا يُقرأ في دقيقتين"),
        (Few, "ملخصًا يُقرأ في {} دقائق"),
        (Other, "ملخصًا يُقرأ في {} دقيقة"),
    ],
    footer_episode: &[
        (One, "لحلقة مدتها دقيقة واحدة"),
        (Two, "لحلقة مدتها دقيقتان"),
        (Few, "لحلقة مدتها {} دقائق"),
        (Other, "لحلقة مدتها {} دقيقة"),
    ],
    summary_of: &[
        (One, "ملخص يُقرأ في دقيقة واحدة"),
        (Two, "ملخص يُقرأ في دقيقتين"),
        (Few, "ملخص يُقرأ في {} دقائق"),
        (Other, "ملخص يُقرأ في {} دقيقة"),
    ],
    ai_label: "ملخص من إنشاء الذكاء الاصطناعي",
    ai_note: "كتبه الذكاء الاصطناعي استنادًا إلى الحلقة، وقد يحتوي على أخطاء.",
    topics: "المواضيع",
    takeaways: "أبرز النقاط",
    covers: "ما تتناوله الحلقة",
    questions: "أسئلة رئيسية وإجاباتها",
    notable: "لحظة لافتة",
    listen: "استمع",
    share_prompt: "هل تعرف شخصًا قد يجد هذا مفيدًا؟",
    share: "مشاركة",
    share_takeaway: "مشاركة النقطة {}",
    share_menu: "خيارات المشاركة",
    mastodon_server: "خادم Mastodon الخاص بك",
    mastodon_go: "المشاركة على Mastodon",
    mastodon_hint: "أدخل اسم خادم، مثل mastodon.social",
    copy_prompt: "انسخ الرابط: ",
    copy_field: "الرابط المراد نسخه",
    link_copied: "تم نسخ الرابط",
    takeaways_copied: "تم نسخ النقاط",
    with_guests: "مع {}",
    copy_link: "نسخ الرابط",
    copy_takeaways: "نسخ النقاط",
    copy_takeaways_name: "نسخ النقاط كنص",
    email: "البريد الإلكتروني",
    email_name: "المشاركة عبر البريد الإلكتروني",
    share_image: "المشاركة كصورة",
    image_saved: "تم حفظ الصورة",
    share_on: "المشاركة على {}",
    episodes: &[(One, "حلقة واحدة"), (Two, "حلقتان"), (Few, "{} حلقات"), (Other, "{} حلقة")],
    show_all: &[(Other, "عرض كل النقاط ({})")],
    show_fewer: "عرض نقاط أقل",
    show_more: &[
        (One, "عرض حلقة أخرى"),
        (Two, "عرض حلقتين أخريين"),
        (Few, "عرض {} حلقات أخرى"),
        (Other, "عرض {} حلقة أخرى"),
    ],
    error_title: "لا يمكن عرض هذا الملخص.",
    more_problems: &[
        (One, "…ومشكلة أخرى (تسرد وحدة تحكم المتصفح جميع المشكلات)."),
        (Two, "…ومشكلتان أخريان (تسرد وحدة تحكم المتصفح جميع المشكلات)."),
        (Few, "…و{} مشكلات أخرى (تسرد وحدة تحكم المتصفح جميع المشكلات)."),
        (Other, "…و{} مشكلة أخرى (تسرد وحدة تحكم المتصفح جميع المشكلات)."),
    ],
    retry: "إعادة المحاولة",
    loading: "جارٍ تحميل الملخص…",
    minutes: &[(Other, "{} د")],
    hours: &[(Other, "{} س")],
    unit_sep: " و",
    date: &[Day2, Lit("\u{200f}/"), Month2, Lit("\u{200f}/"), Year],
    months: &[],
};

static HI: Messages = Messages {
    episode: "{} का एपिसोड",
    min_read: &[(Other, "{} मिनट में पढ़ें")],
    spoken: "{episode}, {read}",
    spoken_episode: &[(Other, "{} मिनट का एपिसोड")],
    spoken_read: &[(Other, "पढ़ने में {} मिनट")],
    footer: "आपने अभी {read} पढ़ा।",
    footer_of: "आपने अभी {episode} का {read} पढ़ा।",
    footer_read: &[(Other, "{} मिनट का सारांश")],
    footer_episode: &[(Other, "{} मिनट के एपिसोड")],
    summary_of: &[(Other, "{} मिनट का सारांश")],
    ai_label: "AI द्वारा बनाया गया सारांश",
    ai_note: "एपिसोड के आधार पर AI द्वारा लिखा गया; इसमें गलतियाँ हो सकती हैं।",
    topics: "विषय",
    takeaways: "मुख्य बातें",
    covers: "इसमें क्या है",
    questions: "मुख्य सवालों के जवाब",
    notable: "यादगार पल",
    listen: "सुनें",
    share_prompt: "क्या आप किसी ऐसे व्यक्ति को जानते हैं जिसके लिए यह उपयोगी हो?",
    share: "शेयर करें",
    share_takeaway: "मुख्य बात {} शेयर करें",
    share_menu: "शेयर करने के विकल्प",
    mastodon_server: "आपका Mastodon सर्वर",
    mastodon_go: "Mastodon पर शेयर करें",
    mastodon_hint: "सर्वर का नाम डालें, जैसे mastodon.social",
    copy_prompt: "लिंक कॉपी करें: ",
    copy_field: "कॉपी करने के लिए लिंक",
    link_copied: "लिंक कॉपी हो गया",
    takeaways_copied: "मुख्य बातें कॉपी हो गईं",
    with_guests: "{} के साथ",
    copy_link: "लिंक कॉपी करें",
    copy_takeaways: "मुख्य बातें कॉपी करें",
    copy_takeaways_name: "मुख्य बातें टेक्स्ट के रूप में कॉपी करें",
    email: "ईमेल",
    email_name: "ईमेल से शेयर करें",
    share_image: "छवि के रूप में शेयर करें",
    image_saved: "छवि सहेजी गई",
    share_on: "{} पर शेयर करें",
    episodes: &[(Other, "{} एपिसोड")],
    show_all: &[(One, "{} मुख्य बात दिखाएँ"), (Other, "सभी {} मुख्य बातें दिखाएँ")],
    show_fewer: "कम मुख्य बातें दिखाएँ",
    show_more: &[(Other, "{} और एपिसोड दिखाएँ")],
    error_title: "यह सारांश नहीं दिखाया जा सकता।",
    more_problems: &[
        (One, "…और {} अन्य समस्या (ब्राउज़र कंसोल में सभी समस्याएँ दिखती हैं)।"),
        (Other, "…और {} अन्य समस्याएँ (ब्राउज़र कंसोल में सभी समस्याएँ दिखती हैं)।"),
    ],
    retry: "फिर से कोशिश करें",
    loading: "सारांश लोड हो रहा है…",
    minutes: &[(Other, "{} मि॰")],
    hours: &[(Other, "{} घं॰")],
    unit_sep: " ",
    date: &[Day, Lit(" "), MonthName, Lit(" "), Year],
    months: &["जन॰", "फ़र॰", "मार्च", "अप्रैल", "मई", "जून", "जुल॰", "अग॰", "सित॰", "अक्टू॰", "नव॰", "दिस॰"],
};

static HE: Messages = Messages {
    episode: "פרק באורך {}",
    min_read: &[(One, "דקת קריאה"), (Other, "{} דקות קריאה")],
    spoken: "{episode}, {read}",
    spoken_episode: &[(One, "פרק באורך דקה"), (Other, "פרק באורך {} דקות")],
    spoken_read: &[(One, "דקת קריאה"), (Other, "{} דקות קריאה")],
    footer: "קראת עכשיו {read}.",
    footer_of: "קראת עכשיו {read} {episode}.",
    footer_read: &[(One, "סיכום של דקת קריאה"), (Other, "סיכום של {} דקות קריאה")],
    footer_episode: &[(One, "לפרק באורך דקה"), (Other, "לפרק באורך {} דקות")],
    summary_of: &[(One, "סיכום של דקת קריאה"), (Other, "סיכום של {} דקות קריאה")],
    ai_label: "סיכום שנוצר בבינה מלאכותית",
    ai_note: "נכתב בידי בינה מלאכותית על סמך הפרק; ייתכנו בו טעויות.",
    topics: "נושאים",
    takeaways: "תובנות עיקריות",
    covers: "על מה הפרק",
    questions: "שאלות מרכזיות שנענו",
    notable: "רגע בולט",
    listen: "האזנה",
    share_prompt: "מכירים מישהו שזה יכול לעזור לו?",
    share: "שיתוף",
    share_takeaway: "שיתוף תובנה {}",
    share_menu: "אפשרויות שיתוף",
    mastodon_server: "שרת ה-Mastodon שלך",
    mastodon_go: "שיתוף ב-Mastodon",
    mastodon_hint: "יש להזין שם שרת, למשל mastodon.social",
    copy_prompt: "העתיקו את הקישור: ",
    copy_field: "קישור להעתקה",
    link_copied: "הקישור הועתק",
    takeaways_copied: "התובנות הועתקו",
    with_guests: "עם {}",
    copy_link: "העתקת קישור",
    copy_takeaways: "העתקת התובנות",
    copy_takeaways_name: "העתקת התובנות כטקסט",
    email: "אימייל",
    email_name: "שיתוף באימייל",
    share_image: "שיתוף כתמונה",
    image_saved: "התמונה נשמרה",
    share_on: "שיתוף ב-{}",
    episodes: &[(One, "פרק אחד"), (Other, "{} פרקים")],
    show_all: &[(One, "הצגת התובנה"), (Other, "הצגת כל {} התובנות")],
    show_fewer: "הצגת פחות תובנות",
    show_more: &[(One, "הצגת פרק נוסף"), (Other, "הצגת {} פרקים נוספים")],
    error_title: "לא ניתן להציג את הסיכום הזה.",
    more_problems: &[
        (One, "…ועוד בעיה אחת (כולן מופיעות במסוף הדפדפן)."),
        (Other, "…ועוד {} בעיות (כולן מופיעות במסוף הדפדפן)."),
    ],
    retry: "ניסיון חוזר",
    loading: "הסיכום נטען…",
    minutes: &[(Other, "{} דק׳")],
    hours: &[(One, "{} שעה"), (Two, "שעתיים"), (Other, "{} שע׳")],
    unit_sep: " ",
    date: &[Day, Lit(" "), MonthName, Lit(" "), Year],
    months: &["בינו׳", "בפבר׳", "במרץ", "באפר׳", "במאי", "ביוני", "ביולי", "באוג׳", "בספט׳", "באוק׳", "בנוב׳", "בדצמ׳"],
};

#[cfg(test)]
mod tests {
    use super::*;
    // The tables as the CLI writes them, for the reader to read.
    use crate::cli::locales::table_json;

    fn loc(tag: &str) -> Locale {
        let l = Locale::from_tag(tag);
        assert_eq!(l.tag(), tag);
        l
    }

    /// Every plain message with the placeholders it must hold.
    fn texts(m: &'static Messages) -> Vec<(&'static str, &'static str, &'static [&'static str])> {
        const NONE: &[&str] = &[];
        const ONE: &[&str] = &["{}"];
        vec![
            ("episode", m.episode, ONE),
            ("spoken", m.spoken, &["{episode}", "{read}"]),
            ("footer", m.footer, &["{read}"]),
            ("footer_of", m.footer_of, &["{episode}", "{read}"]),
            ("ai_label", m.ai_label, NONE),
            ("ai_note", m.ai_note, NONE),
            ("topics", m.topics, NONE),
            ("takeaways", m.takeaways, NONE),
            ("covers", m.covers, NONE),
            ("questions", m.questions, NONE),
            ("notable", m.notable, NONE),
            ("listen", m.listen, NONE),
            ("share_prompt", m.share_prompt, NONE),
            ("share", m.share, NONE),
            ("share_takeaway", m.share_takeaway, ONE),
            ("share_menu", m.share_menu, NONE),
            ("mastodon_server", m.mastodon_server, NONE),
            ("mastodon_go", m.mastodon_go, NONE),
            ("mastodon_hint", m.mastodon_hint, NONE),
            ("copy_prompt", m.copy_prompt, NONE),
            ("copy_field", m.copy_field, NONE),
            ("link_copied", m.link_copied, NONE),
            ("takeaways_copied", m.takeaways_copied, NONE),
            ("with_guests", m.with_guests, ONE),
            ("copy_link", m.copy_link, NONE),
            ("copy_takeaways", m.copy_takeaways, NONE),
            ("copy_takeaways_name", m.copy_takeaways_name, NONE),
            ("email", m.email, NONE),
            ("email_name", m.email_name, NONE),
            ("share_on", m.share_on, ONE),
            ("show_fewer", m.show_fewer, NONE),
            ("error_title", m.error_title, NONE),
            ("retry", m.retry, NONE),
            ("loading", m.loading, NONE),
            ("unit_sep", m.unit_sep, NONE),
        ]
    }

    /// Every plural message; each form holds one `{}` (or none, where the
    /// language spells the number out).
    fn forms(m: &'static Messages) -> Vec<(&'static str, &'static Forms)> {
        vec![
            ("min_read", m.min_read),
            ("spoken_episode", m.spoken_episode),
            ("spoken_read", m.spoken_read),
            ("footer_read", m.footer_read),
            ("footer_episode", m.footer_episode),
            ("summary_of", m.summary_of),
            ("episodes", m.episodes),
            ("show_all", m.show_all),
            ("show_more", m.show_more),
            ("more_problems", m.more_problems),
            ("minutes", m.minutes),
            ("hours", m.hours),
        ]
    }

    fn occurrences(s: &str, key: &str) -> usize {
        s.matches(key).count()
    }

    #[test]
    fn english_says_an_before_eight_eleven_and_eighteen() {
        let en = Locale::En;
        assert_eq!(en.footer(8, Some(11)), "You just read an 8-minute summary of an 11-minute episode.");
        assert_eq!(en.footer(18, Some(80)), "You just read an 18-minute summary of an 80-minute episode.");
        assert_eq!(en.footer(1, Some(110)), "You just read a 1-minute summary of a 110-minute episode.");
        assert_eq!(en.summary_of(800), "an 800-minute summary");
        assert_eq!(en.summary_of(11_000), "an 11,000-minute summary");
        assert_eq!(en.summary_of(1_100), "a 1,100-minute summary");
        assert_eq!(Locale::Es.summary_of(8), "un resumen de 8 minutos");
    }

    /// English's messages put together: what the card, the share text and
    /// the error view say.
    #[test]
    fn english_sentences_are_put_together() {
        let en = Locale::En;
        let m = en.messages();
        assert_eq!(
            concat(&[&fill(m.episode, &en.duration(5760)), " · ", &en.count(m.min_read, 3)]),
            "96 min episode · 3 min read"
        );
        assert_eq!(en.count(m.min_read, 1), "1 min read");
        assert_eq!(en.footer(3, Some(96)), "You just read a 3-minute summary of a 96-minute episode.");
        assert_eq!(en.footer(3, None), "You just read a 3-minute summary.");
        assert_eq!(en.footer(1, None), "You just read a 1-minute summary.");
        assert_eq!(en.stats_spoken(Some(96), 3), "96-minute episode, 3-minute read");
        assert_eq!(en.stats_spoken(None, 3), "3-minute read");
        assert_eq!(en.stats_spoken(Some(1), 1), "1-minute episode, 1-minute read");
        assert_eq!(en.summary_of(3), "a 3-minute summary");
        assert_eq!(fill(m.with_guests, "Ilya Sutskever"), "with Ilya Sutskever");
        assert_eq!(split(m.with_guests), ("with ", ""));
        assert_eq!(split(m.episode), ("", " episode"));
        assert_eq!(fill(m.share_on, "Bluesky"), "Share on Bluesky");
        assert_eq!(fill(m.share_takeaway, &en.num(2)), "Share takeaway 2");
        assert_eq!(en.count(m.episodes, 1), "1 episode");
        assert_eq!(en.count(m.episodes, 12), "12 episodes");
        assert_eq!(en.count(m.show_all, 5), "Show all 5 takeaways");
        assert_eq!(en.count(m.show_more, 1), "Show 1 more episode");
        assert_eq!(en.count(m.show_more, 4), "Show 4 more episodes");
        assert_eq!(en.count(m.more_problems, 1), "…and 1 more problem (the browser console lists them all).");
        assert_eq!(en.count(m.more_problems, 2), "…and 2 more problems (the browser console lists them all).");
        assert_eq!(en.date(Date { year: 2025, month: 11, day: 25 }), "Nov 25, 2025");
        let (between, last) = en.list_separators(3, "C");
        assert_eq!(concat(&["A", between, "B", last, "C"]), "A, B and C");
    }

    /// The `{…}` placeholders of `s`, sorted (word order differs between
    /// languages).
    fn placeholders(s: &str) -> Vec<&str> {
        let mut out: Vec<&str> =
            s.match_indices('{').filter_map(|(i, _)| s[i..].find('}').map(|j| &s[i..=i + j])).collect();
        out.sort_unstable();
        out
    }

    /// Whether `s` has a letter outside its placeholders.
    fn has_words(s: &str) -> bool {
        let mut depth = 0;
        s.chars().any(|c| {
            depth += i32::from(c == '{') - i32::from(c == '}');
            depth == 0 && c.is_alphabetic()
        })
    }

    /// The member names of a table as [`table_json`] writes it.
    fn keys(json: &str) -> Vec<String> {
        match crate::core::json::parse(json).unwrap().value {
            Value::Object(members) => members.into_iter().map(|(k, _)| k).collect(),
            v => panic!("{v:?}"),
        }
    }

    #[test]
    fn every_locale_translates_every_message_with_englishs_placeholders() {
        let (en_texts, en_forms, en_keys) = (texts(&EN), forms(&EN), keys(&table_json(Locale::En)));
        let other = |fs: &'static Forms| fs.iter().find(|(p, _)| *p == Other).map_or("", |&(_, s)| s);
        for l in LOCALES.into_iter().filter(|&l| l != Locale::En) {
            let m = l.messages();
            for ((name, s, _), &(_, en, _)) in texts(m).into_iter().zip(&en_texts) {
                assert_eq!(placeholders(s), placeholders(en), "{l:?} {name}: {s:?} against {en:?}");
                // Words are translated; a template of placeholders and
                // punctuation ("{episode}, {read}") or a space may stay.
                assert!(s != en || !has_words(s), "{l:?} {name} is English: {s:?}");
            }
            for ((name, fs), &(_, en)) in forms(m).into_iter().zip(&en_forms) {
                assert_eq!(placeholders(other(fs)), placeholders(other(en)), "{l:?} {name}");
                for &(p, s) in fs {
                    assert!(placeholders(s).iter().all(|k| placeholders(other(en)).contains(k)), "{l:?} {name} {p:?}");
                }
                // Unit abbreviations may be English's ("{} min", "{} h").
                assert!(other(fs) != other(en) || matches!(name, "minutes" | "hours"), "{l:?} {name} is English");
            }
            assert_eq!(keys(&table_json(l)), en_keys, "{l:?}");
        }
    }

    #[test]
    fn every_locale_has_every_message() {
        for l in LOCALES {
            let m = l.messages();
            for (name, s, keys) in texts(m) {
                assert!(!s.is_empty() || name == "unit_sep", "{l:?} {name}");
                for key in ["{}", "{read}", "{episode}"] {
                    let want = usize::from(keys.contains(&key));
                    assert_eq!(occurrences(s, key), want, "{l:?} {name} {key}: {s}");
                }
                assert_eq!(occurrences(s, "{"), keys.len(), "{l:?} {name}: stray brace in {s}");
                if !matches!(name, "copy_prompt" | "unit_sep") {
                    assert_eq!(s.trim(), s, "{l:?} {name}: spaces around");
                }
            }
            for (name, fs) in forms(m) {
                assert_eq!(fs.iter().filter(|(p, _)| *p == Other).count(), 1, "{l:?} {name}: one Other form");
                for &(p, s) in fs {
                    assert!(!s.is_empty(), "{l:?} {name} {p:?}");
                    // Only Other must show the number; One and Two may spell it.
                    let n = occurrences(s, "{}");
                    assert!(n == 1 || (n == 0 && matches!(p, One | Two)), "{l:?} {name} {p:?}: {s}");
                    assert_eq!(occurrences(s, "{"), n, "{l:?} {name} {p:?}: stray brace in {s}");
                    // A category the locale never uses is a mistake.
                    let used = (0..=200).chain(PLURAL_NS.iter().copied()).any(|n| l.plural(n) == p);
                    assert!(used, "{l:?} {name}: {p:?} is not a category of this locale");
                }
            }
            assert_eq!(
                l.messages().months.len(),
                if matches!(l, Locale::De | Locale::Ja | Locale::Zh | Locale::Ar) { 0 } else { 12 }
            );
        }
    }

    /// What the card and the CLI show in `l`: the seed card (full and
    /// compact), a collection, the error views and the share menu as HTML,
    /// and each formatter over a spread of numbers and dates.
    fn rendered(l: Locale) -> Vec<String> {
        use crate::core::html::to_html;
        use crate::core::view::{document_view, error_view, mastodon_form, share_menu, Options, ShareMenu};
        let seed = crate::core::validate::parse_document(include_str!("../../www/episodes/ilya.json")).unwrap();
        let collection = crate::core::validate::parse_document(
            r#"{"episodes": [{"title": "A", "duration": 60, "takeaways": [{"text": "x"}]},
                {"title": "B", "published": "2024-02-29", "guests": ["Ana", "Hilda"], "takeaways": [{"text": "y"}]}]}"#,
        )
        .unwrap();
        let opts = Options::from_attributes("", "", "").with_locale(l.tag());
        let compact = Options::from_attributes("", "compact", "").with_locale(l.tag());
        let bad = crate::core::validate::parse_document(r#"{"title": 1, "takeaways": 2}"#).unwrap_err();
        let targets = crate::core::links::ALL;
        let menu =
            ShareMenu { targets: &targets, text: "t", url: "https://e.com", title: "T", mastodon: None, locale: l };
        let mut out = vec![
            to_html(&document_view(&seed, &opts)),
            to_html(&document_view(&seed, &compact)),
            to_html(&document_view(&collection, &opts)),
            to_html(&crate::core::view::errors_view(&bad, &opts)),
            to_html(&error_view("x", 3, &opts)),
            to_html(&share_menu(&menu)),
            to_html(&mastodon_form(l)),
        ];
        for n in [0, 1, 2, 3, 11, 100, 1_000_000] {
            out.push(l.footer(n, Some(n + 90)));
            out.push(l.footer(n, None));
            out.push(l.stats_spoken(Some(n), n));
            out.push(l.summary_of(n));
            for (_, fs) in forms(l.messages()) {
                out.push(l.count(fs, n));
            }
        }
        out.extend(DURATION_SECS.iter().map(|&s| l.duration(s)));
        out.extend(DATES.iter().map(|&(year, month, day)| l.date(Date { year, month, day })));
        out
    }

    #[test]
    fn every_table_round_trips_through_json() {
        for l in LOCALES {
            let json = table_json(l);
            assert!(!json.contains('\n') && json.starts_with("{\"episode\":\""), "minified: {json}");
            let parsed = Messages::from_json(&json).unwrap_or_else(|| panic!("{l:?}: {json}"));
            assert_eq!(&parsed, l.messages(), "{l:?}");
        }
    }

    #[test]
    fn a_loaded_table_renders_what_the_built_in_one_does() {
        // `LOADED` is per thread, and each test runs on a thread of its own.
        for l in LOCALES.into_iter().filter(|&l| l != Locale::En) {
            let built_in = l.messages();
            let want = rendered(l);
            assert!(load(l.tag(), &table_json(l)), "{l:?}");
            assert!(!std::ptr::eq(l.messages(), built_in), "{l:?}: the loaded table is used");
            assert_eq!(rendered(l), want, "{l:?}");
        }
        assert!(!load("en", &table_json(Locale::Es)), "English is built in");
        assert_eq!(Locale::En.messages().share, "Share");
    }

    #[test]
    fn a_bad_table_is_refused_and_only_the_first_is_read() {
        let es = table_json(Locale::Es);
        // The table with `key` renamed: still JSON, but without that message.
        let without = |key: &str| es.replacen(&format!("\"{key}\":"), "\"unknown\":", 1);
        for key in ["topics", "min_read", "months", "date", "episode", "unit_sep"] {
            let json = without(key);
            assert!(crate::core::json::parse(&json).unwrap().get(key).is_none(), "{json}");
            assert!(Messages::from_json(&json).is_none(), "without {key}");
        }
        let bad = [
            String::new(),
            "[]".into(),
            "{}".into(),
            es.replace("\"topics\":\"Temas\"", "\"topics\":42"),
            es.replace("\"other\":\"{} min de lectura\"", "\"one\":\"{} min de lectura\""),
            es.replace("\"minutes\":{\"other\"", "\"minutes\":{\"lots\""),
            es.replace("\"hours\":{\"other\":\"{} h\"}", "\"hours\":\"{} h\""),
            es.replace("{MMM}", "{MMMM}"),
            es.replace("{y}", "{y"),
            es.replace("\"ene\",", ""),
            es.replace("\"ene\"", "1"),
        ];
        for (i, json) in bad.iter().enumerate() {
            assert_ne!(json, &es, "case {i} changes the table");
            assert!(Messages::from_json(json).is_none(), "case {i}: {json}");
        }
        // A refused table leaves the locale with its built-in table (English
        // in the wasm build), and is not read again.
        assert!(!load("es-MX", &bad[4]));
        assert!(std::ptr::eq(Locale::Es.messages(), &ES));
        assert!(!load("es", &es));
        assert!(std::ptr::eq(Locale::Es.messages(), &ES));
        // A good one is taken once: later ones change nothing.
        assert!(load("de", &table_json(Locale::De)));
        assert!(load("de-AT", &table_json(Locale::Fr)));
        assert!(!std::ptr::eq(Locale::De.messages(), &DE));
        assert_eq!(Locale::De.messages().share, "Teilen");
    }

    #[test]
    fn table_files_by_tag() {
        let cases =
            [("en-US", ""), ("", ""), ("xx", ""), ("de-AT", "de"), ("iw", "he"), ("zh_TW", "zh"), (" PT-br ", "pt")];
        for (tag, file) in cases {
            assert_eq!(table_file(tag), file, "{tag:?}");
        }
        // Natively every table is built in: a card is shown in its own locale.
        assert_eq!(Locale::shown("de-AT"), Locale::De);
        assert_eq!(Locale::shown("iw"), Locale::He);
    }

    #[test]
    fn messages_fill_in_numbers() {
        let (de, fr, ar, he, ja) = (loc("de"), loc("fr"), loc("ar"), loc("he"), loc("ja"));
        assert_eq!(
            de.footer(3, Some(96)),
            "Sie haben gerade eine 3-minütige Zusammenfassung einer 96-minütigen Folge gelesen."
        );
        assert_eq!(fr.footer(1, None), "Vous venez de lire un résumé de 1\u{a0}minute.");
        assert_eq!(ar.footer(3, Some(96)), "لقد قرأت للتو ملخصًا يُقرأ في 3 دقائق لحلقة مدتها 96 دقيقة.");
        assert_eq!(ar.footer(2, Some(1)), "لقد قرأت للتو ملخصًا يُقرأ في دقيقتين لحلقة مدتها دقيقة واحدة.");
        assert_eq!(ar.stats_spoken(Some(11), 103), "حلقة مدتها 11 دقيقة، قراءة في 103 دقائق");
        assert_eq!(he.count(he.messages().min_read, 1), "דקת קריאה");
        assert_eq!(he.count(he.messages().min_read, 2), "2 דקות קריאה");
        assert_eq!(ja.footer(3, Some(96)), "96分のエピソードの、3分で読める要約を読みました。");
        assert_eq!(loc("es").count(ES.episodes, 1_000_000), "1.000.000 episodios");
        assert_eq!(fill("no slot", "x"), "no slot");
        assert_eq!(split("no slot"), ("no slot", ""));
        assert_eq!(fill("{} and {}", "x"), "x and {}");
    }

    #[test]
    fn tags() {
        let cases = [
            ("pt-BR", Locale::Pt),
            ("ZH_hant", Locale::Zh),
            ("zh-TW", Locale::Zh),
            ("iw", Locale::He),
            ("he-IL", Locale::He),
            ("", Locale::En),
            ("xx", Locale::En),
            ("ar-EG", Locale::Ar),
            ("EN-gb", Locale::En),
            (" fr ", Locale::Fr),
            ("hi_IN", Locale::Hi),
            ("ja-JP-u-ca-japanese", Locale::Ja),
            ("d", Locale::En),
            ("deu", Locale::En),
            ("-de", Locale::En),
        ];
        for (tag, want) in cases {
            assert_eq!(Locale::from_tag(tag), want, "{tag:?}");
        }
        for l in LOCALES {
            assert_eq!(Locale::from_tag(l.tag()), l);
            assert_eq!(l.rtl(), matches!(l, Locale::Ar | Locale::He), "{l:?}");
        }
        assert_eq!(Locale::default(), Locale::En);
    }

    #[test]
    fn plural_rules_match_intl() {
        let code = |p: Plural| match p {
            Plural::Zero => 'z',
            One => 'o',
            Two => 't',
            Few => 'f',
            Many => 'm',
            Other => 'x',
        };
        for (tag, want) in PLURALS {
            let l = loc(tag);
            let got: String = (0..=200).chain(PLURAL_NS.iter().copied()).map(|n| code(l.plural(n))).collect();
            assert_eq!(&got, want, "{tag}");
        }
    }

    #[test]
    fn numbers_match_intl() {
        for (tag, want) in NUMS {
            let l = loc(tag);
            let got: Vec<String> = NUM_NS.iter().map(|&n| l.num(n)).collect();
            assert_eq!(&got, want, "{tag}");
        }
    }

    #[test]
    fn durations_match_intl() {
        for (tag, want) in DURATIONS {
            let l = loc(tag);
            let got: Vec<String> = DURATION_SECS.iter().map(|&s| l.duration(s)).collect();
            assert_eq!(&got, want, "{tag}");
        }
    }

    #[test]
    fn dates_match_intl() {
        for (tag, want) in DATE_LABELS {
            let l = loc(tag);
            let got: Vec<String> = DATES.iter().map(|&(year, month, day)| l.date(Date { year, month, day })).collect();
            assert_eq!(&got, want, "{tag}");
        }
    }

    #[test]
    fn lists_match_intl() {
        for (tag, want) in LIST_LABELS {
            let l = loc(tag);
            let got: Vec<String> = LISTS
                .iter()
                .map(|items| {
                    let last_item = items.last().copied().unwrap_or_default();
                    let (between, last) = l.list_separators(items.len(), last_item);
                    let mut s = String::new();
                    for (i, item) in items.iter().enumerate() {
                        if i > 0 {
                            s.push_str(if i + 1 == items.len() { last } else { between });
                        }
                        s.push_str(item);
                    }
                    s
                })
                .collect();
            assert_eq!(&got, want, "{tag}");
        }
        for (word, e) in
            [("Hi", true), ("HIJO", true), ("hie", false), ("Hia", false), ("Í", false), ("", false), ("h", false)]
        {
            assert_eq!(spanish_e(word), e, "{word}");
        }
    }

    // Generated by `node tests/i18n/oracle.mjs` (Node 20.20.2, ICU 78.2, CLDR 48.0); do not edit by hand.
    #[rustfmt::skip]
    const PLURAL_NS: &[u64] = &[1000, 1000000, 2000000, 1000001];
    /// Per locale, the category of n = 0..=200 then PLURAL_NS: zero, one, two, few, many, other (x).
    #[rustfmt::skip]
    const PLURALS: &[(&str, &str)] = &[
        ("en", "xoxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
        ("es", "xoxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxmmx"),
        ("de", "xoxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
        ("fr", "ooxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxmmx"),
        ("pt", "ooxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxmmx"),
        ("ja", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
        ("zh", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
        ("ar", "zotffffffffmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmxxxffffffffmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmxxxxx"),
        ("hi", "ooxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
        ("he", "xotxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
    ];
    #[rustfmt::skip]
    const NUM_NS: &[u64] = &[0, 7, 42, 999, 1000, 9999, 10000, 12345, 100000, 123456, 1234567, 12345678, 123456789, 12345678901, 18446744073709551615];
    #[rustfmt::skip]
    const NUMS: &[(&str, &[&str])] = &[
        ("en", &["0", "7", "42", "999", "1,000", "9,999", "10,000", "12,345", "100,000", "123,456", "1,234,567", "12,345,678", "123,456,789", "12,345,678,901", "18,446,744,073,709,551,615"]),
        ("es", &["0", "7", "42", "999", "1000", "9999", "10.000", "12.345", "100.000", "123.456", "1.234.567", "12.345.678", "123.456.789", "12.345.678.901", "18.446.744.073.709.551.615"]),
        ("de", &["0", "7", "42", "999", "1.000", "9.999", "10.000", "12.345", "100.000", "123.456", "1.234.567", "12.345.678", "123.456.789", "12.345.678.901", "18.446.744.073.709.551.615"]),
        ("fr", &["0", "7", "42", "999", "1\u{202f}000", "9\u{202f}999", "10\u{202f}000", "12\u{202f}345", "100\u{202f}000", "123\u{202f}456", "1\u{202f}234\u{202f}567", "12\u{202f}345\u{202f}678", "123\u{202f}456\u{202f}789", "12\u{202f}345\u{202f}678\u{202f}901", "18\u{202f}446\u{202f}744\u{202f}073\u{202f}709\u{202f}551\u{202f}615"]),
        ("pt", &["0", "7", "42", "999", "1.000", "9.999", "10.000", "12.345", "100.000", "123.456", "1.234.567", "12.345.678", "123.456.789", "12.345.678.901", "18.446.744.073.709.551.615"]),
        ("ja", &["0", "7", "42", "999", "1,000", "9,999", "10,000", "12,345", "100,000", "123,456", "1,234,567", "12,345,678", "123,456,789", "12,345,678,901", "18,446,744,073,709,551,615"]),
        ("zh", &["0", "7", "42", "999", "1,000", "9,999", "10,000", "12,345", "100,000", "123,456", "1,234,567", "12,345,678", "123,456,789", "12,345,678,901", "18,446,744,073,709,551,615"]),
        ("ar", &["0", "7", "42", "999", "1,000", "9,999", "10,000", "12,345", "100,000", "123,456", "1,234,567", "12,345,678", "123,456,789", "12,345,678,901", "18,446,744,073,709,551,615"]),
        ("hi", &["0", "7", "42", "999", "1,000", "9,999", "10,000", "12,345", "1,00,000", "1,23,456", "12,34,567", "1,23,45,678", "12,34,56,789", "12,34,56,78,901", "1,84,46,74,40,73,70,95,51,615"]),
        ("he", &["0", "7", "42", "999", "1,000", "9,999", "10,000", "12,345", "100,000", "123,456", "1,234,567", "12,345,678", "123,456,789", "12,345,678,901", "18,446,744,073,709,551,615"]),
    ];
    #[rustfmt::skip]
    const DURATION_SECS: &[u64] = &[1, 29, 59, 90, 150, 660, 3600, 5760, 6000, 7199, 7260, 7320, 7500, 9000, 10800, 36000, 39600, 3600000];
    #[rustfmt::skip]
    const DURATIONS: &[(&str, &[&str])] = &[
        ("en", &["1 min", "1 min", "1 min", "2 min", "3 min", "11 min", "60 min", "96 min", "100 min", "2 h", "2 h 1 min", "2 h 2 min", "2 h 5 min", "2 h 30 min", "3 h", "10 h", "11 h", "1,000 h"]),
        ("es", &["1 min", "1 min", "1 min", "2 min", "3 min", "11 min", "60 min", "96 min", "100 min", "2 h", "2 h 1 min", "2 h 2 min", "2 h 5 min", "2 h 30 min", "3 h", "10 h", "11 h", "1000 h"]),
        ("de", &["1 Min.", "1 Min.", "1 Min.", "2 Min.", "3 Min.", "11 Min.", "60 Min.", "96 Min.", "100 Min.", "2 Std.", "2 Std., 1 Min.", "2 Std., 2 Min.", "2 Std., 5 Min.", "2 Std., 30 Min.", "3 Std.", "10 Std.", "11 Std.", "1.000 Std."]),
        ("fr", &["1\u{a0}min", "1\u{a0}min", "1\u{a0}min", "2\u{a0}min", "3\u{a0}min", "11\u{a0}min", "60\u{a0}min", "96\u{a0}min", "100\u{a0}min", "2\u{202f}h", "2\u{202f}h 1\u{a0}min", "2\u{202f}h 2\u{a0}min", "2\u{202f}h 5\u{a0}min", "2\u{202f}h 30\u{a0}min", "3\u{202f}h", "10\u{202f}h", "11\u{202f}h", "1\u{202f}000\u{202f}h"]),
        ("pt", &["1 min", "1 min", "1 min", "2 min", "3 min", "11 min", "60 min", "96 min", "100 min", "2 h", "2 h 1 min", "2 h 2 min", "2 h 5 min", "2 h 30 min", "3 h", "10 h", "11 h", "1.000 h"]),
        ("ja", &["1 分", "1 分", "1 分", "2 分", "3 分", "11 分", "60 分", "96 分", "100 分", "2 時間", "2 時間 1 分", "2 時間 2 分", "2 時間 5 分", "2 時間 30 分", "3 時間", "10 時間", "11 時間", "1,000 時間"]),
        ("zh", &["1分钟", "1分钟", "1分钟", "2分钟", "3分钟", "11分钟", "60分钟", "96分钟", "100分钟", "2小时", "2小时1分钟", "2小时2分钟", "2小时5分钟", "2小时30分钟", "3小时", "10小时", "11小时", "1,000小时"]),
        ("ar", &["1 د", "1 د", "1 د", "2 د", "3 د", "11 د", "60 د", "96 د", "100 د", "2 س", "2 س و1 د", "2 س و2 د", "2 س و5 د", "2 س و30 د", "3 س", "10 س", "11 س", "1,000 س"]),
        ("hi", &["1 मि॰", "1 मि॰", "1 मि॰", "2 मि॰", "3 मि॰", "11 मि॰", "60 मि॰", "96 मि॰", "100 मि॰", "2 घं॰", "2 घं॰ 1 मि॰", "2 घं॰ 2 मि॰", "2 घं॰ 5 मि॰", "2 घं॰ 30 मि॰", "3 घं॰", "10 घं॰", "11 घं॰", "1,000 घं॰"]),
        ("he", &["1 דק׳", "1 דק׳", "1 דק׳", "2 דק׳", "3 דק׳", "11 דק׳", "60 דק׳", "96 דק׳", "100 דק׳", "שעתיים", "שעתיים 1 דק׳", "שעתיים 2 דק׳", "שעתיים 5 דק׳", "שעתיים 30 דק׳", "3 שע׳", "10 שע׳", "11 שע׳", "1,000 שע׳"]),
    ];
    #[rustfmt::skip]
    const DATES: &[(u16, u8, u8)] = &[(2025, 11, 25), (2024, 2, 29), (2000, 1, 1), (2010, 1, 3), (2011, 2, 5), (2012, 3, 7), (2013, 4, 9), (2014, 5, 11), (2015, 6, 13), (2016, 7, 15), (2017, 8, 17), (2018, 9, 19), (2019, 10, 21), (2020, 11, 23), (2021, 12, 25)];
    #[rustfmt::skip]
    const DATE_LABELS: &[(&str, &[&str])] = &[
        ("en", &["Nov 25, 2025", "Feb 29, 2024", "Jan 1, 2000", "Jan 3, 2010", "Feb 5, 2011", "Mar 7, 2012", "Apr 9, 2013", "May 11, 2014", "Jun 13, 2015", "Jul 15, 2016", "Aug 17, 2017", "Sep 19, 2018", "Oct 21, 2019", "Nov 23, 2020", "Dec 25, 2021"]),
        ("es", &["25 nov 2025", "29 feb 2024", "1 ene 2000", "3 ene 2010", "5 feb 2011", "7 mar 2012", "9 abr 2013", "11 may 2014", "13 jun 2015", "15 jul 2016", "17 ago 2017", "19 sept 2018", "21 oct 2019", "23 nov 2020", "25 dic 2021"]),
        ("de", &["25.11.2025", "29.02.2024", "01.01.2000", "03.01.2010", "05.02.2011", "07.03.2012", "09.04.2013", "11.05.2014", "13.06.2015", "15.07.2016", "17.08.2017", "19.09.2018", "21.10.2019", "23.11.2020", "25.12.2021"]),
        ("fr", &["25 nov. 2025", "29 févr. 2024", "1 janv. 2000", "3 janv. 2010", "5 févr. 2011", "7 mars 2012", "9 avr. 2013", "11 mai 2014", "13 juin 2015", "15 juil. 2016", "17 août 2017", "19 sept. 2018", "21 oct. 2019", "23 nov. 2020", "25 déc. 2021"]),
        ("pt", &["25 de nov. de 2025", "29 de fev. de 2024", "1 de jan. de 2000", "3 de jan. de 2010", "5 de fev. de 2011", "7 de mar. de 2012", "9 de abr. de 2013", "11 de mai. de 2014", "13 de jun. de 2015", "15 de jul. de 2016", "17 de ago. de 2017", "19 de set. de 2018", "21 de out. de 2019", "23 de nov. de 2020", "25 de dez. de 2021"]),
        ("ja", &["2025/11/25", "2024/02/29", "2000/01/01", "2010/01/03", "2011/02/05", "2012/03/07", "2013/04/09", "2014/05/11", "2015/06/13", "2016/07/15", "2017/08/17", "2018/09/19", "2019/10/21", "2020/11/23", "2021/12/25"]),
        ("zh", &["2025年11月25日", "2024年2月29日", "2000年1月1日", "2010年1月3日", "2011年2月5日", "2012年3月7日", "2013年4月9日", "2014年5月11日", "2015年6月13日", "2016年7月15日", "2017年8月17日", "2018年9月19日", "2019年10月21日", "2020年11月23日", "2021年12月25日"]),
        ("ar", &["25\u{200f}/11\u{200f}/2025", "29\u{200f}/02\u{200f}/2024", "01\u{200f}/01\u{200f}/2000", "03\u{200f}/01\u{200f}/2010", "05\u{200f}/02\u{200f}/2011", "07\u{200f}/03\u{200f}/2012", "09\u{200f}/04\u{200f}/2013", "11\u{200f}/05\u{200f}/2014", "13\u{200f}/06\u{200f}/2015", "15\u{200f}/07\u{200f}/2016", "17\u{200f}/08\u{200f}/2017", "19\u{200f}/09\u{200f}/2018", "21\u{200f}/10\u{200f}/2019", "23\u{200f}/11\u{200f}/2020", "25\u{200f}/12\u{200f}/2021"]),
        ("hi", &["25 नव॰ 2025", "29 फ़र॰ 2024", "1 जन॰ 2000", "3 जन॰ 2010", "5 फ़र॰ 2011", "7 मार्च 2012", "9 अप्रैल 2013", "11 मई 2014", "13 जून 2015", "15 जुल॰ 2016", "17 अग॰ 2017", "19 सित॰ 2018", "21 अक्टू॰ 2019", "23 नव॰ 2020", "25 दिस॰ 2021"]),
        ("he", &["25 בנוב׳ 2025", "29 בפבר׳ 2024", "1 בינו׳ 2000", "3 בינו׳ 2010", "5 בפבר׳ 2011", "7 במרץ 2012", "9 באפר׳ 2013", "11 במאי 2014", "13 ביוני 2015", "15 ביולי 2016", "17 באוג׳ 2017", "19 בספט׳ 2018", "21 באוק׳ 2019", "23 בנוב׳ 2020", "25 בדצמ׳ 2021"]),
    ];
    #[rustfmt::skip]
    const LISTS: &[&[&str]] = &[&["A", "B"], &["A", "B", "C"], &["A", "B", "C", "D"], &["Ana", "Irene"], &["Ana", "Luis", "Hilda"], &["Ana", "Hielo"], &["Ana", "Ítalo"], &["Dan", "דני"], &["Dan", "Ilya", "אבא"], &["Dan", "11"]];
    #[rustfmt::skip]
    const LIST_LABELS: &[(&str, &[&str])] = &[
        ("en", &["A and B", "A, B and C", "A, B, C and D", "Ana and Irene", "Ana, Luis and Hilda", "Ana and Hielo", "Ana and Ítalo", "Dan and דני", "Dan, Ilya and אבא", "Dan and 11"]),
        ("es", &["A y B", "A, B y C", "A, B, C y D", "Ana e Irene", "Ana, Luis e Hilda", "Ana y Hielo", "Ana y Ítalo", "Dan y דני", "Dan, Ilya y אבא", "Dan y 11"]),
        ("de", &["A und B", "A, B und C", "A, B, C und D", "Ana und Irene", "Ana, Luis und Hilda", "Ana und Hielo", "Ana und Ítalo", "Dan und דני", "Dan, Ilya und אבא", "Dan und 11"]),
        ("fr", &["A et B", "A, B et C", "A, B, C et D", "Ana et Irene", "Ana, Luis et Hilda", "Ana et Hielo", "Ana et Ítalo", "Dan et דני", "Dan, Ilya et אבא", "Dan et 11"]),
        ("pt", &["A e B", "A, B e C", "A, B, C e D", "Ana e Irene", "Ana, Luis e Hilda", "Ana e Hielo", "Ana e Ítalo", "Dan e דני", "Dan, Ilya e אבא", "Dan e 11"]),
        ("ja", &["A、B", "A、B、C", "A、B、C、D", "Ana、Irene", "Ana、Luis、Hilda", "Ana、Hielo", "Ana、Ítalo", "Dan、דני", "Dan、Ilya、אבא", "Dan、11"]),
        ("zh", &["A和B", "A、B和C", "A、B、C和D", "Ana和Irene", "Ana、Luis和Hilda", "Ana和Hielo", "Ana和Ítalo", "Dan和דני", "Dan、Ilya和אבא", "Dan和11"]),
        ("ar", &["A وB", "A وB وC", "A وB وC وD", "Ana وIrene", "Ana وLuis وHilda", "Ana وHielo", "Ana وÍtalo", "Dan وדני", "Dan وIlya وאבא", "Dan و11"]),
        ("hi", &["A और B", "A, B, और C", "A, B, C, और D", "Ana और Irene", "Ana, Luis, और Hilda", "Ana और Hielo", "Ana और Ítalo", "Dan और דני", "Dan, Ilya, और אבא", "Dan और 11"]),
        ("he", &["A ו-B", "A, B ו-C", "A, B, C ו-D", "Ana ו-Irene", "Ana, Luis ו-Hilda", "Ana ו-Hielo", "Ana ו-Ítalo", "Dan ודני", "Dan, Ilya ואבא", "Dan ו-11"]),
    ];
}
