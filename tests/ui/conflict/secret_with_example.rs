use schemas::Schema;

#[derive(Schema)]
struct Zdb {
    #[schema(secret, example = "hunter2")]
    password: String,
}

fn main() {}
