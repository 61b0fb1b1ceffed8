//! `cargo run --example schema --features schema > schema/document.schema.json`
//!
//! Prints the JSON Schema of [`vanban::Document`], generated from the Rust types by
//! schemars: the machine-readable form of the JSON contract. The checked-in copy is
//! `schema/document.schema.json`; `tests/schema.rs` fails when the types change and the
//! copy was not regenerated.

fn main() {
    let schema = schemars::schema_for!(vanban::Document);
    match serde_json::to_string_pretty(&schema) {
        Ok(s) => println!("{s}"),
        Err(e) => {
            eprintln!("schema: {e}");
            std::process::exit(1);
        }
    }
}
