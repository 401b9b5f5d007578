use schemas::Schema;

#[derive(Schema, serde::Deserialize)]
struct Node {
    node_id: String,
    #[serde(rename = "node_id")]
    id: String,
}

fn main() {}
