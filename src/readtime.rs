//! Read time, computed from the text the card shows (never taken from the
//! data).
//!
//! Rates:
//! - words: 238 words per minute by default, the mean silent reading rate
//!   for non-fiction in Brysbaert (2019), "How many words do we read per
//!   minute?", Journal of Memory and Language 109.
//! - Chinese and Japanese have no spaces between words, so their characters
//!   (Han, Hiragana, Katakana) are counted one by one at 300 characters per
//!   minute, between the IReST norms for Chinese (255) and Japanese (357) in
//!   Trauzettel-Klosinski & Dietz (2012), Investigative Ophthalmology & Visual
//!   Science 53(9). A custom `wpm` scales this rate by the same factor.
//!
//! The result is rounded up to whole minutes, and is never below one.

use crate::model::Card;

/// Default reading speed in words per minute (Brysbaert 2019).
pub const DEFAULT_WPM: u32 = 238;
/// CJK characters per minute at the default reading speed.
pub const CJK_PER_MINUTE: u64 = 300;

/// Words and CJK characters in a piece of text.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    pub words: u64,
    pub cjk: u64,
}

/// Characters read one at a time: Han ideographs, Hiragana and Katakana.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF       // Hiragana, Katakana
        | 0x31F0..=0x31FF     // Katakana phonetic extensions
        | 0x3400..=0x4DBF     // CJK Extension A
        | 0x4E00..=0x9FFF     // CJK Unified Ideographs
        | 0xF900..=0xFAFF     // CJK Compatibility Ideographs
        | 0xFF66..=0xFF9F     // Halfwidth Katakana
        | 0x20000..=0x3134F) // Extensions B to G
}

/// Characters that can be part of a word: letters, digits and other
/// non-punctuation scripts. A dash standing alone is not a word.
fn is_wordy(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (c as u32 > 0x7F
            && !c.is_whitespace()
            && !matches!(c as u32, 0x2000..=0x206F | 0x3000..=0x303F | 0xFF00..=0xFF0F))
}

impl Count {
    /// Adds the words and CJK characters of `text`, walking Unicode scalar
    /// values (not UTF-16 units, not bytes).
    pub fn add(&mut self, text: &str) {
        let mut in_word = false;
        for c in text.chars() {
            if is_cjk(c) {
                self.cjk += 1;
                in_word = false;
            } else if c.is_whitespace() {
                in_word = false;
            } else if is_wordy(c) && !in_word {
                self.words += 1;
                in_word = true;
            }
        }
    }

    /// Minutes to read at `wpm` words per minute, rounded up, at least 1.
    pub fn minutes(self, wpm: u32) -> u64 {
        let wpm = u64::from(wpm.max(1));
        // words / wpm + cjk / (CJK_PER_MINUTE * wpm / DEFAULT_WPM), on one
        // denominator so the arithmetic stays in integers. Saturating: no
        // text under the size limit comes near, but the counts are public.
        let num = self.words.saturating_mul(CJK_PER_MINUTE).saturating_add(self.cjk.saturating_mul(DEFAULT_WPM.into()));
        let den = CJK_PER_MINUTE * wpm;
        num.div_ceil(den).max(1)
    }
}

/// Everything the card shows from the data: show, title, guests, topics,
/// takeaways, what it covers, questions, the notable moment and the call to
/// action. Labels the widget adds itself ("Key takeaways") are not counted.
pub fn count_card(card: &Card) -> Count {
    let mut n = Count::default();
    if let Some(show) = &card.show {
        n.add(&show.name);
    }
    n.add(&card.title);
    for s in card.guests.iter().chain(&card.topics) {
        n.add(s);
    }
    for p in card.takeaways.iter().chain(&card.questions) {
        if let Some(t) = &p.title {
            n.add(t);
        }
        n.add(&p.text);
    }
    for s in [&card.covers, &card.notable_moment].into_iter().flatten() {
        n.add(s);
    }
    if let Some(cta) = &card.cta {
        n.add(&cta.label);
    }
    n
}

/// Read time of the card in minutes.
pub fn card_minutes(card: &Card, wpm: u32) -> u64 {
    count_card(card).minutes(wpm)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(s: &str) -> Count {
        let mut n = Count::default();
        n.add(s);
        n
    }

    #[test]
    fn counting() {
        let cases: &[(&str, u64, u64)] = &[
            ("", 0, 0),
            ("one two  three\nfour\tfive", 5, 0),
            ("Sutskever – We're moving", 3, 0),
            ("state-of-the-art, e.g. 3.5", 3, 0),
            ("café naïve Ελληνικά русский", 4, 0),
            ("日本語の文章です。", 0, 8),
            ("我们正在从规模时代走向研究时代", 0, 15),
            ("AI 研究", 1, 2),
            ("😀 🎉", 2, 0),
            ("𠀀𠀁", 0, 2),
        ];
        for &(s, words, cjk) in cases {
            assert_eq!(count(s), Count { words, cjk }, "{s:?}");
        }
    }

    #[test]
    fn minutes_round_up_with_a_floor_of_one() {
        let m = |words, cjk, wpm| Count { words, cjk }.minutes(wpm);
        assert_eq!(m(0, 0, 238), 1);
        assert_eq!(m(1, 0, 238), 1);
        assert_eq!(m(238, 0, 238), 1);
        assert_eq!(m(239, 0, 238), 2);
        assert_eq!(m(714, 0, 238), 3);
        assert_eq!(m(0, 300, 238), 1);
        assert_eq!(m(0, 301, 238), 2);
        assert_eq!(m(0, 900, 238), 3);
        // A faster reader reads CJK faster too.
        assert_eq!(m(0, 600, 476), 1);
        assert_eq!(m(476, 0, 476), 1);
        // Found by tests/fuzz.rs: huge counts overflowed instead of saturating.
        assert_eq!(m(u64::MAX, u64::MAX, 0), u64::MAX.div_ceil(300));
        assert_eq!(m(u64::MAX, 0, u32::MAX), u64::MAX.div_ceil(300 * u64::from(u32::MAX)));
        assert_eq!(m(100, 0, 0), 100);
    }
}
