//! What a reader shares: the link, the words, and every target's intent URL.
//! Pure, so each URL is table-tested natively; `web::share_menu` only shows the
//! menu and calls the browser.
//!
//! The grapheme splitter is hand-written: unicode-segmentation measured
//! +17.2 KB gzip of wasm, this one +0.25 KB (docs/decisions.md).

use crate::core::i18n::Messages;
use crate::core::model::{Card, Point};
use crate::core::text::{after_last, before_first, char_count, concat, parse_uint, push_uint};

/// A place to share to, in the order of the default menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Copy,
    CopyTakeaways,
    X,
    Bluesky,
    LinkedIn,
    WhatsApp,
    Reddit,
    Telegram,
    Email,
    Mastodon,
    /// The quote card as a PNG (`core::quote`), shared as a file or saved.
    Image,
}

/// Every target, in the default order.
pub const ALL: [Target; 11] = [
    Target::Copy,
    Target::CopyTakeaways,
    Target::X,
    Target::Bluesky,
    Target::LinkedIn,
    Target::WhatsApp,
    Target::Reddit,
    Target::Telegram,
    Target::Email,
    Target::Mastodon,
    Target::Image,
];

impl Target {
    /// The name used in the `share` attribute and in `summary-card:share`.
    pub fn id(self) -> &'static str {
        match self {
            Target::Copy => "copy",
            Target::CopyTakeaways => "copy-takeaways",
            Target::X => "x",
            Target::Bluesky => "bluesky",
            Target::LinkedIn => "linkedin",
            Target::WhatsApp => "whatsapp",
            Target::Reddit => "reddit",
            Target::Telegram => "telegram",
            Target::Email => "email",
            Target::Mastodon => "mastodon",
            Target::Image => "image",
        }
    }

    /// The visible label of the menu entry: the brand, or words in `m`'s
    /// language.
    pub fn label(self, m: &Messages) -> &'static str {
        match self {
            Target::Copy => m.copy_link,
            Target::CopyTakeaways => m.copy_takeaways,
            Target::X => "X",
            Target::Bluesky => "Bluesky",
            Target::LinkedIn => "LinkedIn",
            Target::WhatsApp => "WhatsApp",
            Target::Reddit => "Reddit",
            Target::Telegram => "Telegram",
            Target::Email => m.email,
            Target::Mastodon => "Mastodon",
            Target::Image => m.share_image,
        }
    }

    /// The accessible name, where the label alone is too terse ("Share on
    /// Bluesky").
    pub fn accessible_name(self, m: &Messages) -> String {
        match self {
            Target::Copy => m.copy_link.into(),
            Target::CopyTakeaways => m.copy_takeaways_name.into(),
            Target::Email => m.email_name.into(),
            Target::Image => m.share_image.into(),
            brand => crate::core::i18n::fill(m.share_on, brand.label(m)),
        }
    }
}

/// Targets named in a `share` attribute (`"copy,bluesky,email"`), in that
/// order, without repeats; unknown names are skipped. Blank: all targets.
pub fn parse_targets(attr: &str) -> Vec<Target> {
    let mut out: Vec<Target> = Vec::new();
    for name in attr.split([',', ' ']).map(str::trim).filter(|n| !n.is_empty()) {
        let lower = name.to_ascii_lowercase();
        let found = ALL.iter().copied().find(|t| t.id() == lower || (lower == "twitter" && *t == Target::X));
        if let Some(t) = found.filter(|t| !out.contains(t)) {
            out.push(t);
        }
    }
    if out.is_empty() && attr.trim().is_empty() {
        out.extend(ALL);
    }
    out
}

/// The title, reduced to `a-z0-9-`: a fragment that stays the same for the
/// same title. Never empty.
pub fn slug(title: &str) -> String {
    let mut s = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            if s.len() >= 60 {
                break;
            }
            s.push(c.to_ascii_lowercase());
        } else if !s.is_empty() && !s.ends_with('-') {
            s.push('-');
        }
    }
    while s.ends_with('-') {
        s.pop();
    }
    if s.is_empty() {
        s.push_str("summary");
    }
    s
}

