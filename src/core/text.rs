//! Small text helpers that keep `core::fmt` out of the shipped binary:
//! numbers to text and back, byte-level searches, values cut short for
//! messages, and a content hash.
//!
//! Hand-written because they measured 1.4 KB gzip smaller than `str::parse`,
//! `chars().count()` and char-pattern searches (bench/SIZE.md, issue 5).

/// Appends `n` in decimal.
pub fn push_uint(out: &mut String, n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        if let Some(slot) = buf.get_mut(i) {
            *slot = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || i == 0 {
            break;
        }
    }
    for &b in buf.get(i..).unwrap_or_default() {
        out.push(char::from(b));
    }
}

/// A decimal number of digits only (no sign, no spaces); `None` when empty,
/// not all digits, or too large. (`str::parse` brings a copy of its generic
/// code per integer type.)
pub fn parse_uint(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let mut n: u64 = 0;
    for b in s.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
    }
    Some(n)
}

/// Characters (Unicode scalar values) in `s`: its bytes that do not continue
/// a UTF-8 sequence. Same as `s.chars().count()`, whose unrolled counting
/// code is about 1 KB of wasm.
pub fn char_count(s: &str) -> usize {
    s.bytes().filter(|b| b & 0xC0 != 0x80).count()
}

/// Byte offset of the first ASCII `byte` in `s`. (A char pattern's searcher
/// brings `memchr` and its `Searcher` machinery into the wasm file.)
pub fn find_byte(s: &str, byte: u8) -> Option<usize> {
    s.bytes().position(|b| b == byte)
}

/// The part of `s` before the first ASCII `sep` (all of `s` without one):
/// `s.split(sep).next()`.
pub fn before_first(s: &str, sep: u8) -> &str {
    find_byte(s, sep).and_then(|i| s.get(..i)).unwrap_or(s)
}

/// The part of `s` after the last ASCII `sep` (all of `s` without one):
/// `s.rsplit(sep).next()`.
pub fn after_last(s: &str, sep: u8) -> &str {
    match s.bytes().rposition(|b| b == sep) {
        Some(i) => s.get(i + 1..).unwrap_or_default(),
        None => s,
    }
}

/// `n` in decimal, as a new string.
pub fn uint(n: u64) -> String {
    let mut s = String::new();
    push_uint(&mut s, n);
    s
}

/// Joins the parts into one string.
pub fn concat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

/// `value` cut to `max` characters with an ellipsis, so a huge string
/// cannot flood an error message.
pub fn cut(value: &str, max: usize) -> String {
    let mut chars = value.chars();
    let mut s: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        s.push('…');
    }
    s
}

/// FNV-1a, 32 bits: a short fingerprint that stays the same across Rust
/// releases (std's hashers may change), for ids made from content.
pub fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        for (n, s) in [(0, "0"), (7, "7"), (10, "10"), (5760, "5760"), (u64::MAX, "18446744073709551615")] {
            assert_eq!(uint(n), s);
        }
    }

    #[test]
    fn parsing_numbers() {
        for (s, n) in [("0", Some(0)), ("042", Some(42)), ("18446744073709551615", Some(u64::MAX))] {
            assert_eq!(parse_uint(s), n, "{s}");
        }
        for s in ["", "+1", "-1", " 1", "1 ", "1.0", "18446744073709551616", "٣"] {
            assert_eq!(parse_uint(s), None, "{s}");
        }
    }

    #[test]
    fn byte_helpers_match_the_std_ones() {
        for s in ["", "a", "a@b@c", "@", "é@ü", "no-sep", "x#y#z", "#"] {
            assert_eq!(char_count(s), s.chars().count(), "{s}");
            assert_eq!(after_last(s, b'@'), s.rsplit('@').next().unwrap(), "{s}");
            assert_eq!(before_first(s, b'#'), s.split('#').next().unwrap(), "{s}");
            assert_eq!(find_byte(s, b'@'), s.find('@'), "{s}");
        }
    }

    #[test]
    fn quoting_cuts_long_values() {
        assert_eq!(cut("abc", 5), "abc");
        assert_eq!(cut("abcdef", 3), "abc…");
        assert_eq!(cut("日本語です", 2), "日本…");
    }
}
