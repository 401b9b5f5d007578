use schemas::Schema;

#[derive(Schema)]
#[schema(repr = "int")]
enum Workload {
    Volume { size: u64 },
    Zdb,
}

fn main() {}
