use schemas::Schema;

fn check(_: &u32, _: &mut schemas::Context<'_>) {}

#[derive(Schema)]
struct Capacity {
    #[schema(rule = check)]
    cpu: u32,
}

fn main() {}
