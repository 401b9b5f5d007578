//! The wire's own values: what decodes, what re-encodes unchanged, what is refused.

use schemas::zos::{self, IpRange, NetworkResourceWorkload, Reservation, WireguardPeer};
use schemas::{Options, Validate};
use serde_json::{json, Value};

fn round_trip(name: &str, doc: &Value) -> Value {
    zos::find(name)
        .expect("registered")
        .round_trip(doc)
        .expect("decodes")
}

#[test]
fn cidrs_keep_their_text() {
    for text in [
        "10.1.1.5/24",
        "10.1.0.0/16",
        "2001:DB8::1/64",
        "fd00::/8",
        "",
    ] {
        let peer =
            json!({ "public_key": "", "allowed_iprange": [text], "endpoint": "", "iprange": text });
        let again = round_trip("WireguardPeer", &peer);
        assert_eq!(again["iprange"], text);
        assert_eq!(again["allowed_iprange"][0], text);
        let p: WireguardPeer = serde_json::from_value(peer).expect("decodes");
        assert_eq!(p.iprange.as_str(), text);
    }
    // Compared as Go compared them: the same network, whatever the spelling.
    assert_eq!(
        IpRange::from("2001:DB8::1/64"),
        IpRange::from("2001:db8::1/64")
    );
    assert_ne!(IpRange::from("10.1.1.5/24"), IpRange::from("10.1.1.0/24"));
}

#[test]
fn null_and_empty_lists_stay_as_they_are() {
    let doc = json!({ "public_key": "", "allowed_iprange": null, "endpoint": "", "iprange": "" });
    assert_eq!(
        round_trip("WireguardPeer", &doc)["allowed_iprange"],
        Value::Null
    );
    let doc = json!({ "public_key": "", "allowed_iprange": [], "endpoint": "", "iprange": "" });
    assert_eq!(
        round_trip("WireguardPeer", &doc)["allowed_iprange"],
        json!([])
    );
    // A missing list comes back as null, as Go wrote a nil slice.
    assert_eq!(
        round_trip("WireguardPeer", &json!({}))["allowed_iprange"],
        Value::Null
    );
}

#[test]
fn missing_keys_take_zero_values() {
    let doc = round_trip("Reservation", &json!({}));
    assert_eq!(doc["customer_tid"], 0);
    assert_eq!(doc["customer_signature"], "");
    assert_eq!(doc["next_action"], 0);
    assert_eq!(doc["epoch"], 0);
    assert_eq!(doc["results"], Value::Null);
    assert_eq!(doc["data_reservation"]["containers"], Value::Null);
    assert_eq!(
        doc["data_reservation"]["signing_request_provision"],
        json!({ "signers": null, "quorum_min": 0 })
    );
}

#[test]
fn legacy_list_names_are_read_and_written_under_the_later_name() {
    let data = json!({ "reserve_proxies": [], "subdomain": null, "domain_delegate": [] });
    let again = round_trip("ReservationData", &data);
    assert_eq!(again["reverse_proxies"], json!([]));
    assert_eq!(again["subdomains"], Value::Null);
    assert_eq!(again["domain_delegates"], json!([]));
    assert!(again.get("reserve_proxies").is_none());
}

#[test]
fn enums_are_integers_on_the_wire() {
    let r: Reservation = serde_json::from_value(json!({ "next_action": 7 })).expect("decodes");
    assert_eq!(r.next_action, zos::NextAction::Migrated);
    assert_eq!(r.next_action.to_string(), "migrated");
    assert!(serde_json::from_value::<Reservation>(json!({ "next_action": "deploy" })).is_err());
    assert!(serde_json::from_value::<Reservation>(json!({ "next_action": 8 })).is_err());
    assert_eq!(
        "reverse-proxy".parse::<zos::WorkloadType>(),
        Ok(zos::WorkloadType::ReverseProxy)
    );
    assert_eq!(
        "domain-delegate".parse::<zos::WorkloadType>(),
        Ok(zos::WorkloadType::DomainDelegate)
    );
    assert_eq!(zos::WorkloadType::Gateway4To6.as_str(), "gateway4to6");
    assert_eq!(zos::VolumeType::Ssd.as_str(), "SSD");
    assert_eq!(zos::DiskType::Ssd.as_str(), "ssd");
}

#[test]
fn result_category_decodes_as_a_workload_type() {
    let r: zos::Result = serde_json::from_value(json!({ "category": 10 })).expect("decodes");
    assert_eq!(r.category, zos::WorkloadType::NetworkResource);
    let r: zos::Result = serde_json::from_value(json!({ "category": 2 })).expect("decodes");
    assert_eq!(
        r.category,
        zos::WorkloadType::Volume,
        "2 is a volume since April 2020"
    );
}

#[test]
fn dates_are_integer_seconds() {
    let w: NetworkResourceWorkload =
        serde_json::from_value(json!({ "epoch": 1_590_000_000 })).expect("decodes");
    assert_eq!(w.epoch.seconds(), 1_590_000_000);
    assert!(
        serde_json::from_value::<NetworkResourceWorkload>(json!({ "epoch": "2020-05-20" }))
            .is_err()
    );
    assert!(serde_json::from_value::<NetworkResourceWorkload>(json!({ "epoch": 1.5 })).is_err());
    let negative: NetworkResourceWorkload =
        serde_json::from_value(json!({ "epoch": -1 })).expect("decodes");
    let report = negative
        .validate_with(&Options::new())
        .expect_err("negative dates are refused");
    assert!(report
        .iter()
        .any(|v| v.pointer() == "/epoch" && v.code() == "range"));
}

/// Why the `ReservationInfo` fields are declared in place in each workload type rather
/// than with `#[serde(flatten)]`: with flatten, serde still refuses an unknown key, but
/// the error points at the object instead of the key, and an error inside a flattened
/// field loses its pointer too.
#[test]
fn info_fields_in_place_keep_pointers_where_flatten_would_not() {
    #[derive(serde::Deserialize, Default)]
    #[serde(default, deny_unknown_fields)]
    #[allow(dead_code)]
    struct Info {
        customer_tid: i64,
    }
    #[derive(serde::Deserialize, Default)]
    #[serde(default, deny_unknown_fields)]
    #[allow(dead_code)]
    struct Flat {
        #[serde(flatten)]
        info: Info,
        size: i64,
    }
    let unknown = json!({ "customer_tid": 1, "size": 2, "bogus": 3 });
    let bad_type = json!({ "customer_tid": "x", "size": 2 });
    let flat = |doc: &Value| {
        schemas::registry::decode::<Flat>(doc)
            .err()
            .map(|v| (v.pointer().to_string(), v.code().to_string()))
    };
    assert_eq!(
        flat(&unknown),
        Some((String::new(), "unknown_field".to_string()))
    );
    assert_eq!(flat(&bad_type), Some((String::new(), "type".to_string())));
    let ours = |doc: &Value| {
        schemas::registry::decode::<zos::VolumeWorkload>(doc)
            .err()
            .map(|v| (v.pointer().to_string(), v.code().to_string()))
    };
    assert_eq!(
        ours(&unknown),
        Some(("/bogus".to_string(), "unknown_field".to_string()))
    );
    assert_eq!(
        ours(&bad_type),
        Some(("/customer_tid".to_string(), "type".to_string()))
    );
}
