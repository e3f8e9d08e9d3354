//! Whether an http(s) URL's host and port are ones a browser can parse, as
//! the WHATWG URL standard's parsers decide: a port of digits up to 65535,
//! a bracketed IPv6 address that closes and is valid, percent-escapes that
//! decode to UTF-8 without forbidden code points, and a host ending in a
//! number that is a valid IPv4 address (issue 16: `https://x.example:99999/`
//! passed validation and became a dead link).
//!
//! Hand-written, a few hundred bytes of wasm: the `url` crate would bring
//! the whole of IDNA. So non-ASCII hosts are checked only for what the
//! cheap cases of UTS #46 decide (fullwidth forms fold to ASCII; U+FFFD,
//! private-use characters and noncharacters are refused); tests/url_oracle.rs
//! compares this with the `url` crate.

/// Whether `authority` (what follows `//`, up to the path, query or
/// fragment) holds a host and port that a browser accepts. Credentials
/// (before the last `@`) are never a reason to refuse.
pub fn authority_ok(authority: &str) -> bool {
    let b = authority.as_bytes();
    let host_port = match b.iter().rposition(|&c| c == b'@') {
        Some(at) => b.get(at + 1..).unwrap_or_default(),
        None => b,
    };
    // The port starts at the first ':' outside brackets.
    let mut inside = false;
    let mut colon = host_port.len();
    for (i, &c) in host_port.iter().enumerate() {
        match c {
            b'[' => inside = true,
            b']' => inside = false,
            b':' if !inside => {
                colon = i;
                break;
            }
            _ => {}
        }
    }
    let host = host_port.get(..colon).unwrap_or_default();
    let port = host_port.get(colon + 1..).unwrap_or_default();
    host_ok(host) && port_ok(port)
}

/// Digits (any number of leading zeros) up to 65535, or nothing.
fn port_ok(port: &[u8]) -> bool {
    let mut n: u32 = 0;
    for &b in port {
        if !b.is_ascii_digit() {
            return false;
        }
        n = (n * 10 + u32::from(b - b'0')).min(1 << 20);
    }
    n <= 65535
}

fn hex(b: Option<&u8>) -> Option<u8> {
    let b = *b?;
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' | b'A'..=b'F' => Some((b | 0x20) - b'a' + 10),
        _ => None,
    }
}

fn host_ok(host: &[u8]) -> bool {
    if let Some(inner) = host.strip_prefix(b"[") {
        return inner.strip_suffix(b"]").is_some_and(ipv6_ok);
    }
    // Percent-decoded: an escape that is not two hex digits stays as it is
    // (and its '%' is then refused).
    let mut bytes = Vec::with_capacity(host.len());
    let mut i = 0;
    while let Some(&b) = host.get(i) {
        match (b, hex(host.get(i + 1)), hex(host.get(i + 2))) {
            (b'%', Some(h), Some(l)) => {
                bytes.push(h * 16 + l);
                i += 3;
            }
            _ => {
                bytes.push(b);
                i += 1;
            }
        }
    }
    // Read as UTF-8, with the few mappings of UTS #46 that give ASCII that
    // matters here (fullwidth forms, ideographic full stops) and ASCII in
    // lowercase; any other character stands as 0x80 (neither digit nor dot).
    let mut domain = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b0) = bytes.get(i) {
        let (len, min, mut c) = match b0 {
            0..=0x7f => (1, 0, u32::from(b0)),
            0xc2..=0xdf => (2, 0x80, u32::from(b0 & 0x1f)),
            0xe0..=0xef => (3, 0x800, u32::from(b0 & 0x0f)),
            0xf0..=0xf4 => (4, 0x10000, u32::from(b0 & 0x07)),
            _ => return false,
        };
        for k in 1..len {
            match bytes.get(i + k) {
                Some(&b) if b & 0xc0 == 0x80 => c = c << 6 | u32::from(b & 0x3f),
                _ => return false,
            }
        }
        i += len;
        if c < min || c > 0x10ffff || (0xd800..0xe000).contains(&c) {
            return false;
        }
        c = match c {
            0xff01..=0xff5e => c - 0xfee0,
            0x3002 | 0xff61 => 0x2e,
            _ => c,
        };
        let refused = match u8::try_from(c) {
            Ok(a) if a < 0x80 => {
                domain.push(a.to_ascii_lowercase());
                matches!(
                    a,
                    0..=b' '
                        | b'#'
                        | b'%'
                        | b'/'
                        | b':'
                        | b'<'
                        | b'>'
                        | b'?'
                        | b'@'
                        | b'['
                        | b'\\'
                        | b']'
                        | b'^'
                        | b'|'
                        | 0x7f
                )
            }
            _ => {
                domain.push(0x80);
                // U+FFFD (what bad UTF-8 becomes), private use, noncharacters.
                matches!(c, 0xfffd | 0xe000..=0xf8ff | 0xf0000..=0x10ffff | 0xfdd0..=0xfdef) || c & 0xfffe == 0xfffe
            }
        };
        if refused {
            return false;
        }
    }
    !domain.is_empty() && (!ends_in_number(&domain) || ipv4_ok(&domain))
}

