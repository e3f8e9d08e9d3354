//! The `summary-card` command line: validate, render, image, schema, from-rss
//! ([`main`], which `src/main.rs` runs). Built for everything but the
//! browser (`not(browser)`): native, or wasm32-wasip1 run by Node through
//! `cli/summary-card.mjs` (`scripts/build-cli.mjs` builds it). It imports the
//! core and its own modules, never the browser layer:
//!
//! - `args`: the commands, their options and help texts (clap), and the
//!   checks of `render`'s option values;
//! - `image`: the quote card as a PNG (`image`);
//! - [`locales`]: the message tables the browser fetches (`__locales`);
//! - [`page`]: the static HTML of `render`;
//! - [`rss`]: card JSON from a podcast feed (`from-rss`);
//! - [`schema`]: the JSON Schema (`schema`).
//!
//! Exit status: 0 done, 1 invalid input, 2 usage error (clap's, said in
//! one line: [`on_clap_error`]).

mod args;
#[cfg(not(target_arch = "wasm32"))]
pub mod fetch;
mod image;
pub mod locales;
pub mod page;
pub mod rss;
pub mod schema;

use crate::core::i18n::{Locale, LOCALES};
use crate::core::limits::MAX_BYTES;
use crate::core::model::Document;
use crate::core::validate::{parse_document, too_large, validate, Error};
use args::{Cli, Command, Image, ImageTheme, Render};
use clap::error::ErrorKind;
use clap::{CommandFactory, Parser};
use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::process::ExitCode;

/// What clap says when it returns no command to run: the help or the
/// version (exit 0), the overview when there are no arguments (on standard
/// error, exit 2), or a usage error in one line on standard error, exit 2:
/// clap's message and tips, then where to read more,
/// `summary-card: unexpected argument '--foo' found; tip: ... (see summary-card render --help)`.
fn on_clap_error(e: &clap::Error, args: &[OsString]) -> ExitCode {
    let text = e.render().to_string();
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => return print(&text),
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprint!("{text}");
            return ExitCode::from(2);
        }
        _ => {}
    }
    // The message (its first paragraph, maybe with indented lines such as
    // the missing arguments), then the tips; not the usage, nor "For more
    // information, try '--help'.", which the hint says for the command.
    let mut paragraphs = text.split("\n\n").map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "));
    let mut line = paragraphs.next().unwrap_or_default();
    line = line.strip_prefix("error: ").map(str::to_string).unwrap_or(line);
    for tip in paragraphs.filter(|p| p.starts_with("tip: ")) {
        line.push_str("; ");
        line.push_str(&tip);
    }
    // The command the error is about, when the first argument names one.
    let cmd = args
        .first()
        .and_then(|a| a.to_str())
        .filter(|a| *a != "help" && Cli::command().get_subcommands().any(|c| c.get_name() == *a && !c.is_hide_set()));
    let see = cmd.map_or_else(|| "summary-card --help".to_string(), |c| format!("summary-card {c} --help"));
    eprintln!("summary-card: {line} (see {see})");
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

/// Why a file gives no input: it cannot be read (the message), or it holds
/// more than the limit, with its size in bytes when the file says it
/// (standard input does not).
enum Unread {
    Cannot(String),
    TooBig(Option<u64>),
}

/// At most `limit` bytes of a file (`-` is standard input). Reading stops
/// one byte past the limit (issue 16: 300 MB on standard input ran out of
/// memory before the 1 MiB limit was checked), so a larger input costs no
/// more memory than the limit.
fn read_capped(file: &OsStr, limit: usize) -> Result<Vec<u8>, Unread> {
    let cannot = |why: String| Unread::Cannot(format!("{}: cannot read: {why}", name(file)));
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let mut bytes = Vec::new();
    let size = if file == "-" || host::on_stdin(file) {
        std::io::stdin().lock().take(cap).read_to_end(&mut bytes).map_err(|e| cannot(why(&e)))?;
        None
    } else {
        let f = std::fs::File::open(host::path(file).map_err(cannot)?).map_err(|e| cannot(why(&e)))?;
        (&f).take(cap).read_to_end(&mut bytes).map_err(|e| cannot(why(&e)))?;
        f.metadata().ok().filter(std::fs::Metadata::is_file).map(|m| m.len())
    };
    if bytes.len() > limit {
        return Err(Unread::TooBig(size.filter(|&n| n > cap - 1)));
    }
    Ok(bytes)
}

