use schemas::Schema;

#[derive(Schema)]
struct Pair(u32, u32);

fn main() {}
