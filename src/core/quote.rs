//! The quote card: the picture of one takeaway (or of the whole card) that a
//! site uses as its `og:image`, and that the widget's "share as image"
//! draws. 1080 by 1350 pixels (4:5).
//!
//! This module says what goes where without a font: the texts with their
//! roles, colours, weights, candidate sizes and line limits
//! ([`quote`]), and where each lands once a renderer has said how many
//! lines a text takes at a size and width ([`layout`]). The renderer only
//! wraps and draws: natively `cli::image` (cosmic-text and tiny-skia); in
//! the browser `web::quote_image` (Canvas 2D). So both draw the same picture.
//!
//! Colours are the card's light and dark palettes (`src/card.css`'s
//! `--_bg`, `--_fg`, … tokens; `tests/image.rs` checks they agree). The
//! data format has no accent colour, so the theme's accent is used.

use crate::core::i18n::Locale;
use crate::core::model::Card;

/// The picture's size in pixels.
pub const WIDTH: u32 = 1080;
pub const HEIGHT: u32 = 1350;
/// Space kept free of anything but the background on every side.
pub const MARGIN: f32 = 96.0;
/// Room between the head, the body and the foot.
const BAND_GAP: f32 = 56.0;
/// Most takeaway titles the whole card's picture lists.
pub const LISTED: usize = 5;
/// Most characters of the link's short form.
const LINK_CHARS: usize = 56;

/// A colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `pct` per cent of `self` over `base`, as CSS `color-mix(in srgb,
    /// self pct%, base)` mixes them.
    pub fn mix(self, pct: u32, base: Rgb) -> Rgb {
        let m = |a: u8, b: u8| ((u32::from(a) * pct + u32::from(b) * (100 - pct) + 50) / 100) as u8;
        Rgb(m(self.0, base.0), m(self.1, base.1), m(self.2, base.2))
    }

    /// Relative luminance, 0 (black) to 1000 (white), roughly: enough to
    /// tell a light background from a dark one.
    pub fn lightness(self) -> u32 {
        (u32::from(self.0) * 299 + u32::from(self.1) * 587 + u32::from(self.2) * 114) / 255
    }
}

/// A theme's colours: `src/card.css`'s tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// `--_bg`
    pub bg: Rgb,
    /// `--_fg`
    pub fg: Rgb,
    /// `--_mut`
    pub muted: Rgb,
    /// `--_bd`
    pub border: Rgb,
    /// `--_acc`
    pub accent: Rgb,
    /// `--_soft`
    pub soft: Rgb,
    /// `--tint`: the accent, 12 per cent over the background.
    pub tint: Rgb,
}

/// The light or the dark palette.
pub fn palette(dark: bool) -> Palette {
    let (bg, fg, muted, border, accent, soft) = if dark {
        (
            Rgb(0x17, 0x18, 0x1d),
            Rgb(0xec, 0xed, 0xf1),
            Rgb(0xa3, 0xa7, 0xb3),
            Rgb(0x30, 0x32, 0x3b),
            Rgb(0xa5, 0xb4, 0xfc),
            Rgb(0x20, 0x22, 0x28),
        )
    } else {
        (
            Rgb(0xff, 0xff, 0xff),
            Rgb(0x1b, 0x1c, 0x21),
            Rgb(0x5c, 0x61, 0x70),
            Rgb(0xe3, 0xe4, 0xea),
            Rgb(0x4f, 0x46, 0xe5),
            Rgb(0xf4, 0xf4, 0xf7),
        )
    };
    Palette { bg, fg, muted, border, accent, soft, tint: accent.mix(12, bg) }
}

/// What a text is, for a renderer that styles by role and for tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The show's name.
    Show,
    /// The episode's title.
    Title,
    /// "Key takeaways", above the whole card's list.
    Heading,
    /// A takeaway's title: the quote's, or one of the whole card's list.
    TakeawayTitle,
    /// The quoted takeaway's text.
    TakeawayText,
    /// "AI-generated summary", in a pill.
    AiLabel,
    /// The card's link, short: host and path.
    Link,
}

