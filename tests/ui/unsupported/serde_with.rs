use schemas::Schema;

mod as_text {}

#[derive(Schema, serde::Deserialize)]
struct Reservation {
    #[serde(with = "as_text")]
    epoch: u64,
}

fn main() {}
