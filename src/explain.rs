//! `dokgen explain`: what a document's template and prose can use.
//!
//! Takes an open session and one of its documents; gives, as text, every
//! value the template sees on the document's date (a tree of names, types
//! and values), marking those the template, its partials and the
//! document's prose use, and the prose keys the template places; or, for
//! one line of a template or prose file, what each `{{ … }}` on it gives.

use std::collections::BTreeSet;
use std::fmt::Write;
use std::path::Path;

use serde_json::Value;

use crate::diagnostic::{Diagnostic, Error, Result};
use crate::kinds::Document;
use crate::message::Message;
use crate::msg;
use crate::session::Session;

/// Lists longer than this show their first items only.
const SHOWN_ITEMS: usize = 2;

/// The document of `session` named `name`: its output name (`ansoegning-1`)
/// or its declaration's file (`content/documents/ansoegning-1.yaml`).
pub fn find<'s>(session: &'s Session, name: &str) -> Result<&'s Document> {
    let plain = name.trim_end_matches(".pdf");
    session
        .documents()
        .iter()
        .find(|d| d.spec.output == plain || d.file == Path::new(name))
        .ok_or_else(|| {
            let names: Vec<&str> = session
                .documents()
                .iter()
                .map(|d| d.spec.output.as_str())
                .collect();
            let mut d = Diagnostic::error(msg!("template-explain-no-document", name));
            if let Some(near) = crate::diagnostic::nearest(plain, &names) {
                d = d.hint(msg!("template-did-you-mean", name = near));
            }
            Error::from(d.hint(msg!("template-explain-documents", names = names.join(", "))))
        })
}

/// The tree of what `document`'s template and prose can use: all of it,
/// or the value at `only` (`application.later_areas`).
pub fn tree(session: &Session, document: &Document, only: Option<&str>) -> Result<String> {
    let mut values = session.values(document)?;
    if let Some(only) = only {
        values = vec![(only.to_owned(), subtree(&values, only)?)];
    }
    let used = used_paths(session, document);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        msg!(
            "template-explain-title",
            document = document.spec.output.as_str(),
            file = document.file.display(),
            date = document.date.to_string()
        )
    );
    let _ = writeln!(
        out,
        "{}\n",
        msg!(
            "template-explain-marks",
            template = document.spec.template.as_str()
        )
    );
    for (name, value) in &values {
        node(&mut out, &used, name, name, value, 0);
    }
    let _ = writeln!(out);
    out.push_str(&prose_keys(session, document));
    Ok(out)
}

/// The value at `path` (`a.b`, `a["b"]`, `a.0`) among `values`.
fn subtree(values: &[(String, Value)], path: &str) -> Result<Value> {
    let normal = normal(path);
    let mut parts = normal.split('.');
    let head = parts.next().unwrap_or_default();
    let names: Vec<&str> = values.iter().map(|(n, _)| n.as_str()).collect();
    let mut at = values.iter().find(|(n, _)| n == head).map(|(_, v)| v);
    let mut walked = head.to_owned();
    let mut keys: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
    for part in parts {
        let Some(value) = at else { break };
        keys = match value {
            Value::Object(map) => map.keys().cloned().collect(),
            Value::Array(items) => (0..items.len()).map(|i| i.to_string()).collect(),
            _ => Vec::new(),
        };
        at = match value {
            Value::Object(map) => map.get(part),
            Value::Array(items) => part.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        };
        if at.is_some() {
            walked = format!("{walked}.{part}");
        }
    }
    at.cloned().ok_or_else(|| {
        let known: Vec<&str> = keys.iter().map(String::as_str).collect();
        let missing = normal
            .split('.')
            .nth(walked.split('.').count())
            .unwrap_or(head);
        let mut d = Diagnostic::error(msg!("template-explain-no-value", path));
        if let Some(near) = crate::diagnostic::nearest(missing, &known) {
            d = d.hint(msg!("template-did-you-mean", name = near));
        }
        let holds = if at.is_none() && walked == head && !names.contains(&head) {
            msg!("template-explain-document-holds", names = known.join(", "))
        } else {
            msg!(
                "template-explain-value-holds",
                value = walked.as_str(),
                names = known.join(", ")
            )
        };
        Error::from(d.hint(holds))
    })
}

