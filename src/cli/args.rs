//! What the command line accepts: each command's help text, the option
//! parser, and the checks of `render`'s option values (read as the widget
//! reads the same attributes).

use crate::core::i18n::{Locale, LOCALES};
use crate::core::view::{Options, HEADING_MAX, HEADING_MIN, WPM_MAX, WPM_MIN};
use std::ffi::OsString;

pub const USAGE: &str = "\
summary-card: podcast summary cards from JSON

Usage:
  summary-card validate FILE...
  summary-card render FILE [--theme T] [--layout L] [--locale TAG] [--wpm N]
                           [--heading-level N] [--fragment]
  summary-card schema
  summary-card from-rss FEED.xml [--guid GUID]
  summary-card help [COMMAND]

Commands:
  validate   check card files; print each problem as FILE:LINE:COL: PATH: MESSAGE
  render     print a card as static HTML that shows without JavaScript
  schema     print the JSON Schema of the card format
  from-rss   print card JSON for an episode of a podcast RSS feed
  help       print this, or a command's options

A FILE of - reads standard input.
Options: --help (-h) for any command; --version (-V).
Run 'summary-card COMMAND --help' for a command's options.

Exit status:
  0  success
  1  invalid input: validation errors, an unreadable file, a bad feed
  2  usage error: unknown command or option, missing or bad argument
";

pub const VALIDATE_HELP: &str = "\
Usage: summary-card validate FILE...

Checks each card (or collection) file against the data format and prints
every problem, in file order, to standard output:

  FILE:LINE:COL: PATH: MESSAGE

PATH is the JSON path of the value (takeaways[2].title), or (document).
Prints nothing when every file is valid.

Exit status: 0 all valid, 1 any problem or unreadable file, 2 usage error.
";

pub const RENDER_HELP: &str = "\
Usage: summary-card render FILE [options]

Prints the card (a collection: its showcase) as static HTML, built from the
same view as the widget: a <summary-card> element holding the card in a
declarative shadow root with its stylesheet (shown without JavaScript), the
data as an inline <script type=\"application/json\"> (the widget, when the
page loads it, upgrades the card in place), then schema.org JSON-LD
(PodcastEpisode; an ItemList of them for a collection).

Options:
  --theme light|dark|auto    colour theme (default auto: the reader's setting)
  --layout full|compact      layout (default full)
  --locale TAG               language of the card's words, a BCP 47 tag:
                             en, es, de, fr, pt, ja, zh, ar, hi, he (default en;
                             regions are fine: pt-BR; another language is an error)
  --wpm N                    reading speed for the read time, 50 to 2000 (default 238)
  --heading-level N          the title's heading level, 1 to 6 (default 2)
  --fragment                 print only the card's markup: no custom element,
                             stylesheet or script, no buttons (for newsletters
                             and feeds); --theme does not apply
  -h, --help                 print this

Invalid data: each problem as FILE:LINE:COL: PATH: MESSAGE on standard error.

Exit status: 0 printed, 1 invalid data or unreadable file, 2 usage error.
";

pub const SCHEMA_HELP: &str = "\
Usage: summary-card schema

Prints the JSON Schema of the card data format (the same file as
dist/summary-card.schema.json).

Exit status: 0, or 2 for a usage error.
";

pub const FROM_RSS_HELP: &str = "\
Usage: summary-card from-rss FEED.xml [--guid GUID]

Prints card JSON for one episode of a podcast RSS feed: the item whose
<guid> is GUID, else the feed's first item. Problems go to standard error
as FEED:LINE:COL: PATH: MESSAGE.

Options:
  --guid GUID    the episode to convert (default: the first item)
  -h, --help     print this

Exit status: 0 printed, 1 bad feed or unreadable file, 2 usage error.
";

pub const HELP_HELP: &str = "\
Usage: summary-card help [COMMAND]

Prints the overview, or COMMAND's options (same as summary-card COMMAND --help).
";

/// The help text of a command, if it is one.
pub fn help_of(cmd: &str) -> Option<&'static str> {
    Some(match cmd {
        "validate" => VALIDATE_HELP,
        "render" => RENDER_HELP,
        "schema" => SCHEMA_HELP,
        "from-rss" => FROM_RSS_HELP,
        "help" => HELP_HELP,
        _ => return None,
    })
}

