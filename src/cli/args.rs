//! What the command line accepts, defined once with clap: the commands,
//! their arguments and options, the checks of their values, and every help
//! text (the doc comments below are the one-line helps; the `*_MORE` texts
//! follow a command's options). `summary-card --help`, `summary-card help
//! COMMAND` and `summary-card COMMAND --help` print what clap makes of them.
//!
//! `render`'s options are the widget's attributes, checked here so that a
//! value the widget would quietly replace by its default is an error.

use crate::core::i18n::{Locale, LOCALES};
use crate::core::limits::MAX_ITEMS;
use crate::core::readtime::DEFAULT_WPM;
use crate::core::validate::check_url;
use crate::core::view::{Layout, Options, Theme, HEADING_MAX, HEADING_MIN, WPM_MAX, WPM_MIN};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;

const OVERVIEW_MORE: &str = "\
A FILE of - reads standard input. 'summary-card help COMMAND' (or
'summary-card COMMAND --help') prints a command's options.

Exit status:
  0  success
  1  invalid input: validation errors, an unreadable file, a bad feed
  2  usage error: unknown command or option, missing or bad argument";

const VALIDATE_MORE: &str = "\
Checks each card (or collection) file against the data format and prints
every problem, in file order, on standard output:

  FILE:LINE:COL: PATH: MESSAGE

PATH is the JSON path of the value (takeaways[2].title), or (document).
Prints nothing when every file is valid.

Exit status: 0 all valid, 1 any problem or unreadable file, 2 usage error.";

const RENDER_MORE: &str = "\
Prints the card (a collection: its showcase) as static HTML, built from the
same view as the widget: a <summary-card> element holding the card in a
declarative shadow root with its stylesheet (shown without JavaScript), the
data as an inline <script type=\"application/json\"> (the widget, when the
page loads it, upgrades the card in place), then schema.org JSON-LD
(PodcastEpisode; an ItemList of them for a collection).

