//! The architecture, checked on the source text (see `src/lib.rs`):
//!
//! - `src/core/` names no browser crate (`web_sys`, `js_sys`, `wasm_bindgen`,
//!   `gloo`, `serde_wasm_bindgen`) and imports nothing outside the core;
//! - `src/web/` never imports `src/cli/`, and `src/cli/` never imports
//!   `src/web/` (nor names a browser crate);
//! - the modules' imports have no cycle.
//!
//! A small reader over the token text, not a Rust parser: comments and
//! string literals are blanked first (except strings inside attributes,
//! where `#[schemars(with = "crate::…")]` names a path), `#[cfg(test)]`
//! items are left out, then `use` trees and `crate::`/`super::`/`self::`
//! paths (and paths through a child module) are resolved to modules. Every
//! file under `src/` is read; none is listed by hand.

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Crates only the browser build has.
const BROWSER: &[&str] = &["web_sys", "js_sys", "wasm_bindgen", "gloo", "serde_wasm_bindgen"];

fn is_browser_crate(name: &str) -> bool {
    BROWSER.contains(&name) || name.starts_with("gloo_")
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Where the string literal starting at `c[i]` (`"`, `b"`, `r#"`, `br"`)
/// has its first character, its number of `#`s, and whether it is raw.
fn string_start(c: &[char], i: usize) -> Option<(usize, usize, bool)> {
    if c[i] == '"' {
        return Some((i + 1, 0, false));
    }
    if i > 0 && is_ident(c[i - 1]) {
        return None;
    }
    let mut j = i;
    if c.get(j) == Some(&'b') {
        j += 1;
    }
    let raw = c.get(j) == Some(&'r');
    if raw {
        j += 1;
    }
    let hashes = if raw { c[j..].iter().take_while(|&&h| h == '#').count() } else { 0 };
    (j > i && c.get(j + hashes) == Some(&'"')).then_some((j + hashes + 1, hashes, raw))
}

/// `src` with comments, string and character literals blanked (newlines
/// kept). Inside an attribute (`#[...]`, `#![...]`) a string's contents
/// stay: they can name paths.
fn clean(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let blank = |out: &mut String, ch: char| out.push(if ch == '\n' { '\n' } else { ' ' });
    let (mut i, mut attr_depth, mut attr_next) = (0, 0usize, false);
    while i < c.len() {
        let ch = c[i];
        let at = |k: usize| c.get(i + k).copied();
        if ch == '/' && at(1) == Some('/') {
            while i < c.len() && c[i] != '\n' {
                out.push(' ');
                i += 1;
            }
            continue;
        }
        if ch == '/' && at(1) == Some('*') {
            let mut depth = 0;
            while i < c.len() {
                let two = (c[i], c.get(i + 1).copied());
                if two == ('/', Some('*')) || two == ('*', Some('/')) {
                    depth += if two.0 == '/' { 1 } else { -1 };
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, c[i]);
                    i += 1;
                }
            }
            continue;
        }
        if let Some((body, hashes, raw)) = string_start(&c, i) {
            let keep = attr_depth > 0;
            for &p in &c[i..body] {
                blank(&mut out, p);
            }
            i = body;
            while i < c.len() {
                if !raw && c[i] == '\\' {
                    out.push_str("  ");
                    i += 2;
                } else if c[i] == '"' && c[i + 1..].iter().take(hashes).filter(|&&h| h == '#').count() == hashes {
                    out.extend(std::iter::repeat(' ').take(hashes + 1));
                    i += hashes + 1;
                    break;
                } else {
                    // In an attribute, what a path is made of stays.
                    let path_char = is_ident(c[i]) || matches!(c[i], ':' | '<' | '>' | ',');
                    if keep && path_char {
                        out.push(c[i]);
                    } else {
                        blank(&mut out, c[i]);
                    }
                    i += 1;
                }
            }
            continue;
        }
        // A character ('x', '\n', b'x'); a lifetime ('a) stays.
        if ch == '\'' {
            let end = if at(1) == Some('\\') {
                c.get(i + 3..).and_then(|r| r.iter().position(|&q| q == '\'')).map(|p| i + 3 + p)
            } else if at(2) == Some('\'') {
                Some(i + 2)
            } else {
                None
            };
            if let Some(end) = end {
                for &p in &c[i..=end] {
                    blank(&mut out, p);
                }
                i = end + 1;
                continue;
            }
        }
        match ch {
            '#' if attr_depth == 0 => attr_next = true,
            '[' if attr_next || attr_depth > 0 => {
                attr_next = false;
                attr_depth += 1;
            }
            ']' if attr_depth > 0 => attr_depth -= 1,
            '!' => {}
            c if !c.is_whitespace() => attr_next = false,
            _ => {}
        }
        out.push(ch);
        i += 1;
    }
    out
}

