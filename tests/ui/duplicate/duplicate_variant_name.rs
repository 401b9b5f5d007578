use schemas::Schema;

#[derive(Schema, Clone, Copy)]
#[schema(repr = "int")]
enum Kind {
    #[schema(rename = "proxy")]
    Proxy,
    #[schema(alias = "proxy")]
    ReverseProxy,
}

fn main() {}