/// The labels of a host, without the empty one after a final dot.
fn labels(host: &[u8]) -> impl Iterator<Item = &[u8]> {
    host.strip_suffix(b".").unwrap_or(host).split(|&b| b == b'.')
}

/// Whether the last label is a number, which makes the host an IPv4 address.
fn ends_in_number(host: &[u8]) -> bool {
    labels(host)
        .last()
        .is_some_and(|last| (!last.is_empty() && last.iter().all(u8::is_ascii_digit)) || ipv4_number(last).is_some())
}

/// A part of an IPv4 address: decimal, octal after a leading 0, hex after
/// 0x; capped above 2^32 (which is too large anywhere).
fn ipv4_number(part: &[u8]) -> Option<u64> {
    if part.is_empty() {
        return None;
    }
    let (radix, digits) = match part {
        [b'0', b'x', rest @ ..] => (16, rest),
        [b'0', rest @ ..] if !rest.is_empty() => (8, rest),
        _ => (10, part),
    };
    let mut n: u64 = 0;
    for &b in digits {
        let d = u64::from(match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            _ => return None,
        });
        if d >= radix {
            return None;
        }
        n = (n * radix + d).min(1 << 33);
    }
    Some(n)
}

fn ipv4_ok(host: &[u8]) -> bool {
    let count = labels(host).count();
    count <= 4
        && labels(host).enumerate().all(|(i, part)| match ipv4_number(part) {
            Some(n) if i + 1 < count => n <= 255,
            Some(n) => n < 1 << (8 * (5 - count)),
            None => false,
        })
}

/// The WHATWG IPv6 parser's verdict: eight pieces of up to four hex digits,
/// one `::` at most, an IPv4 address in place of the last two.
fn ipv6_ok(b: &[u8]) -> bool {
    let at = |i: usize| b.get(i).copied();
    let mut pieces = 0;
    let mut compressed = false;
    let mut i = 0;
    if at(0) == Some(b':') {
        if at(1) != Some(b':') {
            return false;
        }
        i = 2;
        pieces = 1;
        compressed = true;
    }
    while i < b.len() {
        if pieces == 8 {
            return false;
        }
        if at(i) == Some(b':') {
            if compressed {
                return false;
            }
            i += 1;
            pieces += 1;
            compressed = true;
            continue;
        }
        let mut length = 0;
        while length < 4 && at(i).is_some_and(|c| c.is_ascii_hexdigit()) {
            i += 1;
            length += 1;
        }
        match at(i) {
            Some(b'.') => {
                if length == 0 || pieces > 6 {
                    return false;
                }
                return ipv4_in_ipv6(b.get(i - length..).unwrap_or_default()) && (compressed || pieces == 6);
            }
            Some(b':') => {
                i += 1;
                if i >= b.len() {
                    return false;
                }
            }
            Some(_) => return false,
            None => {}
        }
        pieces += 1;
    }
    compressed || pieces == 8
}

/// The dotted IPv4 address at the end of an IPv6 one: four decimal numbers
/// up to 255, no leading zeros.
fn ipv4_in_ipv6(b: &[u8]) -> bool {
    let mut seen = 0;
    for part in b.split(|&c| c == b'.') {
        seen += 1;
        let ok = !part.is_empty()
            && part.iter().all(u8::is_ascii_digit)
            && !(part.len() > 1 && part.first() == Some(&b'0'))
            && part.len() <= 3
            && part.iter().fold(0u32, |n, &d| n * 10 + u32::from(d - b'0')) <= 255;
        if !ok {
            return false;
        }
    }
    seen == 4
}
