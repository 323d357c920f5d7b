//! Prose: a Markdown file, its facts filled in by Tera, converted to Typst
//! with origin markers, and the converter's problems placed at the lines
//! and columns of the file as written (found through the markers of
//! `template::origins`, as for templates).

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::markdown;
use crate::msg;
use crate::template::{Output, Templates};

/// Converted prose and its problems, located in its file.
pub(super) struct Converted {
    /// The Typst markup.
    pub typst: String,
    /// Errors and warnings, at the lines of the file as written.
    pub problems: Vec<Diagnostic>,
}

/// Converts `markdown`, the prose file `file` (relative to the project at
/// `root`) as Tera rendered it.
pub(super) fn convert(
    root: &Path,
    file: &Path,
    templates: &Templates,
    markdown: &Output,
) -> Converted {
    // The line of the file as written that each rendered line begins in.
    let starts: Vec<usize> = std::iter::once(0)
        .chain(markdown.text.match_indices('\n').map(|(i, _)| i + 1))
        .filter(|&start| start < markdown.text.len() || start == 0)
        .collect();
    let lines = templates.lines_of(markdown, &starts);
    let settings = markdown::Settings {
        heading_offset: 0,
        origin: Some(markdown::ProseSource {
            root,
            file,
            lines: &lines,
        }),
    };
    let converted = markdown::to_typst(&markdown.text, &settings);
    let problems = converted
        .problems
        .iter()
        .map(|problem| {
            let d = if problem.is_error {
                Diagnostic::error(problem.message.clone())
            } else {
                Diagnostic::warning(problem.message.clone())
            };
            match templates.locate(markdown, problem.range.start) {
                Some(at) => d.located(Some(at)),
                None => d.in_file(file).hint(msg!("template-prose-line-unknown")),
            }
        })
        .collect();
    Converted {
        typst: converted.typst,
        problems,
    }
}