/// The fragment naming the card on the host page: its `id`, else a slug.
pub fn fragment(card: &Card) -> String {
    card.id.clone().unwrap_or_else(|| slug(&card.title))
}

/// The fragment naming takeaway `index` (0-based) of the card: `ep-7-takeaway-3`.
pub fn takeaway_fragment(card: &Card, index: usize) -> String {
    let mut s = fragment(card);
    s.push_str("-takeaway-");
    push_uint(&mut s, index as u64 + 1);
    s
}

/// The takeaway (0-based) a URL fragment points at, if it names one of this
/// card's; `#` optional.
pub fn takeaway_from_fragment(card: &Card, hash: &str) -> Option<usize> {
    let rest = hash.trim_start_matches('#').strip_prefix(&fragment(card))?.strip_prefix("-takeaway-")?;
    // As `str::parse` reads it: digits, after an optional `+`.
    let n = usize::try_from(parse_uint(rest.strip_prefix('+').unwrap_or(rest))?).ok()?;
    (1..=card.takeaways.len()).contains(&n).then(|| n - 1)
}

/// Strips a fragment from a URL.
fn without_fragment(url: &str) -> &str {
    before_first(url, b'#')
}

/// The link to share: the data's `url`, else the host page's URL with the
/// card's fragment in place of any fragment it had.
pub fn share_url(card: &Card, page_url: &str) -> String {
    match &card.url {
        Some(u) => u.as_str().into(),
        None => concat(&[without_fragment(page_url), "#", &fragment(card)]),
    }
}

/// The link to one takeaway: the card's page with the takeaway's fragment.
pub fn takeaway_url(card: &Card, index: usize, page_url: &str) -> String {
    let base = card.url.as_ref().map_or(page_url, |u| u.as_str());
    concat(&[without_fragment(base), "#", &takeaway_fragment(card, index)])
}

/// "Title — Show: a 3-minute summary"
pub fn share_text(card: &Card, read_minutes: u64, locale: crate::core::i18n::Locale) -> String {
    let mut s = card.title.clone();
    if let Some(show) = &card.show {
        s.push_str(" — ");
        s.push_str(&show.name);
    }
    s.push_str(": ");
    s.push_str(&locale.summary_of(read_minutes));
    s
}

/// "Title: text" of one takeaway, quoted from the card.
pub fn takeaway_text(card: &Card, point: &Point) -> String {
    let mut s = String::from("“");
    if let Some(t) = &point.title {
        s.push_str(t);
        s.push_str(": ");
    }
    s.push_str(&point.text);
    s.push_str("” — ");
    s.push_str(&card.title);
    s
}

/// The whole summary as plain text: title, each takeaway on its own line,
/// then the link.
pub fn takeaways_text(card: &Card, url: &str) -> String {
    let mut s = card.title.clone();
    s.push('\n');
    for p in &card.takeaways {
        s.push_str("\n- ");
        if let Some(t) = &p.title {
            s.push_str(t);
            s.push_str(": ");
        }
        s.push_str(&p.text);
    }
    s.push_str("\n\n");
    s.push_str(url);
    s
}

/// Whether `c` continues the grapheme cluster before it (UAX #29's Extend,
/// ZWJ and SpacingMark, the ones this splitter knows): combining marks,
/// joiners, variation selectors, emoji modifiers and tags, Hangul vowels and
/// finals, and the marks of the scripts of our locales (Hebrew, Arabic,
/// Devanagari) and Thai. Not every script's marks.
fn extends(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x05BF | 0x05C1 | 0x05C2 | 0x05C4 | 0x05C5 | 0x05C7
        | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7 | 0x06E8
        | 0x06EA..=0x06ED | 0x0900..=0x0903 | 0x093A..=0x093C | 0x093E..=0x094F | 0x0951..=0x0957 | 0x0962 | 0x0963
        | 0x0E31 | 0x0E33..=0x0E3A | 0x0E47..=0x0E4E | 0x1160..=0x11FF | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C
        | 0x200D | 0x20D0..=0x20FF | 0x302A..=0x302F | 0x3099 | 0x309A | 0xD7B0..=0xD7FF | 0xFE00..=0xFE0F
        | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0xE0100..=0xE01EF)
}

