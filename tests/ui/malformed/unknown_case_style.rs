use schemas::Schema;

#[derive(Schema, Clone, Copy)]
#[schema(repr = "string", rename_all = "Title Case")]
enum Mode {
    Seq,
    User,
}

fn main() {}
