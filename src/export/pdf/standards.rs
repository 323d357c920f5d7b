//! The PDF standards a document conforms to.
//!
//! Every PDF is PDF/A-2a (archiving, with a tagged structure) and PDF/UA-1
//! (accessibility) unless a project or a document chooses otherwise:
//! `pdf_standards: [a-2b]`, `[ua-1]`, or `[]` for a plain (still tagged)
//! PDF. Typst checks that the chosen standards can be met together.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use typst_pdf::{PdfStandard, PdfStandards};

use crate::diagnostic::Diagnostic;

/// A PDF standard, named as Typst names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
pub enum Standard {
    /// PDF 1.7.
    #[serde(rename = "1.7")]
    Pdf17,
    /// PDF 2.0.
    #[serde(rename = "2.0")]
    Pdf20,
    /// PDF/A-1b.
    #[serde(rename = "a-1b")]
    A1b,
    /// PDF/A-1a.
    #[serde(rename = "a-1a")]
    A1a,
    /// PDF/A-2b: archivable, visual appearance.
    #[serde(rename = "a-2b")]
    A2b,
    /// PDF/A-2u: as a-2b, with Unicode text.
    #[serde(rename = "a-2u")]
    A2u,
    /// PDF/A-2a: as a-2u, with a tagged, accessible structure.
    #[serde(rename = "a-2a")]
    A2a,
    /// PDF/A-3b.
    #[serde(rename = "a-3b")]
    A3b,
    /// PDF/A-3u.
    #[serde(rename = "a-3u")]
    A3u,
    /// PDF/A-3a.
    #[serde(rename = "a-3a")]
    A3a,
    /// PDF/A-4.
    #[serde(rename = "a-4")]
    A4,
    /// PDF/UA-1: universal accessibility.
    #[serde(rename = "ua-1")]
    Ua1,
}

/// What every document is unless told otherwise.
pub const DEFAULT: &[Standard] = &[Standard::A2a, Standard::Ua1];

impl Standard {
    /// Typst's name for it, as written in YAML.
    pub fn name(self) -> &'static str {
        match self {
            Self::Pdf17 => "1.7",
            Self::Pdf20 => "2.0",
            Self::A1b => "a-1b",
            Self::A1a => "a-1a",
            Self::A2b => "a-2b",
            Self::A2u => "a-2u",
            Self::A2a => "a-2a",
            Self::A3b => "a-3b",
            Self::A3u => "a-3u",
            Self::A3a => "a-3a",
            Self::A4 => "a-4",
            Self::Ua1 => "ua-1",
        }
    }

    fn typst(self) -> PdfStandard {
        match self {
            Self::Pdf17 => PdfStandard::V_1_7,
            Self::Pdf20 => PdfStandard::V_2_0,
            Self::A1b => PdfStandard::A_1b,
            Self::A1a => PdfStandard::A_1a,
            Self::A2b => PdfStandard::A_2b,
            Self::A2u => PdfStandard::A_2u,
            Self::A2a => PdfStandard::A_2a,
            Self::A3b => PdfStandard::A_3b,
            Self::A3u => PdfStandard::A_3u,
            Self::A3a => PdfStandard::A_3a,
            Self::A4 => PdfStandard::A_4,
            Self::Ua1 => PdfStandard::Ua_1,
        }
    }
}

/// Why a list of standards cannot be met together: Typst's message and
/// hints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Incompatible {
    /// What is wrong.
    pub message: String,
    /// What each standard requires.
    pub hints: Vec<String>,
}

impl Incompatible {
    /// The error a person sees: `field` (where the list was given, e.g.
    /// `pdf_standards`) cannot be met, why, and what to choose instead.
    /// Place it at the list's line with [`Diagnostic::located`].
    pub(crate) fn diagnostic(&self, field: &str) -> Diagnostic {
        let mut d = Diagnostic::error(format!(
            "{field}: these standards cannot be met together: {}",
            self.message
        ));
        for hint in &self.hints {
            d = d.hint(hint.clone());
        }
        d.hint("choose one PDF/A level, e.g. `[a-2a, ua-1]` (the default), or `[]` for a plain PDF")
    }
}

/// Typst's configuration for `list`, or why the standards cannot be met
/// together.
pub(crate) fn configure(list: &[Standard]) -> Result<PdfStandards, Incompatible> {
    let list: Vec<PdfStandard> = list.iter().map(|s| s.typst()).collect();
    PdfStandards::new(&list).map_err(|e| Incompatible {
        message: e.message().to_string(),
        hints: e.hints().iter().map(ToString::to_string).collect(),
    })
}

/// Whether the list requires a tagged, accessible structure (PDF/UA or a
/// PDF/A level "a").
pub(crate) fn is_accessible(list: &[Standard]) -> bool {
    list.iter().any(|s| {
        matches!(
            s,
            Standard::Ua1 | Standard::A1a | Standard::A2a | Standard::A3a
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_and_single_standards_are_valid() {
        assert!(configure(DEFAULT).is_ok());
        for s in [Standard::A2b, Standard::Ua1, Standard::A4] {
            assert!(configure(&[s]).is_ok(), "{}", s.name());
        }
        assert!(configure(&[]).is_ok());
    }

    #[test]
    fn incompatible_standards_say_why() {
        let err = configure(&[Standard::A1b, Standard::A2b]).unwrap_err();
        assert!(
            err.message.contains("a-1b") || err.message.contains("PDF/A"),
            "{err:?}"
        );
        assert!(configure(&[Standard::Pdf20, Standard::A2a]).is_err());
    }

    #[test]
    fn names_are_those_of_the_yaml() {
        for s in [Standard::A2a, Standard::Ua1, Standard::Pdf17] {
            let written = serde_json::to_value(s).unwrap();
            assert_eq!(written.as_str(), Some(s.name()));
            let read: Standard = serde_yaml::from_str(s.name()).unwrap();
            assert_eq!(read, s);
        }
    }
}
