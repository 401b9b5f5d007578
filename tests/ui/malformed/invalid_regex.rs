use schemas::Schema;

#[derive(Schema)]
struct Logs {
    #[schema(pattern = "^redis://(")]
    target: String,
}

fn main() {}
