// Three mistakes give three errors, reported together; the stub impls keep the
// code that uses the type (below) from adding more.
use schemas::{JsonSchema, Schema, Validate};

#[derive(Schema)]
struct Container {
    #[schema(format = "url")]
    flist: String,
    #[schema(range(max = -1, min = 0))]
    cpu: i32,
    #[schema(non_empty = true)]
    entrypoint: String,
}

fn main() {
    let c = Container { flist: String::new(), cpu: 0, entrypoint: String::new() };
    let _ = c.validate();
    let _ = Container::json_schema();
}