/// UAX #29's Control, the part of it share text meets (C0 and C1, with CR
/// and LF): a cluster of its own, never joined. The format characters it
/// also counts (ZWSP, bidi marks) are taken as letters here.
fn is_control(c: char) -> bool {
    matches!(c as u32, 0x00..=0x1F | 0x7F..=0x9F)
}

/// Extended_Pictographic, compactly: the emoji blocks, and the symbols,
/// dingbats and squares that emoji ZWJ sequences use (♀, ⚕, ✈, ❄, ➡, ⬛).
/// The pictographs before them (©, ‼, arrows) start no ZWJ sequence.
fn is_pictographic(c: char) -> bool {
    matches!(c as u32, 0x2600..=0x27BF | 0x2B05..=0x2B55 | 0x1F000..=0x1F1E5 | 0x1F200..=0x1F3FA | 0x1F400..=0x1FFFD)
}

fn is_regional_indicator(c: char) -> bool {
    matches!(c as u32, 0x1F1E6..=0x1F1FF)
}

/// The characters `extends` knows that UAX #29 calls SpacingMark or Hangul
/// V and T: they join what they follow, but never inside an emoji sequence
/// or a conjunct (GB9c, GB11).
fn is_spacing_or_jamo(c: char) -> bool {
    matches!(c as u32,
        0x0903 | 0x093B | 0x093E..=0x0940 | 0x0949..=0x094C | 0x094E | 0x094F | 0x0E33 | 0x1160..=0x11FF
        | 0xD7B0..=0xD7FF)
}

/// A Devanagari consonant (InCB=Consonant), which a virama joins to the
/// consonant before it: क्ष is one cluster.
fn is_consonant(c: char) -> bool {
    matches!(c as u32, 0x0915..=0x0939 | 0x0958..=0x095F | 0x0978..=0x097F)
}

/// Byte offsets where grapheme clusters start (plus the end), so text is
/// only ever cut between clusters: 👩‍👩‍👧, 👍🏽, 🇯🇵 and क्ष stay whole.
///
/// A compact subset of UAX #29 (the rule numbers are its): CR LF (GB3),
/// controls alone (GB4, GB5), marks and joiners join what they follow (GB9,
/// GB9a), a virama joins Devanagari consonants (GB9c), a ZWJ joins two
/// pictographs (GB11: `ExtPict Extend* ZWJ × ExtPict`, so `a`+ZWJ+`b` is two
/// clusters), flags are pairs of regional indicators (GB12, GB13). Not
/// covered: Prepend, the Hangul jamo rules beyond "vowels and finals join",
/// other scripts' conjuncts. `tests/graphemes.rs` compares it with the
/// unicode-segmentation crate over a corpus of what it covers.
pub fn grapheme_bounds(s: &str) -> Vec<usize> {
    let mut bounds = Vec::new();
    // What the text before `c` ends with: a CR; a control or nothing; a run
    // of regional indicators; `ExtPict Extend*` (pict), and a ZWJ after it
    // (pict_zwj); a Devanagari consonant and marks (consonant), and a virama
    // among them (linked).
    let (mut cr, mut control, mut ri_run) = (false, true, 0);
    let (mut pict, mut pict_zwj, mut consonant, mut linked) = (false, false, false, false);
    for (i, c) in s.char_indices() {
        let (ext, ctl, ri, pic) = (extends(c), is_control(c), is_regional_indicator(c), is_pictographic(c));
        let join = if cr {
            c == '\n'
        } else {
            !control && !ctl && (ext || (pict_zwj && pic) || (linked && is_consonant(c)) || (ri && ri_run % 2 == 1))
        };
        if !join {
            bounds.push(i);
        }
        // UAX #29's Extend and ZWJ; InCB=Extend is the same less ZWNJ.
        let mark = ext && !is_spacing_or_jamo(c);
        let conjunct_mark = mark && c != '\u{200C}';
        (cr, control) = (c == '\r', ctl);
        ri_run = if ri { ri_run + 1 } else { 0 };
        pict_zwj = pict && c == '\u{200D}';
        pict = pic || (pict && mark && c != '\u{200D}');
        linked = ((consonant || linked) && c == '\u{094D}') || (linked && conjunct_mark);
        consonant = is_consonant(c) || (consonant && conjunct_mark);
    }
    bounds.push(s.len());
    bounds
}

