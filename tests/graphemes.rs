//! The compact grapheme splitter (`core::links::grapheme_bounds`, which cuts
//! share text for X and Bluesky) against the unicode-segmentation crate's
//! full UAX #29, over a corpus of what the splitter claims to cover: Latin,
//! Cyrillic and CJK letters with combining marks, Hebrew and Arabic points,
//! Devanagari with its conjuncts, Thai, precomposed Hangul and whole jamo
//! syllables, emoji with modifiers, variation selectors, keycaps, tags, ZWJ
//! sequences and flags, and line breaks and C0 and C1 controls. Not claimed,
//! so not generated: Prepend, jamo in other orders, other scripts'
//! conjuncts, format characters (ZWSP, bidi marks), and the pictographs
//! before the emoji blocks (©, ‼, arrows) in ZWJ sequences.
//! Native only: unicode-segmentation is a dev-dependency, never in the wasm.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::indexing_slicing)]

use summary_card::core::links::grapheme_bounds;
use unicode_segmentation::UnicodeSegmentation;

/// Pieces the corpus is built from, one line per kind, separated by spaces
/// (the space itself is added by `pieces`); some are several characters
/// that only make sense together (a jamo syllable, a consonant and virama).
const PIECES: &[&str] = &[
    "a Z 0 . é ß д 中 あ … -",
    // combining marks: Latin, Cyrillic, enclosing, half marks, kana voicing
    "\u{301} \u{308} \u{327} \u{483} \u{1AB0} \u{1DC0} \u{20DD} \u{FE20} \u{3099}",
    // Hebrew and Arabic letters and points
    "ש ל \u{5B8} \u{5BC} \u{5C1} ب م \u{64E} \u{651} \u{670} \u{6D6}",
    // Devanagari: consonants, nukta, virama, signs, vowel signs (spacing and not), avagraha
    "क ष र न \u{93C} \u{94D} \u{902} \u{903} \u{93F} \u{940} \u{947} \u{94B} \u{951} \u{962} ऽ क् क़्",
    // Thai
    "ก ไ \u{E31} \u{E33} \u{E49} \u{E47}",
    // Hangul: precomposed LV and LVT, and whole syllables of jamo
    "가 한 \u{1100}\u{1161} \u{1100}\u{1161}\u{11A8} 가\u{11A8} \u{1100}\u{D7B0}",
    // emoji and the symbols ZWJ sequences use, modifiers, presentation selectors, keycap
    "👍 👩 👧 🏳 🌈 ❤ 🔥 🤝 🧑 ☀ ⬛ 🏴 \u{1F3FB} \u{1F3FD} \u{FE0F} \u{FE0E} \u{20E3} 1",
    // joiners, regional indicators, tags
    "\u{200D} \u{200C} \u{1F1EF} \u{1F1F5} \u{1F1FA} \u{1F1F8} \u{E0067} \u{E0062} \u{E007F}",
    // controls
    "\r \n \t \u{7F} \u{85}",
];

fn pieces() -> Vec<&'static str> {
    PIECES.iter().flat_map(|line| line.split(' ')).chain([" "]).collect()
}

fn reference(s: &str) -> Vec<usize> {
    let mut b: Vec<usize> = s.grapheme_indices(true).map(|(i, _)| i).collect();
    b.push(s.len());
    b
}

/// A small deterministic generator (xorshift), so a failure names a string
/// that fails again.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn check(s: &str) {
    assert_eq!(grapheme_bounds(s), reference(s), "{s:?}");
}

#[test]
fn every_pair_and_triple_of_pieces_splits_as_uax_29() {
    let pieces = pieces();
    for a in &pieces {
        for b in &pieces {
            check(&[*a, *b].concat());
            for c in &pieces {
                check(&[*a, *b, *c].concat());
            }
        }
    }
}

#[test]
fn random_runs_of_pieces_split_as_uax_29() {
    let pieces = pieces();
    let mut rng = Rng(0x5eed_cafe_f00d_d00d);
    for _ in 0..200_000 {
        let len = 1 + rng.below(10);
        let s: String = (0..len).map(|_| pieces[rng.below(pieces.len())]).collect();
        check(&s);
    }
}

#[test]
fn real_sequences_split_as_uax_29() {
    let texts = [
        "👩‍👩‍👧 family, 👍🏽 thumbs, 🇯🇵🇺🇸 flags, 🏳️‍🌈 and 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
        "🧑🏽‍🤝‍🧑🏻 ❤️‍🔥 1️⃣ #️⃣ 👁️‍🗨️ 🐻‍❄️ 😶‍🌫️ 🐈‍⬛ 🚶‍➡️ 🍋‍🟩 👩🏽‍⚕️ 🏃‍♀️",
        "Crème brûlée, naïve café; Ŝ\u{323}\u{302}; Z\u{335}\u{321}\u{30A}",
        "हिन्दी में क्षत्रिय और प्रश्न, स्त्री, द्वार, क्‍ष",
        "שָׁלוֹם עֲלֵיכֶם",
        "مَرْحَبًا بِكُمْ",
        "ภาษาไทย น้ำ กำ",
        "한국어 텍스트\r\n두 번째 줄",
        "line one\nline two\r\n\u{301}after a break",
    ];
    for t in texts {
        check(t);
    }
}
