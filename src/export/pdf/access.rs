//! Accessibility checks of a laid-out document, before it is exported.
//!
//! The national guidance for published documents (webtilgængelighedsloven,
//! WCAG 2.1 AA via EN 301 549) and PDF/UA-1 ask that every image and chart
//! has alt text, that headings do not skip levels, that tables have a
//! header row, and that the document has a title. Each problem is reported
//! at the element that has it, so it maps back to the template or the
//! Markdown line it came from. Where the chosen standards require the
//! property (PDF/UA-1, PDF/A level a) it is an error, otherwise a warning.

use typst::diag::SourceDiagnostic;
use typst::foundations::{NativeElement, Selector, StyleChain};
use typst::introspection::Introspector;
use typst::model::Document;
use typst::model::{HeadingElem, TableChild, TableElem};
use typst::syntax::Span;
use typst::visualize::ImageElem;
use typst_layout::PagedDocument;

/// The problems of `document`: errors if `required`, warnings otherwise.
pub(super) fn check(document: &PagedDocument, required: bool) -> Vec<SourceDiagnostic> {
    let problem = |span: Span, message: String, hint: &str| {
        let d = if required {
            SourceDiagnostic::error(span, message)
        } else {
            SourceDiagnostic::warning(span, message)
        };
        d.with_hint(hint)
    };
    let introspector = document.introspector();
    let mut problems = Vec::new();

    for image in introspector.query(&Selector::Elem(ImageElem::ELEM, None)) {
        let Some(image) = image.to_packed::<ImageElem>() else {
            continue;
        };
        let alt = image.alt.get_cloned(StyleChain::default());
        if alt.as_deref().is_none_or(|a| a.trim().is_empty()) {
            problems.push(problem(
                image.span(),
                "an image has no alt text".into(),
                "say what it shows: in Markdown `![Kort over kommunerne](kort.svg)`, in a template `image(\"…\", alt: \"…\")`",
            ));
        }
    }

    let mut previous = 0;
    for heading in introspector.query(&Selector::Elem(HeadingElem::ELEM, None)) {
        let Some(heading) = heading.to_packed::<HeadingElem>() else {
            continue;
        };
        let level = heading.resolve_level(StyleChain::default()).get();
        if level > previous + 1 {
            let message = if previous == 0 {
                format!("the first heading is of level {level}, not 1")
            } else {
                format!("a heading of level {level} follows one of level {previous}")
            };
            problems.push(problem(
                heading.span(),
                message,
                "headings go down one level at a time; in Markdown a section under a heading of the template starts with ##",
            ));
        }
        previous = level;
    }

    for table in introspector.query(&Selector::Elem(TableElem::ELEM, None)) {
        let Some(table) = table.to_packed::<TableElem>() else {
            continue;
        };
        let has_header = table
            .children
            .iter()
            .any(|child| matches!(child, TableChild::Header(_)));
        if !has_header {
            problems.push(problem(
                table.span(),
                "a table has no header row".into(),
                "begin the table with `table.header(…)`; a Markdown table always has one",
            ));
        }
    }

    let titled = document
        .info()
        .title
        .as_deref()
        .is_some_and(|t| !t.trim().is_empty());
    if !titled {
        problems.push(problem(
            Span::detached(),
            "the document has no title".into(),
            "give the document a `title:` in its declaration, and pass it to `dokument.with(titel: …)`",
        ));
    }
    problems
}
