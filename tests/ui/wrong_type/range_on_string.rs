use schemas::Schema;

#[derive(Schema)]
struct Port {
    #[schema(range(min = 1, max = 65535))]
    port: String,
}

fn main() {}