/// Identifiers, `::`, and single punctuation characters.
fn tokens(clean: &str) -> Vec<String> {
    let c: Vec<char> = clean.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if c[i].is_whitespace() {
            i += 1;
        } else if is_ident(c[i]) {
            let start = i;
            while i < c.len() && is_ident(c[i]) {
                i += 1;
            }
            out.push(c[start..i].iter().collect());
        } else if c[i] == ':' && c.get(i + 1) == Some(&':') {
            out.push("::".into());
            i += 2;
        } else {
            out.push(c[i].to_string());
            i += 1;
        }
    }
    out
}

/// The tokens without `#[cfg(test)]` items (the attribute, any further
/// attributes, and the item up to its `;` or its closing brace).
fn without_tests(t: Vec<String>) -> Vec<String> {
    let is = |i: usize, s: &[&str]| s.iter().enumerate().all(|(k, w)| t.get(i + k).map(String::as_str) == Some(*w));
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !is(i, &["#", "[", "cfg", "(", "test", ")", "]"]) {
            out.push(t[i].clone());
            i += 1;
            continue;
        }
        i += 7;
        let mut depth = 0i32;
        while i < t.len() {
            match t[i].as_str() {
                "(" | "[" => depth += 1,
                ")" | "]" => depth -= 1,
                ";" if depth == 0 => {
                    i += 1;
                    break;
                }
                "{" => {
                    let mut braces = 0;
                    while i < t.len() {
                        braces += match t[i].as_str() {
                            "{" => 1,
                            "}" => -1,
                            _ => 0,
                        };
                        i += 1;
                        if braces == 0 {
                            break;
                        }
                    }
                    break;
                }
                _ => {}
            }
            i += 1;
        }
    }
    out
}

/// The module a file under `src/` is: `core/model.rs` is `core::model`,
/// `core/mod.rs` is `core`, `lib.rs` the crate root.
fn module_of(path: &str) -> Vec<String> {
    let mut m: Vec<String> = path.trim_end_matches(".rs").split('/').map(String::from).collect();
    if matches!(m.last().map(String::as_str), Some("mod" | "lib")) {
        m.pop();
    }
    m
}

fn show(m: &[String]) -> String {
    if m.is_empty() {
        "the crate root".into()
    } else {
        m.join("::")
    }
}

/// What a file names: paths into the crate, from the module (inline ones
/// included) that names them, and browser crates.
#[derive(Default)]
struct Names {
    paths: Vec<(Vec<String>, Vec<String>)>,
    crates: BTreeSet<String>,
    inline_modules: Vec<Vec<String>>,
}

/// `segs` as a path from the crate root, if it is one: `crate::`,
/// `super::`, `self::`, or a child module of `from`.
fn resolve(from: &[String], segs: &[String], known: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    let first = segs.first()?;
    let mut base: Vec<String> = match first.as_str() {
        "crate" => Vec::new(),
        "self" | "super" => from.to_vec(),
        _ => {
            let mut child = from.to_vec();
            child.push(first.clone());
            if !known.contains(&child) {
                return None;
            }
            from.to_vec()
        }
    };
    let mut rest = segs.iter().skip(usize::from(first == "crate")).peekable();
    while let Some(s) = rest.next_if(|s| *s == "super" || *s == "self") {
        if s == "super" {
            base.pop();
        }
    }
    base.extend(rest.filter(|s| *s != "self").cloned());
    Some(base)
}

