//! The `summary-card` command line: `validate FILE...` (more in later issues).

use std::process::ExitCode;
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
        _ => usage(),
    }
}