/// One value and what is inside it, at `depth`.
fn node(out: &mut String, used: &Used, key: &str, path: &str, value: &Value, depth: usize) {
    let mark = if used.covers(path) { '*' } else { ' ' };
    let left = format!("{mark} {}{key}", "  ".repeat(depth));
    let _ = writeln!(out, "{left:<42} {}", describe(value));
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                node(out, used, k, &format!("{path}.{k}"), v, depth + 1);
            }
        }
        Value::Array(items) if items.iter().any(|i| i.is_object() || i.is_array()) => {
            for (i, item) in items.iter().enumerate().take(SHOWN_ITEMS) {
                node(
                    out,
                    used,
                    &format!("[{i}]"),
                    &format!("{path}[]"),
                    item,
                    depth + 1,
                );
            }
            if items.len() > SHOWN_ITEMS {
                let _ = writeln!(
                    out,
                    "  {}… {}",
                    "  ".repeat(depth + 1),
                    msg!("template-explain-more", count = items.len() - SHOWN_ITEMS)
                );
            }
        }
        _ => {}
    }
}

/// A value's type and a short preview of it.
fn describe(value: &Value) -> String {
    // The type, in a column of its own.
    let typed = |kind: Message, value: &str| format!("{:<8} {value}", kind.to_string());
    match value {
        Value::Null => msg!("template-explain-empty").to_string(),
        Value::Bool(b) => typed(
            msg!("template-explain-yes-no"),
            if *b { "true" } else { "false" },
        ),
        Value::Number(n) => typed(msg!("template-explain-number"), &n.to_string()),
        Value::String(s) => typed(msg!("template-explain-text"), &preview(s)),
        Value::Array(items) => {
            let names: Vec<String> = items
                .iter()
                .take(4)
                .filter_map(|i| match i {
                    Value::String(s) => Some(s.clone()),
                    Value::Number(n) => Some(n.to_string()),
                    Value::Object(m) => m
                        .get("name")
                        .or_else(|| m.get("id"))
                        .and_then(Value::as_str)
                        .map(str::to_owned),
                    _ => None,
                })
                .collect();
            let more = if items.len() > names.len() && !names.is_empty() {
                ", …"
            } else {
                ""
            };
            match items.len() {
                0 => typed(
                    msg!("template-explain-list"),
                    &msg!("template-explain-list-empty").to_string(),
                ),
                count if names.is_empty() => msg!("template-explain-list-of", count).to_string(),
                count => msg!(
                    "template-explain-list-of-named",
                    count,
                    names = format!("{}{more}", names.join(", "))
                )
                .to_string(),
            }
        }
        Value::Object(map) => msg!("template-explain-map-of", count = map.len()).to_string(),
    }
}

/// `text` on one line, cut at 60 characters.
fn preview(text: &str) -> String {
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() > 60 {
        format!("\"{}…\"", line.chars().take(59).collect::<String>())
    } else {
        format!("\"{line}\"")
    }
}

/// The prose keys the template places, and those the declaration gives.
fn prose_keys(session: &Session, document: &Document) -> String {
    let placed: BTreeSet<String> = session
        .template_text(&document.spec.template)
        .map(|(_, text)| {
            crate::template::placed_prose_keys(text)
                .into_iter()
                .collect()
        })
        .unwrap_or_default();
    let declared: BTreeSet<String> = document.spec.prose.keys().cloned().collect();
    let mut out = String::new();
    let list = |keys: &BTreeSet<String>| keys.iter().cloned().collect::<Vec<_>>().join(", ");
    let none_or = |keys: &BTreeSet<String>| {
        if keys.is_empty() {
            msg!("template-explain-none").to_string()
        } else {
            list(keys)
        }
    };
    let _ = writeln!(
        out,
        "{}",
        msg!("template-explain-keys-placed", keys = none_or(&placed))
    );
    let _ = writeln!(
        out,
        "{}",
        msg!(
            "template-explain-keys-given",
            file = document.file.display(),
            keys = none_or(&declared)
        )
    );
    let missing: BTreeSet<String> = placed.difference(&declared).cloned().collect();
    if !missing.is_empty() {
        let _ = writeln!(
            out,
            "  {}",
            msg!("template-explain-keys-not-given", keys = list(&missing))
        );
    }
    let unused: BTreeSet<String> = declared.difference(&placed).cloned().collect();
    if !unused.is_empty() {
        let _ = writeln!(
            out,
            "  {}",
            msg!("template-explain-keys-unused", keys = list(&unused))
        );
    }
    out
}

