//! dokgen's own passes over prose, against its size: is each linear?
//!
//!     cargo bench --profile dev --bench prose
//!
//! For each size (1, 5, 10, 25 and 50 MB unless `DOKGEN_BENCH_PROSE_MB`
//! says otherwise, e.g. `1,5`), the default project's
//! `prosa/strategi/baggrund.md` is replaced by that much Markdown (headings,
//! paragraphs with emphasis and links, lists, tables, quotes), its prose
//! limit raised to allow it, and three things are timed:
//!
//! - the baseline: reading the file and parsing it with pulldown-cmark, a
//!   pass known to be linear;
//! - `Session::open`: reading and checking the project (every prose file
//!   read through the door, checked for UTF-8 and placeholders);
//! - `Session::render` of the strategy: the Markdown converted to Typst,
//!   the template rendered, and the source mapped back to its lines.
//!
//! Each is printed in milliseconds and per megabyte, and as a ratio to the
//! baseline at the same size: a pass that is linear keeps its ratio as the
//! size grows; a quadratic one multiplies it by the size's factor. Typst's
//! own layout of such a document is not timed (it is Typst's, and is
//! bounded by the document's time budget instead). Asserts nothing.

mod common;

use std::path::Path;
use std::time::Duration;

use common::{copy_dir, fastest};
use dokgen::Session;
use pulldown_cmark::{Options, Parser};

fn main() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sizes: Vec<usize> = std::env::var("DOKGEN_BENCH_PROSE_MB")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1, 5, 10, 25, 50]);
    println!(
        "dokgen prose benchmark: one prose file of the strategy, by size (fastest of 3 runs up to 10 MB, else one)\n"
    );
    println!(
        "| size | baseline (read + parse) | open (read + check) | × baseline | render (Markdown, Tera, lines) | × baseline | open + render per MB |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    for mb in sizes {
        let scratch = tempfile::tempdir().expect("a scratch folder");
        let root = scratch.path();
        project_with_prose(repo, root, mb);
        let prose = root.join("content/prosa/strategi/baggrund.md");
        let runs = if mb <= 10 { 3 } else { 1 };

        let baseline = fastest(runs, || {
            let text = std::fs::read_to_string(&prose).expect("the prose file");
            std::hint::black_box(Parser::new_ext(&text, Options::all()).count());
        });
        let mut session = None;
        let open = fastest(runs, || {
            session = Some(Session::open(root).unwrap_or_else(|e| panic!("{e}")));
        });
        let session = session.expect("opened");
        let strategy = session
            .documents()
            .iter()
            .find(|d| d.spec.output == "strategi")
            .expect("the strategy");
        let render = fastest(runs, || {
            std::hint::black_box(session.render(strategy).unwrap_or_else(|e| panic!("{e}")));
        });
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "| {mb} MB | {:.0} ms | {:.0} ms | {:.1} | {:.0} ms | {:.1} | {:.0} ms |",
            ms(baseline),
            ms(open),
            open.as_secs_f64() / baseline.as_secs_f64(),
            ms(render),
            render.as_secs_f64() / baseline.as_secs_f64(),
            (ms(open) + ms(render)) / mb as f64,
        );
    }
}

/// The default project in `root`, with `mb` megabytes of Markdown as the
/// strategy's background and a prose limit that allows it.
fn project_with_prose(repo: &Path, root: &Path, mb: usize) {
    copy_dir(&repo.join("content"), &root.join("content"));
    let config = std::fs::read_to_string(repo.join("dokgen.yaml")).expect("dokgen.yaml");
    std::fs::write(
        root.join("dokgen.yaml"),
        format!("{config}\nlimits: {{ prose: {} }}\n", mb + 1),
    )
    .expect("dokgen.yaml written");
    std::fs::write(
        root.join("content/prosa/strategi/baggrund.md"),
        markdown(mb << 20),
    )
    .expect("the prose written");
}

/// About `size` bytes of Markdown of the kind a secretariat writes.
fn markdown(size: usize) -> String {
    let section = |i: usize| {
        format!(
            "### Delområde {i}\n\n\
             Ishøj og Vallensbæk kommuner har siden 2007 været i et *forpligtende* samarbejde om \
             **beskæftigelse**, genoptræning, det sociale område og specialundervisning. Se \
             [loven](https://www.retsinformation.dk/) og kommunernes aftaler fra 2007.\n\
             Vallensbæk havde 15.712 indbyggere pr. 1. januar 2017 -- et tal, der indgår i vurderingen.\n\n\
             - hjemtagning af jobcentret\n- en jobcentersatellit i Ishøj\n  1. først\n  2. derefter\n\n\
             | Kommune | År | Indbyggere |\n|:--|:-:|--:|\n| Ishøj | 2018 | 22.988 |\n| Vallensbæk | 2020 | 16.643 |\n\n\
             > Udgangspunktet er, at kommunerne køber ydelser af hinanden til kostpris.\n\n"
        )
    };
    let mut out = String::with_capacity(size + 1024);
    let mut i = 0;
    while out.len() < size {
        out.push_str(&section(i));
        i += 1;
    }
    out
}
