//! The catalogue against itself and against the code: each id in both
//! languages, with the same arguments; each `msg!` in `src/` naming an id
//! that exists, with exactly the arguments its message uses; no message
//! that nothing says; and no sentence raised outside the catalogue.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

use super::AREAS;

/// The variables each message of one language's text uses, by id (an
/// attribute's as `id.attribute`).
fn variables(area: &str, text: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(text).unwrap_or_else(|(_, errors)| {
        panic!("src/messages/…/{area}.ftl does not parse: {errors:#?}")
    });
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        if let ast::Entry::Message(message) = entry {
            let id = message.id.name.to_owned();
            let mut used = BTreeSet::new();
            if let Some(value) = &message.value {
                pattern(value, &mut used);
            }
            let previous = out.insert(id.clone(), used);
            assert!(previous.is_none(), "{area}: `{id}` is given twice");
            for attribute in &message.attributes {
                let mut used = BTreeSet::new();
                pattern(&attribute.value, &mut used);
                out.insert(format!("{id}.{}", attribute.id.name), used);
            }
        }
    }
    out
}

fn pattern(pattern: &ast::Pattern<&str>, used: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            self::expression(expression, used);
        }
    }
}

fn expression(expression: &ast::Expression<&str>, used: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline(selector, used);
            for variant in variants {
                pattern(&variant.value, used);
            }
        }
        ast::Expression::Inline(e) => inline(e, used),
    }
}

fn inline(expression: &ast::InlineExpression<&str>, used: &mut BTreeSet<String>) {
    match expression {
        ast::InlineExpression::VariableReference { id } => {
            used.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => self::expression(expression, used),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for e in &arguments.positional {
                inline(e, used);
            }
        }
        _ => {}
    }
}

/// Every message of the catalogue with its variables, once both
/// languages are known to agree.
fn catalogue() -> BTreeMap<String, BTreeSet<String>> {
    let mut all = BTreeMap::new();
    for (area, da, en) in AREAS {
        let da = variables(area, da);
        let en = variables(area, en);
        let only_da: Vec<&String> = da.keys().filter(|id| !en.contains_key(*id)).collect();
        let only_en: Vec<&String> = en.keys().filter(|id| !da.contains_key(*id)).collect();
        assert!(
            only_da.is_empty() && only_en.is_empty(),
            "{area}: only in Danish: {only_da:?}; only in English: {only_en:?}"
        );
        for (id, used) in en {
            assert_eq!(
                da[&id], used,
                "{area}: `{id}` uses other arguments in Danish than in English"
            );
            let twice = all.insert(id.clone(), used);
            assert!(twice.is_none(), "`{id}` is in two areas");
        }
    }
    all
}

/// One `msg!` in the code: where, its id and the arguments it names.
#[derive(Debug)]
struct Said {
    at: String,
    id: String,
    args: BTreeSet<String>,
}

/// Every `.rs` file under `src/`, with its text.
fn sources() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = entry.expect("src/ can be read");
        // This file's examples are not messages.
        if entry.path().extension().is_some_and(|e| e == "rs")
            && !entry.path().ends_with("message/check.rs")
        {
            let text = std::fs::read_to_string(entry.path()).expect("a source file is text");
            let shown = entry.path().strip_prefix(&root).unwrap_or(entry.path());
            out.push((Path::new("src").join(shown), text));
        }
    }
    out
}