/// Number of grapheme clusters.
pub fn graphemes(s: &str) -> usize {
    grapheme_bounds(s).len().saturating_sub(1)
}

/// X's weight of a cluster: 1 for Latin and common punctuation, 2 for other
/// scripts and emoji (twitter-text v3 ranges).
fn x_weight(cluster: &str) -> usize {
    let light =
        cluster.chars().all(|c| matches!(c as u32, 0..=0x10FF | 0x2000..=0x200D | 0x2010..=0x201F | 0x2032..=0x2037));
    if light {
        char_count(cluster)
    } else {
        2
    }
}

/// The grapheme clusters of `text`, as slices.
fn clusters(text: &str) -> Vec<&str> {
    let bounds = grapheme_bounds(text);
    bounds.iter().zip(bounds.iter().skip(1)).filter_map(|(&a, &b)| text.get(a..b)).collect()
}

/// `text` cut on a cluster boundary so that `measure` of the kept clusters
/// (plus an ellipsis when cut) stays within `budget`.
fn trim_by(text: &str, budget: usize, measure: fn(&str) -> usize) -> String {
    let parts = clusters(text);
    if parts.iter().map(|c| measure(c)).sum::<usize>() <= budget {
        return text.into();
    }
    let mut used = measure("…"); // the ellipsis, weighed like the text (2 on X)
    let mut s = String::new();
    for c in parts {
        let m = measure(c);
        if used + m > budget {
            break;
        }
        used += m;
        s.push_str(c);
    }
    let mut s = String::from(s.trim_end());
    s.push('…');
    s
}

/// The length X gives any link (t.co wrapping).
pub const X_URL_LENGTH: usize = 23;
/// X's post limit, in its weighted characters.
pub const X_LIMIT: usize = 280;
/// Bluesky's post limit, in graphemes.
pub const BLUESKY_LIMIT: usize = 300;

/// Text for X: fits 280 weighted characters with the link (counted as 23).
pub fn trim_for_x(text: &str) -> String {
    trim_by(text, X_LIMIT - X_URL_LENGTH - 1, x_weight)
}

/// Text for Bluesky, which takes one text field: the text, a space and the
/// URL in at most 300 graphemes. The URL is never cut.
pub fn bluesky_post(text: &str, url: &str) -> String {
    let room = BLUESKY_LIMIT.saturating_sub(graphemes(url) + 1);
    concat(&[&trim_by(text, room, |_| 1), " ", url])
}

/// Percent-encodes everything but the unreserved characters (RFC 3986), so
/// any text is safe in a query value.
pub fn encode(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0')));
            out.push(char::from(HEX.get(usize::from(b & 15)).copied().unwrap_or(b'0')));
        }
    }
    out
}

/// A Mastodon server as the reader typed it (`mastodon.social`,
/// `https://fosstodon.org/`), reduced to a bare host; `None` when it is not a
/// plausible host name, so the share link can never point elsewhere.
pub fn mastodon_host(input: &str) -> Option<String> {
    let s = input.trim();
    let s = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://")).unwrap_or(s);
    let s = s.trim_end_matches('/').trim_start_matches('@');
    // "user@host" names a server too.
    let host = after_last(s, b'@').to_ascii_lowercase();
    let ok = host.contains('.')
        && host.len() <= 253
        && !host.starts_with(['.', '-'])
        && !host.ends_with(['.', '-'])
        && host.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':'));
    ok.then_some(host)
}

