//! `from-rss URL`: the feed fetched over http(s) by ureq. Native only: the
//! WASI build has no sockets, and its launcher fetches on its behalf.

use std::io::Read;
use std::time::Duration;

/// The whole fetch, connection to last byte.
pub const TIMEOUT: Duration = Duration::from_secs(30);
/// Redirects followed before giving up.
pub const MAX_REDIRECTS: u32 = 5;

/// Whether the argument is an http(s) URL rather than a file name.
pub fn is_url(arg: &str) -> bool {
    let head = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    head.starts_with("http://") || head.starts_with("https://")
}

/// The body at `url`, at most `max_bytes`, or why there is none (with the
/// HTTP status when the server gave one).
pub fn fetch(url: &str, max_bytes: usize) -> Result<Vec<u8>, String> {
    let agent = ureq::AgentBuilder::new()
        .timeout(TIMEOUT)
        // ureq counts the redirect it refuses to follow too.
        .redirects(MAX_REDIRECTS + 1)
        .user_agent(concat!("summary-card/", env!("CARGO_PKG_VERSION")))
        .build();
    let response = match agent.get(url).call() {
        Ok(r) => r,
        Err(ureq::Error::Status(code, r)) => return Err(format!("HTTP {code} {}", r.status_text())),
        Err(ureq::Error::Transport(t)) if t.kind() == ureq::ErrorKind::TooManyRedirects => {
            return Err(format!("more than {MAX_REDIRECTS} redirects"))
        }
        Err(ureq::Error::Transport(t)) => return Err(t.to_string()),
    };
    let limit = u64::try_from(max_bytes).unwrap_or(u64::MAX).saturating_add(1);
    let mut body = Vec::new();
    response.into_reader().take(limit).read_to_end(&mut body).map_err(|e| e.to_string())?;
    if body.len() > max_bytes {
        return Err(format!("the feed is over the limit of 64 MiB ({max_bytes} bytes)"));
    }
    Ok(body)
}