/// Reads one `use` tree from `t[*i]`, adding each full path to `out`.
fn use_tree(t: &[String], i: &mut usize, prefix: &[String], out: &mut Vec<Vec<String>>) {
    let mut path = prefix.to_vec();
    while let Some(tok) = t.get(*i) {
        match tok.as_str() {
            "::" => *i += 1,
            "{" => {
                *i += 1;
                while t.get(*i).is_some_and(|s| s != "}") {
                    use_tree(t, i, &path, out);
                    if t.get(*i).is_some_and(|s| s == ",") {
                        *i += 1;
                    }
                }
                *i += 1;
                return;
            }
            "*" => {
                *i += 1;
                break;
            }
            "as" => *i += 2,
            s if s.chars().all(is_ident) => {
                path.push(s.to_string());
                *i += 1;
            }
            _ => break,
        }
    }
    out.push(path);
}

/// Everything `text` (the file at module `module`) names.
fn names(module: &[String], text: &str, known: &BTreeSet<Vec<String>>) -> Names {
    let t = without_tests(tokens(&clean(text)));
    let mut names = Names::default();
    let mut here = module.to_vec();
    // Open inline modules, with the brace depth their body starts at.
    let mut inline: Vec<usize> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while i < t.len() {
        let tok = t[i].as_str();
        if is_browser_crate(tok) {
            names.crates.insert(tok.to_string());
        }
        match tok {
            "{" => depth += 1,
            "}" => {
                depth -= 1;
                if inline.last() == Some(&depth) {
                    inline.pop();
                    here.pop();
                }
            }
            "mod" if t.get(i + 2).is_some_and(|s| s == "{") => {
                here.push(t[i + 1].clone());
                names.inline_modules.push(here.clone());
                inline.push(depth);
                depth += 1;
                i += 3;
                continue;
            }
            "use" => {
                i += 1;
                let mut trees = Vec::new();
                use_tree(&t, &mut i, &[], &mut trees);
                for segs in trees {
                    if segs.first().is_some_and(|s| is_browser_crate(s)) {
                        names.crates.insert(segs[0].clone());
                    }
                    if let Some(abs) = resolve(&here, &segs, known) {
                        names.paths.push((here.clone(), abs));
                    }
                }
                continue;
            }
            _ => {}
        }
        let starts_path = tok.chars().all(is_ident) && t.get(i + 1).is_some_and(|s| s == "::");
        let after_path = i > 0 && t[i - 1] == "::";
        if starts_path && !after_path {
            let mut segs = vec![t[i].clone()];
            while t.get(i + 1).is_some_and(|s| s == "::") && t.get(i + 2).is_some_and(|s| s.chars().all(is_ident)) {
                segs.push(t[i + 2].clone());
                i += 2;
            }
            if let Some(abs) = resolve(&here, &segs, known) {
                names.paths.push((here.clone(), abs));
            }
        }
        i += 1;
    }
    names
}

/// The module `abs` lies in: its longest prefix that is a module.
fn owner(abs: &[String], known: &BTreeSet<Vec<String>>) -> Vec<String> {
    (0..=abs.len())
        .rev()
        .map(|n| abs[..n].to_vec())
        .find(|m| known.contains(m))
        .unwrap_or_else(|| abs.iter().take(1).cloned().collect())
}

