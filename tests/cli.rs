//! The `summary-card` command line: validate, render, schema, from-rss, help,
//! and the exit codes (0 ok, 1 invalid input, 2 usage error).

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const SEED_TITLE: &str = "Ilya Sutskever – We're moving from the age of scaling to the age of research";
const SEED_STATS: &str = "96 min episode · 3 min read";
const SEED_FOOTER: &str = "You just read a 3-minute summary of a 96-minute episode.";

/// Exit code, stdout and stderr of the CLI with `args` and `stdin`.
fn run_in(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_summary-card"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn run3(args: &[&str]) -> (i32, String, String) {
    run_in(args, "")
}

fn run(args: &[&str]) -> (i32, String) {
    let (code, out, _) = run3(args);
    (code, out)
}

const SEED: &str = "www/episodes/ilya.json";
const SEASON: &str = "www/episodes/season.json";

/// A fresh directory for this test's files.
fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("summary-card-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let file = dir.join(name);
    std::fs::write(&file, text).unwrap();
    file.to_string_lossy().into_owned()
}

/// The contents of the first `<open ...>` ... `</close>` in `html` after `start`.
fn between<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
    let from = html.find(open).unwrap_or_else(|| panic!("no {open} in {html}")) + open.len();
    let to = html[from..].find(close).unwrap() + from;
    &html[from..to]
}

/// Text of `html` with tags removed and the renderer's escapes undone.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// The outer HTML of the first element carrying `part="name"`.
fn part<'a>(html: &'a str, name: &str) -> &'a str {
    let at = html.find(&format!(" part=\"{name}\"")).unwrap_or_else(|| panic!("no part {name}"));
    let start = html[..at].rfind('<').unwrap();
    let tag = html[start + 1..at].split(' ').next().unwrap();
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut depth = 0;
    let mut i = start;
    loop {
        let next_open = html[i + 1..].find(&open).map(|p| p + i + 1);
        let next_close = html[i + 1..].find(&close).map(|p| p + i + 1).unwrap();
        match next_open {
            Some(o) if o < next_close => {
                depth += 1;
                i = o;
            }
            _ if depth > 0 => {
                depth -= 1;
                i = next_close;
            }
            _ => return &html[start..next_close + close.len()],
        }
    }
}

/// The distinct `part` names in `html`, in order of first appearance.
fn parts(html: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for chunk in html.split(" part=\"").skip(1) {
        let name = chunk.split('"').next().unwrap().to_string();
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

fn json(s: &str) -> Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("{e}: {s}"))
}

/// The data script, the JSON-LD and the shadow root's markup of a render.
fn pieces(html: &str) -> (Value, Value, String) {
    let data = between(html, "<script type=\"application/json\">", "</script>");
    let ld = between(html, "<script type=\"application/ld+json\">", "</script>");
    let shadow = between(html, "<template shadowrootmode=\"open\">", "</template>");
    (json(data), json(ld), shadow.to_string())
}

#[test]
fn valid_files_exit_zero() {
    assert_eq!(run(&["validate", SEED]), (0, String::new()));
    assert_eq!(run(&["validate", SEED, SEASON, "www/episodes/showcase.json"]), (0, String::new()));
}