With --meta IMAGE_URL, prints instead the <meta> tags for the <head> of the
page that shows the card, for link previews: og:title (the title),
og:description (what the episode covers), og:url (the card's link),
og:image (IMAGE_URL, such as the PNG of 'summary-card image') with its size,
and twitter:card (summary_large_image).

Invalid data: each problem as FILE:LINE:COL: PATH: MESSAGE on standard error.

Exit status: 0 printed, 1 invalid data or unreadable file, 2 usage error.";

const IMAGE_MORE: &str = "\
Draws a 1080x1350 PNG quote card (4:5), for a page's og:image and
twitter:image or to post: the show and the episode's title, then takeaway N's
title and text (shrunk a step at a time to fit, then cut off with an
ellipsis), or without --takeaway the title and the first takeaways' titles;
the AI label when the card says AI wrote it, and the card's link as host and
path. In the card's colours (light or dark) and in the locale's words and
direction.

The text is set in DejaVu Sans, built in, so the picture is the same on
every machine. For characters it lacks (Chinese, Japanese, Devanagari...)
the system's fonts are used; characters no font has are left out, with a
warning on standard error.

Without -o the PNG goes to standard output, unless that is a terminal.
Under npx (Node's WASI) no system fonts are found: only the characters
DejaVu Sans has are drawn (for others, cargo install summary-card).

Exit status: 0 written, 1 invalid data, no such takeaway or unwritable
output, 2 usage error.";

const SCHEMA_MORE: &str = "\
Prints the JSON Schema of the card data format (the same file as
dist/summary-card.schema.json).

Exit status: 0, or 2 for a usage error.";

const FROM_RSS_MORE: &str = "\
Prints card JSON for one episode of a podcast RSS 2.0 feed: the newest item
by <pubDate> (items without a readable date count as oldest), or with
--guid the item whose <guid> is GUID. Everything but the summary comes from
the feed: the card's one takeaway is an empty placeholder for you to write,
which 'summary-card validate' flags until you do. Problems go to standard
error as FEED:LINE:COL: PATH: MESSAGE, and so do warnings (a <pubDate> that
cannot be read), which print the card all the same.

With --all, every episode, newest first, as one collection for
'summary-card render' to make a season page; each keeps its placeholder.

The feed may be in any encoding its XML declaration or byte-order mark
names; an http(s) FEED is fetched (30 s, 5 redirects, 64 MiB at most).

Exit status: 0 printed, 1 bad feed or unreadable file, 2 usage error.";

/// The command line.
#[derive(Parser)]
#[command(
    name = "summary-card",
    // Not the program's file name (summary-card.exe, a renamed copy).
    bin_name = "summary-card",
    version,
    about = "summary-card: podcast summary cards from JSON",
    after_help = OVERVIEW_MORE,
    arg_required_else_help = true,
    // An option given twice takes its last value, so an alias's option can
    // be overridden.
    args_override_self = true,
    // Wrapped at 80 columns whatever the terminal, so the native and the
    // WASI CLI print the same.
    term_width = 80
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Check card files; print each problem as FILE:LINE:COL: PATH: MESSAGE
    #[command(after_help = VALIDATE_MORE)]
    Validate {
        /// Card or collection files
        #[arg(value_name = "FILE", required = true)]
        files: Vec<OsString>,
    },
    /// Print a card as static HTML that shows without JavaScript
    #[command(after_help = RENDER_MORE)]
    Render(Render),
    /// Draw a takeaway (or the whole card) as a 1080x1350 PNG quote card
    #[command(after_help = IMAGE_MORE)]
    Image(Image),
    /// Print the JSON Schema of the card format
    #[command(after_help = SCHEMA_MORE)]
    Schema,
    /// Print card JSON for an episode of a podcast RSS feed (the newest, or --guid's)
    #[command(after_help = FROM_RSS_MORE)]
    FromRss {
        /// The feed: a file, - for standard input, or an http(s) URL to fetch
        #[arg(value_name = "FEED")]
        feed: OsString,
        /// The episode to convert, by its <guid> [default: the newest by <pubDate>]
        #[arg(long, value_name = "GUID")]
        guid: Option<String>,
        /// Print every episode as one collection ({"version":1,"episodes":[...]}), newest first, for render
        #[arg(long, conflicts_with = "guid")]
        all: bool,
        /// With --all: at most N episodes (the newest)
        #[arg(long, value_name = "N", requires = "all")]
        limit: Option<usize>,
    },
    /// Writes each message table the browser fetches as DIR/<tag>.json (for
    /// scripts/build.mjs; not a user command, so not in the help).
    #[command(name = "__locales", hide = true)]
    Locales {
        #[arg(value_name = "DIR")]
        dir: OsString,
    },
}

/// `render`'s arguments: the widget's attributes, as options.
#[derive(Args)]
pub struct Render {
    /// The card or collection file
    #[arg(value_name = "FILE")]
    pub file: OsString,
    /// Colour theme (auto: the reader's setting)
    #[arg(long, value_enum, ignore_case = true, default_value_t = ThemeArg::Auto)]
    pub theme: ThemeArg,
    /// Layout
    #[arg(long, value_enum, ignore_case = true, default_value_t = LayoutArg::Full)]
    pub layout: LayoutArg,
    #[arg(long, value_name = "TAG", value_parser = known_locale, default_value = "en",
          help = locale_help())]
    pub locale: String,
    #[arg(long, value_name = "N", value_parser = wpm, default_value_t = DEFAULT_WPM,
          help = format!("Reading speed for the read time, in words a minute, {WPM_MIN} to {WPM_MAX}"))]
    pub wpm: u32,
    #[arg(long, value_name = "N", value_parser = heading_level, default_value_t = Options::default().heading,
          help = format!("The title's heading level, {HEADING_MIN} to {HEADING_MAX}"))]
    pub heading_level: u8,
    /// Print only the card's markup, for newsletters and feeds: no custom element, stylesheet, script or buttons (so no --theme)
    #[arg(long, conflicts_with = "theme")]
    pub fragment: bool,
    /// Print instead the page-head <meta> tags for link previews (og:title, og:description, og:image, twitter:card), with IMAGE_URL as the image
    #[arg(long, value_name = "IMAGE_URL", value_parser = image_url,
          conflicts_with_all = ["fragment", "theme", "layout", "wpm", "heading_level"])]
    pub meta: Option<String>,
}