/// What each `{{ … }}` on line `line` of `file` (a template or a prose
/// file, as messages name it) gives for `document`.
pub fn at(session: &Session, document: &Document, file: &str, line: usize) -> Result<String> {
    let text = text_of(session, file)?;
    let Some(written) = text
        .lines()
        .nth(line.saturating_sub(1))
        .filter(|_| line > 0)
    else {
        return Err(Diagnostic::error(msg!(
            "template-explain-no-line",
            file,
            count = text.lines().count(),
            line
        ))
        .into());
    };
    let mut out = format!("{file}:{line}: {}\n", written.trim());
    let mut rest = written;
    let mut any = false;
    while let Some(start) = rest.find("{{") {
        let Some(end) = rest[start..].find("}}") else {
            break;
        };
        let expression = rest[start + 2..start + end].trim().trim_matches('-').trim();
        rest = &rest[start + end + 2..];
        any = true;
        // Converted prose is Typst markup; what it comes from says more.
        if let Some(path) = expression.strip_suffix("| prose").map(str::trim)
            && let Ok(file) = session.evaluate(document, path)
        {
            let _ = writeln!(
                out,
                "  {{{{ {expression} }}}}  →  {}",
                msg!("template-explain-prose-value", file)
            );
            continue;
        }
        let _ = match session.evaluate(document, expression) {
            Ok(value) => writeln!(out, "  {{{{ {expression} }}}}  →  {}", preview(&value)),
            Err(err) => {
                let why = err
                    .diagnostics()
                    .first()
                    .map(|d| d.message.clone())
                    .unwrap_or_else(|| msg!("template-explain-unknown-reason"));
                writeln!(
                    out,
                    "  {{{{ {expression} }}}}  →  {}",
                    msg!(
                        "template-explain-no-value-here",
                        why,
                        document = document.spec.output.as_str()
                    )
                )
            }
        };
    }
    if !any {
        let _ = writeln!(out, "  {}", msg!("template-explain-no-expression"));
    }
    Ok(out)
}

/// The text of the template or prose file `file`.
fn text_of(session: &Session, file: &str) -> Result<String> {
    let file = file.replace('\\', "/");
    let path = Path::new(&file);
    if let Some(prose) = file.strip_prefix("content/")
        && let Some(text) = session.content().prose.get(prose)
    {
        return Ok(text.clone());
    }
    if let Some(text) = session.content().prose.get(file.as_str()) {
        return Ok(text.clone());
    }
    let name = file
        .strip_prefix(crate::builtin::PREFIX)
        .or_else(|| file.strip_prefix("templates/"))
        .unwrap_or(&file);
    if let Some((_, text)) = session.template_text(name) {
        return Ok(text.to_owned());
    }
    // Another file of the project's, such as a declaration whose title
    // names facts; never one outside it.
    let root = &session.project().root;
    root.join(path)
        .canonicalize()
        .ok()
        .filter(|real| real.starts_with(root))
        .and_then(|real| std::fs::read_to_string(real).ok())
        .ok_or_else(|| {
            Error::from(
                Diagnostic::error(msg!("template-explain-no-file", file = file.as_str()))
                    .hint(msg!("template-explain-no-file-hint")),
            )
        })
}

/// The paths of values that a document's template, the partials and its
/// prose name, with `[]` for an item of a list and `*` for a key given by
/// a variable: `application.remaining_areas[].name`, `municipalities.*.name`.
struct Used(BTreeSet<String>);

impl Used {
    /// Whether `path` (a value's path, with `[]` for list items) or
    /// something inside it is used.
    fn covers(&self, path: &str) -> bool {
        self.0.iter().any(|used| {
            let mut u = used.split('.');
            let mut p = path.split('.');
            loop {
                match (p.next(), u.next()) {
                    (None, _) => return true,
                    (Some(_), None) => return false,
                    (Some(a), Some(b))
                        if b == "*" || a.trim_end_matches("[]") == b.trim_end_matches("[]") => {}
                    (Some(_), Some(_)) => return false,
                }
            }
        })
    }
}

/// What the document's template, every partial and its prose use.
fn used_paths(session: &Session, document: &Document) -> Used {
    let mut texts: Vec<String> = Vec::new();
    let names: Vec<String> = session.template_names();
    for name in names
        .iter()
        .filter(|n| *n == &document.spec.template || n.contains('/'))
    {
        if let Some((_, text)) = session.template_text(name) {
            texts.push(text.to_owned());
        }
    }
    for path in session.prose_of(document) {
        if let Some(text) = session.content().prose.get(path) {
            texts.push(text.clone());
        }
    }
    let mut used = BTreeSet::new();
    for text in &texts {
        used.extend(chains(text));
    }
    Used(used)
}

