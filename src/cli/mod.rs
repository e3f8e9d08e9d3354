//! The `summary-card` command line: validate, render, schema, from-rss
//! ([`main`], which `src/main.rs` runs). Built for everything but the
//! browser (`not(browser)`): native, or wasm32-wasip1 run by Node through
//! `cli/summary-card.mjs` (`scripts/build-cli.mjs` builds it). It imports the
//! core and its own modules, never the browser layer:
//!
//! - [`page`]: the static HTML of `render`;
//! - [`rss`]: card JSON from a podcast feed (`from-rss`);
//! - [`schema`]: the JSON Schema (`schema`).
//!
//! Arguments are parsed by hand (a few options; no parser dependency).
//! Exit status: 0 done, 1 invalid input, 2 usage error.

pub mod page;
pub mod rss;
pub mod schema;

use crate::core::i18n::{table_json, Locale, LOCALES};
use crate::core::json::line_col;
use crate::core::validate::{parse_document, validate, Error};
use crate::core::view::{Options, HEADING_MAX, HEADING_MIN, WPM_MAX, WPM_MIN};
use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
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

const VALIDATE_HELP: &str = "\
Usage: summary-card validate FILE...

Checks each card (or collection) file against the data format and prints
every problem, in file order, to standard output:

  FILE:LINE:COL: PATH: MESSAGE

PATH is the JSON path of the value (takeaways[2].title), or (document).
Prints nothing when every file is valid.

Exit status: 0 all valid, 1 any problem or unreadable file, 2 usage error.
";

const RENDER_HELP: &str = "\
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

const SCHEMA_HELP: &str = "\
Usage: summary-card schema

Prints the JSON Schema of the card data format (the same file as
dist/summary-card.schema.json).

Exit status: 0, or 2 for a usage error.
";

const FROM_RSS_HELP: &str = "\
Usage: summary-card from-rss FEED.xml [--guid GUID]

Prints card JSON for one episode of a podcast RSS feed: the item whose
<guid> is GUID, else the feed's first item. Problems go to standard error
as FEED:LINE:COL: PATH: MESSAGE.

Options:
  --guid GUID    the episode to convert (default: the first item)
  -h, --help     print this

Exit status: 0 printed, 1 bad feed or unreadable file, 2 usage error.
";

const HELP_HELP: &str = "\
Usage: summary-card help [COMMAND]

Prints the overview, or COMMAND's options (same as summary-card COMMAND --help).
";

/// The help text of a command, if it is one.
fn help_of(cmd: &str) -> Option<&'static str> {
    Some(match cmd {
        "validate" => VALIDATE_HELP,
        "render" => RENDER_HELP,
        "schema" => SCHEMA_HELP,
        "from-rss" => FROM_RSS_HELP,
        "help" => HELP_HELP,
        _ => return None,
    })
}

/// A one-line usage error on standard error, exit 2.
fn usage_error(cmd: Option<&str>, message: &str) -> ExitCode {
    let see = cmd.map_or_else(|| "summary-card --help".to_string(), |c| format!("summary-card {c} --help"));
    eprintln!("summary-card: {message} (see {see})");
    ExitCode::from(2)
}

/// Writes `text` to standard output; a failed write is an error (exit 1).
fn print(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is the reader's choice: no message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("summary-card: cannot write the output: {}", why(&e));
            ExitCode::FAILURE
        }
    }
}

