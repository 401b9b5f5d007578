use schemas::Schema;

#[derive(Schema)]
struct Node {
    #[schema(format = "ipv4")]
    address: u32,
}

fn main() {}