/// The arguments of one command: positional ones, and option values by name.
#[derive(Default)]
pub struct Args {
    pub positional: Vec<OsString>,
    pub values: Vec<(&'static str, String)>,
    pub flags: Vec<&'static str>,
    pub help: bool,
}

impl Args {
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values.iter().rev().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }
    pub fn flag(&self, name: &str) -> bool {
        self.flags.contains(&name)
    }
}

/// Parses `args` for `cmd`: `--name VALUE` or `--name=VALUE` for the names
/// in `valued`, `--name` for those in `flags`, `--` ends the options, and
/// `-` alone is a file (standard input). The error is the usage message.
pub fn parse(args: &[OsString], valued: &[&'static str], flags: &[&'static str]) -> Result<Args, String> {
    let mut parsed = Args::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let text = arg.to_string_lossy();
        if text == "--" {
            parsed.positional.extend(rest.cloned());
            break;
        }
        if text == "-h" || text == "--help" {
            parsed.help = true;
            return Ok(parsed);
        }
        if !text.starts_with('-') || text == "-" {
            parsed.positional.push(arg.clone());
            continue;
        }
        let (name, inline) = match text.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (&*text, None),
        };
        if let Some(&known) = valued.iter().find(|v| name.strip_prefix("--") == Some(**v)) {
            let value = match inline {
                Some(v) => v,
                None => match rest.next() {
                    Some(v) => v.to_string_lossy().into_owned(),
                    None => return Err(format!("{name} needs a value")),
                },
            };
            parsed.values.push((known, value));
        } else if let Some(&known) = flags.iter().find(|f| name.strip_prefix("--") == Some(**f)) {
            if inline.is_some() {
                return Err(format!("{name} takes no value"));
            }
            parsed.flags.push(known);
        } else {
            return Err(format!("unknown option {name}"));
        }
    }
    Ok(parsed)
}

/// Checks `value` against the allowed words (ASCII case ignored, as the
/// widget's attributes are read).
fn one_of(option: &str, value: &str, allowed: &[&str]) -> Result<(), String> {
    if allowed.iter().any(|a| a.eq_ignore_ascii_case(value.trim())) {
        Ok(())
    } else {
        let (last, rest) = allowed.split_last().unwrap_or((&"", &[]));
        Err(format!("--{option} must be {} or {last}, not {value:?}", rest.join(", ")))
    }
}

/// Checks a whole number option against its range.
fn number_in(option: &str, value: &str, low: u64, high: u64) -> Result<(), String> {
    match value.trim().parse::<u64>() {
        Ok(n) if (low..=high).contains(&n) => Ok(()),
        _ => Err(format!("--{option} must be a whole number from {low} to {high}, not {value:?}")),
    }
}

/// A tag whose language the card speaks; other tags are an error, since
/// the user asked for that language by name (the widget, which cannot ask,
/// shows English instead).
fn known_locale(tag: &str) -> Result<(), String> {
    let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
    if Locale::from_tag(tag) != Locale::En || primary.eq_ignore_ascii_case("en") {
        return Ok(());
    }
    let known: Vec<&str> = LOCALES.iter().map(|l| l.tag()).collect();
    Err(format!("the card has no words for locale {tag:?}; it speaks {}", known.join(", ")))
}

/// The render options, checked, as the widget would read them from the
/// element's attributes.
pub fn render_options(args: &Args) -> Result<Options, String> {
    // Absent options read as absent attributes: the widget's defaults.
    let value = |name| args.value(name).unwrap_or_default();
    if let Some(theme) = args.value("theme") {
        one_of("theme", theme, &["light", "dark", "auto"])?;
    }
    if let Some(layout) = args.value("layout") {
        one_of("layout", layout, &["full", "compact"])?;
    }
    if let Some(wpm) = args.value("wpm") {
        number_in("wpm", wpm, WPM_MIN, WPM_MAX)?;
    }
    if let Some(level) = args.value("heading-level") {
        number_in("heading-level", level, HEADING_MIN, HEADING_MAX)?;
    }
    known_locale(args.value("locale").unwrap_or("en"))?;
    if args.flag("fragment") && args.value("theme").is_some() {
        return Err("--theme does not apply to --fragment, which carries no stylesheet".into());
    }
    Ok(Options::from_attributes(value("theme"), value("layout"), value("wpm"))
        .with_heading_level(value("heading-level"))
        .with_locale(args.value("locale").unwrap_or("en")))
}