/// How a text lines up across its box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// By the text's own direction, as `dir="auto"` sets data text in the
    /// card: an Arabic title right-aligned in an English card.
    Auto,
    /// At the start of the picture's (the locale's) direction: the card's
    /// own words and the link.
    Start,
}

/// One text of the picture, before it is fitted.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub role: Role,
    pub text: String,
    /// Font sizes in pixels, largest first: the first at which the text
    /// fits is used, and the last one cuts it off with an ellipsis.
    pub sizes: &'static [f32],
    /// Line height, as a multiple of the size.
    pub line_height: f32,
    pub bold: bool,
    pub color: Rgb,
    pub align: Align,
    /// Most lines shown; more are cut off with an ellipsis.
    pub max_lines: usize,
    /// Space above the text, in pixels (none above the first of a band).
    pub gap: f32,
    /// A numbered circle at the start of the text (the whole card's list).
    pub number: Option<String>,
}

/// The picture before fitting: the background, and the texts of the head
/// (from the top), the body (centred between) and the foot (up from the
/// bottom).
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub palette: Palette,
    /// The locale's direction: where the number circles, the quote's bar
    /// and the card's own words start.
    pub rtl: bool,
    /// The locale's tag (`ja`): a renderer picks fonts for it.
    pub lang: &'static str,
    pub head: Vec<Text>,
    pub body: Vec<Text>,
    pub foot: Vec<Text>,
    /// The body is one quoted takeaway, with the accent's bar at its start
    /// (else the whole card's list).
    pub quoted: bool,
}

const SHOW_SIZES: &[f32] = &[30.0];
const CONTEXT_TITLE_SIZES: &[f32] = &[38.0, 34.0];
const MAIN_TITLE_SIZES: &[f32] = &[64.0, 56.0, 50.0, 44.0];
const HEADING_SIZES: &[f32] = &[30.0];
const QUOTE_TITLE_SIZES: &[f32] = &[60.0, 54.0, 48.0, 42.0, 38.0];
const QUOTE_TEXT_SIZES: &[f32] = &[44.0, 40.0, 36.0, 32.0, 28.0];
const QUOTE_ONLY_TEXT_SIZES: &[f32] = &[56.0, 50.0, 44.0, 38.0, 32.0, 28.0];
const ITEM_SIZES: &[f32] = &[44.0, 40.0, 36.0, 32.0];
const AI_SIZES: &[f32] = &[26.0];
const LINK_SIZES: &[f32] = &[28.0];

/// The pill's padding around the AI label, across and down.
pub const PILL_PAD: (f32, f32) = (22.0, 10.0);
/// The accent bar of a quoted takeaway: its width, and the text's indent.
pub const BAR: (f32, f32) = (8.0, 40.0);
/// The number circles: their diameter against the text's size, and the
/// text's indent against it.
pub const CIRCLE: (f32, f32) = (1.1, 1.6);

