//! PDF: the layout as a tagged PDF that meets the document's standards
//! (PDF/A-2a and PDF/UA-1 unless told otherwise, see [`standards`]), after
//! the accessibility checks those standards require ([`access`]).

mod access;
mod labels;
pub(crate) mod standards;

use chrono::{Datelike, NaiveDate, Timelike};
use typst::foundations::{Datetime, Smart};
use typst_pdf::{PdfOptions, Timestamp};

pub use standards::{DEFAULT, Standard};

use super::{Exporter, Laid, Settings, placed};
use crate::diagnostic::{Diagnostic, Error, Result, Severity};
use crate::msg;

/// The PDF format.
pub(super) struct Pdf;

impl Exporter for Pdf {
    fn export(
        &self,
        laid: &dyn Laid,
        settings: &Settings<'_>,
    ) -> Result<(Vec<u8>, Vec<Diagnostic>)> {
        let document = laid.document();
        // What the standards require is an error, otherwise a warning.
        let required = standards::is_accessible(settings.standards);
        let (errors, warnings): (Vec<_>, Vec<_>) = access::check(document, required)
            .into_iter()
            .map(|p| laid.place(p.diagnostic, p.span))
            .partition(|d| d.severity == Severity::Error);
        if !errors.is_empty() {
            return Err(Error::from(errors));
        }
        let standards = standards::configure(settings.standards)
            .map_err(|e| Error::from(e.diagnostic("pdf_standards")))?;
        let options = PdfOptions {
            ident: Smart::Custom(settings.ident.clone()),
            timestamp: Some(Timestamp::new_utc(match settings.timestamp {
                Some(seconds) => from_epoch(seconds)?,
                None => midnight(settings.date),
            })),
            standards,
            ..PdfOptions::default()
        };
        // Pages labelled as the document marks them ("Punkt 4, bilag 1,
        // side 2"), where it does.
        let labelled = labels::apply(document);
        let document = labelled.as_ref().unwrap_or(document);
        let bytes = typst_pdf::pdf(document, &options).map_err(|errors| placed(laid, &errors))?;
        Ok((bytes, warnings))
    }
}

/// The UTC date and time `seconds` after 1970.
fn from_epoch(seconds: i64) -> Result<Datetime> {
    let t = chrono::DateTime::from_timestamp(seconds, 0).ok_or_else(|| {
        Error::from(Diagnostic::error(msg!(
            "typeset-pdf-timestamp-not-a-date",
            seconds = seconds.to_string()
        )))
    })?;
    Datetime::from_ymd_hms(
        t.year(),
        t.month() as u8,
        t.day() as u8,
        t.hour() as u8,
        t.minute() as u8,
        t.second() as u8,
    )
    .ok_or_else(|| {
        Error::from(Diagnostic::error(msg!(
            "typeset-pdf-date-out-of-range",
            date = t.to_string()
        )))
    })
}

fn midnight(date: NaiveDate) -> Datetime {
    Datetime::from_ymd_hms(date.year(), date.month() as u8, date.day() as u8, 0, 0, 0)
        .expect("a chrono date is a valid Typst date")
}
