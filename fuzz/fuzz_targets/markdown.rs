//! Any input must convert without a panic, into Typst that parses without
//! a syntax error, with every problem placed inside the input.

#![no_main]

use dokgen::markdown::{Settings, to_typst};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(markdown) = std::str::from_utf8(data) else { return };
    let converted = to_typst(markdown, &Settings::default());
    let (errors, _) = typst_syntax::parse(&converted.typst).errors_and_warnings();
    assert!(errors.is_empty(), "syntax errors {errors:?} in\n{}", converted.typst);
    for problem in &converted.problems {
        assert!(problem.range.end <= markdown.len(), "a problem outside the input: {problem:?}");
    }
});
