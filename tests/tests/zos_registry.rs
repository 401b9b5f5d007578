//! The 0-OS registry: every type of the issue by name, `find` and `detect`.

use schemas::zos::generator::{self, Target, WORKLOAD_KINDS};
use schemas::zos::{self, WorkloadType};
use serde_json::json;

#[test]
fn every_type_is_registered_once_with_a_description() {
    let names: Vec<&str> = zos::registry().iter().map(|t| t.name()).collect();
    for expected in [
        "Reservation",
        "ReservationData",
        "ReservationInfo",
        "SigningRequest",
        "SigningSignature",
        "Container",
        "ContainerCapacity",
        "Logs",
        "LogsRedis",
        "ContainerMount",
        "NetworkConnection",
        "K8S",
        "Network",
        "NetworkResource",
        "NetworkNetResource",
        "WireguardPeer",
        "Result",
        "StatsAggregator",
        "Volume",
        "Workload",
        "Zdb",
        "GatewayProxy",
        "GatewayReverseProxy",
        "GatewaySubdomain",
        "GatewayDelegate",
        "Gateway4To6",
        "NextAction",
        "ResultCategory",
        "ResultState",
        "VolumeType",
        "DiskType",
        "ZdbMode",
        "WorkloadType",
    ] {
        assert!(names.contains(&expected), "{expected} is not registered");
    }
    let mut sorted = names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), names.len(), "a name is registered twice");
    for t in zos::registry() {
        assert!(!t.description().is_empty(), "{}", t.name());
        assert_eq!(zos::find(t.name()).map(|f| f.name()), Some(t.name()));
        assert_eq!(
            t.schema()["title"],
            t.name(),
            "the schema's title is the registered name"
        );
    }
    assert_eq!(
        zos::find("reservation").map(|t| t.name()),
        Some("Reservation")
    );
    assert!(zos::find("Nope").is_none());
}

#[test]
fn detect_by_workload_type_number_or_name() {
    for kind in WORKLOAD_KINDS {
        let name = zos::registry::workload_document(*kind).expect("a document type");
        let by_number = json!({ "workload_type": kind.to_int() });
        let by_name = json!({ "workload_type": kind.as_str() });
        assert_eq!(zos::detect(&by_number).map(|t| t.name()), Some(name));
        assert_eq!(zos::detect(&by_name).map(|t| t.name()), Some(name));
    }
    let legacy = json!({ "workload_type": "reverse-proxy" });
    assert_eq!(
        zos::detect(&legacy).map(|t| t.name()),
        Some("GatewayReverseProxyWorkload")
    );
    assert_eq!(
        zos::detect(&json!({ "data_reservation": {} })).map(|t| t.name()),
        Some("Reservation")
    );
    assert!(zos::detect(&json!([1, 2])).is_none());
    assert!(zos::detect(&json!({ "something": "else" })).is_none());
    assert_eq!(
        zos::registry::workload_document(WorkloadType::Network),
        None
    );
}

#[test]
fn detect_every_generated_document() {
    for seed in 0..30 {
        let doc = generator::reservation(seed, &[]);
        assert_eq!(zos::detect(&doc).map(|t| t.name()), Some("Reservation"));
        for kind in WORKLOAD_KINDS {
            let doc = generator::workload(*kind, seed, &[]);
            let expected = Target::Workload(*kind).type_name();
            assert_eq!(
                zos::detect(&doc).map(|t| t.name()),
                Some(expected),
                "seed {seed}"
            );
            // Without `workload_type`, the keys decide (the legacy fragment types).
            let mut legacy = doc.clone();
            if let Some(m) = legacy.as_object_mut() {
                m.retain(|k, _| {
                    !matches!(
                        k.as_str(),
                        "workload_type" | "json" | "customer_tid" | "pool_id"
                    )
                });
            }
            let fragment = expected.trim_end_matches("Workload");
            assert_eq!(
                zos::detect(&legacy).map(|t| t.name()),
                Some(fragment),
                "seed {seed}"
            );
        }
    }
}