/// The value paths a template's text names, with its `set` and `for`
/// variables replaced by what they stand for.
fn chains(text: &str) -> Vec<String> {
    let mut aliases: Vec<(String, String)> = Vec::new();
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(['{']) {
        let after = &rest[start + 1..];
        let close = match after.chars().next() {
            Some('{') => "}}",
            Some('%') => "%}",
            _ => {
                rest = after;
                continue;
            }
        };
        let Some(end) = after.find(close) else { break };
        let inside = &after[1..end];
        rest = &after[end + close.len()..];
        let words: Vec<&str> = inside.split_whitespace().collect();
        let resolve = |chain: &str, aliases: &[(String, String)]| {
            let head = chain.split(['.', '[']).next().unwrap_or_default();
            match aliases.iter().rev().find(|(a, _)| a == head) {
                Some((_, to)) => format!("{to}{}", &chain[head.len()..]),
                None => chain.to_owned(),
            }
        };
        // A filter that reads a field of each item (`liste(attr="name")`,
        // `sort(attribute="date")`) uses that field too.
        let fields: Vec<&str> = ["attr=\"", "attribute=\""]
            .iter()
            .flat_map(|key| inside.match_indices(key).map(move |(at, _)| at + key.len()))
            .filter_map(|start| inside[start..].split('"').next())
            .collect();
        for chain in paths_in(inside) {
            let chain = resolve(&chain, &aliases);
            for field in &fields {
                found.push(format!("{chain}[].{field}"));
            }
            found.push(chain);
        }
        match words.as_slice() {
            [_, "set", name, "=", value, ..] | ["set", name, "=", value, ..] => {
                let value = value.trim_end_matches('-');
                aliases.push(((*name).to_owned(), resolve(&normal(value), &aliases)));
            }
            [_, "for", name, "in", value, ..] | ["for", name, "in", value, ..] => {
                let value = value.trim_end_matches('-');
                aliases.push((
                    (*name).to_owned(),
                    format!("{}[]", resolve(&normal(value), &aliases)),
                ));
            }
            _ => {}
        }
    }
    found
}

/// The chains of names in an expression: `a.b`, `a["b"]` (as `a.b`),
/// `a[x]` (as `a.*`).
fn paths_in(expression: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes: Vec<char> = expression.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let starts = (c.is_alphabetic() || c == '_')
            && (i == 0 || !(bytes[i - 1].is_alphanumeric() || "_.\"'".contains(bytes[i - 1])));
        if !starts {
            i += 1;
            continue;
        }
        let begin = i;
        while i < bytes.len() && (bytes[i].is_alphanumeric() || "_.[]\"'".contains(bytes[i])) {
            i += 1;
        }
        let chain: String = bytes[begin..i].iter().collect();
        if chain.contains('.') || chain.contains('[') {
            out.push(normal(&chain));
        }
    }
    out
}

/// `a["b"][x].c` as `a.b.*.c`.
fn normal(chain: &str) -> String {
    let mut out = String::new();
    let mut rest = chain;
    while !rest.is_empty() {
        if let Some(inner) = rest.strip_prefix('[') {
            let end = inner.find(']').unwrap_or(inner.len());
            let key = &inner[..end];
            let quoted = key.trim_matches(['"', '\'']);
            out.push('.');
            out.push_str(if quoted.len() < key.len() {
                quoted
            } else {
                "*"
            });
            rest = inner.get(end + 1..).unwrap_or_default();
        } else {
            let end = rest.find('[').unwrap_or(rest.len());
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        }
    }
    out.replace("[]", "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_stand_for_what_they_were_set_to() {
        let found = chains(
            "{% set app = application %}{{ app.areas | liste(attr=\"name\") }}{% for a in app.remaining_areas %}{{ a.name }}{{ municipalities[a.carried_out_by].name }}{% endfor %}{{ application_by_id[\"x\"].date }}",
        );
        assert!(found.contains(&"application.areas".to_owned()), "{found:?}");
        assert!(
            found.contains(&"application.remaining_areas[].name".to_owned()),
            "{found:?}"
        );
        assert!(
            found.contains(&"municipalities.*.name".to_owned()),
            "{found:?}"
        );
        assert!(
            found.contains(&"application_by_id.x.date".to_owned()),
            "{found:?}"
        );
    }

    #[test]
    fn a_used_path_marks_what_holds_it() {
        let used = Used(
            [
                "application.remaining_areas[].name".to_owned(),
                "municipalities.*.name".to_owned(),
            ]
            .into(),
        );
        assert!(used.covers("application"));
        assert!(used.covers("application.remaining_areas[]"));
        assert!(used.covers("municipalities.ishoej.name"));
        assert!(!used.covers("municipalities.ishoej.address"));
        assert!(!used.covers("application.areas"));
    }
}