/// A card file's text, or why there is none. Over the limit, the message
/// is the validator's: `the document is 2000000 bytes; the limit is 1 MiB
/// (1048576 bytes)` (standard input: `more than 1048576 bytes`).
fn read(file: &OsStr) -> Result<String, Unread> {
    let bytes = read_capped(file, MAX_BYTES)?;
    String::from_utf8(bytes)
        .map_err(|_| Unread::Cannot(format!("{}: cannot read: stream did not contain valid UTF-8", name(file))))
}

/// The size an over-limit message states: the bytes, or "more than LIMIT".
fn size_text(size: Option<u64>, limit: usize) -> String {
    size.map_or_else(|| format!("more than {limit}"), |n| n.to_string())
}

/// A feed's bytes (a feed names its own encoding), or why there are none.
fn read_bytes(file: &OsStr) -> Result<Vec<u8>, String> {
    read_capped(file, rss::MAX_BYTES).map_err(|e| match e {
        Unread::Cannot(message) => message,
        Unread::TooBig(size) => {
            problems(file, "", [(0, "", rss::too_large(&size_text(size, rss::MAX_BYTES)).as_str())])
                .trim_end()
                .to_string()
        }
    })
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

/// How messages name a file: as typed (`-` as `<stdin>`), except that
/// characters which could fake a line of output, drive the terminal or
/// reorder the line are escaped (issue 16): `\n`, `\r` and `\t`; other
/// C0 controls and DEL as `\x1b`; C1 controls, line and paragraph
/// separators and bidi controls as `\u{202e}`. Bytes that are not UTF-8
/// show as U+FFFD.
fn name(file: &OsStr) -> String {
    if file == "-" {
        return "<stdin>".into();
    }
    let mut out = String::new();
    for c in file.to_string_lossy().chars() {
        let n = u32::from(c);
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0'..='\u{1f}' | '\u{7f}' => out.push_str(&format!("\\x{n:02x}")),
            '\u{80}'..='\u{9f}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{061c}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}' => out.push_str(&format!("\\u{{{n:x}}}")),
            c => out.push(c),
        }
    }
    out
}

/// Line and column of byte offsets in one text, as
/// [`crate::core::json::line_col`] counts them (1-based; the column in
/// characters, a byte-order mark not counted), in time linear in the text
/// for offsets that come in order, as the validator's errors do (issue 16:
/// walking from the start for each of 60,000 errors took 38 s). The line
/// starts are found once; an offset further along the same line counts on
/// from the last one, any other from its line's start.
pub struct Positions<'a> {
    src: &'a str,
    /// Byte offset of each line's first character.
    starts: Vec<usize>,
    /// Where the last count stopped (a character boundary), its line and column.
    at: usize,
    line: usize,
    col: usize,
}

impl<'a> Positions<'a> {
    pub fn new(src: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(src.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
        Positions { src, starts, at: 0, line: 1, col: 1 }
    }

    /// 1-based line and column of `offset`.
    pub fn line_col(&mut self, offset: usize) -> (usize, usize) {
        // The line holds the offset when its start is at or before it: a
        // newline before the offset counts, one at it does not.
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        if line != self.line || offset < self.at {
            self.line = line;
            self.at = self.starts.get(line - 1).copied().unwrap_or_default();
            self.col = 1;
        }
        let rest = self.src.get(self.at..).unwrap_or_default();
        let mut stop = rest.len();
        for (i, c) in rest.char_indices() {
            if self.at + i >= offset {
                stop = i;
                break;
            }
            if c != '\u{feff}' {
                self.col += 1;
            }
        }
        self.at += stop;
        (self.line, self.col)
    }
}

/// `FILE:LINE:COL: PATH: MESSAGE`, the format of every data and feed problem.
fn problem(file: &str, at: &mut Positions, offset: usize, path: &str, message: &str) -> String {
    let (line, col) = at.line_col(offset);
    let path = if path.is_empty() { "(document)" } else { path };
    format!("{file}:{line}:{col}: {path}: {message}\n")
}

/// Every problem of `file` (whose text is `src`), one line each.
fn problems<'e>(file: &OsStr, src: &str, errors: impl IntoIterator<Item = (usize, &'e str, &'e str)>) -> String {
    let (file, mut at) = (name(file), Positions::new(src));
    errors.into_iter().map(|(offset, path, message)| problem(&file, &mut at, offset, path, message)).collect()
}

