use schemas::Schema;

#[derive(Schema)]
struct Capacity {
    #[schema(range(min = 10, max = 1))]
    cpu: u32,
    #[schema(length(min = 5, max = 2))]
    name: String,
}

fn main() {}
