//! A bad secret value never appears in a report: not in a format violation, not in a
//! decoding error, not in the `json` rule, not in `Debug` output.

use schemas::zos::generator::{self, NOW};
use schemas::zos::{self, SealedBox, WorkloadType};
use schemas::Options;
use serde_json::{json, Value};

const MARK: &str = "TOPSECRET-horse-battery";
const NUMBER: i64 = 987_654_321_123;

/// Every place a secret lives, as (document type, generator target, pointer).
fn places() -> Vec<(&'static str, Value, &'static str)> {
    let w = |k| generator::workload(k, 5, &[]);
    let mut container = w(WorkloadType::Container);
    container["secret_environment"] = json!({ "DB_PASSWORD": "00" });
    let mut zdb = w(WorkloadType::Zdb);
    zdb["stats_aggregator"] = json!([{ "addr": "10.1.1.1", "port": 6379, "secret": "00" }]);
    vec![
        (
            "ContainerWorkload",
            container,
            "/secret_environment/DB_PASSWORD",
        ),
        ("ZdbWorkload", w(WorkloadType::Zdb), "/password"),
        ("ZdbWorkload", zdb, "/stats_aggregator/0/secret"),
        (
            "K8SWorkload",
            w(WorkloadType::Kubernetes),
            "/cluster_secret",
        ),
        (
            "GatewayReverseProxyWorkload",
            w(WorkloadType::ReverseProxy),
            "/secret",
        ),
        (
            "NetworkResourceWorkload",
            w(WorkloadType::NetworkResource),
            "/wireguard_private_key_encrypted",
        ),
        (
            "Network",
            w(WorkloadType::Network),
            "/network_resources/0/wireguard_private_key_encrypted",
        ),
    ]
}

fn report_text(name: &str, doc: &Value) -> (String, Vec<(String, String, bool)>) {
    let ty = zos::find(name).expect("registered");
    match ty.check(doc, &Options::new().at(NOW)) {
        Ok(()) => panic!("{name}: a bad secret was accepted"),
        Err(r) => {
            let list = r
                .iter()
                .map(|v| (v.pointer().to_string(), v.code().to_string(), v.is_secret()))
                .collect();
            (
                format!(
                    "{r}\n{r:?}\n{}",
                    serde_json::to_string(&r).unwrap_or_default()
                ),
                list,
            )
        }
    }
}

#[test]
fn bad_secret_text_is_never_shown() {
    for (name, mut doc, pointer) in places() {
        *doc.pointer_mut(pointer).expect(pointer) = json!(MARK);
        let (text, violations) = report_text(name, &doc);
        assert!(
            !text.contains(MARK),
            "{name}{pointer}: the secret leaked:\n{text}"
        );
        assert!(
            !text.contains("horse"),
            "{name}{pointer}: part of the secret leaked:\n{text}"
        );
        assert!(
            violations
                .iter()
                .any(|(p, c, secret)| p == pointer && c == "format.hex" && *secret),
            "{name}{pointer}: expected a secret format.hex violation, got {violations:?}"
        );
    }
}

#[test]
fn secret_of_the_wrong_type_is_never_shown() {
    for (name, mut doc, pointer) in places() {
        *doc.pointer_mut(pointer).expect(pointer) = json!(NUMBER);
        let (text, violations) = report_text(name, &doc);
        assert!(
            !text.contains(&NUMBER.to_string()),
            "{name}{pointer}: the secret leaked:\n{text}"
        );
        assert!(
            violations
                .iter()
                .any(|(p, c, _)| p == pointer && c == "type"),
            "{name}{pointer}: {violations:?}"
        );
    }
}

#[test]
fn json_rule_does_not_show_secrets() {
    let mut doc = generator::reservation(4, &[]);
    let secret_at = "/data_reservation/containers/0/secret_environment";
    *doc.pointer_mut(secret_at).expect("container") = json!({ "TOKEN": "ab".repeat(30) });
    let data = doc["data_reservation"].clone();
    let mut signed = data.clone();
    signed["containers"][0]["secret_environment"] = json!({ "TOKEN": MARK });
    doc["json"] = json!(signed.to_string());
    let (text, _) = report_text("Reservation", &doc);
    assert!(
        !text.contains(MARK),
        "the json rule leaked a secret:\n{text}"
    );
    assert!(
        text.contains("/data_reservation/containers/0/secret_environment/TOKEN"),
        "{text}"
    );
    // A secret of the wrong type inside `json`.
    signed["containers"][0]["secret_environment"] = json!({ "TOKEN": NUMBER });
    doc["json"] = json!(signed.to_string());
    let (text, _) = report_text("Reservation", &doc);
    assert!(
        !text.contains(&NUMBER.to_string()),
        "the json rule leaked a secret:\n{text}"
    );
}

#[test]
fn debug_does_not_show_secrets() {
    let s = SealedBox::from(MARK);
    assert!(!format!("{s:?}").contains(MARK));
    let doc = generator::workload(WorkloadType::Zdb, 3, &[]);
    let z: zos::ZdbWorkload = serde_json::from_value(doc).expect("valid document");
    let password = z.password.as_str().to_string();
    assert!(!password.is_empty());
    assert!(!format!("{z:?}").contains(&password));
}
