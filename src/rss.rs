//! Card JSON from a podcast RSS feed (`summary-card from-rss`). Native only.
//! STUB: not implemented yet.

/// A problem with the feed, at a byte offset in the XML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedError {
    /// Byte offset in the feed text (for FILE:LINE:COL).
    pub offset: usize,
    /// Where in the feed, e.g. `rss.channel.item[3]`; empty for the whole document.
    pub path: String,
    pub message: String,
}

/// The card JSON (pretty-printed, ending in a newline) for the episode with
/// guid `guid`, or the feed's first item when `guid` is `None`.
pub fn card_from_feed(_xml: &str, _guid: Option<&str>) -> Result<String, Vec<FeedError>> {
    Err(vec![FeedError { offset: 0, path: String::new(), message: "from-rss is not implemented yet".into() }])
}
