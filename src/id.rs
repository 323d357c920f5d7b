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

/// The id a Danish name would have: `Vallensbæk` → `vallensbaek`: lower
/// case, Danish letters spelt out (æ ae, ø oe, å aa), other signs and
/// spaces as one `-`.
pub fn from_name(name: &str) -> String {
    let mut id = String::new();
    for c in name.trim().to_lowercase().chars() {
        match c {
            'æ' => id.push_str("ae"),
            'ø' => id.push_str("oe"),
            'å' => id.push_str("aa"),
            'é' | 'è' => id.push('e'),
            'ü' => id.push('u'),
            c if c.is_ascii_alphanumeric() || c == '_' => id.push(c),
            _ if !id.ends_with('-') && !id.is_empty() => id.push('-'),
            _ => {}
        }
    }
    id.trim_end_matches('-').to_owned()
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
        assert_eq!(from_name("Ærø"), "aeroe");
        assert_eq!(from_name("Lyngby-Taarbæk"), "lyngby-taarbaek");
        assert_eq!(
            from_name("natur- og miljøområdet"),
            "natur-og-miljoeomraadet"
        );
        assert_eq!(from_name("  Høje-Taastrup "), "hoeje-taastrup");
    }
}