/// The arguments of one command: positional ones, and option values by name.
#[derive(Default)]
struct Args {
    positional: Vec<OsString>,
    values: Vec<(&'static str, String)>,
    flags: Vec<&'static str>,
    help: bool,
}

impl Args {
    fn value(&self, name: &str) -> Option<&str> {
        self.values.iter().rev().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }
    fn flag(&self, name: &str) -> bool {
        self.flags.contains(&name)
    }
}

/// Parses `args` for `cmd`: `--name VALUE` or `--name=VALUE` for the names
/// in `valued`, `--name` for those in `flags`, `--` ends the options, and
/// `-` alone is a file (standard input). The error is the usage message.
fn parse(args: &[OsString], valued: &[&'static str], flags: &[&'static str]) -> Result<Args, String> {
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

/// A file's text, or the message saying why there is none. `-` is standard input.
fn read(file: &OsStr) -> Result<String, String> {
    let cannot = |why: String| format!("{}: cannot read: {why}", name(file));
    if file == "-" || host::on_stdin(file) {
        let mut s = String::new();
        return match std::io::stdin().read_to_string(&mut s) {
            Ok(_) => Ok(s),
            Err(e) => Err(cannot(why(&e))),
        };
    }
    std::fs::read_to_string(host::path(file).map_err(cannot)?).map_err(|e| cannot(why(&e)))
}

/// An I/O error's words without Rust's " (os error N)": the number is the
/// platform's (ENOENT is 2 on Linux and macOS, 44 in WASI), the words the
/// same, so the native and the WASI CLI say the same.
fn why(e: &std::io::Error) -> String {
    let text = e.to_string();
    match e.raw_os_error() {
        Some(n) => text.strip_suffix(&format!(" (os error {n})")).unwrap_or(&text).to_string(),
        None => text,
    }
}

/// How FILE is reached: natively, as typed.
#[cfg(not(target_os = "wasi"))]
mod host {
    use std::ffi::OsStr;
    use std::path::PathBuf;

    pub fn on_stdin(_: &OsStr) -> bool {
        false
    }

    pub fn path(file: &OsStr) -> Result<PathBuf, String> {
        Ok(file.into())
    }
}

/// How FILE is reached in the wasm32-wasip1 build that `cli/summary-card.mjs`
/// runs under Node. The launcher preopens the host's root as "/" (on
/// Windows, the current drive's) and passes, in the environment:
/// - `PWD`, the host's working directory as a path under "/" (wasi-libc
///   starts in "/"), which [`enter_cwd`] enters so that `x.json` and
///   `../x.json` open what they would natively;
/// - on Windows, `SUMMARY_CARD_WINDOWS_DRIVE` (`C:`), so that `a\b.json`
///   and `C:\a\b.json` open `a/b.json` and `/a/b.json`;
/// - `SUMMARY_CARD_STDIN_URL`, a FEED argument that is a URL: the launcher
///   fetched it and gives its body as standard input.
///
/// Messages name FILE as typed either way.
#[cfg(target_os = "wasi")]
mod host {
    use std::ffi::OsStr;
    use std::path::PathBuf;

    pub fn enter_cwd() {
        if let Some(dir) = std::env::var_os("PWD") {
            // If it fails, relative paths start at "/" and `read` says
            // which file it cannot read.
            let _ = std::env::set_current_dir(dir);
        }
    }

    pub fn on_stdin(file: &OsStr) -> bool {
        std::env::var_os("SUMMARY_CARD_STDIN_URL").is_some_and(|url| url == file)
    }

    pub fn path(file: &OsStr) -> Result<PathBuf, String> {
        let path = windows_path(file)?;
        // Node's WASI opens a directory but reads it as "Bad file
        // descriptor": say what the native CLI says.
        if std::fs::metadata(&path).is_ok_and(|m| m.is_dir()) {
            return Err("Is a directory".into());
        }
        Ok(path)
    }

    fn windows_path(file: &OsStr) -> Result<PathBuf, String> {
        let Some(drive) = std::env::var("SUMMARY_CARD_WINDOWS_DRIVE").ok() else {
            return Ok(file.into());
        };
        let path = file.to_string_lossy().replace('\\', "/");
        if path.starts_with("//") {
            return Err("a network (UNC) path, which summary-card under Node cannot reach".into());
        }
        let bytes = path.as_bytes();
        match (bytes.first(), bytes.get(1)) {
            (Some(letter), Some(b':')) if letter.is_ascii_alphabetic() => {
                let other = path.get(..2).unwrap_or_default();
                if !other.eq_ignore_ascii_case(&drive) {
                    return Err(format!(
                        "on drive {other}, and summary-card under Node reaches only the current drive, {drive} \
                         (change to {other} first)"
                    ));
                }
                Ok(path.get(2..).unwrap_or_default().into())
            }
            _ => Ok(path.into()),
        }
    }
}

/// How messages name a file.
fn name(file: &OsStr) -> String {
    if file == "-" {
        "<stdin>".into()
    } else {
        file.to_string_lossy().into_owned()
    }
}

/// `FILE:LINE:COL: PATH: MESSAGE`, the format of every data and feed problem.
fn problem(file: &str, src: &str, offset: usize, path: &str, message: &str) -> String {
    let (line, col) = line_col(src, offset);
    let path = if path.is_empty() { "(document)" } else { path };
    format!("{file}:{line}:{col}: {path}: {message}\n")
}

/// Runs the command the arguments name; the exit code says how it went.
pub fn main() -> ExitCode {
    #[cfg(target_os = "wasi")]
    host::enter_cwd();
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let Some((cmd, rest)) = args.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let cmd = cmd.to_string_lossy();
    match &*cmd {
        "-h" | "--help" => print(USAGE),
        "-V" | "--version" => print(concat!("summary-card ", env!("CARGO_PKG_VERSION"), "\n")),
        "help" => match rest {
            [] => print(USAGE),
            [flag] if flag == "-h" || flag == "--help" => print(HELP_HELP),
            [topic] => match help_of(&topic.to_string_lossy()) {
                Some(text) => print(text),
                None => usage_error(None, &format!("unknown command {:?}", topic.to_string_lossy())),
            },
            _ => usage_error(Some("help"), "help takes one COMMAND at most"),
        },
        // Not a user command (so not in the usage): the build writes the
        // wasm build's message tables, `DIR/<tag>.json`, with it.
        "__locales" => match rest {
            [dir] => write_locales(&dir.to_string_lossy()),
            _ => {
                eprint!("{USAGE}");
                ExitCode::from(2)
            }
        },
        "validate" | "render" | "schema" | "from-rss" => {
            let (valued, flags): (&[&'static str], &[&'static str]) = match &*cmd {
                "render" => (&["theme", "layout", "locale", "wpm", "heading-level"], &["fragment"]),
                "from-rss" => (&["guid"], &[]),
                _ => (&[], &[]),
            };
            let parsed = match parse(rest, valued, flags) {
                Ok(p) => p,
                Err(message) => return usage_error(Some(&cmd), &message),
            };
            if parsed.help {
                return print(help_of(&cmd).unwrap_or(USAGE));
            }
            match &*cmd {
                "validate" => run_validate(&parsed),
                "render" => run_render(&parsed),
                "schema" => run_schema(&parsed),
                _ => run_from_rss(&parsed),
            }
        }
        other if other.starts_with('-') => usage_error(None, &format!("unknown option {other}")),
        other => usage_error(None, &format!("unknown command {other:?}")),
    }
}

fn run_validate(args: &Args) -> ExitCode {
    if args.positional.is_empty() {
        return usage_error(Some("validate"), "validate needs at least one FILE");
    }
    let mut failed = false;
    let mut out = String::new();
    for file in &args.positional {
        let src = match read(file) {
            Ok(s) => s,
            Err(message) => {
                eprintln!("{message}");
                failed = true;
                continue;
            }
        };
        for e in validate(&src) {
            out.push_str(&problem(&name(file), &src, e.offset, &e.path, &e.message));
            failed = true;
        }
    }
    let printed = print(&out);
    if failed {
        ExitCode::FAILURE
    } else {
        printed
    }
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
fn render_options(args: &Args) -> Result<Options, String> {
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

/// The one FILE `cmd` takes (`what` names it in messages), or the usage error.
fn one_file<'a>(args: &'a Args, cmd: &str, what: &str) -> Result<&'a OsStr, ExitCode> {
    match args.positional.as_slice() {
        [file] => Ok(file),
        [] => Err(usage_error(Some(cmd), &format!("{cmd} needs a {what}"))),
        _ => Err(usage_error(Some(cmd), &format!("{cmd} takes one {what}"))),
    }
}

/// The file's text, or exit 1 after saying why it cannot be read.
fn read_or_fail(file: &OsStr) -> Result<String, ExitCode> {
    read(file).map_err(|message| {
        eprintln!("{message}");
        ExitCode::FAILURE
    })
}

fn run_render(args: &Args) -> ExitCode {
    let file = match one_file(args, "render", "FILE") {
        Ok(f) => f,
        Err(code) => return code,
    };
    let opts = match render_options(args) {
        Ok(o) => o,
        Err(message) => return usage_error(Some("render"), &message),
    };
    let src = match read_or_fail(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let doc = match parse_document(&src) {
        Ok(doc) => doc,
        Err(errors) => {
            let text: String =
                errors.iter().map(|e: &Error| problem(&name(file), &src, e.offset, &e.path, &e.message)).collect();
            eprint!("{text}");
            return ExitCode::FAILURE;
        }
    };
    if args.flag("fragment") {
        print(&page::fragment(&doc, &opts))
    } else {
        print(&page::render(&doc, &src, &opts))
    }
}

fn run_schema(args: &Args) -> ExitCode {
    if !args.positional.is_empty() {
        return usage_error(Some("schema"), "schema takes no arguments");
    }
    print(&schema::schema_json())
}

fn run_from_rss(args: &Args) -> ExitCode {
    let file = match one_file(args, "from-rss", "FEED file") {
        Ok(f) => f,
        Err(code) => return code,
    };
    let xml = match read_or_fail(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    match rss::card_from_feed(&xml, args.value("guid")) {
        Ok(mut json) => {
            if !json.ends_with('\n') {
                json.push('\n');
            }
            print(&json)
        }
        Err(errors) => {
            let text: String =
                errors.iter().map(|e| problem(&name(file), &xml, e.offset, &e.path, &e.message)).collect();
            eprint!("{text}");
            ExitCode::FAILURE
        }
    }
}

/// Writes every locale's message table but English's (built into the wasm)
/// as `dir/<tag>.json`.
fn write_locales(dir: &str) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("{dir}: cannot create: {}", why(&e));
        return ExitCode::FAILURE;
    }
    for l in LOCALES.into_iter().filter(|&l| l != Locale::En) {
        let file = std::path::Path::new(dir).join(format!("{}.json", l.tag()));
        if let Err(e) = std::fs::write(&file, table_json(l)) {
            eprintln!("{}: cannot write: {}", file.display(), why(&e));
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