/// The picture of takeaway `takeaway` (0-based) of `card`, or of the whole
/// card with `None`; `None` when the card has no such takeaway.
pub fn quote(card: &Card, takeaway: Option<usize>, dark: bool, locale: Locale) -> Option<Quote> {
    let p = palette(dark);
    let m = locale.messages();
    let text = |role, text: &str, sizes, bold, color, max_lines, gap| Text {
        role,
        text: text.into(),
        sizes,
        line_height: 1.3,
        bold,
        color,
        align: Align::Auto,
        max_lines,
        gap,
        number: None,
    };
    let mut head = Vec::new();
    if let Some(show) = &card.show {
        head.push(text(Role::Show, &show.name, SHOW_SIZES, true, p.accent, 1, 0.0));
    }
    let gap = if head.is_empty() { 0.0 } else { 14.0 };
    let mut body = Vec::new();
    match takeaway {
        Some(i) => {
            let point = card.takeaways.get(i)?;
            head.push(Text {
                line_height: 1.25,
                ..text(Role::Title, &card.title, CONTEXT_TITLE_SIZES, true, p.fg, 2, gap)
            });
            if let Some(t) = &point.title {
                body.push(Text {
                    line_height: 1.2,
                    ..text(Role::TakeawayTitle, t, QUOTE_TITLE_SIZES, true, p.fg, 4, 0.0)
                });
            }
            let (sizes, gap) = if body.is_empty() { (QUOTE_ONLY_TEXT_SIZES, 0.0) } else { (QUOTE_TEXT_SIZES, 28.0) };
            body.push(Text { line_height: 1.4, ..text(Role::TakeawayText, &point.text, sizes, false, p.fg, 30, gap) });
        }
        None => {
            head.push(Text {
                line_height: 1.2,
                ..text(Role::Title, &card.title, MAIN_TITLE_SIZES, true, p.fg, 4, gap)
            });
            body.push(Text {
                align: Align::Start,
                ..text(Role::Heading, m.takeaways, HEADING_SIZES, true, p.muted, 1, 0.0)
            });
            for (n, point) in card.takeaways.iter().take(LISTED).enumerate() {
                let words = point.title.as_deref().unwrap_or(&point.text);
                body.push(Text {
                    line_height: 1.25,
                    number: Some(locale.num(n as u64 + 1)),
                    ..text(Role::TakeawayTitle, words, ITEM_SIZES, true, p.fg, 2, if n == 0 { 28.0 } else { 30.0 })
                });
            }
        }
    }
    let mut foot = Vec::new();
    if card.ai_generated {
        foot.push(Text { align: Align::Start, ..text(Role::AiLabel, m.ai_label, AI_SIZES, false, p.muted, 1, 0.0) });
    }
    let link = card.url.as_ref().or_else(|| card.show.as_ref().and_then(|s| s.url.as_ref()));
    if let Some(url) = link {
        let gap = if foot.is_empty() { 0.0 } else { 24.0 };
        foot.push(Text {
            align: Align::Start,
            ..text(Role::Link, &short_link(url.as_str()), LINK_SIZES, true, p.accent, 1, gap)
        });
    }
    Some(Quote { palette: p, rtl: locale.rtl(), lang: locale.tag(), head, body, foot, quoted: takeaway.is_some() })
}

/// A link as people read it: host and path, without the scheme, `www.`,
/// query, fragment or a trailing slash, cut to 56 characters:
/// `https://www.example.com/ep/42/?utm=x#t` is `example.com/ep/42`.
pub fn short_link(url: &str) -> String {
    // By bytes: `split_once("://")`, `split(['?', '#'])` and `rsplit('@')`
    // bring string searchers into the widget's wasm.
    let find = |s: &str, bytes: &[u8]| s.bytes().position(|b| bytes.contains(&b)).unwrap_or(s.len());
    let scheme_end = (0..url.len()).find(|&i| url.as_bytes().get(i..i + 3) == Some(b"://"));
    let rest = scheme_end.and_then(|i| url.get(i + 3..)).unwrap_or(url);
    let rest = rest.get(..find(rest, b"?#")).unwrap_or(rest);
    let slash = find(rest, b"/");
    let (authority, path) = (rest.get(..slash).unwrap_or(rest), rest.get(slash..).unwrap_or_default());
    // Credentials are no part of what a reader types.
    let at = authority.bytes().rposition(|b| b == b'@');
    let host = at.and_then(|i| authority.get(i + 1..)).unwrap_or(authority);
    let host = host.strip_prefix("www.").unwrap_or(host);
    // The path with its leading slash, without trailing ones.
    let path = path.trim_end_matches('/');
    crate::core::text::cut(&crate::core::text::concat(&[host, path]), LINK_CHARS)
}

