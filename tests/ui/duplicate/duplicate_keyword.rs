use schemas::Schema;

#[derive(Schema)]
struct Capacity {
    #[schema(range(min = 1))]
    #[schema(range(max = 8))]
    cpu: u32,
}

fn main() {}
