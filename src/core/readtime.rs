//! Read time, computed from the text the card shows (never taken from the
//! data).
//!
//! Each script is read at its own rate, from these sources:
//!
//! - **Words in Latin, Greek, Cyrillic and every other script without a
//!   figure of its own**: 238 words per minute, the mean silent reading rate
//!   of English non-fiction in Brysbaert, M. (2019), "How many words do we
//!   read per minute? A review and meta-analysis of reading rate", Journal of
//!   Memory and Language 109, 104047. It is an English figure; a script does
//!   not tell languages apart, so every language written in these scripts
//!   shares it.
//! - **Arabic-script words** 138 per minute, **Hebrew words** 187 per minute,
//!   **Chinese characters** 255 per minute and **Japanese characters** 357 per
//!   minute: the per-language means of the IReST norms, Trauzettel-Klosinski,
//!   S., & Dietz, K. (2012), "Standardized assessment of reading performance:
//!   The New International Reading Speed Texts IReST", Investigative
//!   Ophthalmology & Visual Science 53(9), 5452–5461. Caveats: IReST timed
//!   young adults reading a sixth-grade text *aloud*, so these rates are
//!   likely slower than silent reading (its English mean, 228, is close to
//!   Brysbaert's silent 238, but that is one language); and its Arabic figure
//!   is for Arabic, which Persian, Urdu and other languages in Arabic script
//!   share here for want of their own.
//! - Chinese and Japanese are written without spaces, so their characters are
//!   counted one by one. Han characters count as Japanese when the text also
//!   has kana (Hiragana or Katakana), and then the kana count too; Han alone
//!   counts as Chinese. The text is the whole card, not each string.
//! - **No sourced figure** (yet) for Devanagari (Hindi), Hangul (Korean),
//!   Thai and the rest: they are counted as words at the default word rate.
//!   Scripts written without spaces between words (Thai, Lao, Khmer,
//!   Myanmar) then count a whole run as one word, which underestimates them.
//!
//! A custom `wpm` is the reading speed for the default rate (words at 238);
//! every other rate is scaled by the same factor, `wpm / 238`. Times of the
//! scripts are added, then rounded up to whole minutes, never below one.
//! Integer arithmetic only: a minute is [`MINUTE`] units, a whole number of
//! units per word or character of each script.

use crate::core::model::Card;

/// Default reading speed in words per minute (Brysbaert 2019).
pub const DEFAULT_WPM: u32 = 238;
/// Arabic-script words per minute at the default speed (IReST).
pub const ARABIC_WPM: u64 = 138;
/// Hebrew words per minute at the default speed (IReST).
pub const HEBREW_WPM: u64 = 187;
/// Chinese characters per minute at the default speed (IReST).
pub const CHINESE_PER_MINUTE: u64 = 255;
/// Japanese characters (Han and kana) per minute at the default speed (IReST).
pub const JAPANESE_PER_MINUTE: u64 = 357;

/// One minute at the default speed, in units that every rate divides:
/// lcm(238, 138, 187, 255, 357) = 2·3·5·7·11·17·23.
pub const MINUTE: u64 = 903_210;
const PER_WORD: u64 = MINUTE / DEFAULT_WPM as u64;
const PER_ARABIC: u64 = MINUTE / ARABIC_WPM;
const PER_HEBREW: u64 = MINUTE / HEBREW_WPM;
const PER_CHINESE: u64 = MINUTE / CHINESE_PER_MINUTE;
const PER_JAPANESE: u64 = MINUTE / JAPANESE_PER_MINUTE;

/// Words and characters of a piece of text, by the rate they are read at.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    /// Words read at the default rate (Latin, Greek, Cyrillic and others).
    pub words: u64,
    /// Words in Arabic script.
    pub arabic: u64,
    /// Words in Hebrew script.
    pub hebrew: u64,
    /// Han characters: Chinese, or Japanese when there is any kana.
    pub han: u64,
    /// Hiragana and Katakana characters.
    pub kana: u64,
}

/// Han ideographs, read one at a time. 々〆〇 (U+3005..U+3007) stand for
/// ideographs.
fn is_han(u: u32) -> bool {
    matches!(u,
        0x3005..=0x3007       // 々〆〇
        | 0x3400..=0x4DBF     // CJK Extension A
        | 0x4E00..=0x9FFF     // CJK Unified Ideographs
        | 0xF900..=0xFAFF     // CJK Compatibility Ideographs
        | 0x20000..=0x323AF) // Extensions B to H
}

/// Kana, read one at a time.
fn is_kana(u: u32) -> bool {
    matches!(u,
        0x3040..=0x30FF       // Hiragana, Katakana
        | 0x31F0..=0x31FF     // Katakana phonetic extensions
        | 0xFF66..=0xFF9F) // Halfwidth Katakana
}

/// Scripts of space-separated words that have a rate of their own.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Words {
    Default,
    Arabic,
    Hebrew,
}

