use schemas::Schema;

#[derive(Schema)]
struct Signature {
    #[schema(length(equal = 128, min = 1))]
    hex: String,
}

fn main() {}
