//! The checked-in JSON Schema of `Document` (schema/document.schema.json) is the one the
//! Rust types generate: a change to the model without regenerating it fails here.
//! Needs `--features schema` (CI runs it from `.ci/python.sh`); without the feature this
//! file compiles to nothing. Regenerate with
//! `cargo run --example schema --features schema > schema/document.schema.json`.
#![cfg(feature = "schema")]

#[test]
fn checked_in_schema_matches_the_types() {
    let generated = serde_json::to_string_pretty(&schemars::schema_for!(vanban::Document)).unwrap() + "\n";
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/document.schema.json");
    let checked_in = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        generated == checked_in,
        "{path} is not what the model types generate: run \
         `cargo run --example schema --features schema > schema/document.schema.json`"
    );
}

#[test]
fn schema_names_every_top_level_field_of_every_fixture_output() {
    // The full validation of every fixture's output runs in pytest (jsonschema); here the
    // top-level keys, so a field added to `Document` without the derive is caught too.
    let schema = serde_json::to_value(schemars::schema_for!(vanban::Document)).unwrap();
    let props = schema["properties"].as_object().unwrap();
    let mut seen = 0;
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let doc = vanban::parse_bytes(&std::fs::read(&path).unwrap()).unwrap();
            for key in serde_json::to_value(&doc).unwrap().as_object().unwrap().keys() {
                assert!(props.contains_key(key), "{}: Document.{key} is not in the schema", path.display());
            }
            seen += 1;
        }
    }
    assert!(seen > 10, "only {seen} fixtures");
}
