//! The templates and the style library built into dokgen: every file of
//! the repository's `templates/` folder, carried in the binary, so that a
//! project needs no templates of its own.
//!
//! A project overrides them file by file: a file of its templates folder
//! is used instead of the built-in file of the same name, and any other
//! built-in file is still used (see [`crate::project::Project::template_files`]).
//! Messages and the manifest name a built-in file `dokgen:templates/…`, a
//! name no file on disk has.

/// A file built into dokgen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Builtin {
    /// Its path under the templates folder, with `/`: `dokgen.typ`,
    /// `partials/person.typ.tera`.
    pub name: &'static str,
    /// Its bytes.
    pub bytes: &'static [u8],
}

/// Every built-in file, sorted by name.
pub static FILES: &[Builtin] = include!(concat!(env!("OUT_DIR"), "/builtin_templates.rs"));

/// The prefix by which messages and the manifest name a built-in file.
pub const PREFIX: &str = "dokgen:templates/";

/// The built-in file `name` (its path under the templates folder).
pub fn get(name: &str) -> Option<&'static Builtin> {
    FILES.iter().find(|b| b.name == name)
}

impl Builtin {
    /// Its name in messages and in the manifest: `dokgen:templates/dokgen.typ`.
    pub fn shown(&self) -> String {
        format!("{PREFIX}{}", self.name)
    }

    /// Its text (every built-in file is UTF-8: a test below says so).
    pub fn text(&self) -> &'static str {
        std::str::from_utf8(self.bytes).unwrap_or_default()
    }
}

/// The built-in file that messages name `shown` (`dokgen:templates/…`).
pub fn by_shown(shown: &str) -> Option<&'static Builtin> {
    get(shown.strip_prefix(PREFIX)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_style_library_and_the_templates_are_built_in() {
        for name in [
            "dokgen.typ",
            "ansoegning.typ.tera",
            "partials/person.typ.tera",
        ] {
            let file = get(name).unwrap_or_else(|| panic!("{name} is not built in"));
            assert!(!file.text().is_empty());
            assert_eq!(by_shown(&file.shown()), Some(file));
        }
        for file in FILES {
            assert!(std::str::from_utf8(file.bytes).is_ok(), "{}", file.name);
        }
        let names: Vec<&str> = FILES.iter().map(|f| f.name).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted);
    }
}
