//! Properties of the Markdown converter, over generated input:
//!
//! - any Markdown, however broken, converts to Typst that parses without a
//!   syntax error and compiles (or gives the clear error for an image that
//!   does not exist);
//! - any text, written into Markdown as text (its ASCII punctuation
//!   backslash-escaped, as CommonMark allows), comes out of the PDF as the
//!   same text: arbitrary Unicode, and strings built from the characters
//!   that mean something to Typst.

use std::sync::LazyLock;

use dokgen::escape;
use dokgen::markdown::{self, Settings};
use dokgen::typeset::{self, Job, Typesetter};
use proptest::prelude::*;

/// One typesetter for all cases: fonts are loaded once.
static TYPESETTER: LazyLock<Typesetter> = LazyLock::new(|| {
    let root = tempfile::tempdir().expect("temporary folder").keep();
    Typesetter::for_folder(&root, &root.join("fonts")).expect("typesetter")
});

/// Parses, compiles and returns the text of converted Markdown.
fn typeset(markdown_text: &str) -> Result<String, String> {
    let converted = markdown::to_typst(markdown_text, &Settings::default());
    let errors: Vec<_> = converted.problems.iter().filter(|p| p.is_error).collect();
    if !errors.is_empty() {
        return if errors
            .iter()
            .all(|p| p.message.id().starts_with("template-markdown-image"))
        {
            Ok(String::new())
        } else {
            let said: Vec<String> = errors
                .iter()
                .map(|p| p.message.text(dokgen::message::Lang::En))
                .collect();
            Err(said.join("\n"))
        };
    }
    let (errors, _) = typst::syntax::parse(&converted.typst).errors_and_warnings();
    if !errors.is_empty() {
        return Err(format!("syntax errors {errors:?} in\n{}", converted.typst));
    }
    let job = Job {
        name: "property",
        source: converted.typst.clone(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        proper_names: None,
    };
    match TYPESETTER.compile(&job) {
        Ok((document, _)) => Ok(typeset::plain_text(&document)),
        Err(err) => Err(format!("{err}\n--- typst ---\n{}", converted.typst)),
    }
}

/// Whether `text` has characters of a right-to-left script (Hebrew, Arabic
/// and their neighbours), which Typst lays out, and so gives back, in
/// visual order.
fn has_rtl(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
    })
}

/// The same characters, whatever their order.
fn sorted(text: &str) -> Vec<char> {
    let mut chars: Vec<char> = text.chars().collect();
    chars.sort_unstable();
    chars
}

/// Text without white space, which Markdown and line breaking both move,
/// and without the characters Unicode defines as default-ignorable outside
/// the control and format classes (variation selectors, fillers), which
/// are not drawn.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{ad}' && !is_default_ignorable(*c))
        .collect()
}

fn is_default_ignorable(c: char) -> bool {
    matches!(
        c as u32,
        0x034F | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F | 0x3164 | 0xFE00..=0xFE0F
            | 0xFFA0 | 0xE0100..=0xE01EF
    )
}

/// Pieces of Markdown syntax, and text around them.
fn markdown_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,12}",
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("    ".to_owned()),
        Just("- ".to_owned()),
        Just("1. ".to_owned()),
        Just("7) ".to_owned()),
        Just("# ".to_owned()),
        Just("### ".to_owned()),
        Just("> ".to_owned()),
        Just(">>>>>>>>>>>>>>>>".to_owned()),
        Just("- - - - - - - - - - - - - - ".to_owned()),
        Just("```".to_owned()),
        Just("~~~rust\n".to_owned()),
        Just("| a | b |\n|---|:-:|\n".to_owned()),
        Just("|".to_owned()),
        Just("[^n]".to_owned()),
        Just("\n[^n]: ".to_owned()),
        Just("**".to_owned()),
        Just("*".to_owned()),
        Just("_".to_owned()),
        Just("~~".to_owned()),
        Just("`".to_owned()),
        Just("<b>".to_owned()),
        Just("<!-- x -->".to_owned()),
        Just("[x](#y)".to_owned()),
        Just("[x](https://a.dk \"t\")".to_owned()),
        Just("<https://a.dk>".to_owned()),
        Just("![a](b.png)".to_owned()),
        Just(" {#lbl}".to_owned()),
        Just("- [ ] ".to_owned()),
        Just("---\n".to_owned()),
        Just("&amp;&#35;".to_owned()),
        Just("\\".to_owned()),
        Just("  \n".to_owned()),
    ]
}

/// Pieces that mean something to Typst.
fn typst_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("#"),
        Just("$"),
        Just("*"),
        Just("_"),
        Just("`"),
        Just("<"),
        Just(">"),
        Just("@"),
        Just("="),
        Just("-"),
        Just("+"),
        Just("/"),
        Just("\\"),
        Just("["),
        Just("]"),
        Just("~"),
        Just("'"),
        Just("\""),
        Just(":"),
        Just(";"),
        Just("1."),
        Just("12."),
        Just("//"),
        Just("/*"),
        Just("*/"),
        Just("http://"),
        Just("https://a.dk"),
        Just("#let x = 1"),
        Just("#panic(\"x\")"),
        Just("$x^2$"),
        Just("<lbl>"),
        Just("@lbl"),
        Just("= "),
        Just("- "),
        Just("+ "),
        Just("/ t: d"),
        Just("\\u{41}"),
        Just("..."),
        Just("--"),
        Just("---"),
        Just(" "),
        Just("a"),
        Just("æøå"),
    ]
    .prop_map(str::to_owned)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_markdown_becomes_typst_that_parses_and_compiles(
        pieces in prop::collection::vec(markdown_piece(), 0..24)
    ) {
        // Text that turns direction or does not show is refused (see below).
        let md: String = pieces.concat().chars().filter(|c| !dokgen::unseen::refused(*c)).collect();
        if let Err(err) = typeset(&md) {
            prop_assert!(false, "{err}\n--- markdown ---\n{md:?}");
        }
    }

    #[test]
    fn any_text_comes_out_as_it_went_in(text in "\\PC{0,64}") {
        let md = format!("p {}", escape::markup(&text));
        // Text that turns direction or does not show is refused instead.
        if text.chars().any(dokgen::unseen::refused) {
            let refused = typeset(&md).expect_err("a character that does not show is refused");
            prop_assert!(refused.contains("the text holds U+"), "{}", refused);
            return Ok(());
        }
        let got = squeeze(&typeset(&md).map_err(TestCaseError::fail)?);
        let want = squeeze(&format!("p{text}"));
        if has_rtl(&text) {
            prop_assert_eq!(sorted(&got), sorted(&want));
        } else {
            prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn typst_syntax_in_text_comes_out_as_text(
        pieces in prop::collection::vec(typst_piece(), 1..24)
    ) {
        let text = pieces.concat();
        let md = format!("p {}", escape::markup(&text));
        let got = typeset(&md).map_err(TestCaseError::fail)?;
        prop_assert_eq!(squeeze(&got), squeeze(&format!("p{text}")));
    }
}