/// The `msg!` calls of `text`. Reads just enough Rust for them: strings,
/// characters, brackets and top-level commas.
fn said(file: &Path, text: &str) -> Vec<Said> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = text[from..].find("msg!(") {
        let start = from + found;
        from = start + 5;
        let before = text[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        // In a comment: an example, not a message said.
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        if text[line_start..start].contains("//") {
            continue;
        }
        let line = text[..start].matches('\n').count() + 1;
        let at = format!("{}:{line}", file.display());
        let mut i = from;
        skip_space(bytes, &mut i);
        // The macro's own definition and its documentation name no id.
        if bytes.get(i) != Some(&b'"') {
            continue;
        }
        let end = string_end(bytes, i);
        let id = text[i + 1..end - 1].to_owned();
        i = end;
        let mut args = BTreeSet::new();
        loop {
            skip_space(bytes, &mut i);
            match bytes.get(i) {
                Some(b',') => {
                    i += 1;
                    skip_space(bytes, &mut i);
                    if bytes.get(i) == Some(&b')') {
                        break;
                    }
                    let name_start = i;
                    while bytes
                        .get(i)
                        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
                    {
                        i += 1;
                    }
                    args.insert(text[name_start..i].to_owned());
                    skip_space(bytes, &mut i);
                    if bytes.get(i) == Some(&b'=') {
                        i = expression_end(bytes, i + 1);
                    }
                }
                _ => break,
            }
        }
        out.push(Said { at, id, args });
    }
    out
}

fn skip_space(bytes: &[u8], i: &mut usize) {
    while bytes.get(*i).is_some_and(|b| b.is_ascii_whitespace()) {
        *i += 1;
    }
}

/// The index after the string literal starting at `i` (a `"`).
fn string_end(bytes: &[u8], mut i: usize) -> usize {
    i += 1;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    i
}

/// The index of the `,` or `)` that ends the expression starting at `i`.
fn expression_end(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => {
                // A raw string `r"…"` or `r#"…"#` is read as a string too;
                // the ones in messages hold no quote.
                i = string_end(bytes, i);
                continue;
            }
            b'\'' => {
                // A character `'x'` or `'\n'`; otherwise a lifetime.
                if bytes.get(i + 1) == Some(&b'\\') {
                    i += 2;
                    while bytes.get(i).is_some_and(|b| *b != b'\'') {
                        i += 1;
                    }
                } else if bytes.get(i + 2) == Some(&b'\'') {
                    i += 2;
                } else if let Some(len) = std::str::from_utf8(&bytes[i + 1..])
                    .ok()
                    .and_then(|rest| rest.chars().next())
                    .map(char::len_utf8)
                    .filter(|len| bytes.get(i + 1 + len) == Some(&b'\''))
                {
                    i += 1 + len;
                }
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth == 0 => return i,
            b')' | b']' | b'}' => depth -= 1,
            b',' if depth == 0 => return i,
            _ => {}
        }
        i += 1;
    }
    i
}

#[test]
fn both_languages_word_every_message_with_the_same_arguments() {
    let all = catalogue();
    assert!(all.len() > 10, "{} messages", all.len());
}

