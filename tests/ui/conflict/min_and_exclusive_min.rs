use schemas::Schema;

#[derive(Schema)]
struct Capacity {
    #[schema(range(min = 1, exclusive_min = 0))]
    cpu: u32,
}

fn main() {}
