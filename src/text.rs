//! Small text helpers that keep `core::fmt` out of the shipped binary:
//! number to text, quoting values in messages, English lists and plurals.

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

/// `value` in double quotes, cut to `max` characters with an ellipsis so a
/// huge string cannot flood an error message.
pub fn quote(value: &str, max: usize) -> String {
    let mut s = String::from("\"");
    let mut chars = value.chars();
    for c in chars.by_ref().take(max) {
        s.push(c);
    }
    if chars.next().is_some() {
        s.push('…');
    }
    s.push('"');
    s
}

/// "A", "A and B", "A, B and C".
pub fn join_and(items: &[String]) -> String {
    let mut s = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(if i + 1 == items.len() { " and " } else { ", " });
        }
        s.push_str(item);
    }
    s
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
    fn quoting_cuts_long_values() {
        assert_eq!(quote("abc", 5), "\"abc\"");
        assert_eq!(quote("abcdef", 3), "\"abc…\"");
        assert_eq!(quote("日本語です", 2), "\"日本…\"");
    }

    #[test]
    fn lists_read_as_english() {
        let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(join_and(&v(&[])), "");
        assert_eq!(join_and(&v(&["A"])), "A");
        assert_eq!(join_and(&v(&["A", "B"])), "A and B");
        assert_eq!(join_and(&v(&["A", "B", "C"])), "A, B and C");
    }
}
