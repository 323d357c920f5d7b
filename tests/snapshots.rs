//! The generated Typst source of each default document, snapshotted so that
//! every change to templates, prose or facts is reviewed as a diff.

use dokgen::Session;

#[test]
fn generated_typst_of_the_default_documents() {
    let session = Session::open(env!("CARGO_MANIFEST_DIR").as_ref()).unwrap();
    assert_eq!(session.documents().len(), 8);
    for document in session.documents() {
        let rendered = session.render(document).unwrap();
        assert!(rendered.warnings.is_empty(), "{:?}", rendered.warnings);
        insta::assert_snapshot!(document.spec.output.as_str(), rendered.source());
    }
}
