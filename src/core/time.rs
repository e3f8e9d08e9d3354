//! Episode durations and publication dates: parsing the forms podcast feeds
//! use, whole minutes, and the ISO 8601 forms for `<time datetime>` and
//! JSON-LD. The labels the card shows are per locale, in `i18n`.

use crate::core::limits::MAX_DURATION_SECONDS;
use crate::core::model::Date;
use crate::core::text::push_uint;

/// Why a duration string was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationError {
    /// Not `SS`, `MM:SS` or `H:MM:SS`.
    Format,
    /// Minutes or seconds of 60 or more after a larger unit.
    OutOfRange,
    /// Zero, or more than [`MAX_DURATION_SECONDS`].
    Length,
}

/// Parses `"H:MM:SS"`, `"MM:SS"` or plain seconds (`"5760"`), as in RSS
/// `itunes:duration`. Minutes in `MM:SS` may exceed 59 (`"96:00"`), as feeds
/// write them; seconds, and minutes under hours, may not.
pub fn parse_duration(s: &str) -> Result<u64, DurationError> {
    let mut fields = [0u64; 3];
    let mut count = 0;
    for part in s.trim().as_bytes().split(|&b| b == b':') {
        if part.is_empty() || part.len() > 7 || !part.iter().all(u8::is_ascii_digit) {
            return Err(DurationError::Format);
        }
        let slot = fields.get_mut(count).ok_or(DurationError::Format)?;
        *slot = part.iter().fold(0, |n, b| n * 10 + u64::from(b - b'0'));
        count += 1;
    }
    let [a, b, c] = fields;
    let seconds = match count {
        1 => a,
        2 if b < 60 => a * 60 + b,
        3 if b < 60 && c < 60 => a * 3600 + b * 60 + c,
        _ => return Err(DurationError::OutOfRange),
    };
    check_length(seconds)
}

/// Checks a duration given as a number of seconds.
pub fn check_length(seconds: u64) -> Result<u64, DurationError> {
    if seconds == 0 || seconds > MAX_DURATION_SECONDS {
        Err(DurationError::Length)
    } else {
        Ok(seconds)
    }
}

/// Whole minutes, rounded to the nearest, never below 1.
pub fn minutes(seconds: u64) -> u64 {
    (seconds.saturating_add(30) / 60).max(1)
}

/// ISO 8601 duration for `<time datetime>`: `PT1H36M`.
pub fn iso_duration(seconds: u64) -> String {
    let m = minutes(seconds);
    let mut s = String::from("PT");
    if m >= 60 {
        push_uint(&mut s, m / 60);
        s.push('H');
    }
    if m % 60 != 0 || m < 60 {
        push_uint(&mut s, m % 60);
        s.push('M');
    }
    s
}

/// ISO 8601 duration of whole seconds, exactly (`PT1H36M`, `PT4M5S`,
/// `PT0S`), for JSON-LD; `<time datetime>` uses [`iso_duration`], the
/// minutes the card shows.
pub fn iso_duration_exact(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let mut out = String::from("PT");
    for (n, unit) in [(h, 'H'), (m, 'M'), (s, 'S')] {
        if n > 0 {
            push_uint(&mut out, n);
            out.push(unit);
        }
    }
    if seconds == 0 {
        out.push_str("0S");
    }
    out
}

/// Parses an ISO 8601 calendar date `YYYY-MM-DD`, optionally followed by a
/// time (`T...`), which is ignored: the card shows only the day.
pub fn parse_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let date = b.get(..10)?;
    if b.len() > 10 && b.get(10) != Some(&b'T') {
        return None;
    }
    let num = |r: core::ops::Range<usize>| -> Option<u16> {
        let digits = date.get(r)?;
        digits.iter().try_fold(0u16, |n, &c| c.is_ascii_digit().then(|| n * 10 + u16::from(c - b'0')))
    };
    if date.get(4) != Some(&b'-') || date.get(7) != Some(&b'-') {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if year < 1000 || day == 0 || day > days {
        return None;
    }
    Some(Date { year, month: month as u8, day: day as u8 })
}

/// `"2025-11-25"`, for `<time datetime>`.
pub fn iso_date(d: Date) -> String {
    let mut s = String::new();
    for (n, width) in [(u64::from(d.year), 4), (d.month.into(), 2), (d.day.into(), 2)] {
        if !s.is_empty() {
            s.push('-');
        }
        if width == 2 && n < 10 {
            s.push('0');
        }
        push_uint(&mut s, n);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_iso_durations() {
        for (s, want) in
            [(5760, "PT1H36M"), (245, "PT4M5S"), (0, "PT0S"), (3600, "PT1H"), (3601, "PT1H1S"), (59, "PT59S")]
        {
            assert_eq!(iso_duration_exact(s), want);
        }
    }

    #[test]
    fn duration_forms() {
        let ok: &[(&str, u64)] = &[
            ("1:36:00", 5760),
            ("01:36:00", 5760),
            ("96:00", 5760),
            ("5760", 5760),
            (" 45:30 ", 2730),
            ("0:00:01", 1),
            ("10:00:00", 36000),
        ];
        for (s, secs) in ok {
            assert_eq!(parse_duration(s), Ok(*secs), "{s}");
        }
        let bad: &[(&str, DurationError)] = &[
            ("99:99:99", DurationError::OutOfRange),
            ("1:60:00", DurationError::OutOfRange),
            ("10:75", DurationError::OutOfRange),
            ("1:2:3:4", DurationError::Format),
            ("", DurationError::Format),
            ("1h36m", DurationError::Format),
            ("-5", DurationError::Format),
            ("1::0", DurationError::Format),
            ("0", DurationError::Length),
            ("0:00", DurationError::Length),
            ("1001:00:00", DurationError::Length),
            ("99999999999999999999", DurationError::Format),
        ];
        for (s, e) in bad {
            assert_eq!(parse_duration(s), Err(*e), "{s}");
        }
    }

    #[test]
    fn iso_durations_of_the_minutes_shown() {
        let cases: &[(u64, &str)] = &[
            (5760, "PT1H36M"),
            (5580, "PT1H33M"),
            (29, "PT1M"),
            (90, "PT2M"),
            (3600, "PT1H"),
            (7199, "PT2H"),
            (7500, "PT2H5M"),
            (10800, "PT3H"),
        ];
        for &(secs, iso) in cases {
            assert_eq!(iso_duration(secs), iso, "{secs}");
        }
    }

    /// Found by tests/fuzz.rs: rounding overflowed for the largest numbers.
    #[test]
    fn minutes_take_any_number_of_seconds() {
        assert_eq!(minutes(u64::MAX), u64::MAX / 60);
        assert_eq!(iso_duration(u64::MAX - 29), "PT5124095576030431H");
    }

    #[test]
    fn dates() {
        let d = parse_date("2025-11-25").unwrap();
        assert_eq!(d, Date { year: 2025, month: 11, day: 25 });
        assert_eq!(iso_date(d), "2025-11-25");
        assert_eq!(parse_date("2024-02-29T10:00:00Z"), Some(Date { year: 2024, month: 2, day: 29 }));
        assert_eq!(iso_date(parse_date("2024-01-05").unwrap()), "2024-01-05");
        for bad in [
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-11-31",
            "25-11-2025",
            "2025/11/25",
            "2025-11-25x",
            "",
            "0999-01-01",
            "2025-1-5",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
