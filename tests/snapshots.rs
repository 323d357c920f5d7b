//! The generated Typst source of each default document, snapshotted so that
//! every change to templates, prose or facts is reviewed as a diff.

use dokgen::Project;
use dokgen::facts;
use dokgen::render::render;
use dokgen::template::Templates;

#[test]
fn generated_typst_of_the_default_documents() {
    let project = Project::open(env!("CARGO_MANIFEST_DIR").as_ref()).unwrap();
    let content = facts::load(&project).unwrap();
    let templates = Templates::load(&project, &content.prose).unwrap();
    assert_eq!(content.documents.len(), 8);
    for document in &content.documents {
        let rendered = render(&project, &content, &templates, document).unwrap();
        assert!(rendered.warnings.is_empty(), "{:?}", rendered.warnings);
        insta::assert_snapshot!(document.spec.output.as_str(), rendered.source);
    }
}
