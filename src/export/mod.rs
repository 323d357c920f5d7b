//! A laid-out document → the files it is published as, one module per
//! output format (today [`pdf`]).
//!
//! Typesetting lays a document out once (`typeset`); each of the
//! document's formats then makes one [`Artifact`] of that layout. Which
//! formats a document is made in is its declaration's `formats:`, or the
//! project's `defaults.formats`, or [`Format::DEFAULT`]. What belongs to
//! one format (the PDF standards, the accessibility checks they require)
//! lives in its module; the build, the manifest, the preview and the
//! server know artifacts by their [`Format`] only.
//!
//! A new format is a module here with an [`Exporter`], and a variant of
//! [`Format`] that names it.

pub mod html;
pub mod pdf;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use typst::diag::SourceDiagnostic;
use typst_layout::PagedDocument;

use crate::diagnostic::{Diagnostic, Error, Result};
use crate::message::Message;
use crate::msg;

/// A format a document can be made in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// PDF: tagged, and PDF/A-2a and PDF/UA-1 unless `pdf_standards` says
    /// otherwise.
    Pdf,
    /// A web page (HTML) of the same source, for publishing beside the
    /// PDF.
    Html,
}

impl Format {
    /// Every format, in a stable order.
    pub const ALL: &'static [Format] = &[Format::Pdf, Format::Html];

    /// What a document is made in unless its declaration or the project
    /// says otherwise.
    pub const DEFAULT: &'static [Format] = &[Format::Pdf];

    /// Its name, as YAML and the preview's addresses write it: `pdf`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
        }
    }

    /// The extension of its files, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
        }
    }

    /// The media type a server gives its files.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Pdf => "application/pdf",
            Format::Html => "text/html; charset=utf-8",
        }
    }

    /// The format named `name`, as [`Format::name`] gives it.
    pub fn named(name: &str) -> Option<Format> {
        Format::ALL.iter().copied().find(|f| f.name() == name)
    }

    /// The file a document of output name `output` is written to in this
    /// format: `strategi.pdf`.
    pub fn file_name(self, output: &str) -> String {
        format!("{output}.{}", self.extension())
    }

    /// The module that makes its files.
    fn exporter(self) -> &'static dyn Exporter {
        match self {
            Format::Pdf => &pdf::Pdf,
            Format::Html => &html::Html,
        }
    }
}

/// A laid-out document, as a format sees it.
pub trait Laid {
    /// Its pages.
    fn document(&self) -> &PagedDocument;

    /// The world it was laid out in: its source, files, fonts and date,
    /// for a format that compiles the source for another of Typst's
    /// targets (web pages: `typst::compile::<HtmlDocument>`).
    fn world(&self) -> &dyn typst::World;

    /// A diagnostic Typst gives of this document, placed in the file and
    /// line it names.
    fn diagnostic(&self, diagnostic: &SourceDiagnostic) -> Diagnostic;

    /// `diagnostic`, placed in the file and line `span` names (where it
    /// names one).
    fn place(&self, diagnostic: Diagnostic, span: typst::syntax::Span) -> Diagnostic;
}

/// What a format is told of the document besides its layout.
#[derive(Debug, Clone)]
pub struct Settings<'a> {
    /// A stable identifier of the document (the PDF's document id).
    pub ident: String,
    /// The document's date: its timestamp (midnight UTC) unless
    /// `timestamp` is given.
    pub date: NaiveDate,
    /// The timestamp instead of the document's date, as seconds since
    /// 1970 (from `SOURCE_DATE_EPOCH`).
    pub timestamp: Option<i64>,
    /// The PDF standards it must meet (the PDF format's).
    pub standards: &'a [pdf::Standard],
}

/// A file made of a document in one format.
#[derive(Debug, Clone)]
pub struct Artifact {
    /// Its format.
    pub format: Format,
    /// Its file name: the output name with the format's extension.
    pub file_name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// What did not stop it (accessibility warnings of a plain PDF).
    pub warnings: Vec<Diagnostic>,
}

impl Artifact {
    /// Its file's own name, without the folder of the output folder it is
    /// written to (`web/strategi.html` → `strategi.html`): what a download
    /// is called.
    pub fn base_name(&self) -> &str {
        self.file_name.rsplit('/').next().unwrap_or(&self.file_name)
    }
}

/// What one format does: a laid-out document into the bytes of a file.
trait Exporter: Sync {
    /// The file's bytes and warnings, or why the document cannot be made
    /// in this format.
    fn export(
        &self,
        laid: &dyn Laid,
        settings: &Settings<'_>,
    ) -> Result<(Vec<u8>, Vec<Diagnostic>)>;
}

/// Makes the file of `laid`, named `output`, in `format`.
pub fn export(
    format: Format,
    laid: &dyn Laid,
    output: &str,
    settings: &Settings<'_>,
) -> Result<Artifact> {
    let (bytes, warnings) = format.exporter().export(laid, settings)?;
    Ok(Artifact {
        format,
        file_name: format.file_name(output),
        bytes,
        warnings,
    })
}

/// Every problem of `diagnostics`, placed by `laid`.
fn placed(laid: &dyn Laid, diagnostics: &[SourceDiagnostic]) -> Error {
    Error::from(
        diagnostics
            .iter()
            .map(|d| laid.diagnostic(d))
            .collect::<Vec<_>>(),
    )
}

/// Checks a list of formats a person gave: at least one, none twice.
pub fn check_list(formats: &[Format]) -> std::result::Result<(), Message> {
    if formats.is_empty() {
        return Err(msg!("typeset-formats-none"));
    }
    for (i, format) in formats.iter().enumerate() {
        if formats[..i].contains(format) {
            return Err(msg!("typeset-formats-twice", format = format.name()));
        }
    }
    Ok(())
}

/// How to write a list of formats, the hint of [`check_list`]'s errors.
pub fn formats_hint() -> Message {
    msg!("typeset-formats-hint")
}
