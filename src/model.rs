//! The data format (CONTRACT.md §6) after validation: every value here has
//! been checked, so the view can trust it.

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
pub struct Url(pub(crate) String);

impl Url {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Show {
    pub name: String,
    pub url: Option<Url>,
    pub artwork: Option<Url>,
}

/// A takeaway or a question: a short bold title and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    pub title: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub label: String,
    pub url: Url,
}

/// One episode's summary.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Card {
    pub id: Option<String>,
    pub url: Option<Url>,
    pub show: Option<Show>,
    pub title: String,
    pub guests: Vec<String>,
    pub published: Option<Date>,
    /// Episode length in whole seconds.
    pub duration: Option<u32>,
    pub topics: Vec<String>,
    pub ai_generated: bool,
    pub takeaways: Vec<Point>,
    pub covers: Option<String>,
    pub questions: Vec<Point>,
    pub notable_moment: Option<String>,
    pub listen: Vec<Link>,
    pub cta: Option<Link>,
}

/// A file holds one card or a collection of them (a podcaster's showcase).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Document {
    Card(Box<Card>),
    Collection(Vec<Card>),
}