/// The graph's cycles: for each knot of modules that reach each other (a
/// strongly connected component), one cycle through it, `a -> b -> a`, and
/// the knot's other modules.
fn cycles(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<String> {
    let nodes: Vec<&Vec<String>> =
        graph.keys().chain(graph.values().flatten()).collect::<BTreeSet<_>>().into_iter().collect();
    let reaches = |from: &Vec<String>, to: &Vec<String>| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from];
        while let Some(n) = stack.pop() {
            for next in graph.get(n).into_iter().flatten() {
                if next == to {
                    return true;
                }
                if seen.insert(next) {
                    stack.push(next);
                }
            }
        }
        false
    };
    let mut done = BTreeSet::new();
    let mut found = Vec::new();
    for &start in &nodes {
        if done.contains(start) || !reaches(start, start) {
            continue;
        }
        // Walk one cycle through `start`: always to a module that leads back.
        let mut cycle = vec![start.clone()];
        let mut at = start;
        loop {
            let next = graph[at].iter().find(|n| *n == start || (!cycle.contains(n) && reaches(n, start))).unwrap();
            if next == start {
                break;
            }
            cycle.push(next.clone());
            at = next;
        }
        let knot: Vec<&Vec<String>> =
            nodes.iter().copied().filter(|&n| reaches(start, n) && reaches(n, start)).collect();
        done.extend(knot.iter().map(|&n| n.clone()));
        let others: Vec<String> = knot.iter().filter(|n| !cycle.contains(n)).map(|n| show(n)).collect();
        cycle.push(start.clone());
        let mut line = cycle.iter().map(|m| show(m)).collect::<Vec<_>>().join(" -> ");
        if !others.is_empty() {
            line.push_str(" (also in the same knot: ");
            line.push_str(&others.join(", "));
            line.push(')');
        }
        found.push(line);
    }
    found
}

/// Every broken rule in `files` (each a path under `src/` and its text).
fn check(files: &[(String, String)]) -> Vec<String> {
    let files: Vec<&(String, String)> = files.iter().filter(|(p, _)| p != "main.rs").collect();
    let mut known: BTreeSet<Vec<String>> = files.iter().map(|(p, _)| module_of(p)).collect();
    for (path, text) in &files {
        known.extend(names(&module_of(path), text, &known).inline_modules);
    }
    let mut problems = Vec::new();
    let mut graph: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (path, text) in &files {
        let module = module_of(path);
        let folder = module.first().map_or("", String::as_str);
        let names = names(&module, text, &known);
        if matches!(folder, "core" | "cli") {
            for name in &names.crates {
                problems.push(format!("src/{path}: {folder} names the browser crate `{name}`"));
            }
        }
        for (from, abs) in &names.paths {
            let to = abs.first().map_or("", String::as_str);
            let wrong = match folder {
                "core" => to != "core",
                "web" => to == "cli",
                "cli" => to == "web",
                _ => false,
            };
            if wrong {
                problems.push(format!("src/{path}: {folder} imports {}", show(abs)));
            }
            let target = owner(abs, &known);
            if target != *from {
                graph.entry(from.clone()).or_default().insert(target);
            }
        }
    }
    problems.extend(cycles(&graph).into_iter().map(|c| format!("module cycle: {c}")));
    problems
}

/// Every `.rs` file under `dir`, as (path under `root`, text).
fn read_tree(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            read_tree(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            out.push((rel, std::fs::read_to_string(&path).unwrap()));
        }
    }
}

fn sources() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    read_tree(&src, &src, &mut files);
    files
}

