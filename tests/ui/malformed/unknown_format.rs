use schemas::Schema;

#[derive(Schema)]
struct Network {
    #[schema(format = "ipv5")]
    address: String,
}

fn main() {}
