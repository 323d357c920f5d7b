//! The one place that knows which YAML crate dokgen uses.
//!
//! Everything else asks for a typed value from a file's text and gets either
//! the value or a [`Diagnostic`] that points at the line and column.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, Error};

/// Parses `text`, the content of `file`, into a `T`.
pub fn from_str<T: DeserializeOwned>(text: &str, file: &Path) -> Result<T, Error> {
    serde_yaml::from_str(text).map_err(|err| {
        let message = tidy_message(&err.to_string());
        let diagnostic = Diagnostic::error(message).in_file(file);
        match err.location() {
            Some(loc) => diagnostic.at_offset(text, loc.index()).into(),
            None => diagnostic.into(),
        }
    })
}

/// serde_yaml appends " at line L column C" to its messages; the diagnostic
/// shows the location itself.
fn tidy_message(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        name: String,
        year: u32,
    }

    #[test]
    fn a_wrong_type_points_at_its_line() {
        let err = from_str::<Sample>("name: Ishøj\nyear: tyve\n", Path::new("x.yaml")).unwrap_err();
        let err = &err.diagnostics()[0];
        assert_eq!(err.location().unwrap(), "x.yaml:2:7");
        assert!(err.message.contains("invalid type"), "{}", err.message);
    }

    #[test]
    fn an_unknown_field_is_an_error() {
        let err = from_str::<Sample>("name: Ishøj\nyaer: 2017\n", Path::new("x.yaml")).unwrap_err();
        let err = &err.diagnostics()[0];
        assert!(
            err.message.contains("unknown field `yaer`"),
            "{}",
            err.message
        );
        assert_eq!(err.line, Some(2));
    }
}
