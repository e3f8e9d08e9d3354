//! The data format's limits, in one place: the validator enforces them, and
//! the model (its schema), the schema's value types and the CLI's feed
//! reader state them. A module of its own, with no imports, so every module
//! can name them without importing the validator (which imports the model).

/// Largest document accepted, in bytes: far above any real summary, low
/// enough that hostile input cannot freeze the page.
pub const MAX_BYTES: usize = 1 << 20;
/// Most items in any list of a card (takeaways, questions, topics, ...).
pub const MAX_ITEMS: usize = 100;
/// Most episodes in a collection.
pub const MAX_EPISODES: usize = 500;
/// Longest string, in characters.
pub const MAX_CHARS: usize = 5000;

/// Longest episode we accept: anything longer is a typo, not a podcast.
pub const MAX_DURATION_SECONDS: u64 = 1000 * 3600;