#[test]
fn every_message_said_exists_with_exactly_its_arguments() {
    let catalogue = catalogue();
    let mut wrong = Vec::new();
    for (file, text) in sources() {
        for s in said(&file, &text) {
            match catalogue.get(&s.id) {
                None => wrong.push(format!("{}: `{}` is not in the catalogue", s.at, s.id)),
                Some(used) if *used != s.args => {
                    let missing: Vec<_> = used.difference(&s.args).collect();
                    let unused: Vec<_> = s.args.difference(used).collect();
                    wrong.push(format!(
                        "{}: `{}` needs {missing:?}, and is given {unused:?} it does not use",
                        s.at, s.id
                    ));
                }
                Some(_) => {}
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_message_in_the_catalogue_is_said_somewhere() {
    let mut unsaid: BTreeSet<String> = catalogue()
        .into_keys()
        .filter(|id| !id.contains('.'))
        // Made from the command line's commands and arguments, and walked
        // by the tests of `commands::help`.
        .filter(|id| id != "help" && !id.starts_with("help-"))
        .collect();
    for (file, text) in sources() {
        for s in said(&file, &text) {
            unsaid.remove(&s.id);
        }
        // The ids of `Message::new("…")`.
        for (i, _) in text.match_indices("Message::new(\"") {
            let start = i + "Message::new(\"".len();
            if let Some(end) = text[start..].find('"') {
                unsaid.remove(&text[start..start + end]);
            }
        }
    }
    assert!(unsaid.is_empty(), "said nowhere: {unsaid:#?}");
}

/// The code of `text` without its test module (`#[cfg(test)] mod …` to
/// the end of the file, where this codebase keeps it).
fn without_tests(text: &str) -> &str {
    let mut search = 0;
    while let Some(i) = text[search..].find("#[cfg(test)]") {
        let at = search + i;
        let rest = text[at + "#[cfg(test)]".len()..].trim_start();
        if rest.starts_with("mod ") {
            return &text[..at];
        }
        search = at + 1;
    }
    text
}

/// Whether a format string holds a word, outside its `{…}`: text a
/// person reads, which belongs in the catalogue.
fn has_words(format: &str) -> bool {
    let mut outside = String::new();
    let mut depth = 0usize;
    for c in format.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    outside
        .split(|c: char| !c.is_alphabetic())
        .any(|word| word.chars().count() >= 2 && word != "dokgen")
}

#[test]
fn no_sentence_is_raised_outside_the_catalogue() {
    const RAISED: [&str; 7] = [
        "Diagnostic::error(",
        "Diagnostic::warning(",
        ".hint(",
        "println!(",
        "eprintln!(",
        "print!(",
        "eprint!(",
    ];
    let mut outside = Vec::new();
    for (file, text) in sources() {
        if file.starts_with("src/message") {
            continue;
        }
        let code = without_tests(&text);
        for raised in RAISED {
            for (i, _) in code.match_indices(raised) {
                let before = code[..i].chars().next_back();
                if raised.ends_with("!(") && before.is_some_and(|c| c.is_alphanumeric()) {
                    continue;
                }
                let mut j = i + raised.len();
                skip_space(code.as_bytes(), &mut j);
                let rest = &code[j..];
                let literal = if rest.starts_with('"') {
                    Some(&code[j..string_end(code.as_bytes(), j)])
                } else if let Some(after) = rest
                    .strip_prefix("format!(")
                    .or_else(|| rest.strip_prefix("&format!("))
                {
                    let k = j + (rest.len() - after.len());
                    let mut k2 = k;
                    skip_space(code.as_bytes(), &mut k2);
                    code[k2..]
                        .starts_with('"')
                        .then(|| &code[k2..string_end(code.as_bytes(), k2)])
                } else {
                    None
                };
                if let Some(literal) = literal.filter(|l| has_words(l)) {
                    let line = code[..i].matches('\n').count() + 1;
                    outside.push(format!("{}:{line}: {raised}{literal}", file.display()));
                }
            }
        }
    }
    assert!(
        outside.is_empty(),
        "text raised outside the catalogue (give it an id in src/messages/):\n{}",
        outside.join("\n")
    );
}

#[test]
fn the_reader_of_calls_finds_ids_and_arguments() {
    let code = r#"let a = msg!("x-y", name = f(a, b), other, last = [1, 2].len());
        let b = crate::msg!("z");
        let c = msg!("w", c = 'x', d = 'ø', e = "a, b",);"#;
    let found = said(Path::new("f.rs"), code);
    let ids: Vec<&str> = found.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["x-y", "z", "w"]);
    let args: Vec<&str> = found[0].args.iter().map(String::as_str).collect();
    assert_eq!(args, ["last", "name", "other"]);
    let args: Vec<&str> = found[2].args.iter().map(String::as_str).collect();
    assert_eq!(args, ["c", "d", "e"]);
    assert!(found[1].args.is_empty());
}

#[test]
fn a_format_string_with_words_is_a_sentence_and_one_of_places_is_not() {
    assert!(has_words("\"cannot read {path}\""));
    assert!(has_words("\"kan ikke læses\""));
    assert!(!has_words("\"{}: {}\""));
    assert!(!has_words("\"  {}:{}:{}: {}{unprinted}\""));
    assert!(!has_words("\"dokgen: {}\""));
    let code = "fn f() { Diagnostic::error(\"oops, wrong\"); }\n#[cfg(test)]\nmod tests { fn g() { println!(\"in a test\"); } }";
    assert!(without_tests(code).contains("oops"));
    assert!(!without_tests(code).contains("in a test"));
}
