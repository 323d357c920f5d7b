//! Identifiers of facts and paths of prose files: the names by which one
//! file refers to what another defines.
//!
//! Ids are ASCII (`vallensbaek`); names are proper Danish (`Vallensbæk`)
//! and live in the facts, never in ids.

/// An identifier of a municipality, an area, an application, a meeting …
pub type Id = String;

/// A path to a Markdown file, relative to `content/`.
pub type ProsePath = String;

/// ASCII letters, digits, `-` and `_`, starting with a letter.
pub(crate) fn is_valid(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// The id a Danish name would have: `Vallensbæk` → `vallensbaek`.
pub(crate) fn from_name(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        match c {
            'æ' => out.push_str("ae"),
            'ø' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            c if c.is_ascii_alphanumeric() || c == '-' || c == '_' => out.push(c),
            _ => out.push('-'),
        }
    }
    out.trim_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_ascii_and_danish_names_become_ids() {
        assert!(is_valid("vallensbaek"));
        assert!(is_valid("natur-miljoe"));
        assert!(!is_valid("vallensbæk"));
        assert!(!is_valid("Ishoej"));
        assert!(!is_valid("2-fase"));
        assert_eq!(from_name("Vallensbæk"), "vallensbaek");
        assert_eq!(from_name("Ishøj Kommune"), "ishoej-kommune");
        assert_eq!(from_name("Tårnby"), "taarnby");
    }
}
