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
use crate::message::Message;
use crate::msg;

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
/// hints, in the catalogue's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Incompatible {
    /// What is wrong.
    pub message: Message,
    /// What each standard requires.
    pub hints: Vec<Message>,
}

impl Incompatible {
    /// The error a person sees: `field` (where the list was given, e.g.
    /// `pdf_standards`) cannot be met, why, and what to choose instead.
    /// Place it at the list's line with [`Diagnostic::located`].
    pub(crate) fn diagnostic(&self, field: &str) -> Diagnostic {
        let mut d = Diagnostic::error(msg!(
            "typeset-standards-incompatible",
            field,
            reason = self.message.clone()
        ));
        for hint in &self.hints {
            d = d.hint(hint.clone());
        }
        d.hint(msg!("typeset-standards-hint"))
    }
}

/// Typst's configuration for `list`, or why the standards cannot be met
/// together.
pub(crate) fn configure(list: &[Standard]) -> Result<PdfStandards, Incompatible> {
    let list: Vec<PdfStandard> = list.iter().map(|s| s.typst()).collect();
    PdfStandards::new(&list).map_err(|e| Incompatible {
        message: incompatible(e.message()),
        hints: e.hints().iter().map(|h| requires(h)).collect(),
    })
}

/// Typst's reason why standards cannot be met together.
fn incompatible(text: &str) -> Message {
    let names = |list: &str| -> Vec<String> {
        list.replace(", and ", ", ")
            .replace(" and ", ", ")
            .split(", ")
            .map(str::to_owned)
            .collect()
    };
    match text {
        "choose at most one PDF/A standard" => return msg!("typeset-standards-one-pdf-a"),
        "choose at most one PDF/UA standard" => return msg!("typeset-standards-one-pdf-ua"),
        _ => {}
    }
    if let Some(rest) = text.strip_prefix("PDF cannot conform to ")
        && let Some((a, b)) = rest
            .strip_suffix(" at the same time")
            .and_then(|r| r.split_once(" and "))
    {
        return msg!("typeset-standards-two-versions", a, b);
    }
    if let Some(list) = text.strip_suffix(
        " are mutually incompatible because they do not have any overlapping PDF versions",
    ) {
        return msg!(
            "typeset-standards-no-common-version",
            standards = names(list).join(", ")
        );
    }
    if let Some((version, list)) = text.split_once(" is not compatible with ") {
        return msg!(
            "typeset-standards-version-incompatible",
            version,
            standards = names(list).join(", ")
        );
    }
    msg!("foreign-said", tool = "Typst", text)
}

/// Typst's hint of which PDF versions a standard allows.
fn requires(text: &str) -> Message {
    if let Some((standard, rest)) = text.split_once(" requires ") {
        if let Some((min, max)) = rest
            .strip_prefix("a version between ")
            .and_then(|r| r.split_once(" and "))
        {
            return msg!("typeset-standards-requires-between", standard, min, max);
        }
        if let Some(version) = rest.strip_prefix("version ") {
            return msg!("typeset-standards-requires-version", standard, version);
        }
        if let Some(version) = rest.strip_prefix("at least ") {
            return msg!("typeset-standards-requires-at-least", standard, version);
        }
    }
    msg!("foreign-said", tool = "Typst", text)
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
        let message = err.message.text(crate::message::Lang::En);
        assert!(
            message.contains("a-1b") || message.contains("PDF/A"),
            "{err:?}"
        );
        assert_ne!(err.message.id(), "foreign-said");
        let err = configure(&[Standard::Pdf20, Standard::A2a]).unwrap_err();
        assert_ne!(err.message.id(), "foreign-said", "{err:?}");
        assert!(
            err.hints.iter().all(|h| h.id() != "foreign-said"),
            "{err:?}"
        );
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
