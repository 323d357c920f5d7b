//! The modules of `src/` form layers, as `src/lib.rs` describes them: a
//! module uses only modules of lower layers, and no files use each other
//! in a circle.
//!
//! The uses are read from the sources themselves: every path that begins
//! with `crate::` or `super::` (in `use` declarations, braces expanded, and
//! in code), resolved to the file of the module it names. A module's use
//! of its own submodules, and a submodule's use of the module around it
//! (an `impl` block that lives in its own file), are not counted: they are
//! one module. Tests at the end of a file are left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first: a top-level module may use those of lower
/// layers only.
const LAYERS: &[&[&str]] = &[
    &["message"],
    &["diagnostic", "unseen"],
    &[
        "id", "yaml", "export", "danish", "escape", "annex", "builtin", "pool", "probe",
    ],
    &["project"],
    &["facts"],
    &["context", "markdown", "typeset"],
    &["template"],
    &["kinds"],
    &["render"],
    &["session"],
    &["plan", "isolate"],
    &["build", "schema", "explain"],
    &["scaffold"],
    &["serve"],
];

/// Every module file of `src/`, by its path (`facts::load`), except the
/// binary's.
fn modules() -> BTreeMap<String, PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(&src).unwrap().with_extension("");
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            let name = parts.join("::");
            // The binary's modules (main.rs, commands/) use the library
            // from outside; only the library has layers.
            let binary = name == "main" || name == "commands" || name.starts_with("commands::");
            if !binary && name != "lib" {
                out.insert(name, path);
            }
        }
    }
    out
}

/// The text of a source without comments, string literals and its tests.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let text = match text.find("#[cfg(test)]\nmod ") {
        Some(at) => &text[..at],
        None => &text[..],
    };
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    match c {
                        '\\' if !escaped => escaped = true,
                        '"' if !escaped => break,
                        _ => escaped = false,
                    }
                }
                out.push_str("\"\"");
            }
            c => out.push(c),
        }
    }
    out
}

/// The paths that `code` names, beginning with `crate::` or `super::`,
/// with the braces of `use` declarations expanded: `crate::a::{b, c::d}`
/// gives `crate::a::b` and `crate::a::c::d`.
fn paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for start in ["crate::", "super::"] {
        let mut rest = code;
        while let Some(at) = rest.find(start) {
            let before = rest[..at].chars().last();
            rest = &rest[at..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                rest = &rest[start.len()..];
                continue;
            }
            let end = path_end(rest);
            expand("", &rest[..end], &mut out);
            rest = &rest[end.max(1)..];
        }
    }
    out
}

/// The length of the path (with any brace groups) at the start of `text`.
fn path_end(text: &str) -> usize {
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            c if depth == 0 && !(c.is_alphanumeric() || c == '_' || c == ':') => return i,
            _ => {}
        }
    }
    text.len()
}

/// Expands one use tree into its paths.
fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    match tree.find('{') {
        None => out.push(format!("{prefix}{tree}").trim_end_matches("::").to_owned()),
        Some(open) => {
            let head = format!("{prefix}{}", &tree[..open]);
            let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
            let mut depth = 0;
            let mut from = 0;
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        expand_item(&head, &inner[from..i], out);
                        from = i + 1;
                    }
                    _ => {}
                }
            }
            expand_item(&head, &inner[from..], out);
        }
    }
}

fn expand_item(head: &str, item: &str, out: &mut Vec<String>) {
    let item = item.trim();
    if item.is_empty() {
        return;
    }
    if item == "self" {
        out.push(head.trim_end_matches("::").to_owned());
    } else {
        let item = item.split(" as ").next().unwrap_or(item);
        expand(head, item, out);
    }
}

/// The module file that `path`, named in module `from`, leads to.
fn resolve(path: &str, from: &str, known: &BTreeMap<String, PathBuf>) -> Option<String> {
    let mut segments: Vec<&str> = path.split("::").collect();
    let mut base: Vec<&str> = Vec::new();
    match segments.first() {
        Some(&"crate") => {
            segments.remove(0);
        }
        Some(&"super") => {
            base = from.split("::").collect();
            while segments.first() == Some(&"super") {
                segments.remove(0);
                base.pop();
            }
        }
        _ => return None,
    }
    let full: Vec<&str> = base.into_iter().chain(segments).collect();
    (1..=full.len())
        .rev()
        .map(|n| full[..n].join("::"))
        .find(|candidate| known.contains_key(candidate))
}

/// Whether `a` is `b` or contains it, or the other way round.
fn related(a: &str, b: &str) -> bool {
    let inside = |x: &str, y: &str| x == y || x.starts_with(&format!("{y}::"));
    inside(a, b) || inside(b, a)
}

/// Every use of one module file by another, as (user, used).
fn uses() -> BTreeSet<(String, String)> {
    let known = modules();
    let mut edges = BTreeSet::new();
    for (name, path) in &known {
        for p in paths(&code(path)) {
            if let Some(target) = resolve(&p, name, &known)
                && !related(name, &target)
            {
                edges.insert((name.clone(), target));
            }
        }
    }
    edges
}

fn top(module: &str) -> &str {
    module.split("::").next().unwrap_or(module)
}

fn layer(module: &str) -> usize {
    LAYERS
        .iter()
        .position(|layer| layer.contains(&top(module)))
        .unwrap_or_else(|| panic!("the module `{module}` is in no layer of LAYERS"))
}

#[test]
fn the_uses_are_read_from_the_sources() {
    // A check of the reader, so that the tests below cannot pass by
    // finding nothing.
    let edges = uses();
    for (user, used) in [
        ("session", "render"),
        ("kinds::load", "kinds::batch"),
        ("kinds::batch", "facts::sources"),
        ("project", "yaml"),
        ("build", "session"),
    ] {
        assert!(
            edges.contains(&(user.to_owned(), used.to_owned())),
            "`{user}` uses `{used}`, but the reader did not see it: {edges:?}"
        );
    }
    let mut found = Vec::new();
    expand("", "crate::a::{self, b::{c, d as e}, f}", &mut found);
    assert_eq!(
        found,
        [
            "crate::a",
            "crate::a::b::c",
            "crate::a::b::d",
            "crate::a::f"
        ]
    );
}

#[test]
fn every_module_uses_only_lower_layers() {
    let wrong: Vec<String> = uses()
        .into_iter()
        .filter(|(user, used)| top(user) != top(used) && layer(used) >= layer(user))
        .map(|(user, used)| {
            format!(
                "`{user}` (layer {}) uses `{used}` (layer {})",
                layer(&user),
                layer(&used)
            )
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_module_files_use_each_other_in_a_circle() {
    let edges = uses();
    let mut graph: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (user, used) in &edges {
        graph.entry(user).or_default().push(used);
    }
    // Depth-first search; a file met again while it is open closes a
    // circle.
    fn visit<'a>(
        node: &'a str,
        graph: &BTreeMap<&'a str, Vec<&'a str>>,
        open: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<&'a str>> {
        if let Some(at) = open.iter().position(|n| *n == node) {
            let mut circle = open[at..].to_vec();
            circle.push(node);
            return Some(circle);
        }
        if !done.insert(node) {
            return None;
        }
        open.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if let Some(circle) = visit(next, graph, open, done) {
                return Some(circle);
            }
        }
        open.pop();
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(circle) = visit(node, &graph, &mut Vec::new(), &mut done) {
            panic!("a circle of uses: {}", circle.join(" → "));
        }
    }
}
