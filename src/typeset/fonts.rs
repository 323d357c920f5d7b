//! Fonts: Typst's own embedded fonts, dokgen's house font (Open Sans, in the
//! binary), and the fonts in a project's `fonts/` folder, if it has one.
//!
//! Nothing is read from the system, so a document looks the same on every
//! machine.

use std::path::{Path, PathBuf};

use typst::foundations::Bytes;
use typst::text::Font;
use typst_kit::fonts::FontStore;
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Error, Result, io_reason};
use crate::msg;
use crate::project::{FileKind, Limits, read_inside};

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
/// can override a family, then the house font, then Typst's own. A project
/// font is read through the project's one door (`bases`, `limits`).
pub(crate) fn load(project_fonts: &Path, bases: &[PathBuf], limits: &Limits) -> Result<FontStore> {
    let mut store = FontStore::new();
    if project_fonts.is_dir() {
        store.extend(project_font_files(project_fonts, bases, limits)?);
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

/// Whether a font collection's header (`ttcf`) promises no more fonts
/// than its bytes can hold: a broken count makes the font parser panic.
fn collection_fits(data: &[u8]) -> bool {
    if !data.starts_with(b"ttcf") {
        return true;
    }
    let Some(count) = data.get(8..12) else {
        return false;
    };
    let count = u32::from_be_bytes([count[0], count[1], count[2], count[3]]) as usize;
    count
        .checked_mul(4)
        .and_then(|offsets| offsets.checked_add(12))
        .is_some_and(|end| end <= data.len())
}

/// The fonts in `data` from `path`, or an error naming the file: also
/// where the font parser would panic on it.
fn read_font(path: &Path, data: Vec<u8>) -> Result<Vec<(Font, typst::text::FontInfo)>> {
    let broken = || {
        Error::from(
            Diagnostic::error(msg!("typeset-font-not-a-font"))
                .in_file(path)
                .hint(msg!("typeset-font-not-a-font-hint")),
        )
    };
    if !collection_fits(&data) {
        return Err(broken());
    }
    let fonts = std::panic::catch_unwind(|| fonts_in(Bytes::new(data)).collect::<Vec<_>>())
        .map_err(|_| broken())?;
    if fonts.is_empty() {
        return Err(broken());
    }
    Ok(fonts)
}

fn project_font_files(
    dir: &Path,
    bases: &[PathBuf],
    limits: &Limits,
) -> Result<Vec<(Font, typst::text::FontInfo)>> {
    let mut fonts = Vec::new();
    for entry in WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|err| {
            let reason = match err.io_error() {
                Some(io) => io_reason(io),
                None => msg!("typeset-font-folder-loop"),
            };
            Error::from(
                Diagnostic::error(msg!("typeset-font-folder-unreadable", reason)).in_file(dir),
            )
        })?;
        let path = entry.path();
        if entry.file_type().is_dir() || FileKind::of(path) != FileKind::Font {
            continue;
        }
        // Messages name the file as the project has it: `fonts/x.ttf`.
        let shown = Path::new(dir.file_name().unwrap_or_default())
            .join(path.strip_prefix(dir).unwrap_or(path));
        let data = read_inside(bases, path, limits, FileKind::Font).map_err(|refused| {
            Error::from(
                Diagnostic::error(msg!("typeset-font-not-read", reason = refused.reason))
                    .in_file(&shown)
                    .hint(refused.hint),
            )
        })?;
        fonts.extend(read_font(&shown, data)?);
    }
    Ok(fonts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_collection_that_promises_more_fonts_than_it_holds_is_an_error_not_a_panic() {
        let mut data = b"ttcf\x00\x01\x00\x00\xff\xff\xff\xff".to_vec();
        data.resize(212, 0);
        let err = read_font(Path::new("fonts/broken.ttc"), data).unwrap_err();
        assert!(
            err.render_in(crate::message::Lang::En, false)
                .contains("not a font Typst can read"),
            "{err}"
        );
    }

    #[test]
    fn the_house_font_and_typst_fonts_are_embedded() {
        let store = load(Path::new("/nonexistent"), &[], &Limits::default()).unwrap();
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
