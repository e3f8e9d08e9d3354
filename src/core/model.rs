//! The data format (docs/contract.md §6) after validation: every value here has
//! been checked, so the view can trust it.
//!
//! In the CLI builds (native and WASI, `not(browser)`), these types also
//! derive the data's JSON Schema (written by the CLI's `schema` module): the
//! doc comments on fields are its descriptions, written for people who write
//! the JSON, and `schemars(with = ...)` names the type in
//! `core::schema_types` that says how a value is written there. Notes for
//! developers are `//` comments.
//!
//! The same builds derive `serde::Serialize` for the types the CLI writes
//! (`from-rss`'s show, takeaway and links): a value is written as the data
//! format writes it, and a missing one is left out.

/// A date from `published`, range-checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// A URL that passed the allowlist (absolute `http:`/`https:`, or `mailto:`
/// where the contract allows it).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(browser), derive(serde::Serialize), serde(transparent))]
pub struct Url(pub(crate) String);

impl Url {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The podcast an episode belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(browser), derive(schemars::JsonSchema, serde::Serialize))]
pub struct Show {
    /// The show's name, shown above the episode's title (as a link to `url`,
    /// if given).
    #[cfg_attr(not(browser), schemars(with = "crate::core::schema_types::Text"))]
    pub name: String,
    /// The show's home page.
    #[cfg_attr(not(browser), schemars(with = "Option<crate::core::schema_types::HttpUrl>"))]
    #[cfg_attr(not(browser), serde(skip_serializing_if = "Option::is_none"))]
    pub url: Option<Url>,
    /// The show's cover art, square, shown at 64 by 64 CSS pixels (so at
    /// least 128 pixels wide for sharp screens). The show's initial shows
    /// while it loads, and if it fails.
    #[cfg_attr(not(browser), schemars(with = "Option<crate::core::schema_types::HttpUrl>"))]
    #[cfg_attr(not(browser), serde(skip_serializing_if = "Option::is_none"))]
    pub artwork: Option<Url>,
}

/// A takeaway or a question: a short bold title and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(browser), derive(schemars::JsonSchema, serde::Serialize))]
pub struct Point {
    /// A short heading, shown in bold before the text.
    #[cfg_attr(not(browser), schemars(with = "Option<crate::core::schema_types::Text>"))]
    #[cfg_attr(not(browser), serde(skip_serializing_if = "Option::is_none"))]
    pub title: Option<String>,
    /// The point itself: a sentence or a short paragraph.
    #[cfg_attr(not(browser), schemars(with = "crate::core::schema_types::Text"))]
    pub text: String,
}

/// A link: one of `listen`'s, or the call to action (`cta`, whose `text` is
/// read into `label`; the schema describes it as `schema_types::Cta`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    not(browser),
    derive(schemars::JsonSchema, serde::Serialize),
    schemars(description = "A place to listen to the episode: a platform's name and the episode's page there.")
)]
pub struct Link {
    /// The platform's name, such as "Spotify" or "Apple Podcasts": the
    /// link's text.
    #[cfg_attr(not(browser), schemars(with = "crate::core::schema_types::Text"))]
    pub label: String,
    /// The episode's page on that platform.
    #[cfg_attr(not(browser), schemars(with = "crate::core::schema_types::HttpUrl"))]
    pub url: Url,
}

