//! Prose: a Markdown file, its facts filled in by Tera, converted to Typst
//! with origin markers, and the converter's problems placed on the lines
//! of the file as written.

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::markdown;

/// Converted prose and its problems, located in its file.
pub(super) struct Converted {
    /// The Typst markup.
    pub typst: String,
    /// Errors and warnings, at the lines of the file as written.
    pub problems: Vec<Diagnostic>,
}

/// Converts `markdown`, the prose file `file` (relative to the project at
/// `root`) as Tera rendered it from `written`.
pub(super) fn convert(root: &Path, file: &Path, written: &str, markdown: &str) -> Converted {
    let lines = line_map(written, markdown);
    let settings = markdown::Settings {
        heading_offset: 0,
        origin: Some(markdown::Origin {
            root,
            file,
            lines: &lines,
        }),
    };
    let converted = markdown::to_typst(markdown, &settings);
    let problems = converted
        .problems
        .iter()
        .map(|problem| located(problem, file, written, markdown, &lines))
        .collect();
    Converted {
        typst: converted.typst,
        problems,
    }
}

/// A problem in prose, placed on the line of the Markdown file it comes
/// from. The position is found in the rendered prose (facts filled in) and
/// mapped back to the file as written.
fn located(
    problem: &markdown::Problem,
    file: &Path,
    source: &str,
    rendered: &str,
    lines: &[Option<usize>],
) -> Diagnostic {
    let diagnostic = if problem.is_error {
        Diagnostic::error(problem.message.clone())
    } else {
        Diagnostic::warning(problem.message.clone())
    };
    let diagnostic = diagnostic.in_file(file);
    let start = problem.range.start.min(rendered.len());
    let rendered_line = rendered[..start].matches('\n').count();
    let Some(line) = lines.get(rendered_line).copied().flatten() else {
        return diagnostic.hint("the line could not be told: facts filled into the prose moved it");
    };
    let line_offset = crate::diagnostic::line_start(source, line);
    let line_text = source.lines().nth(line - 1).unwrap_or_default();
    // The construct's own text (`<b>`, `[filen](..)`), found again in the
    // line as written; the line's start if facts changed it.
    let end = problem.range.end.clamp(start, rendered.len());
    let construct = rendered[start..end].lines().next().unwrap_or_default();
    let column = if construct.is_empty() {
        None
    } else {
        line_text.find(construct)
    };
    diagnostic.at_offset(source, line_offset + column.unwrap_or(0))
}

/// Maps each line of a rendered template back to the line of the template
/// it came from, so that a problem found in the output (a Markdown warning)
/// can be reported where the writer can fix it.
///
/// Tera keeps the order of a template's text but not its line numbers
/// (`{%- set .. -%}` swallows line breaks; a value may hold several lines).
/// A rendered line is matched to the first template line, after the
/// previous match, whose literal text (outside `{{ }}`, `{% %}` and `{# #}`)
/// all appears in it, in order. Returns 1-based template line numbers, or
/// `None` for rendered lines that no template line explains.
pub(super) fn line_map(template: &str, rendered: &str) -> Vec<Option<usize>> {
    let fragments: Vec<Vec<&str>> = template.lines().map(literal_fragments).collect();
    let mut next = 0;
    rendered
        .lines()
        .map(|line| {
            let found = (next..fragments.len())
                .find(|&j| !fragments[j].is_empty() && contains_in_order(line, &fragments[j]))?;
            next = found + 1;
            Some(found + 1)
        })
        .collect()
}

/// The pieces of a template line that Tera copies to the output as they
/// stand, trimmed.
fn literal_fragments(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line;
    loop {
        let open = ["{{", "{%", "{#"].iter().filter_map(|d| rest.find(d)).min();
        let Some(open) = open else {
            break;
        };
        out.push(rest[..open].trim());
        let close = match &rest[open..open + 2] {
            "{{" => "}}",
            "{%" => "%}",
            _ => "#}",
        };
        match rest[open + 2..].find(close) {
            Some(end) => rest = &rest[open + 2 + end + 2..],
            // A tag that goes on on the next line: nothing more is literal.
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push(rest.trim());
    out.retain(|f| !f.is_empty());
    out
}

fn contains_in_order(line: &str, fragments: &[&str]) -> bool {
    let mut rest = line;
    for fragment in fragments {
        match rest.find(fragment) {
            Some(at) => rest = &rest[at + fragment.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod line_map_tests {
    use super::*;

    #[test]
    fn rendered_lines_map_back_past_swallowed_set_lines() {
        let template = "{%- set v = x -%}\n{%- set i = y -%}\n{{ v }} har {{ n }} indbyggere.\n\nAndet afsnit om {{ i }}.\n";
        let rendered = "Vallensbæk har 15.712 indbyggere.\n\nAndet afsnit om Ishøj.\n";
        assert_eq!(line_map(template, rendered), vec![Some(3), None, Some(5)]);
    }

    #[test]
    fn literal_fragments_skip_expressions_tags_and_comments() {
        assert_eq!(
            literal_fragments("A {{ x | tal }} b {% if y %}c{% endif %} {# note #} d"),
            vec!["A", "b", "c", "d"]
        );
        assert_eq!(
            literal_fragments("{%- set v = municipalities.x -%}"),
            Vec::<&str>::new()
        );
        assert_eq!(literal_fragments("tekst {% if a"), vec!["tekst"]);
    }
}