fn words_of(u: u32) -> Words {
    match u {
        0x0600..=0x06FF | 0x0750..=0x077F | 0x0870..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFC => Words::Arabic,
        0x0590..=0x05FF | 0xFB1D..=0xFB4F => Words::Hebrew,
        _ => Words::Default,
    }
}

/// Characters that can be part of a word: letters, digits and other
/// non-punctuation scripts. A dash or comma standing alone is not a word.
pub(crate) fn is_wordy(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (c as u32 > 0x7F
            && !c.is_whitespace()
            && !matches!(c as u32,
                0x00A0..=0x00BF                                   // Latin-1 punctuation: « » ¿ ¡ ·
                | 0x05BE | 0x05C0 | 0x05C3 | 0x05C6                // Hebrew punctuation
                | 0x060C | 0x061B | 0x061F | 0x066A..=0x066D | 0x06D4 // Arabic punctuation
                | 0x2000..=0x206F | 0x3000..=0x303F | 0xFF00..=0xFF0F))
}

impl Count {
    /// Adds the words and characters of `text`, walking Unicode scalar
    /// values (not UTF-16 units, not bytes). A word takes the script of its
    /// first Arabic or Hebrew letter, if any.
    pub fn add(&mut self, text: &str) {
        let mut word = None;
        for c in text.chars() {
            let u = c as u32;
            if is_han(u) {
                self.end(word.take());
                self.han = self.han.saturating_add(1);
            } else if is_kana(u) {
                self.end(word.take());
                self.kana = self.kana.saturating_add(1);
            } else if c.is_whitespace() {
                self.end(word.take());
            } else if is_wordy(c) {
                word = match word {
                    None | Some(Words::Default) => Some(words_of(u)),
                    w => w,
                };
            }
        }
        self.end(word);
    }

    fn end(&mut self, word: Option<Words>) {
        let n = match word {
            None => return,
            Some(Words::Default) => &mut self.words,
            Some(Words::Arabic) => &mut self.arabic,
            Some(Words::Hebrew) => &mut self.hebrew,
        };
        *n = n.saturating_add(1);
    }

