use schemas::Schema;

#[derive(Schema)]
struct Capacity {
    #[schema(range(min = "one"))]
    cpu: u32,
}

fn main() {}