/// Runs the command the arguments name; the exit code says how it went.
pub fn main() -> ExitCode {
    #[cfg(target_os = "wasi")]
    host::enter_cwd();
    let args: Vec<OsString> = std::env::args_os().collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return on_clap_error(&e, args.get(1..).unwrap_or_default()),
    };
    match cli.command {
        Command::Validate { files } => run_validate(&files),
        Command::Render(render) => run_render(&render),
        Command::Image(image) => run_image(&image),
        Command::Schema => print(&schema::schema_json()),
        Command::FromRss { feed, guid, all, limit } => run_from_rss(&feed, guid.as_deref(), all.then_some(limit)),
        Command::Locales { dir } => write_locales(&dir.to_string_lossy()),
    }
}

fn run_validate(files: &[OsString]) -> ExitCode {
    let mut failed = false;
    let mut out = String::new();
    for file in files {
        let src = match read(file) {
            Ok(s) => s,
            Err(Unread::Cannot(message)) => {
                eprintln!("{message}");
                failed = true;
                continue;
            }
            Err(Unread::TooBig(size)) => {
                out.push_str(&too_big(file, size));
                failed = true;
                continue;
            }
        };
        let errors = validate(&src);
        failed |= !errors.is_empty();
        out.push_str(&problems(file, &src, errors.iter().map(|e| (e.offset, e.path.as_str(), e.message.as_str()))));
    }
    let printed = print(&out);
    if failed {
        ExitCode::FAILURE
    } else {
        printed
    }
}

/// The file's text, or exit 1 after saying why it cannot be read.
fn read_or_fail(file: &OsStr) -> Result<String, ExitCode> {
    read(file).map_err(|e| {
        match e {
            Unread::Cannot(message) => eprintln!("{message}"),
            Unread::TooBig(size) => eprint!("{}", too_big(file, size)),
        }
        ExitCode::FAILURE
    })
}

/// The problem line of a card file over the size limit, as the validator
/// words it.
fn too_big(file: &OsStr, size: Option<u64>) -> String {
    problems(file, "", [(0, "", too_large(&size_text(size, MAX_BYTES)).as_str())])
}

fn run_render(args: &Render) -> ExitCode {
    let file = &args.file;
    let opts = args.options();
    let src = match read_or_fail(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let doc = match parse_or_fail(file, &src) {
        Ok(doc) => doc,
        Err(code) => return code,
    };
    if let Some(image_url) = &args.meta {
        return match &doc {
            Document::Card(card) => print(&page::meta(card, image_url)),
            Document::Collection(_) => {
                eprintln!("{}: a collection: --meta describes one card", name(file));
                ExitCode::FAILURE
            }
        };
    }
    if args.fragment {
        print(&page::fragment(&doc, &opts))
    } else {
        print(&page::render(&doc, &src, &opts))
    }
}

/// The checked document, or exit 1 after printing its problems as
/// `FILE:LINE:COL: PATH: MESSAGE` on standard error.
fn parse_or_fail(file: &OsStr, src: &str) -> Result<Document, ExitCode> {
    parse_document(src).map_err(|errors| {
        eprint!(
            "{}",
            problems(file, src, errors.iter().map(|e: &Error| (e.offset, e.path.as_str(), e.message.as_str())))
        );
        ExitCode::FAILURE
    })
}

/// `image`: the quote card of a takeaway (or of the whole card) as a PNG,
/// written to `-o` or standard output. The same natively and in the npx
/// (WASI) build, except that WASI finds no system fonts (see `image`).
fn run_image(args: &Image) -> ExitCode {
    use std::io::IsTerminal;
    let file = &args.file;
    let to_stdout = args.output.as_deref().map_or(true, |o| o == "-");
    if to_stdout && std::io::stdout().is_terminal() {
        eprintln!(
            "summary-card: image writes a PNG: name a file with -o OUT.png, or redirect standard output \
             (see summary-card image --help)"
        );
        return ExitCode::from(2);
    }
    let src = match read_or_fail(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let card = match parse_or_fail(file, &src) {
        Ok(Document::Card(card)) => card,
        Ok(Document::Collection(_)) => {
            eprintln!("{}: a collection: image draws one card (pick an episode into its own file)", name(file));
            return ExitCode::FAILURE;
        }
        Err(code) => return code,
    };
    let locale = Locale::from_tag(&args.locale);
    let dark = args.theme == ImageTheme::Dark;
    let Some(quote) = crate::core::quote::quote(&card, args.takeaway.map(|n| n - 1), dark, locale) else {
        let n = card.takeaways.len();
        eprintln!(
            "{}: --takeaway {}: the card has {n} takeaway{}",
            name(file),
            args.takeaway.unwrap_or_default(),
            if n == 1 { "" } else { "s" }
        );
        return ExitCode::FAILURE;
    };
    let picture = match image::draw(&quote) {
        Ok(p) => p,
        Err(why) => {
            eprintln!("summary-card: {why}");
            return ExitCode::FAILURE;
        }
    };
    if !picture.missing.is_empty() {
        let shown: String = picture.missing.iter().take(8).collect();
        let more = picture.missing.len().saturating_sub(8);
        let more = if more > 0 { format!(" and {more} more") } else { String::new() };
        eprintln!(
            "summary-card: warning: no font has {shown}{more} ({} characters, left out of the picture); \
             install a font for them",
            picture.missing.len()
        );
    }
    match args.output.as_deref().filter(|o| *o != "-") {
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(&picture.png).and_then(|()| out.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("summary-card: cannot write the output: {}", why(&e));
                    ExitCode::FAILURE
                }
            }
        }
        // Under WASI as FILE is: host::path maps a Windows path.
        Some(out) => match host::path(out).and_then(|path| std::fs::write(path, &picture.png).map_err(|e| why(&e))) {
            Ok(()) => ExitCode::SUCCESS,
            Err(why) => {
                eprintln!("{}: cannot write: {why}", name(out));
                ExitCode::FAILURE
            }
        },
    }
}

