use schemas::Schema;

#[derive(Schema, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind")]
#[schema(repr = "int")]
enum State {
    Ok,
    Error,
}

fn main() {}
