use schemas::Schema;

#[derive(Schema)]
struct Capacity {
    #[schema(range(minimum = 1))]
    cpu: u32,
}

fn main() {}