/// One episode's summary.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(
    not(browser),
    derive(schemars::JsonSchema),
    schemars(
        transform = crate::core::schema_types::with_version,
        description = "One episode's summary card. Only title and takeaways are required."
    )
)]
pub struct Card {
    /// Names the card on its page: share links point at #id (and
    /// #id-takeaway-2 at its second takeaway). Letters, digits, - and _,
    /// starting with a letter or digit, at most 100. Without it, a slug of
    /// the title.
    #[cfg_attr(not(browser), schemars(with = "Option<crate::core::schema_types::Id>"))]
    pub id: Option<String>,
    /// The episode's page (or this summary's): what the card's share links
    /// point to. Without it they point to the page showing the card.
    #[cfg_attr(not(browser), schemars(with = "Option<crate::core::schema_types::HttpUrl>"))]
    pub url: Option<Url>,
    /// The podcast the episode belongs to.
    pub show: Option<Show>,
    /// The episode's title: the card's heading.
    #[cfg_attr(not(browser), schemars(with = "crate::core::schema_types::Text"))]
    pub title: String,
    /// The episode's guests, by name, shown as "with A, B and C" (at most
    /// 100).
    #[cfg_attr(
        not(browser),
        schemars(with = "Vec<crate::core::schema_types::Text>", length(max = crate::core::limits::MAX_ITEMS), default)
    )]
    pub guests: Vec<String>,
    /// The day the episode was published: an ISO 8601 date, "2025-11-25".
    #[cfg_attr(not(browser), schemars(with = "Option<crate::core::schema_types::IsoDate>"))]
    pub published: Option<Date>,
    /// How long the episode is: seconds (5760), or "H:MM:SS" / "MM:SS" as in
    /// podcast feeds ("1:36:00"). The card shows it beside the read time
    /// ("You just read a 3-minute summary of a 96-minute episode").
    // Whole seconds after validation.
    #[cfg_attr(not(browser), schemars(with = "Option<crate::core::schema_types::Duration>"))]
    pub duration: Option<u32>,
    /// Topics, shown as tags in the full layout (at most 100).
    #[cfg_attr(
        not(browser),
        schemars(with = "Vec<crate::core::schema_types::Text>", length(max = crate::core::limits::MAX_ITEMS), default)
    )]
    pub topics: Vec<String>,
    /// Whether AI wrote the summary: if true, the card says so ("AI-generated
    /// summary").
    #[cfg_attr(not(browser), schemars(default))]
    pub ai_generated: bool,
    /// The key takeaways: at least 1, at most 100. A compact card shows the
    /// first three and a button for the rest.
    #[cfg_attr(
        not(browser),
        schemars(length(min = 1, max = crate::core::limits::MAX_ITEMS))
    )]
    pub takeaways: Vec<Point>,
    /// What the episode covers, in a paragraph (full layout).
    #[cfg_attr(not(browser), schemars(with = "Option<crate::core::schema_types::Text>"))]
    pub covers: Option<String>,
    /// Questions the episode answers, each with its answer (full layout; at
    /// most 100).
    #[cfg_attr(
        not(browser),
        schemars(length(max = crate::core::limits::MAX_ITEMS), default)
    )]
    pub questions: Vec<Point>,
    /// A notable moment of the episode, shown as a quote (full layout).
    #[cfg_attr(not(browser), schemars(with = "Option<crate::core::schema_types::Text>"))]
    pub notable_moment: Option<String>,
    /// Where to listen: the episode on podcast platforms (full layout; at
    /// most 100).
    #[cfg_attr(
        not(browser),
        schemars(length(max = crate::core::limits::MAX_ITEMS), default)
    )]
    pub listen: Vec<Link>,
    /// A call to action at the end of the card, such as a newsletter's
    /// sign-up page (full layout).
    #[cfg_attr(not(browser), schemars(with = "Option<crate::core::schema_types::Cta>"))]
    pub cta: Option<Link>,
}

/// A file holds one card or a collection of them (a podcaster's showcase).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(browser), derive(schemars::JsonSchema), schemars(untagged))]
pub enum Document {
    /// One card.
    // A file with `episodes` is a collection, whatever else it holds, so
    // a card has no `episodes` (which keeps the branches apart: `oneOf`).
    #[cfg_attr(
        not(browser),
        schemars(extend("type" = "object", "properties" = {
            "episodes": { "description": "Only in a collection: a file with episodes is a collection.", "not": {} }
        }))
    )]
    Card(Box<Card>),
    /// A collection: several episodes' cards in one file.
    #[cfg_attr(not(browser), schemars(with = "crate::core::schema_types::Collection<Card>"))]
    Collection(Vec<Card>),
}
