//! The `summary-card` command line: `validate FILE...` (more in later issues).

use std::process::ExitCode;
use summary_card::i18n::{table_json, Locale, LOCALES};
use summary_card::json::line_col;
use summary_card::validate::validate;

fn usage() -> ExitCode {
    eprintln!("usage: summary-card validate FILE...");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.split_first() {
        Some((cmd, files)) if cmd == "validate" && !files.is_empty() => {
            let mut failed = false;
            for file in files {
                let src = match std::fs::read_to_string(file) {
                    Ok(s) => s,
                    Err(e) => {
                        eprintln!("{file}: cannot read: {e}");
                        failed = true;
                        continue;
                    }
                };
                for e in validate(&src) {
                    let (line, col) = line_col(&src, e.offset);
                    let path = if e.path.is_empty() { "(document)" } else { &e.path };
                    println!("{file}:{line}:{col}: {path}: {}", e.message);
                    failed = true;
                }
            }
            if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        // Not a user command (so not in the usage): the build writes the
        // wasm build's message tables, `DIR/<tag>.json`, with it.
        Some((cmd, [dir])) if cmd == "__locales" => write_locales(dir),
        _ => usage(),
    }
}

/// Writes every locale's message table but English's (built into the wasm)
/// as `dir/<tag>.json`.
fn write_locales(dir: &str) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("{dir}: cannot create: {e}");
        return ExitCode::FAILURE;
    }
    for l in LOCALES.into_iter().filter(|&l| l != Locale::En) {
        let file = std::path::Path::new(dir).join(format!("{}.json", l.tag()));
        if let Err(e) = std::fs::write(&file, table_json(l)) {
            eprintln!("{}: cannot write: {e}", file.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