#[test]
fn errors_name_file_line_column_and_path() {
    let dir = temp("errors");
    let name =
        write(&dir, "bad.json", "{\n  \"title\": \"T\",\n  \"takeaways\": [{\"title\": 42, \"text\": \"x\"}]\n}\n");
    let (code, out) = run(&["validate", &name]);
    assert_eq!(code, 1);
    assert_eq!(out, format!("{name}:3:27: takeaways[0].title: expected a string, found 42\n"));
    // Any bad file fails the run; the good ones print nothing.
    let (code, out) = run(&["validate", SEED, &name, SEASON]);
    assert_eq!((code, out.lines().count()), (1, 1));
    // Standard input.
    let (code, out, _) = run_in(&["validate", "-"], "{\"title\": 1, \"takeaways\": [{\"text\": \"x\"}]}");
    assert_eq!((code, out.as_str()), (1, "<stdin>:1:11: title: expected a string, found 1\n"));
    // Unreadable: a message on stderr, exit 1.
    let (code, out, err) = run3(&["validate", "no/such/file.json"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.starts_with("no/such/file.json: cannot read: "), "{err}");
    // Without Rust's "(os error N)": the number differs under WASI (npx summary-card).
    assert!(!err.contains("os error"), "{err}");
}

#[test]
fn render_prints_the_widgets_card_in_a_declarative_shadow_root() {
    let (code, html, err) = run3(&["render", SEED]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(html.starts_with("<summary-card locale=\"en\">\n<template shadowrootmode=\"open\"><style>"), "{html}");
    let (data, _, shadow) = pieces(&html);
    // The stylesheet, inlined.
    assert!(shadow.starts_with(&format!("<style>{}</style>", summary_card::core::CSS.trim_end())));
    // The widget's markup: the same view, rendered by the same code.
    let doc = summary_card::core::validate::parse_document(&std::fs::read_to_string(SEED).unwrap()).unwrap();
    let view = summary_card::core::html::to_html(&summary_card::core::view::document_view(&doc, &Default::default()));
    assert!(shadow.ends_with(&view));
    assert_eq!(
        parts(&shadow),
        [
            "card",
            "show",
            "title",
            "guests",
            "stats",
            "duration",
            "read-time",
            "topics",
            "topic",
            "ai-label",
            "takeaways",
            "takeaway",
            "takeaway-title",
            "takeaway-text",
            "covers",
            "questions",
            "question",
            "question-title",
            "question-text",
            "notable",
            "listen",
            "share-button",
            "footer"
        ]
    );
    assert_eq!(text(part(&shadow, "title")), SEED_TITLE);
    assert_eq!(text(part(&shadow, "stats")), SEED_STATS);
    assert_eq!(text(part(&shadow, "footer")), SEED_FOOTER);
    // The data, for the widget's upgrade: the file's own JSON.
    assert_eq!(data, json(&std::fs::read_to_string(SEED).unwrap()));
    // The JSON-LD comes after the element, outside it.
    let end = html.find("</summary-card>").unwrap();
    assert!(html.find("application/ld+json").unwrap() > end);
    // Standard input gives the same page.
    let (code, from_stdin, _) = run_in(&["render", "-"], &std::fs::read_to_string(SEED).unwrap());
    assert_eq!((code, from_stdin), (0, html));
}

#[test]
fn render_adds_schema_org_json_ld() {
    let (_, html) = run(&["render", SEED]);
    let (_, ld, _) = pieces(&html);
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "PodcastEpisode");
    assert_eq!(ld["name"], SEED_TITLE);
    assert_eq!(ld["url"], "https://www.dwarkesh.com/p/ilya-sutskever-2");
    assert!(ld["description"].as_str().unwrap().starts_with("Ilya Sutskever explains why AI development shifts"));
    assert_eq!(ld["datePublished"], "2025-11-25");
    assert_eq!(ld["duration"], "PT1H36M");
    assert_eq!(ld["timeRequired"], "PT1H36M");
    assert_eq!(
        ld["partOfSeries"],
        json(r#"{"@type": "PodcastSeries", "name": "Dwarkesh Podcast", "url": "https://www.dwarkesh.com/podcast"}"#)
    );
    assert_eq!(ld["contributor"], json(r#"[{"@type": "Person", "name": "Ilya Sutskever"}]"#));
    assert_eq!(ld["keywords"], json(r#"["Startups", "Science & Discovery"]"#));
    assert_eq!(ld.get("image"), None, "the seed has no artwork");
    // Artwork becomes the image; absent fields are left out.
    let dir = temp("ld");
    let file = write(
        &dir,
        "art.json",
        r#"{"title": "T", "duration": 245, "show": {"name": "S", "artwork": "https://a.example/i.png"},
            "takeaways": [{"text": "x"}]}"#,
    );
    let (code, html) = run(&["render", &file]);
    assert_eq!(code, 0);
    let (_, ld, _) = pieces(&html);
    assert_eq!(ld["image"], "https://a.example/i.png");
    assert_eq!(ld["duration"], "PT4M5S");
    for absent in ["url", "description", "datePublished", "contributor", "keywords", "identifier"] {
        assert_eq!(ld.get(absent), None, "{absent}");
    }
}

#[test]
fn data_cannot_break_out_of_the_scripts() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !(name.starts_with("ok-") && name.ends_with(".json")) {
            continue;
        }
        let file = path.to_string_lossy().into_owned();
        let (code, html) = run(&["render", &file]);
        assert_eq!(code, 0, "{name}");
        // Exactly the two scripts, one template, one element: data ended none of them.
        assert_eq!(html.matches("<script").count(), 2, "{name}");
        assert_eq!(html.matches("</script").count(), 2, "{name}");
        assert_eq!(html.matches("<template").count(), 1, "{name}");
        assert_eq!(html.matches("</template").count(), 1, "{name}");
        assert_eq!(html.matches("</summary-card").count(), 1, "{name}");
        let (data, ld, _) = pieces(&html);
        for script in [between(&html, "application/json\">", "</script>"), between(&html, "ld+json\">", "</script>")] {
            assert!(!script.contains('<'), "{name}: {script}");
        }
        // Escaped, not changed: the data reads back as the file's JSON.
        assert_eq!(data, json(&std::fs::read_to_string(&path).unwrap()), "{name}");
        assert!(ld.is_object(), "{name}");
        checked += 1;
    }
    assert!(checked >= 10, "{checked}");
    let (_, html) = run(&["render", "tests/corpus/ok-text-close-script.json"]);
    assert!(html.contains(
        r#""title": "\u003c/script>\u003cscript>__pwned('close-script')\u003c/script>\u003c!--\u003cscript>""#
    ));
}

#[test]
fn fragment_is_the_bare_card() {
    let (code, html, err) = run3(&["render", SEED, "--fragment"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(html.starts_with("<article part=\"card\""), "{html}");
    assert!(html.ends_with("</article>\n"));
    for absent in ["<summary-card", "<template", "<script", "<style", "<button", "aria-hidden", "class=\"vh\""] {
        assert!(!html.contains(absent), "{absent}");
    }
    assert!(html.contains(" lang=\"en\" dir=\"ltr\">"));
    assert_eq!(text(part(&html, "title")), SEED_TITLE);
    assert_eq!(text(part(&html, "stats")), SEED_STATS);
    assert_eq!(text(part(&html, "footer")), SEED_FOOTER);
    // Compact: the first three takeaways and no button to the rest.
    let (_, compact) = run(&["render", SEED, "--fragment", "--layout", "compact"]);
    assert_eq!(compact.matches(" part=\"takeaway\"").count(), 3);
    assert!(!compact.contains("data-part") && !compact.contains("hidden"));
    // Arabic runs right to left.
    let (_, ar) = run(&["render", SEED, "--fragment", "--locale", "ar"]);
    assert!(ar.contains(" lang=\"ar\" dir=\"rtl\">"));
}

#[test]
fn options_reach_the_element_and_the_markup() {
    let (code, html) = run(&["render", SEED, "--theme", "dark", "--layout=compact", "--locale", "de"]);
    assert_eq!(code, 0);
    assert!(html.starts_with("<summary-card theme=\"dark\" layout=\"compact\" locale=\"de\">\n"), "{html}");
    let (_, _, shadow) = pieces(&html);
    assert!(shadow.contains("<div class=\"sc\" data-theme=\"dark\" lang=\"de\" dir=\"ltr\">"));
    assert!(shadow.contains("data-layout=\"compact\""));
    assert_eq!(shadow.matches(" part=\"takeaway\"").count(), 3);
    let de = summary_card::core::i18n::Locale::De;
    assert_eq!(text(part(&shadow, "footer")), de.footer(3, Some(96)));
    assert_ne!(de.footer(3, Some(96)), SEED_FOOTER);
    // Regions and case as the widget reads them; the element says the table's tag.
    let (_, html) = run(&["render", SEED, "--locale", "PT_br", "--wpm", "100", "--heading-level", "3"]);
    assert!(html.starts_with("<summary-card wpm=\"100\" heading-level=\"3\" locale=\"pt\">"), "{html}");
    assert!(html.contains("<h3 part=\"title\""));
    let (_, html) = run(&["render", SEED, "--locale", "he"]);
    assert!(html.contains("lang=\"he\" dir=\"rtl\""));
    // An option given twice takes its last value.
    let (_, html) = run(&["render", SEED, "--fragment", "--fragment", "--layout", "full", "--layout=compact"]);
    assert!(html.starts_with("<article part=\"card\""), "{html}");
    assert_eq!(html.matches(" part=\"takeaway\"").count(), 3);
    let (_, html) = run(&["render", SEED, "--theme", "dark", "--theme=light"]);
    assert!(html.starts_with("<summary-card theme=\"light\" locale=\"en\">\n"), "{html}");
    // Defaults stay off the element (the widget's defaults are the same), but for the locale.
    let (_, html) = run(&["render", SEED, "--theme", "auto", "--layout", "full", "--locale", "en-GB"]);
    assert!(html.starts_with("<summary-card locale=\"en\">\n"));
}

#[test]
fn a_collection_renders_as_a_showcase_with_an_item_list() {
    let (code, html) = run(&["render", SEASON]);
    assert_eq!(code, 0);
    let (data, ld, shadow) = pieces(&html);
    assert_eq!(shadow.matches("<article part=\"card\"").count(), 3);
    assert!(shadow.contains("<section class=\"collection\""));
    assert!(shadow.contains("<bdi>Dwarkesh Podcast</bdi>: 3 episodes</h2>"));
    assert_eq!(data["episodes"].as_array().unwrap().len(), 3);
    assert_eq!(ld["@type"], "ItemList");
    assert_eq!(ld["numberOfItems"], 3);
    assert_eq!(ld["name"], "Dwarkesh Podcast");
    let items = ld["itemListElement"].as_array().unwrap();
    for (i, item) in items.iter().enumerate() {
        assert_eq!(item["@type"], "ListItem");
        assert_eq!(item["position"], i + 1);
        assert_eq!(item["item"]["@type"], "PodcastEpisode");
        assert_eq!(item["item"]["name"], data["episodes"][i]["title"]);
    }
    // The fragment of a collection: its section, every shown card.
    let (_, fragment) = run(&["render", SEASON, "--fragment"]);
    assert!(fragment.starts_with("<section class=\"collection\""), "{fragment}");
    assert_eq!(fragment.matches("<article").count(), 3);
}

#[test]
fn render_reports_invalid_input_like_validate() {
    let dir = temp("render-errors");
    let name =
        write(&dir, "bad.json", "{\n  \"title\": \"T\",\n  \"takeaways\": [{\"title\": 42, \"text\": \"x\"}]\n}\n");
    let (code, out, err) = run3(&["render", &name]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(err, format!("{name}:3:27: takeaways[0].title: expected a string, found 42\n"));
    let name = write(&dir, "broken.json", "{\"title\": ");
    let (code, _, err) = run3(&["render", &name]);
    assert_eq!(code, 1);
    assert!(err.starts_with(&format!("{name}:1:11: (document): not valid JSON")), "{err}");
    let (code, out, err) = run3(&["render", "no/such.json"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.starts_with("no/such.json: cannot read: "), "{err}");
}

#[test]
fn usage_errors_exit_2_with_one_line() {
    // (arguments, the command whose help the line points to, what the line
    // must say). The words are clap's; what they name is the point.
    let cases: &[(&[&str], &str, &[&str])] = &[
        (&["render", SEED, "--foo"], "render ", &["unexpected argument '--foo'"]),
        (&["--foo"], "", &["unexpected argument '--foo'"]),
        (&["bogus"], "", &["unrecognized subcommand 'bogus'"]),
        (&["rendr", SEED], "", &["'rendr'", "a similar subcommand exists: 'render'"]),
        (&["help", "bogus"], "", &["unrecognized subcommand 'bogus'"]),
        (&["render", SEED, "--them", "dark"], "render ", &["'--them'", "a similar argument exists: '--theme'"]),
        (&["render", SEED, "--theme", "neon"], "render ", &["'neon'", "'--theme <THEME>'", "light, dark, auto"]),
        (&["render", SEED, "--layout", "grid"], "render ", &["'grid'", "'--layout <LAYOUT>'", "full, compact"]),
        (&["render", SEED, "--theme"], "render ", &["a value is required for '--theme <THEME>'"]),
        (&["render", SEED, "--fragment=yes"], "render ", &["unexpected value 'yes' for '--fragment'"]),
        (&["render", SEED, "--wpm", "5"], "render ", &["'5'", "'--wpm <N>'", "a whole number from 50 to 2000"]),
        (&["render", SEED, "--wpm", "fast"], "render ", &["'fast'", "a whole number from 50 to 2000"]),
        (&["render", SEED, "--heading-level", "7"], "render ", &["'7'", "a whole number from 1 to 6"]),
        (
            &["render", SEED, "--locale", "xx"],
            "render ",
            &["'xx'", "no words for this locale; it speaks en, es, de, fr, pt, ja, zh, ar, hi, he"],
        ),
        (&["render", SEED, "--fragment", "--theme", "dark"], "render ", &["'--fragment' cannot be used with '--theme"]),
        (&["render"], "render ", &["required arguments were not provided: <FILE>"]),
        (&["render", SEED, SEASON], "render ", &["unexpected argument 'www/episodes/season.json'"]),
        (&["validate"], "validate ", &["required arguments were not provided: <FILE>..."]),
        (&["validate", "-x", SEED], "validate ", &["unexpected argument '-x'"]),
        (&["schema", "x"], "schema ", &["unexpected argument 'x'"]),
        (&["from-rss"], "from-rss ", &["required arguments were not provided: <FEED>"]),
        (&["from-rss", "f.xml", "--guid"], "from-rss ", &["a value is required for '--guid <GUID>'"]),
        (&["__locales"], "", &["required arguments were not provided: <DIR>"]),
    ];
    for (args, cmd, says) in cases {
        let (code, out, err) = run3(args);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}");
        let line = err.strip_suffix('\n').filter(|l| !l.contains('\n')).unwrap_or_else(|| panic!("{args:?}: {err}"));
        let see = format!(" (see summary-card {cmd}--help)");
        assert!(line.starts_with("summary-card: ") && line.ends_with(&see), "{args:?}: {line}");
        for words in *says {
            assert!(line.contains(words), "{args:?}: {words:?} in {line}");
        }
    }
    // No command at all: the overview, on stderr.
    let (code, out, err) = run3(&[]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.starts_with("summary-card: podcast summary cards from JSON\n\nUsage:"), "{err}");
    assert_eq!(err, run(&["--help"]).1);
    // `--` ends the options: a file named like one.
    let (code, _, err) = run3(&["render", "--", "--fragment"]);
    assert_eq!(code, 1);
    assert!(err.starts_with("--fragment: cannot read"), "{err}");
}

#[test]
fn help_names_every_command_option_and_exit_code() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let (code, out, err) = run3(args);
        assert_eq!((code, err.as_str()), (0, ""), "{args:?}");
        assert!(out.starts_with("summary-card: podcast summary cards from JSON\n\nUsage: summary-card <COMMAND>\n"));
        for command in ["validate", "render", "schema", "from-rss", "help"] {
            assert!(out.contains(&format!("\n  {command} ")), "{args:?}: {command}");
        }
        for word in ["A FILE of - reads standard input", "Exit status", "0  success", "1  invalid input"] {
            assert!(out.contains(word), "{args:?}: {word}");
        }
        assert!(out.contains("2  usage error") && out.contains("--version"));
        assert!(!out.contains("__locales"));
    }
    let (_, render) = run(&["render", "--help"]);
    assert!(render.contains("Usage: summary-card render [OPTIONS] <FILE>\n"), "{render}");
    for option in ["--theme", "--layout", "--locale", "--wpm", "--heading-level", "--fragment", "Exit status"] {
        assert!(render.contains(option), "{option}");
    }
    // The limits are the view's (the words as one line: clap wraps them).
    let words = render.split_whitespace().collect::<Vec<_>>().join(" ");
    for limits in ["50 to 2000", "[default: 238]", "1 to 6", "[default: 2]", "en, es, de, fr, pt, ja, zh, ar, hi, he"] {
        assert!(words.contains(limits), "{limits}: {render}");
    }
    // -h after other arguments still prints the help (and reads no file).
    assert_eq!(run(&["render", "no/such.json", "-h"]), (0, render.clone()));
    assert_eq!(run(&["help", "render"]), (0, render));
    for cmd in ["validate", "schema", "from-rss"] {
        let (code, out) = run(&[cmd, "--help"]);
        assert_eq!(code, 0, "{cmd}");
        assert!(out.contains(&format!("\nUsage: summary-card {cmd}")), "{cmd}: {out}");
        assert!(out.contains("\nExit status: 0"), "{cmd}: {out}");
        assert_eq!(run(&[cmd, "-h"]), (0, out.clone()));
        assert_eq!(run(&["help", cmd]), (0, out));
    }
    // What from-rss picks without --guid.
    let (_, from_rss) = run(&["from-rss", "--help"]);
    assert!(from_rss.contains("--guid <GUID>") && from_rss.contains("the newest item\nby <pubDate>"), "{from_rss}");
    assert!(run(&["help", "help"]).1.contains("Usage: summary-card help [COMMAND]"));
    assert_eq!(run(&["--version"]), (0, format!("summary-card {}\n", env!("CARGO_PKG_VERSION"))));
    assert_eq!(run(&["-V"]), run(&["--version"]));
}

/// Checks `now` against the committed file `path` (under the crate root),
/// byte for byte; with UPDATE_SNAPSHOTS=1 set, rewrites the file instead.
fn snapshot(path: &str, now: &str) {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, now).unwrap();
        return;
    }
    let held = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        held == now,
        "{path} differs from the output: if the change is meant, run UPDATE_SNAPSHOTS=1 cargo test --test cli"
    );
}

#[test]
fn schema_prints_the_committed_json_schema() {
    let (code, out, err) = run3(&["schema"]);
    assert_eq!((code, err.as_str()), (0, ""));
    // The schema is published (dist/summary-card.schema.json): a change to
    // it shows in review as a change to the snapshot.
    snapshot("tests/snapshots/schema.json", &out);
    let schema = json(&out);
    let defs = &schema["$defs"];
    // What the contract requires, the schema requires.
    let required: &[(&str, &[&str])] = &[
        ("Card", &["title", "takeaways"]),
        ("Collection", &["episodes"]),
        ("Show", &["name"]),
        ("Point", &["text"]),
        ("Link", &["label", "url"]),
        ("Cta", &["text", "url"]),
    ];
    for (def, fields) in required {
        assert_eq!(defs[def]["required"], serde_json::json!(fields), "{def}");
    }
    assert_eq!(defs["Card"]["properties"]["takeaways"]["minItems"], 1);
    // Every URL the card links is held to the allowlist: http(s) only, and
    // mailto: too for the call to action.
    let urls = [
        ("Card", "url", "HttpUrl"),
        ("Show", "url", "HttpUrl"),
        ("Show", "artwork", "HttpUrl"),
        ("Link", "url", "HttpUrl"),
        ("Cta", "url", "LinkUrl"),
    ];
    for (def, field, kind) in urls {
        assert_eq!(defs[def]["properties"][field]["$ref"], format!("#/$defs/{kind}"), "{def}.{field}");
    }
    // (Letters in either case, tabs and line breaks allowed between them,
    // as URL parsers read them.)
    let (http, mailto) = (r"[Hh][\t\n\r]*[Tt][\t\n\r]*[Tt][\t\n\r]*[Pp]", r"[Mm][\t\n\r]*[Aa]");
    for (kind, allows_mailto) in [("HttpUrl", false), ("LinkUrl", true)] {
        let pattern = defs[kind]["pattern"].as_str().unwrap();
        assert!(pattern.starts_with('^') && pattern.ends_with('$'), "{kind} matches the whole value: {pattern}");
        assert!(pattern.contains(http), "{kind}: {pattern}");
        assert_eq!(pattern.contains(mailto), allows_mailto, "{kind}: {pattern}");
    }
}

#[test]
fn from_rss_reports_feed_problems_as_file_line_col() {
    let dir = temp("rss");
    let feed = write(&dir, "feed.xml", "this is\nnot a feed\n");
    let (code, out, err) = run3(&["from-rss", &feed, "--guid", "nope"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(!err.is_empty());
    for line in err.lines() {
        let rest = line.strip_prefix(&format!("{feed}:")).unwrap_or_else(|| panic!("{line}"));
        let mut fields = rest.splitn(4, ": ");
        let (Some(pos), Some(path), Some(message)) = (fields.next(), fields.next(), fields.next()) else {
            panic!("{line}")
        };
        let (l, c) = pos.split_once(':').unwrap();
        assert!(l.parse::<usize>().unwrap() >= 1 && c.parse::<usize>().unwrap() >= 1, "{line}");
        assert!(!path.is_empty() && !message.is_empty(), "{line}");
    }
    // The fixture feed: its first item as card JSON, or the wanted guid's
    // problem at the library's offset, as a line and column.
    let fixture = "tests/fixtures/feed.xml";
    let (code, out, err) = run3(&["from-rss", fixture]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(json(&out)["title"].is_string() && out.ends_with('\n'), "{out}");
    let xml = std::fs::read_to_string(fixture).unwrap();
    let errors = summary_card::cli::rss::card_from_feed(&xml, Some("nope")).unwrap_err();
    let want: String = errors
        .iter()
        .map(|e| {
            let (line, col) = summary_card::core::json::line_col(&xml, e.offset);
            let path = if e.path.is_empty() { "(document)" } else { &e.path };
            format!("{fixture}:{line}:{col}: {path}: {}\n", e.message)
        })
        .collect();
    assert!(want.starts_with(&format!("{fixture}:")) && !want.starts_with(&format!("{fixture}:1:1:")), "{want}");
    assert_eq!(run3(&["from-rss", fixture, "--guid=nope"]), (1, String::new(), want));
    let (code, _, err) = run3(&["from-rss", "no/such.xml"]);
    assert_eq!(code, 1);
    assert!(err.starts_with("no/such.xml: cannot read: "), "{err}");
}

#[test]
fn the_static_demo_page_holds_what_render_prints_now() {
    // www/static.html holds the CLI's output between two comments; set
    // UPDATE_STATIC=1 to rewrite it.
    let page_file = concat!(env!("CARGO_MANIFEST_DIR"), "/www/static.html");
    let page = std::fs::read_to_string(page_file).unwrap();
    let (open, close) = ("<!-- summary-card render www/episodes/ilya.json -->\n", "<!-- /summary-card render -->");
    let held = between(&page, open, close);
    let (code, now) = run(&["render", SEED]);
    assert_eq!(code, 0);
    if held != now && std::env::var_os("UPDATE_STATIC").is_some() {
        std::fs::write(page_file, page.replace(held, &now)).unwrap();
        return;
    }
    assert!(held == now, "www/static.html is stale: run UPDATE_STATIC=1 cargo test --test cli");
}

#[test]
fn the_build_step_writes_the_nine_fetched_message_tables() {
    use summary_card::core::i18n::{Locale, Messages, LOCALES};
    let dir = std::env::temp_dir().join(format!("summary-card-locales-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (code, out) = run(&["__locales", &dir.to_string_lossy()]);
    assert_eq!((code, out.as_str()), (0, ""));
    let mut names: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["ar", "de", "es", "fr", "he", "hi", "ja", "pt", "zh"].map(|t| format!("{t}.json")));
    for l in LOCALES.into_iter().filter(|&l| l != Locale::En) {
        let text = std::fs::read_to_string(dir.join(format!("{}.json", l.tag()))).unwrap();
        assert!(Messages::from_json(&text).is_some_and(|m| &m == l.built_in()), "{l:?}");
        // One table as it is written, byte for byte: the browser test
        // (tests/web.rs) loads it.
        if l == Locale::Es {
            snapshot("tests/snapshots/locales/es.json", &text);
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
    // Not a user command: the usage does not name it.
    let out = Command::new(env!("CARGO_BIN_EXE_summary-card")).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("__locales"));
}

#[test]
fn issue_15_from_rss_reads_a_latin_1_feed_and_warns_about_an_unreadable_date() {
    let dir = temp("rss-latin1");
    let mut bytes = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss><channel><title>S</title>\n\
                      <item><title>Caf_</title><pubDate>soon</pubDate></item></channel></rss>\n"
        .to_vec();
    let i = bytes.iter().position(|&b| b == b'_').unwrap();
    bytes[i] = 0xe9;
    let file = dir.join("latin1.xml");
    std::fs::write(&file, &bytes).unwrap();
    let feed = file.to_string_lossy().into_owned();
    let (code, out, err) = run3(&["from-rss", &feed]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(json(&out)["title"], "Café");
    assert_eq!(
        err,
        format!(
            "{feed}:3:26: rss.channel.item[0].pubDate: warning: cannot read the date \"soon\" (RFC 2822, such as \
             \"Tue, 25 Nov 2025 14:00:00 GMT\", or ISO 8601): it is left out, and the item counts as undated\n"
        )
    );
    // Bytes that are not UTF-8, undeclared: where, and what to do.
    let undeclared = String::from_utf8_lossy(&bytes).replace(" encoding=\"ISO-8859-1\"", "");
    let mut raw = undeclared.into_bytes();
    let j = raw.windows(3).position(|w| w == "\u{fffd}".as_bytes()).unwrap();
    raw.splice(j..j + 3, [0xe9]);
    std::fs::write(&file, &raw).unwrap();
    let (code, _, err) = run3(&["from-rss", &feed]);
    assert_eq!(code, 1);
    assert!(err.starts_with(&format!("{feed}:3:17: (document): the feed is not valid UTF-8 here")), "{err}");
}

#[test]
fn issue_15_from_rss_all_prints_a_collection_that_render_takes() {
    let fixture = "tests/fixtures/feed.xml";
    let (code, out, err) = run3(&["from-rss", fixture, "--all", "--limit", "2"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let c = json(&out);
    assert_eq!(c["episodes"].as_array().unwrap().len(), 2);
    // Filled in, render makes the season page.
    let filled =
        out.replace("\"title\": \"\",\n          \"text\": \"\"", "\"title\": \"T\",\n          \"text\": \"X.\"");
    let (code, html, err) = run_in(&["render", "-"], &filled);
    assert_eq!(code, 0, "{err}");
    assert!(html.contains("Q&amp;A: Rust &amp; WebAssembly"), "{html}");
    // --limit needs --all; --all and --guid do not go together.
    assert_eq!(run3(&["from-rss", fixture, "--limit", "2"]).0, 2);
    assert_eq!(run3(&["from-rss", fixture, "--all", "--guid", "x"]).0, 2);
}

/// A local HTTP server for `from-rss URL`: `/feed.xml` is the fixture,
/// `/r/N` redirects N + 1 times before it, `/big` is over 64 MiB, anything else
/// is 404. Serves `n` requests, one connection each, then stops.
fn serve(n: usize) -> String {
    use std::io::{BufRead, BufReader};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let feed = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/feed.xml")).unwrap();
        for stream in listener.incoming().take(n) {
            let mut stream = stream.unwrap();
            let mut line = String::new();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            reader.read_line(&mut line).unwrap();
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).unwrap() == 0 || h == "\r\n" {
                    break;
                }
            }
            let path = line.split(' ').nth(1).unwrap_or("/").to_string();
            let head = |status: &str, extra: &str, len: usize| {
                format!("HTTP/1.1 {status}\r\nContent-Length: {len}\r\nConnection: close\r\n{extra}\r\n")
            };
            let _ = if path == "/feed.xml" {
                stream.write_all(head("200 OK", "", feed.len()).as_bytes()).and_then(|()| stream.write_all(&feed))
            } else if let Some(k) = path.strip_prefix("/r/").and_then(|k| k.parse::<usize>().ok()) {
                let to = if k == 0 { "/feed.xml".to_string() } else { format!("/r/{}", k - 1) };
                stream.write_all(head("302 Found", &format!("Location: {to}\r\n"), 0).as_bytes())
            } else if path == "/big" {
                let len = (64 << 20) + 1;
                stream.write_all(head("200 OK", "", len).as_bytes()).and_then(|()| {
                    let chunk = vec![b' '; 1 << 20];
                    (0..65).try_for_each(|_| stream.write_all(&chunk))
                })
            } else {
                stream.write_all(head("404 Not Found", "", 0).as_bytes())
            };
        }
    });
    base
}

#[test]
fn issue_15_from_rss_fetches_a_feed_url() {
    let base = serve(100);
    let (code, out, err) = run3(&["from-rss", &format!("{base}/feed.xml")]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(json(&out)["title"], "Q&A: Rust & WebAssembly, with Ada Osei");
    // Five redirects are followed (/r/4 to /r/0, then the feed); a sixth is not.
    assert_eq!(run3(&["from-rss", &format!("{base}/r/4")]).0, 0);
    let url = format!("{base}/r/5");
    let (code, _, err) = run3(&["from-rss", &url]);
    assert_eq!(code, 1);
    assert!(err.starts_with(&format!("{url}: cannot fetch: more than 5 redirects")), "{err}");
    // The status, when the server gives one.
    let url = format!("{base}/missing.xml");
    let (code, _, err) = run3(&["from-rss", &url]);
    assert_eq!((code, err.as_str()), (1, format!("{url}: cannot fetch: HTTP 404 Not Found\n").as_str()));
    // The size cap.
    let url = format!("{base}/big");
    let (code, _, err) = run3(&["from-rss", &url]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot fetch: the feed is over the limit of 64 MiB"), "{err}");
}

/// A one-line collection of `episodes` episodes with 200 errors each (every
/// takeaway and question has a number for its text).
fn many_errors(episodes: usize) -> String {
    let items = vec![r#"{"text":1}"#; 100].join(",");
    let episode = format!(r#"{{"title":"t","takeaways":[{items}],"questions":[{items}]}}"#);
    format!(r#"{{"version":1,"episodes":[{}]}}"#, vec![episode; episodes].join(","))
}

/// The best of five runs of the CLI (other tests run meanwhile).
fn best_run(args: &[&str]) -> std::time::Duration {
    let runs = (0..5).map(|_| {
        let start = std::time::Instant::now();
        let (code, out, err) = run3(args);
        assert_eq!(code, 1);
        assert!(out.lines().chain(err.lines()).all(|l| l.contains(": expected a string, found 1")), "{out}{err}");
        start.elapsed()
    });
    runs.min().unwrap()
}

#[test]
fn issue_16_validate_and_render_take_time_linear_in_the_errors() {
    // 60,000 errors (673 KB) took 145 s in validate and in render, each
    // error's line and column counted from the start of the file. Four times
    // the errors should take about four times as long, not sixteen.
    let dir = temp("many-errors");
    let small = write(&dir, "small.json", &many_errors(20));
    let doc = many_errors(80);
    let large = write(&dir, "large.json", &doc);
    let (_, out, _) = run3(&["validate", &large]);
    assert_eq!(out.lines().count(), 16_000);
    let last = format!(
        "{large}:1:{}: episodes[79].questions[99].text: expected a string, found 1",
        doc.rfind('1').unwrap() + 1
    );
    assert_eq!(out.lines().last(), Some(last.as_str()));
    for command in ["validate", "render"] {
        let (a, b) = (best_run(&[command, &small]), best_run(&[command, &large]));
        let ratio = b.as_secs_f64() / a.as_secs_f64();
        assert!(ratio < 8.0, "{command}: 4,000 errors: {a:?}; 16,000 errors: {b:?}: {ratio:.1} times as long");
    }
}

#[test]
fn issue_16_a_nul_in_text_shows_the_same_in_the_static_card_and_the_json_ld() {
    // The HTML parser dropped the raw NUL ("nulbyte") that the widget's text
    // node and the JSON-LD kept; now all three hold U+FFFD.
    let dir = temp("nul");
    let file = write(&dir, "nul.json", r#"{"title": "nul\u0000byte", "takeaways": [{"text": "a\u0000b"}]}"#);
    let (code, html) = run(&["render", &file]);
    assert_eq!(code, 0);
    assert!(!html.contains('\0'), "a raw NUL in the output");
    let (data, ld, shadow) = pieces(&html);
    assert_eq!(data["title"], "nul\u{0}byte", "the inline data is the file's, which the widget reads the same way");
    assert_eq!(ld["name"], "nul\u{fffd}byte");
    assert_eq!(text(part(&shadow, "title")), "nul\u{fffd}byte");
    assert_eq!(text(part(&shadow, "takeaway-text")), "a\u{fffd}b");
}

/// Runs the CLI with `args`, writing up to `bytes` of `{"title": "xxx…` on
/// its standard input until it stops reading; the exit code, the output
/// and error, and how many bytes it took before closing its input.
fn run_flooded(args: &[&str], bytes: usize) -> (i32, String, String, usize) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_summary-card"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = [b'x'; 1 << 16];
        let mut written = stdin.write(br#"{"title": ""#).unwrap_or(0);
        while written < bytes {
            match stdin.write(&chunk) {
                Ok(n) => written += n,
                Err(_) => break,
            }
        }
        written
    });
    let out = child.wait_with_output().unwrap();
    let written = writer.join().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        written,
    )
}

#[test]
fn issue_16_standard_input_is_read_only_up_to_the_limit() {
    // `validate -` read all of its input before checking the 1 MiB limit:
    // 300 MB under a 256 MiB memory cap ran out of memory.
    let flood = 256 << 20;
    let said = "<stdin>:1:1: (document): the document is more than 1048576 bytes; the limit is 1 MiB (1048576 bytes)\n";
    let (code, out, err, taken) = run_flooded(&["validate", "-"], flood);
    assert_eq!((code, out.as_str(), err.as_str()), (1, said, ""));
    assert!(taken < 16 << 20, "it read {taken} bytes of {flood}");
    let (code, out, err, taken) = run_flooded(&["render", "-"], flood);
    assert_eq!((code, out.as_str(), err.as_str()), (1, "", said));
    assert!(taken < 16 << 20, "it read {taken} bytes of {flood}");
    // A feed's limit is 64 MiB.
    let (code, _, err, taken) = run_flooded(&["from-rss", "-"], flood);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "<stdin>:1:1: (document): the feed is more than 67108864 bytes; the limit is 64 MiB (67108864 bytes)\n"
    );
    assert!(taken < 80 << 20, "it read {taken} bytes of {flood}");
}

#[test]
fn a_file_over_the_limit_says_its_size() {
    let dir = temp("big");
    let big = write(&dir, "big.json", &format!(r#"{{"title": "{}"}}"#, "x".repeat(2_000_000)));
    let (code, out) = run(&["validate", &big]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        format!("{big}:1:1: (document): the document is 2000013 bytes; the limit is 1 MiB (1048576 bytes)\n")
    );
    let (code, out, err) = run3(&["render", &big]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        err,
        format!("{big}:1:1: (document): the document is 2000013 bytes; the limit is 1 MiB (1048576 bytes)\n")
    );
    // Just at the limit, the file is read and checked.
    let edge = write(&dir, "edge.json", &format!(r#"{{"title": 1, "x": "{}"}}"#, "x".repeat(1_048_576 - 21)));
    assert_eq!(std::fs::metadata(&edge).unwrap().len(), 1_048_576);
    assert!(run(&["validate", &edge]).1.contains(&format!("{edge}:1:11: title: expected a string, found 1\n")));
}

#[test]
fn issue_16_file_names_cannot_fake_lines_or_drive_the_terminal() {
    // A newline in a name made a fake FILE:LINE:COL line, and an escape
    // sequence in it reached the terminal.
    let dir = temp("names");
    let file = write(
        &dir,
        "a\nb.json:9:9: title: fake\u{1b}[2J\u{202e}x.json",
        r#"{"title": 1, "takeaways": [{"text": "x"}]}"#,
    );
    let shown = format!("{}/a\\nb.json:9:9: title: fake\\x1b[2J\\u{{202e}}x.json", dir.display());
    let (code, out) = run(&["validate", &file]);
    assert_eq!(code, 1);
    assert_eq!(out, format!("{shown}:1:11: title: expected a string, found 1\n"));
    let (code, _, err) = run3(&["render", &file]);
    assert_eq!((code, err), (1, format!("{shown}:1:11: title: expected a string, found 1\n")));
    let missing = format!("{}/no\r\u{7}such\tfile\u{85}.json", dir.display());
    let (code, _, err) = run3(&["validate", &missing]);
    assert_eq!(code, 1);
    assert!(err.starts_with(&format!("{}/no\\r\\x07such\\tfile\\u{{85}}.json: cannot read: ", dir.display())), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}