#[test]
fn the_layers_import_what_they_may_and_no_module_cycles() {
    let files = sources();
    for folder in ["core/", "web/", "cli/"] {
        assert!(files.iter().filter(|(p, _)| p.starts_with(folder)).count() > 2, "no files in src/{folder}?");
    }
    let problems = check(&files);
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

fn planted(files: &[(&str, &str)]) -> Vec<String> {
    check(&files.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect::<Vec<_>>())
}

#[test]
fn the_checker_finds_what_was_planted() {
    let files = [
        ("lib.rs", "pub mod core; #[cfg(browser)] pub mod web; #[cfg(not(browser))] pub mod cli;"),
        ("core/mod.rs", "pub mod a; pub mod b; pub mod c; pub mod d; pub mod e;"),
        ("core/a.rs", "use wasm_bindgen::prelude::*;\nuse crate::core::b::B;\npub struct A;"),
        ("core/b.rs", "use super::{a::A, c};\npub fn b() { crate::web::mount::mount(); }"),
        ("core/c.rs", "pub fn c() { super::super::cli::page::render(); let _ = gloo_events::EventListener::new; }"),
        (
            "core/d.rs",
            "#[cfg_attr(not(browser), derive(schemars::JsonSchema))]\n\
             pub struct D {\n    #[cfg_attr(not(browser), schemars(with = \"crate::cli::schema::Text\"))]\n    pub x: String,\n}",
        ),
        ("web/mod.rs", "pub mod entry;"),
        ("web/entry.rs", "use crate::cli::page;\n#[wasm_bindgen]\npub fn f() {}"),
        ("cli/mod.rs", "pub mod page;\nmod host { pub fn f() { super::super::web::entry::f(); } }"),
        ("cli/page.rs", "use js_sys::Array;"),
    ];
    let problems = planted(&files);
    let expected = [
        "src/core/a.rs: core names the browser crate `wasm_bindgen`",
        "src/core/b.rs: core imports web::mount::mount",
        "src/core/c.rs: core names the browser crate `gloo_events`",
        "src/core/c.rs: core imports cli::page::render",
        "src/core/d.rs: core imports cli::schema::Text",
        "src/web/entry.rs: web imports cli::page",
        "src/cli/mod.rs: cli imports web::entry::f",
        "src/cli/page.rs: cli names the browser crate `js_sys`",
        "module cycle: core::a -> core::b -> core::a",
    ];
    for e in expected {
        assert!(problems.iter().any(|p| p == e), "missing {e:?} in\n{}", problems.join("\n"));
    }
    assert_eq!(problems.len(), expected.len(), "\n{}", problems.join("\n"));
}

#[test]
fn comments_strings_and_tests_are_not_imports() {
    let files = [
        ("core/mod.rs", "pub mod a; pub mod b;"),
        (
            "core/a.rs",
            "//! Unlike `crate::web::mount`, this never uses wasm_bindgen.\n\
             /* crate::cli::page /* nested */ web_sys */\n\
             pub const S: &str = \"crate::web::x wasm_bindgen\";\n\
             pub const R: &str = r#\"crate::cli::\"y\"#;\n\
             pub const Q: char = '\"'; pub fn f<'a>(x: &'a str) -> &'a str { x }\n\
             use crate::core::b::B;\n\
             #[cfg(test)]\nmod tests {\n    use crate::web::entry;\n    use crate::core::b;\n    use wasm_bindgen::JsValue;\n}\n",
        ),
        ("core/b.rs", "pub struct B;\n#[cfg(test)]\nmod tests { use crate::core::a::S; }"),
    ];
    let problems = planted(&files);
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn a_cycle_of_three_is_named_once() {
    let files = [
        ("core/mod.rs", "pub mod a; pub mod b; pub mod c;"),
        ("core/a.rs", "use super::b::B; pub struct A;"),
        ("core/b.rs", "pub struct B; fn f() { let _ = crate::core::c::C; }"),
        ("core/c.rs", "pub struct C; use crate::core::{a::A, b};"),
    ];
    assert_eq!(planted(&files), ["module cycle: core::a -> core::b -> core::c -> core::a"]);
}

#[test]
fn a_knot_names_one_cycle_and_its_other_modules() {
    let files = [
        ("core/mod.rs", "pub mod a; pub mod b; pub mod c;"),
        ("core/a.rs", "use super::b::B; pub struct A;"),
        ("core/b.rs", "use super::{a::A, c::C}; pub struct B;"),
        ("core/c.rs", "use super::b::B; pub struct C;"),
    ];
    assert_eq!(planted(&files), ["module cycle: core::a -> core::b -> core::a (also in the same knot: core::c)"]);
}

#[test]
fn no_html_sinks_or_forgotten_closures_in_the_web_layer() {
    for (path, src) in sources().iter().filter(|(p, _)| p.starts_with("web/")) {
        for word in ["inner_html", "set_inner_html", "insert_adjacent_html", "outer_html", ".forget()"] {
            assert!(!src.contains(word), "src/{path} uses {word}");
        }
    }
}
