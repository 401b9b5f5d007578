//! The JSON Schema of every registered 0-OS type, pinned by a snapshot, and a few
//! properties every one of them has.

use schemas::zos;
use serde_json::Value;

#[test]
fn every_schema_is_pinned() {
    for t in zos::registry() {
        insta::assert_json_snapshot!(format!("schema__{}", t.name()), t.schema());
    }
}

fn walk<'a>(v: &'a Value, out: &mut Vec<&'a serde_json::Map<String, Value>>) {
    match v {
        Value::Object(m) => {
            out.push(m);
            m.values().for_each(|x| walk(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
        _ => {}
    }
}

#[test]
fn objects_are_closed_and_described() {
    for t in zos::registry() {
        let schema = t.schema();
        assert_eq!(schema["$schema"], schemas::DRAFT_2020_12, "{}", t.name());
        let mut objects = Vec::new();
        walk(&schema, &mut objects);
        for o in objects
            .iter()
            .filter(|o| o.get("type") == Some(&Value::from("object")))
        {
            assert_eq!(
                o.get("additionalProperties"),
                Some(&Value::Bool(false)),
                "{}: open object",
                t.name()
            );
            assert!(
                o.contains_key("description"),
                "{}: object without description",
                t.name()
            );
            if let Some(Value::Object(props)) = o.get("properties") {
                for (k, p) in props {
                    assert!(
                        p.get("description").is_some(),
                        "{}: property {k} has no description",
                        t.name()
                    );
                }
            }
        }
    }
}

#[test]
fn secrets_are_write_only() {
    let schema = zos::find("Reservation")
        .map(|t| t.schema())
        .unwrap_or_default();
    let defs = &schema["$defs"];
    assert_eq!(defs["SealedBox"]["writeOnly"], true);
    for (def, field) in [
        ("Zdb", "password"),
        ("K8S", "cluster_secret"),
        ("GatewayReverseProxy", "secret"),
        ("StatsAggregator", "secret"),
        ("NetworkNetResource", "wireguard_private_key_encrypted"),
        ("NetworkResource", "wireguard_private_key_encrypted"),
        ("Container", "secret_environment"),
    ] {
        assert_eq!(
            defs[def]["properties"][field]["writeOnly"], true,
            "{def}.{field}"
        );
    }
}

#[test]
fn enums_are_integers_with_names() {
    let schema = zos::find("WorkloadType")
        .map(|t| t.schema())
        .unwrap_or_default();
    assert_eq!(schema["type"], "integer");
    let titles: Vec<&str> = schema["oneOf"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "zdb",
            "container",
            "volume",
            "network",
            "kubernetes",
            "proxy",
            "reverse_proxy",
            "subdomain",
            "domain_delegate",
            "gateway4to6",
            "network_resource"
        ]
    );
}