/// `from-rss`: one card (`guid`'s, or the newest), or with `all` (and its
/// limit) the whole feed as a collection.
fn run_from_rss(file: &OsStr, guid: Option<&str>, all: Option<Option<usize>>) -> ExitCode {
    #[cfg(not(target_arch = "wasm32"))]
    let url = file.to_str().filter(|f| fetch::is_url(f));
    #[cfg(not(target_arch = "wasm32"))]
    let read = match url {
        Some(url) => fetch::fetch(url, rss::MAX_BYTES).map_err(|why| format!("{}: cannot fetch: {why}", name(file))),
        None => read_bytes(file),
    };
    #[cfg(target_arch = "wasm32")]
    let read = read_bytes(file);
    let bytes = match read {
        Ok(b) => b,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    // Positions are line and column in the decoded text.
    let xml = match rss::decode_feed(&bytes) {
        Ok(s) => s,
        Err(e) => {
            let shown = String::from_utf8_lossy(&bytes);
            eprint!("{}", problems(file, &shown, [(e.offset, e.path.as_str(), e.message.as_str())]));
            return ExitCode::FAILURE;
        }
    };
    let read = match all {
        Some(limit) => rss::collection_from_feed(&xml, limit),
        None => rss::read_feed(&xml, guid),
    };
    match read {
        Ok((mut json, warnings)) => {
            eprint!(
                "{}",
                problems(file, &xml, warnings.iter().map(|w| (w.offset, w.path.as_str(), w.message.as_str())))
            );
            if !json.ends_with('\n') {
                json.push('\n');
            }
            print(&json)
        }
        Err(errors) => {
            eprint!("{}", problems(file, &xml, errors.iter().map(|e| (e.offset, e.path.as_str(), e.message.as_str()))));
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
        if let Err(e) = std::fs::write(&file, locales::table_json(l)) {
            eprintln!("{}: cannot write: {}", file.display(), why(&e));
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::Positions;
    use crate::core::json::line_col;

    /// Positions says what `line_col` says, for every offset (character
    /// boundary or not, past the end too) in any order.
    #[test]
    fn issue_16_positions_agree_with_line_col_in_any_order() {
        for src in ["", "\n", "a\nb", "\u{feff}{\n  \"é\": x,\r\n\n😀\u{feff}y\n", "abc\n\ndé\n"] {
            let offsets: Vec<usize> = (0..=src.len() + 2).collect();
            let mut shuffled = offsets.clone();
            shuffled.reverse();
            shuffled.extend(offsets.iter().map(|o| o * 7 % (src.len() + 3)));
            for order in [&offsets, &shuffled] {
                let mut at = Positions::new(src);
                for &o in order {
                    assert_eq!(at.line_col(o), line_col(src, o), "offset {o} of {src:?}");
                }
            }
        }
    }
}