/// A text fitted into the picture: the size chosen, where its box is, and
/// how many lines of it are drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub role: Role,
    pub text: String,
    pub size: f32,
    /// Line height in pixels.
    pub line: f32,
    pub bold: bool,
    pub color: Rgb,
    /// Whether the text lines up on the right: `Align::Start` in a
    /// right-to-left picture (`None`: by the text's own direction).
    pub right: Option<bool>,
    /// The text's box: left edge, top, width (its height is `lines * line`).
    pub x: f32,
    pub y: f32,
    pub width: f32,
    /// Lines drawn: more are cut off, the last drawn ending in "…".
    pub lines: usize,
    /// A numbered circle: its number, centre and radius.
    pub number: Option<(String, f32, f32, f32)>,
    /// Drawn in a pill: a rounded box of the tint around the text's ink.
    pub pill: bool,
}

/// The picture, fitted: its palette and direction, the texts, the accent's
/// bar beside a quoted takeaway, and the rule above the foot.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub palette: Palette,
    pub rtl: bool,
    pub lang: &'static str,
    pub texts: Vec<Placed>,
    /// Left, top, width and height of the accent's bar.
    pub bar: Option<(f32, f32, f32, f32)>,
    /// The rule: its height (y), from the left margin to the right.
    pub rule: Option<f32>,
}