    /// Minutes to read at `wpm` words per minute for the default rate (the
    /// others scaled alike), rounded up, at least 1.
    pub fn minutes(self, wpm: u32) -> u64 {
        let (chinese, japanese) = if self.kana == 0 { (self.han, 0) } else { (0, self.han.saturating_add(self.kana)) };
        // Saturating: no text under the size limit comes near, but the
        // counts are public.
        let units = [
            (self.words, PER_WORD),
            (self.arabic, PER_ARABIC),
            (self.hebrew, PER_HEBREW),
            (chinese, PER_CHINESE),
            (japanese, PER_JAPANESE),
        ]
        .into_iter()
        .fold(0u64, |sum, (n, per)| sum.saturating_add(n.saturating_mul(per)));
        // A minute at `wpm` is MINUTE * wpm / DEFAULT_WPM units.
        units.div_ceil(PER_WORD * u64::from(wpm.max(1))).max(1)
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
    use crate::core::model::Document;

    fn count(s: &str) -> Count {
        let mut n = Count::default();
        n.add(s);
        n
    }

    fn c(words: u64, arabic: u64, hebrew: u64, han: u64, kana: u64) -> Count {
        Count { words, arabic, hebrew, han, kana }
    }

    #[test]
    fn every_rate_is_a_whole_number_of_units() {
        for rate in [u64::from(DEFAULT_WPM), ARABIC_WPM, HEBREW_WPM, CHINESE_PER_MINUTE, JAPANESE_PER_MINUTE] {
            assert_eq!(MINUTE % rate, 0, "{rate}");
        }
    }

    #[test]
    fn counting() {
        let cases: &[(&str, Count)] = &[
            ("", c(0, 0, 0, 0, 0)),
            ("one two  three\nfour\tfive", c(5, 0, 0, 0, 0)),
            ("Sutskever – We're moving", c(3, 0, 0, 0, 0)),
            ("state-of-the-art, e.g. 3.5", c(3, 0, 0, 0, 0)),
            ("café naïve Ελληνικά русский हिन्दी 한국어", c(6, 0, 0, 0, 0)),
            ("مرحبا بالعالم ، كيف حالك؟", c(0, 4, 0, 0, 0)),
            ("زبان فارسی", c(0, 2, 0, 0, 0)),
            ("שלום עולם, מה־שלומך ׃", c(0, 0, 3, 0, 0)),
            ("日本語の文章です。", c(0, 0, 0, 5, 3)),
            ("カタカナ ひらがな", c(0, 0, 0, 0, 8)),
            ("我们正在从规模时代走向研究时代", c(0, 0, 0, 15, 0)),
            ("AI 研究 and العربية and עברית", c(3, 1, 1, 2, 0)),
            // A word takes its first Arabic or Hebrew letter's script.
            ("GPT-٤ 3עברית", c(0, 1, 1, 0, 0)),
            ("2024年", c(1, 0, 0, 1, 0)),
            ("😀 🎉", c(2, 0, 0, 0, 0)),
            ("𠀀𠀁 々", c(0, 0, 0, 3, 0)),
        ];
        for &(s, n) in cases {
            assert_eq!(count(s), n, "{s:?}");
        }
    }

    #[test]
    fn each_script_alone() {
        let m = |n: Count| n.minutes(DEFAULT_WPM);
        assert_eq!(m(c(0, 0, 0, 0, 0)), 1);
        assert_eq!(m(c(1, 0, 0, 0, 0)), 1);
        assert_eq!(m(c(238, 0, 0, 0, 0)), 1);
        assert_eq!(m(c(239, 0, 0, 0, 0)), 2);
        assert_eq!(m(c(714, 0, 0, 0, 0)), 3);
        assert_eq!(m(c(0, 138, 0, 0, 0)), 1);
        assert_eq!(m(c(0, 139, 0, 0, 0)), 2);
        assert_eq!(m(c(0, 0, 187, 0, 0)), 1);
        assert_eq!(m(c(0, 0, 188, 0, 0)), 2);
        assert_eq!(m(c(0, 0, 0, 255, 0)), 1);
        assert_eq!(m(c(0, 0, 0, 256, 0)), 2);
        // Japanese: Han and kana together at 357.
        assert_eq!(m(c(0, 0, 0, 300, 57)), 1);
        assert_eq!(m(c(0, 0, 0, 300, 58)), 2);
        assert_eq!(m(c(0, 0, 0, 0, 357)), 1);
        assert_eq!(m(c(0, 0, 0, 0, 714)), 2);
        // One kana makes Han Japanese: 356 Han alone is Chinese (2 min).
        assert_eq!(m(c(0, 0, 0, 356, 0)), 2);
        assert_eq!(m(c(0, 0, 0, 356, 1)), 1);
    }

    #[test]
    fn mixed_text_adds_the_times() {
        let m = |n: Count| n.minutes(DEFAULT_WPM);
        // Half a minute of English and half of Arabic.
        assert_eq!(m(c(119, 69, 0, 0, 0)), 1);
        assert_eq!(m(c(120, 69, 0, 0, 0)), 2);
        assert_eq!(m(c(238, 0, 0, 255, 0)), 2);
        assert_eq!(m(c(238, 0, 0, 256, 0)), 3);
        assert_eq!(m(c(238, 138, 187, 0, 357)), 4);
        assert_eq!(m(c(238, 138, 187, 0, 358)), 5);
    }

    #[test]
    fn wpm_scales_every_rate() {
        let m = |n: Count, wpm| n.minutes(wpm);
        assert_eq!(m(c(476, 0, 0, 0, 0), 476), 1);
        assert_eq!(m(c(477, 0, 0, 0, 0), 476), 2);
        assert_eq!(m(c(0, 276, 0, 0, 0), 476), 1);
        assert_eq!(m(c(0, 277, 0, 0, 0), 476), 2);
        assert_eq!(m(c(0, 0, 374, 0, 0), 476), 1);
        assert_eq!(m(c(0, 0, 0, 510, 0), 476), 1);
        assert_eq!(m(c(0, 0, 0, 400, 314), 476), 1);
        // Half speed doubles every time.
        assert_eq!(m(c(119, 0, 0, 0, 0), 119), 1);
        assert_eq!(m(c(0, 69, 0, 0, 0), 119), 1);
        assert_eq!(m(c(0, 70, 0, 0, 0), 119), 2);
        assert_eq!(m(c(0, 0, 0, 255, 0), 119), 2);
        assert_eq!(m(c(100, 0, 0, 0, 0), 50), 2);
        assert_eq!(m(c(4000, 0, 0, 0, 0), 2000), 2);
        // A speed of 0 is taken as 1.
        assert_eq!(m(c(100, 0, 0, 0, 0), 0), 100);
    }

    #[test]
    fn huge_counts_saturate() {
        let max = c(u64::MAX, u64::MAX, u64::MAX, u64::MAX, u64::MAX);
        assert_eq!(max.minutes(0), u64::MAX.div_ceil(PER_WORD));
        assert_eq!(max.minutes(u32::MAX), u64::MAX.div_ceil(PER_WORD * u64::from(u32::MAX)));
        assert_eq!(c(0, 0, 0, u64::MAX, 0).minutes(1), u64::MAX.div_ceil(PER_WORD));
        assert_eq!(c(u64::MAX, 0, 0, 0, 0).minutes(u32::MAX), u64::MAX.div_ceil(PER_WORD * u64::from(u32::MAX)));
        let mut n = c(u64::MAX, u64::MAX, u64::MAX, u64::MAX, u64::MAX);
        n.add("a ب ש 中 の");
        assert_eq!(n, max);
    }

    #[test]
    fn the_seed_reads_three_minutes() {
        let Ok(Document::Card(card)) =
            crate::core::validate::parse_document(include_str!("../../www/episodes/ilya.json"))
        else {
            unreachable!("the seed is one valid card")
        };
        assert_eq!(card_minutes(&card, DEFAULT_WPM), 3);
        let n = count_card(&card);
        assert_eq!((n.arabic, n.hebrew, n.han, n.kana), (0, 0, 0, 0));
    }
}
