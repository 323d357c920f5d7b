//! Throughput of the Markdown → Typst converter on 1 MB of prose, against
//! pulldown-cmark's own HTML renderer on the same text with the same
//! extensions, in the same run. Prints figures; asserts nothing.
//!
//!     cargo bench --bench markdown
//!
//! The target is a converter within 2× of the HTML renderer: both walk the
//! same events, and the converter's extra work (escaping every ASCII
//! punctuation character, lookahead for tight lists) should stay small.

mod common;

use std::hint::black_box;
use std::time::Duration;

use common::fastest;
use dokgen::markdown::{self, Settings};
use pulldown_cmark::{Parser, html};

/// About 1 MB of Markdown that uses every construct dokgen converts:
/// headings with labels, paragraphs with emphasis, links and footnotes,
/// lists (tight, loose, nested, tasks), a table, a code block and a quote.
fn corpus() -> String {
    let section = |i: usize| {
        format!(
            "## Afsnit {i} {{#afsnit-{i}}}\n\n\
             Ishøj og Vallensbæk kommuner har siden 2007 været i et *forpligtende* samarbejde om \
             **beskæftigelse**, genoptræning, det sociale område, specialundervisning og natur/miljø. \
             Se [afsnittet](#afsnit-{i}), [loven](https://www.retsinformation.dk/) og `§ 11 a`[^n{i}].\n\
             Vallensbæk havde 15.712 indbyggere pr. 1. januar 2017 -- et \"bæredygtigt\" tal?\n\n\
             [^n{i}]: Lov nr. 541 af 24. juni 2005 om forpligtende kommunale samarbejder.\n\n\
             - hjemtagning af jobcentret\n- en jobcentersatellit i Ishøj\n  1. først\n  2. derefter\n\n\
             - [x] styregruppen har besluttet\n- [ ] strategien er vedtaget\n\n\
             | Kommune | År | Indbyggere |\n|:--|:-:|--:|\n| Ishøj | 2018 | 22.988 |\n| Vallensbæk | 2020 | 16.643 |\n\n\
             > Udgangspunktet er, at kommunerne køber ydelser af hinanden til kostpris.\n\n\
             ```yaml\nvalue: 15712 # {i}\n```\n\n\
             1. Første punkt med ~~gammel~~ ny tekst.\n\n2. Andet punkt med en <https://ishoej.dk>-henvisning.\n\n"
        )
    };
    let mut out = String::with_capacity(1 << 20);
    let mut i = 0;
    while out.len() < 1 << 20 {
        out.push_str(&section(i));
        i += 1;
    }
    out
}

fn main() {
    let md = corpus();
    let mb = md.len() as f64 / 1e6;
    let runs = 15;

    let html_time = fastest(runs, || {
        let mut out = String::with_capacity(md.len() * 3 / 2);
        html::push_html(&mut out, Parser::new_ext(&md, markdown::parser_options()));
        black_box(out);
    });
    let parse_time = fastest(runs, || {
        black_box(Parser::new_ext(&md, markdown::parser_options()).count());
    });
    let typst_time = fastest(runs, || {
        black_box(markdown::to_typst(&md, &Settings::default()));
    });

    let rate = |d: Duration| mb / d.as_secs_f64();
    println!(
        "input: {:.2} MB of Markdown, fastest of {runs} runs each",
        mb
    );
    println!("{:<34} {:>9} {:>10}", "", "time", "MB/s");
    println!(
        "{:<34} {:>7.1}ms {:>10.1}",
        "pulldown-cmark: parse only",
        parse_time.as_secs_f64() * 1e3,
        rate(parse_time)
    );
    println!(
        "{:<34} {:>7.1}ms {:>10.1}",
        "pulldown-cmark: HTML (baseline)",
        html_time.as_secs_f64() * 1e3,
        rate(html_time)
    );
    println!(
        "{:<34} {:>7.1}ms {:>10.1}",
        "dokgen: Typst",
        typst_time.as_secs_f64() * 1e3,
        rate(typst_time)
    );
    println!(
        "dokgen / HTML time ratio: {:.2} (target: at most 2.00)",
        typst_time.as_secs_f64() / html_time.as_secs_f64()
    );
}