/// `q` fitted into the picture. `lines(text, size, width)` says how many
/// lines the renderer's wrapping makes of `text` at `size` in `width`
/// pixels: the only thing that needs a font.
///
/// The head stacks from the top margin and the foot up from the bottom
/// one; each text takes the first of its sizes at which it fits its line
/// limit (else the last, cut). The body, centred between, takes its texts'
/// first sizes together, then their second sizes, and so on, until it fits
/// between head and foot; at the last sizes the whole card's list drops
/// titles from its end (keeping one), and then the last text is cut off.
pub fn layout(q: &Quote, lines: &mut dyn FnMut(&str, f32, bool, f32) -> usize) -> Layout {
    let full = WIDTH as f32 - 2.0 * MARGIN;
    // The box of a text: its indent from the start side, by direction.
    let frame = |t: &Text, size: f32| -> (f32, f32) {
        let indent = match (&t.number, t.role) {
            (Some(_), _) => size * CIRCLE.1,
            (None, Role::AiLabel) => PILL_PAD.0,
            (None, Role::TakeawayTitle | Role::TakeawayText) if q.quoted => BAR.1,
            _ => 0.0,
        };
        let width = full - if t.role == Role::AiLabel { 2.0 * indent } else { indent };
        let x = if q.rtl && t.role != Role::AiLabel { MARGIN } else { MARGIN + indent };
        (x, width)
    };
    let place = |t: &Text, size: f32, max_lines: usize, lines: &mut dyn FnMut(&str, f32, bool, f32) -> usize| {
        let (x, width) = frame(t, size);
        let n = lines(&t.text, size, t.bold, width).clamp(1, max_lines.max(1));
        let pad = if t.role == Role::AiLabel { 2.0 * PILL_PAD.1 } else { 0.0 };
        let placed = Placed {
            role: t.role,
            text: t.text.clone(),
            size,
            line: (size * t.line_height).round(),
            bold: t.bold,
            color: t.color,
            right: (t.align == Align::Start).then_some(q.rtl),
            x,
            y: 0.0,
            width,
            lines: n,
            number: None,
            pill: t.role == Role::AiLabel,
        };
        let height = placed.line * n as f32 + pad;
        (placed, height)
    };
    // A text alone: the first size that fits its line limit, else the last.
    let single = |t: &Text, lines: &mut dyn FnMut(&str, f32, bool, f32) -> usize| {
        let last = t.sizes.last().copied().unwrap_or(32.0);
        let size = t
            .sizes
            .iter()
            .copied()
            .find(|&s| {
                let (_, width) = frame(t, s);
                lines(&t.text, s, t.bold, width) <= t.max_lines
            })
            .unwrap_or(last);
        place(t, size, t.max_lines, lines)
    };

    let mut texts = Vec::new();
    let mut y = MARGIN;
    for (i, t) in q.head.iter().enumerate() {
        let (mut p, h) = single(t, lines);
        y += if i == 0 { 0.0 } else { t.gap };
        p.y = y + if p.pill { PILL_PAD.1 } else { 0.0 };
        y += h;
        texts.push(p);
    }
    let head_end = y;

    let mut foot = Vec::new();
    let mut y = HEIGHT as f32 - MARGIN;
    for (i, t) in q.foot.iter().enumerate().rev() {
        let (mut p, h) = single(t, lines);
        y -= h;
        p.y = y + if p.pill { PILL_PAD.1 } else { 0.0 };
        if i > 0 {
            y -= t.gap;
        }
        foot.push(p);
    }
    // Stacked bottom-up; added to `texts` in reading order at the end
    // (`.rev()` rather than `reverse()`, whose bounds check brings integer
    // formatting into the widget's wasm).
    let rule = (!foot.is_empty()).then(|| (y - 40.0).round());
    let foot_start = rule.map_or(y, |r| r - 40.0);

    // The body: every text at its n-th size, until it fits.
    let room = foot_start - head_end - BAND_GAP;
    let steps = q.body.iter().map(|t| t.sizes.len()).max().unwrap_or(1);
    let size_at = |t: &Text, step: usize| t.sizes.get(step).or(t.sizes.last()).copied().unwrap_or(32.0);
    let mut body: Vec<(Placed, f32)> = Vec::new();
    let mut count = q.body.len();
    for step in 0..steps {
        body = q.body.iter().map(|t| place(t, size_at(t, step), t.max_lines, lines)).collect();
        if total(&q.body, &body) <= room {
            break;
        }
    }
    // Still too tall: fewer titles in the list, then the last text cut.
    while total(&q.body, &body) > room && !q.quoted && count > 2 {
        count -= 1;
        body.truncate(count);
    }
    let over = total(&q.body, &body) - room;
    if over > 0.0 {
        if let Some((last, height)) = body.last_mut() {
            let keep = ((last.lines as f32) - (over / last.line).ceil()).max(1.0) as usize;
            if keep < last.lines {
                *height -= last.line * (last.lines - keep) as f32;
                last.lines = keep;
            }
        }
    }
    let height = total(&q.body, &body);
    let mut y = head_end + BAND_GAP / 2.0 + ((room - height) / 2.0).max(0.0);
    let top = y;
    for (i, ((mut p, h), t)) in body.into_iter().zip(&q.body).enumerate() {
        y += if i == 0 { 0.0 } else { t.gap };
        p.y = y;
        if let Some(n) = &t.number {
            let r = p.size * CIRCLE.0 / 2.0;
            let cx = if q.rtl { WIDTH as f32 - MARGIN - r } else { MARGIN + r };
            p.number = Some((n.clone(), cx, y + p.line / 2.0, r));
        }
        y += h;
        texts.push(p);
    }
    let bar = q.quoted.then(|| {
        let x = if q.rtl { WIDTH as f32 - MARGIN - BAR.0 } else { MARGIN };
        (x, top, BAR.0, (y - top).max(1.0))
    });
    texts.extend(foot.into_iter().rev());
    Layout { palette: q.palette, rtl: q.rtl, lang: q.lang, texts, bar, rule }
}

