//! Fonts: Typst's own embedded fonts, dokgen's house font (Open Sans, in the
//! binary), and the fonts in a project's `fonts/` folder, if it has one.
//!
//! Nothing is read from the system, so a document looks the same on every
//! machine.

use std::path::Path;

use typst::foundations::Bytes;
use typst::text::Font;
use typst_kit::fonts::FontStore;
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Error, Result};

/// The house font, embedded at compile time.
const HOUSE_FONT_FILES: [&[u8]; 6] = [
    include_bytes!("../../assets/fonts/open-sans/OpenSans-Regular.ttf"),
    include_bytes!("../../assets/fonts/open-sans/OpenSans-Italic.ttf"),
    include_bytes!("../../assets/fonts/open-sans/OpenSans-Semibold.ttf"),
    include_bytes!("../../assets/fonts/open-sans/OpenSans-SemiboldItalic.ttf"),
    include_bytes!("../../assets/fonts/open-sans/OpenSans-Bold.ttf"),
    include_bytes!("../../assets/fonts/open-sans/OpenSans-BoldItalic.ttf"),
];

/// Loads every font a project can use: project fonts first, so a project
/// can override a family, then the house font, then Typst's own.
pub(crate) fn load(project_fonts: &Path) -> Result<FontStore> {
    let mut store = FontStore::new();
    if project_fonts.is_dir() {
        store.extend(project_font_files(project_fonts)?);
    }
    for data in HOUSE_FONT_FILES {
        store.extend(fonts_in(Bytes::new(data)));
    }
    store.extend(typst_kit::fonts::embedded());
    Ok(store)
}

fn fonts_in(bytes: Bytes) -> impl Iterator<Item = (Font, typst::text::FontInfo)> {
    Font::iter(bytes).map(|font| {
        let info = font.info().clone();
        (font, info)
    })
}

fn project_font_files(dir: &Path) -> Result<Vec<(Font, typst::text::FontInfo)>> {
    let mut fonts = Vec::new();
    for entry in WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|err| {
            Error::from(
                Diagnostic::error(format!("cannot read the fonts folder: {err}")).in_file(dir),
            )
        })?;
        let path = entry.path();
        let is_font = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            matches!(
                e.to_ascii_lowercase().as_str(),
                "ttf" | "otf" | "ttc" | "otc"
            )
        });
        if !entry.file_type().is_file() || !is_font {
            continue;
        }
        let data = std::fs::read(path).map_err(|err| Error::io(path, &err))?;
        let before = fonts.len();
        fonts.extend(fonts_in(Bytes::new(data)));
        if fonts.len() == before {
            return Err(Diagnostic::error("this file is not a font Typst can read")
                .in_file(path)
                .hint("fonts/ may hold TrueType and OpenType files (.ttf, .otf, .ttc)")
                .into());
        }
    }
    Ok(fonts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_house_font_and_typst_fonts_are_embedded() {
        let store = load(Path::new("/nonexistent")).unwrap();
        let book = store.book();
        for family in ["Open Sans", "Libertinus Serif", "DejaVu Sans Mono"] {
            assert!(
                book.families()
                    .any(|(name, _)| name.eq_ignore_ascii_case(family)),
                "{family} is missing"
            );
        }
    }
}