/// The intent URL for `target`, or `None` for the copy targets (and for
/// Mastodon without a server). Every value is percent-encoded.
pub fn intent_url(target: Target, text: &str, url: &str, title: &str, mastodon: Option<&str>) -> Option<String> {
    let joined = concat(&[text, " ", url]);
    let u = match target {
        Target::Copy | Target::CopyTakeaways | Target::Image => return None,
        Target::X => concat(&["https://x.com/intent/tweet?text=", &encode(&trim_for_x(text)), "&url=", &encode(url)]),
        Target::Bluesky => concat(&["https://bsky.app/intent/compose?text=", &encode(&bluesky_post(text, url))]),
        Target::LinkedIn => concat(&["https://www.linkedin.com/sharing/share-offsite/?url=", &encode(url)]),
        Target::WhatsApp => concat(&["https://wa.me/?text=", &encode(&joined)]),
        Target::Reddit => concat(&["https://www.reddit.com/submit?url=", &encode(url), "&title=", &encode(title)]),
        Target::Telegram => concat(&["https://t.me/share/url?url=", &encode(url), "&text=", &encode(text)]),
        Target::Email => {
            concat(&["mailto:?subject=", &encode(title), "&body=", &encode(&concat(&[text, "\n\n", url]))])
        }
        Target::Mastodon => {
            let host = mastodon.and_then(mastodon_host)?;
            concat(&["https://", &host, "/share?text=", &encode(&trim_by(&joined, 500, |_| 1))])
        }
    };
    Some(u)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::Locale;
    use crate::core::model::{Show, Url};

    fn card(title: &str) -> Card {
        Card { title: title.into(), ..Card::default() }
    }

    #[test]
    fn slugs() {
        let cases = [
            (
                "Ilya Sutskever – We're moving from the age of scaling",
                "ilya-sutskever-we-re-moving-from-the-age-of-scaling",
            ),
            ("  Hello,   World!  ", "hello-world"),
            ("日本語", "summary"),
            ("Café 2.0", "caf-2-0"),
            ("", "summary"),
        ];
        for (title, want) in cases {
            assert_eq!(slug(title), want, "{title}");
        }
        assert!(slug(&"a ".repeat(100)).len() <= 60);
    }

    #[test]
    fn urls_and_fragments() {
        let mut c = card("My Episode");
        c.takeaways = vec![Point { title: None, text: "a".into() }, Point { title: None, text: "b".into() }];
        assert_eq!(share_url(&c, "https://blog.example/post?x=1#old"), "https://blog.example/post?x=1#my-episode");
        assert_eq!(
            takeaway_url(&c, 1, "https://blog.example/post#x"),
            "https://blog.example/post#my-episode-takeaway-2"
        );
        assert_eq!(takeaway_from_fragment(&c, "#my-episode-takeaway-2"), Some(1));
        assert_eq!(takeaway_from_fragment(&c, "my-episode-takeaway-1"), Some(0));
        assert_eq!(takeaway_from_fragment(&c, "#my-episode-takeaway-3"), None);
        assert_eq!(takeaway_from_fragment(&c, "#my-episode-takeaway-0"), None);
        assert_eq!(takeaway_from_fragment(&c, "#other-takeaway-1"), None);
        c.id = Some("ep-7".into());
        assert_eq!(share_url(&c, "https://blog.example/post"), "https://blog.example/post#ep-7");
        assert_eq!(takeaway_fragment(&c, 0), "ep-7-takeaway-1");
        c.url = Some(Url("https://pod.example/7".into()));
        assert_eq!(share_url(&c, "https://blog.example/post"), "https://pod.example/7");
        assert_eq!(takeaway_url(&c, 0, "https://blog.example/post"), "https://pod.example/7#ep-7-takeaway-1");
    }

    #[test]
    fn texts() {
        let mut c = card("T");
        assert_eq!(share_text(&c, 3, Locale::En), "T: a 3-minute summary");
        c.show = Some(Show { name: "S".into(), url: None, artwork: None });
        assert_eq!(share_text(&c, 1, Locale::En), "T — S: a 1-minute summary");
        let p = Point { title: Some("A".into()), text: "B.".into() };
        assert_eq!(takeaway_text(&c, &p), "“A: B.” — T");
        c.takeaways = vec![p, Point { title: None, text: "C.".into() }];
        assert_eq!(takeaways_text(&c, "https://x.y"), "T\n\n- A: B.\n- C.\n\nhttps://x.y");
    }

    #[test]
    fn targets_from_the_attribute() {
        assert_eq!(parse_targets(""), ALL.to_vec());
        assert_eq!(parse_targets("copy,bluesky,email"), [Target::Copy, Target::Bluesky, Target::Email]);
        assert_eq!(parse_targets(" Email  x, x,nope,twitter "), [Target::Email, Target::X]);
        assert_eq!(parse_targets("nope"), []);
    }

    #[test]
    fn encoding() {
        assert_eq!(encode("a b&c=d/é?#+"), "a%20b%26c%3Dd%2F%C3%A9%3F%23%2B");
        assert_eq!(encode("-_.~AZaz09"), "-_.~AZaz09");
    }

    #[test]
    fn grapheme_clusters() {
        // One line per case: the text, its clusters.
        let cases: &[(&str, &[&str])] = &[
            ("abc", &["a", "b", "c"]),
            ("e\u{301}", &["e\u{301}"]),
            ("a\u{200D}b", &["a\u{200D}", "b"]), // GB11: a ZWJ joins only pictographs
            ("a\u{200D}👍", &["a\u{200D}", "👍"]),
            ("👍\u{200D}a", &["👍\u{200D}", "a"]),
            ("👍\u{200D}\u{200D}👍", &["👍\u{200D}\u{200D}", "👍"]),
            ("👩‍👩‍👧", &["👩‍👩‍👧"]),
            ("🏳️‍🌈", &["🏳️‍🌈"]),
            ("🧑🏽‍🤝‍🧑🏻", &["🧑🏽‍🤝‍🧑🏻"]),
            ("❤️‍🔥", &["❤️‍🔥"]),
            ("👍🏽", &["👍🏽"]),
            ("👍🏽👍", &["👍🏽", "👍"]),
            ("🇯🇵🇺🇸", &["🇯🇵", "🇺🇸"]),
            ("🇯🇵🇫", &["🇯🇵", "🇫"]),
            ("❤️", &["❤️"]),
            ("1️⃣", &["1️⃣"]),
            (
                "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
                &["🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"],
            ),
            ("\r\n", &["\r\n"]),
            ("\n\u{301}", &["\n", "\u{301}"]), // GB4: nothing joins a control
            ("a\t\u{301}", &["a", "\t", "\u{301}"]),
            ("한국어", &["한", "국", "어"]),
            ("\u{1100}\u{1161}\u{11A8}", &["\u{1100}\u{1161}\u{11A8}"]),
            ("مرحبا", &["م", "ر", "ح", "ب", "ا"]),
            ("مَرْحَبًا", &["مَ", "رْ", "حَ", "بً", "ا"]),
            ("שָׁלוֹם", &["שָׁ", "ל", "וֹ", "ם"]),
            ("क्षत्रिय", &["क्ष", "त्रि", "य"]), // GB9c: a virama joins consonants
            ("हिन्दी", &["हि", "न्दी"]),
            ("क्\u{200D}ष", &["क्\u{200D}ष"]),
            ("ऽक", &["ऽ", "क"]), // the avagraha is a letter, not a mark
            ("ไทย", &["ไ", "ท", "ย"]),
            ("น้ำ", &["น้ำ"]),
        ];
        for (s, want) in cases {
            let got = clusters(s);
            assert_eq!(&got, want, "{s:?}");
            assert_eq!(graphemes(s), want.len(), "{s:?}");
        }
    }

    #[test]
    fn x_text_fits_280_with_the_link_and_never_splits_an_emoji() {
        let family = "👩‍👩‍👧";
        let text = family.repeat(200); // weight 2 each
        let t = trim_for_x(&text);
        assert!(t.ends_with('…'));
        let body = t.trim_end_matches('…');
        assert_eq!(graphemes(body), 127, "2 × 127 + 2 (the ellipsis) + 1 + 23 = 280");
        assert!(body.split(family).all(str::is_empty), "only whole families remain");
        let ascii = "a".repeat(300);
        // 255 letters and the ellipsis, which X weighs 2: 257 + 1 + 23 = 281
        // used to pass (found by tests/fuzz.rs).
        let t = trim_for_x(&ascii);
        assert_eq!(t.chars().count(), 255);
        assert!(t.ends_with('…') && t.starts_with(&"a".repeat(254)) && !t.starts_with(&"a".repeat(255)));
        assert_eq!(trim_for_x("short"), "short");
    }

    #[test]
    fn bluesky_post_fits_300_graphemes_and_keeps_the_url() {
        let url = "https://example.com/episodes/a-long-episode-name";
        let text = "👍🏽".repeat(400);
        let post = bluesky_post(&text, url);
        assert_eq!(graphemes(&post), 300);
        assert!(post.ends_with(&concat(&["… ", url])));
        assert_eq!(bluesky_post("hi", url), concat(&["hi ", url]));
    }

    #[test]
    fn mastodon_hosts() {
        let cases: &[(&str, Option<&str>)] = &[
            ("mastodon.social", Some("mastodon.social")),
            (" https://Fosstodon.org/ ", Some("fosstodon.org")),
            ("@me@hachyderm.io", Some("hachyderm.io")),
            ("localhost", None),
            ("evil.com/phish?x=", None),
            ("javascript:alert(1)", None),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(mastodon_host(input).as_deref(), *want, "{input}");
        }
    }

    /// Three cards: ASCII with a show, non-ASCII with emoji, and RTL text.
    fn three_cards() -> [(Card, &'static str); 3] {
        let mut a = card("Scaling & research?");
        a.show = Some(Show { name: "Pod".into(), url: None, artwork: None });
        a.url = Some(Url("https://pod.example/ep?id=1".into()));
        let mut b = card("Café ☕ 🇯🇵");
        b.id = Some("cafe".into());
        let c = card("مرحبا بالعالم");
        [(a, "https://blog.example/"), (b, "https://blog.example/p"), (c, "https://blog.example/rtl")]
    }

    #[test]
    fn every_target_url_for_three_cards() {
        let want: [[&str; 8]; 3] = [
            [
                "https://x.com/intent/tweet?text=Scaling%20%26%20research%3F%20%E2%80%94%20Pod%3A%20a%201-minute%20summary&url=https%3A%2F%2Fpod.example%2Fep%3Fid%3D1",
                "https://bsky.app/intent/compose?text=Scaling%20%26%20research%3F%20%E2%80%94%20Pod%3A%20a%201-minute%20summary%20https%3A%2F%2Fpod.example%2Fep%3Fid%3D1",
                "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fpod.example%2Fep%3Fid%3D1",
                "https://wa.me/?text=Scaling%20%26%20research%3F%20%E2%80%94%20Pod%3A%20a%201-minute%20summary%20https%3A%2F%2Fpod.example%2Fep%3Fid%3D1",
                "https://www.reddit.com/submit?url=https%3A%2F%2Fpod.example%2Fep%3Fid%3D1&title=Scaling%20%26%20research%3F",
                "https://t.me/share/url?url=https%3A%2F%2Fpod.example%2Fep%3Fid%3D1&text=Scaling%20%26%20research%3F%20%E2%80%94%20Pod%3A%20a%201-minute%20summary",
                "mailto:?subject=Scaling%20%26%20research%3F&body=Scaling%20%26%20research%3F%20%E2%80%94%20Pod%3A%20a%201-minute%20summary%0A%0Ahttps%3A%2F%2Fpod.example%2Fep%3Fid%3D1",
                "https://mastodon.social/share?text=Scaling%20%26%20research%3F%20%E2%80%94%20Pod%3A%20a%201-minute%20summary%20https%3A%2F%2Fpod.example%2Fep%3Fid%3D1",
            ],
            [
                "https://x.com/intent/tweet?text=Caf%C3%A9%20%E2%98%95%20%F0%9F%87%AF%F0%9F%87%B5%3A%20a%201-minute%20summary&url=https%3A%2F%2Fblog.example%2Fp%23cafe",
                "https://bsky.app/intent/compose?text=Caf%C3%A9%20%E2%98%95%20%F0%9F%87%AF%F0%9F%87%B5%3A%20a%201-minute%20summary%20https%3A%2F%2Fblog.example%2Fp%23cafe",
                "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fblog.example%2Fp%23cafe",
                "https://wa.me/?text=Caf%C3%A9%20%E2%98%95%20%F0%9F%87%AF%F0%9F%87%B5%3A%20a%201-minute%20summary%20https%3A%2F%2Fblog.example%2Fp%23cafe",
                "https://www.reddit.com/submit?url=https%3A%2F%2Fblog.example%2Fp%23cafe&title=Caf%C3%A9%20%E2%98%95%20%F0%9F%87%AF%F0%9F%87%B5",
                "https://t.me/share/url?url=https%3A%2F%2Fblog.example%2Fp%23cafe&text=Caf%C3%A9%20%E2%98%95%20%F0%9F%87%AF%F0%9F%87%B5%3A%20a%201-minute%20summary",
                "mailto:?subject=Caf%C3%A9%20%E2%98%95%20%F0%9F%87%AF%F0%9F%87%B5&body=Caf%C3%A9%20%E2%98%95%20%F0%9F%87%AF%F0%9F%87%B5%3A%20a%201-minute%20summary%0A%0Ahttps%3A%2F%2Fblog.example%2Fp%23cafe",
                "https://mastodon.social/share?text=Caf%C3%A9%20%E2%98%95%20%F0%9F%87%AF%F0%9F%87%B5%3A%20a%201-minute%20summary%20https%3A%2F%2Fblog.example%2Fp%23cafe",
            ],
            [
                "https://x.com/intent/tweet?text=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7%20%D8%A8%D8%A7%D9%84%D8%B9%D8%A7%D9%84%D9%85%3A%20a%201-minute%20summary&url=https%3A%2F%2Fblog.example%2Frtl%23summary",
                "https://bsky.app/intent/compose?text=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7%20%D8%A8%D8%A7%D9%84%D8%B9%D8%A7%D9%84%D9%85%3A%20a%201-minute%20summary%20https%3A%2F%2Fblog.example%2Frtl%23summary",
                "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fblog.example%2Frtl%23summary",
                "https://wa.me/?text=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7%20%D8%A8%D8%A7%D9%84%D8%B9%D8%A7%D9%84%D9%85%3A%20a%201-minute%20summary%20https%3A%2F%2Fblog.example%2Frtl%23summary",
                "https://www.reddit.com/submit?url=https%3A%2F%2Fblog.example%2Frtl%23summary&title=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7%20%D8%A8%D8%A7%D9%84%D8%B9%D8%A7%D9%84%D9%85",
                "https://t.me/share/url?url=https%3A%2F%2Fblog.example%2Frtl%23summary&text=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7%20%D8%A8%D8%A7%D9%84%D8%B9%D8%A7%D9%84%D9%85%3A%20a%201-minute%20summary",
                "mailto:?subject=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7%20%D8%A8%D8%A7%D9%84%D8%B9%D8%A7%D9%84%D9%85&body=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7%20%D8%A8%D8%A7%D9%84%D8%B9%D8%A7%D9%84%D9%85%3A%20a%201-minute%20summary%0A%0Ahttps%3A%2F%2Fblog.example%2Frtl%23summary",
                "https://mastodon.social/share?text=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7%20%D8%A8%D8%A7%D9%84%D8%B9%D8%A7%D9%84%D9%85%3A%20a%201-minute%20summary%20https%3A%2F%2Fblog.example%2Frtl%23summary",
            ],
        ];
        let targets = &ALL[2..]; // every intent target, after the two copy actions
        for ((c, page), want) in three_cards().iter().zip(want) {
            let url = share_url(c, page);
            let text = share_text(c, 1, Locale::En);
            for (t, w) in targets.iter().zip(want) {
                assert_eq!(intent_url(*t, &text, &url, &c.title, Some("mastodon.social")).as_deref(), Some(w), "{t:?}");
            }
            assert_eq!(intent_url(Target::Copy, &text, &url, &c.title, None), None);
            assert_eq!(intent_url(Target::Mastodon, &text, &url, &c.title, None), None);
        }
    }
}
