use schemas::Schema;

#[derive(Schema)]
struct Volume {
    #[schema(length(max = 10))]
    size: u64,
}

fn main() {}
