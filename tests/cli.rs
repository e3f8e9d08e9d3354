//! The `summary-card validate` command: FILE:LINE:COL: PATH: MESSAGE, exit 1.

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use std::process::Command;

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_summary-card")).args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn valid_files_exit_zero() {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/www/episodes/ilya.json");
    assert_eq!(run(&["validate", seed]), (0, String::new()));
}

#[test]
fn errors_name_file_line_column_and_path() {
    let dir = std::env::temp_dir().join(format!("summary-card-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.json");
    std::fs::write(&file, "{\n  \"title\": \"T\",\n  \"takeaways\": [{\"title\": 42, \"text\": \"x\"}]\n}\n").unwrap();
    let name = file.to_string_lossy().into_owned();
    let (code, out) = run(&["validate", &name]);
    assert_eq!(code, 1);
    assert_eq!(out, format!("{name}:3:27: takeaways[0].title: expected a string, found 42\n"));
}

#[test]
fn the_build_step_writes_the_nine_fetched_message_tables() {
    use summary_card::i18n::{table_json, Locale, Messages, LOCALES};
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
        assert_eq!(text, table_json(l));
        assert!(Messages::from_json(&text).is_some_and(|m| &m == l.messages()), "{l:?}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
    // Not a user command: the usage does not name it.
    let out = Command::new(env!("CARGO_BIN_EXE_summary-card")).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("__locales"));
}