/// The height of placed texts with the gaps between them.
fn total(texts: &[Text], placed: &[(Placed, f32)]) -> f32 {
    placed.iter().zip(texts).enumerate().map(|(i, ((_, h), t))| h + if i == 0 { 0.0 } else { t.gap }).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Document;
    use crate::core::validate::parse_document;

    fn seed() -> Card {
        match parse_document(include_str!("../../www/episodes/ilya.json")) {
            Ok(Document::Card(c)) => *c,
            _ => unreachable!(),
        }
    }

    /// A stand-in for a font: every character is `size / 2` wide.
    fn lines(text: &str, size: f32, _bold: bool, width: f32) -> usize {
        let per_line = ((width / (size / 2.0)) as usize).max(1);
        text.chars().count().div_ceil(per_line).max(1)
    }

    #[test]
    fn a_takeaway_has_the_show_the_title_the_quote_the_label_and_the_link() {
        let q = quote(&seed(), Some(0), false, Locale::En).unwrap();
        let roles: Vec<Role> = q.head.iter().chain(&q.body).chain(&q.foot).map(|t| t.role).collect();
        assert_eq!(
            roles,
            [Role::Show, Role::Title, Role::TakeawayTitle, Role::TakeawayText, Role::AiLabel, Role::Link]
        );
        assert_eq!(q.foot[0].text, "AI-generated summary");
        assert_eq!(q.foot[1].text, "dwarkesh.com/p/ilya-sutskever-2");
        assert!(quote(&seed(), Some(5), false, Locale::En).is_none());
        let l = layout(&q, &mut lines);
        for t in &l.texts {
            assert!(t.x >= MARGIN && t.x + t.width <= WIDTH as f32 - MARGIN + 0.5, "{t:?}");
            assert!(t.y >= MARGIN && t.y + t.line * t.lines as f32 <= HEIGHT as f32 - MARGIN + 0.5, "{t:?}");
        }
        assert!(l.bar.is_some() && l.rule.is_some());
    }

    #[test]
    fn the_whole_card_lists_the_first_titles_and_drops_what_does_not_fit() {
        let q = quote(&seed(), None, true, Locale::Ar).unwrap();
        assert_eq!(q.body[0].text, "أبرز النقاط");
        assert_eq!(q.body.len(), 1 + LISTED);
        assert_eq!(q.body[1].number.as_deref(), Some("1"));
        let l = layout(&q, &mut lines);
        let listed = l.texts.iter().filter(|t| t.number.is_some()).count();
        assert!((1..=LISTED).contains(&listed));
        // Right to left: the circles sit on the right.
        let (_, cx, _, _) = l.texts.iter().find_map(|t| t.number.clone()).unwrap();
        assert!(cx > WIDTH as f32 / 2.0);
        // A font twice as wide leaves fewer titles, never none.
        let l = layout(&q, &mut |t, s, b, w| lines(t, s, b, w) * 3);
        assert!(l.texts.iter().filter(|t| t.number.is_some()).count() >= 1);
    }

    #[test]
    fn a_long_takeaway_shrinks_then_is_cut() {
        let mut card = seed();
        card.takeaways[0].text = "word ".repeat(2000);
        let q = quote(&card, Some(0), false, Locale::En).unwrap();
        let l = layout(&q, &mut lines);
        let text = l.texts.iter().find(|t| t.role == Role::TakeawayText).unwrap();
        assert_eq!(text.size, 28.0);
        let foot = l.rule.unwrap();
        assert!(text.y + text.line * text.lines as f32 <= foot, "{text:?}");
    }

    #[test]
    fn short_links() {
        for (url, short) in [
            ("https://www.example.com/ep/42/?utm=x#t", "example.com/ep/42"),
            ("http://example.com/", "example.com"),
            ("https://user:pw@example.com:8080/a", "example.com:8080/a"),
            ("https://example.com", "example.com"),
        ] {
            assert_eq!(short_link(url), short);
        }
        assert_eq!(short_link(&["https://e.com/", &"a".repeat(80)].concat()).chars().count(), 57);
    }

    #[test]
    fn the_palettes_tint_is_the_css_mix() {
        assert_eq!(palette(false).tint, Rgb(0xea, 0xe9, 0xfc));
        assert!(palette(true).bg.lightness() < 200 && palette(false).bg.lightness() > 800);
    }
}