/// `image`'s arguments.
#[derive(Args)]
pub struct Image {
    /// The card file
    #[arg(value_name = "FILE")]
    pub file: OsString,
    /// Quote takeaway N, from 1 [default: the whole card: its title and first takeaways]
    #[arg(long, value_name = "N", value_parser = takeaway)]
    pub takeaway: Option<usize>,
    /// Colour theme
    #[arg(long, value_enum, ignore_case = true, default_value_t = ImageTheme::Light)]
    pub theme: ImageTheme,
    #[arg(long, value_name = "TAG", value_parser = known_locale, default_value = "en",
          help = locale_help())]
    pub locale: String,
    /// Write the PNG to this file [default: standard output, unless a terminal]
    #[arg(short = 'o', long = "output", value_name = "OUT.png")]
    pub output: Option<OsString>,
}

/// `image --theme`: no `auto`, a picture has one.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImageTheme {
    Light,
    Dark,
}

/// `--theme`: the widget's `theme` attribute.
#[derive(Clone, Copy, ValueEnum)]
pub enum ThemeArg {
    Light,
    Dark,
    Auto,
}

/// `--layout`: the widget's `layout` attribute.
#[derive(Clone, Copy, ValueEnum)]
pub enum LayoutArg {
    Full,
    Compact,
}

impl Render {
    /// The view's options, as the widget reads the same attributes.
    pub fn options(&self) -> Options {
        Options {
            theme: match self.theme {
                ThemeArg::Light => Theme::Light,
                ThemeArg::Dark => Theme::Dark,
                ThemeArg::Auto => Theme::Auto,
            },
            layout: match self.layout {
                LayoutArg::Full => Layout::Full,
                LayoutArg::Compact => Layout::Compact,
            },
            wpm: self.wpm,
            heading: self.heading_level,
            ..Options::default()
        }
        .with_locale(&self.locale)
    }
}

/// A whole number in `low..=high` (surrounding spaces ignored, as the
/// widget reads its attributes).
fn number_in(value: &str, low: u64, high: u64) -> Result<u64, String> {
    match value.trim().parse::<u64>() {
        Ok(n) if (low..=high).contains(&n) => Ok(n),
        _ => Err(format!("must be a whole number from {low} to {high}")),
    }
}

fn wpm(value: &str) -> Result<u32, String> {
    // The range fits a u32.
    number_in(value, WPM_MIN, WPM_MAX).map(|n| u32::try_from(n).unwrap_or(DEFAULT_WPM))
}

fn takeaway(value: &str) -> Result<usize, String> {
    number_in(value, 1, MAX_ITEMS as u64).map(|n| usize::try_from(n).unwrap_or(1))
}

/// An absolute http(s) URL, as the data's URLs must be.
fn image_url(value: &str) -> Result<String, String> {
    match check_url(value.trim(), false) {
        Some(url) => Ok(url.as_str().to_string()),
        None => Err("must be an absolute https: or http: URL".into()),
    }
}

fn heading_level(value: &str) -> Result<u8, String> {
    number_in(value, HEADING_MIN, HEADING_MAX).map(|n| u8::try_from(n).unwrap_or(2))
}

/// The locales' tags, "en, es, ..., he".
fn locale_tags() -> String {
    LOCALES.iter().map(|l| l.tag()).collect::<Vec<_>>().join(", ")
}

fn locale_help() -> String {
    format!("Language of the card's words, a BCP 47 tag: {} (regions are fine: pt-BR)", locale_tags())
}

/// A tag whose language the card speaks; other tags are an error, since
/// the user asked for that language by name (the widget, which cannot ask,
/// shows English instead).
fn known_locale(tag: &str) -> Result<String, String> {
    let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
    if Locale::from_tag(tag) != Locale::En || primary.eq_ignore_ascii_case("en") {
        return Ok(tag.to_string());
    }
    Err(format!("the card has no words for this locale; it speaks {}", locale_tags()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
