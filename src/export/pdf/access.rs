//! Accessibility checks of a laid-out document, before it is exported.
//!
//! The national guidance for published documents (webtilgængelighedsloven,
//! WCAG 2.1 AA via EN 301 549) and PDF/UA-1 ask that every image and chart
//! has alt text, that headings do not skip levels, that tables have a
//! header row, and that the document has a title. Each problem is reported
//! at the element that has it, so it maps back to the template or the
//! Markdown line it came from. Where the chosen standards require the
//! property (PDF/UA-1, PDF/A level a) it is an error, otherwise a warning.

use typst::foundations::{NativeElement, Selector, StyleChain};
use typst::introspection::Introspector;
use typst::model::Document;
use typst::model::{HeadingElem, TableChild, TableElem};
use typst::syntax::Span;
use typst::visualize::ImageElem;
use typst_layout::PagedDocument;

use crate::diagnostic::Diagnostic;
use crate::message::Message;
use crate::msg;

/// A problem of the document, at the element that has it.
pub(super) struct Problem {
    /// The element's place in the source.
    pub span: Span,
    /// The problem: an error if the standards require what is missing,
    /// otherwise a warning.
    pub diagnostic: Diagnostic,
}

/// The problems of `document`: errors if `required`, warnings otherwise.
pub(super) fn check(document: &PagedDocument, required: bool) -> Vec<Problem> {
    let problem = |span: Span, message: Message, hint: Message| {
        let diagnostic = if required {
            Diagnostic::error(message)
        } else {
            Diagnostic::warning(message)
        };
        Problem {
            span,
            diagnostic: diagnostic.hint(hint),
        }
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
                msg!("typeset-access-image-alt"),
                msg!("typeset-access-image-alt-hint"),
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
                msg!("typeset-access-first-heading", level)
            } else {
                msg!("typeset-access-heading-skips", level, previous)
            };
            problems.push(problem(
                heading.span(),
                message,
                msg!("typeset-access-heading-hint"),
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
                msg!("typeset-access-table-header"),
                msg!("typeset-access-table-header-hint"),
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
            msg!("typeset-access-no-title"),
            msg!("typeset-access-no-title-hint"),
        ));
    }
    problems
}
