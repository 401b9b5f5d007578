//! Validation reports of invalid zoo values (pointer, code, message), pinned by insta,
//! and the behaviour of the generated enum mappings.

use schemas::{Report, StrEnum, Validate};
use serde_json::json;
use zos_schema_tests::zoo::*;

fn report_of<T: serde::de::DeserializeOwned + Validate>(doc: serde_json::Value) -> Report {
    let value: T = match serde_json::from_value(doc) {
        Ok(v) => v,
        Err(e) => panic!("the document must decode: {e}"),
    };
    match value.validate() {
        Ok(()) => panic!("the value must be invalid"),
        Err(r) => r,
    }
}

fn valid_workload() -> serde_json::Value {
    json!({
        "workload_id": 1,
        "owner_id": 7,
        "contact": "ops@example.com",
        "capacity": { "cpuCount": 2, "memoryMib": 1024, "share": 0.5, "disk": 2 },
        "endpoints": {
            "v4": "10.0.0.1", "v6": "2001:db8::1", "ip": null, "range": "10.1.1.5/24",
            "hub": "https://hub.grid.tf/a.flist", "domain": "node.example.com",
            "created": "2020-04-01T12:00:00Z"
        },
        "ports": [443, 8080],
        "labels": null,
        "sealed": "deadbeef",
        "signature": "0123abcd",
        "key": "L+V9o0fNYkMVKNqsX7spBzD/9oSvxM/C7ZCZX1jLO3Q=",
        "phase": "running-now",
        "color": "lime",
        "child": { "name": "c", "value": 3 }
    })
}

#[test]
fn a_valid_value_has_no_report() {
    let w: Workload = serde_json::from_value(valid_workload()).expect("decodes");
    assert_eq!(w.validate(), Ok(()));
    assert_eq!(w.phase, Phase::RunningNow, "alias accepted on the wire");
    assert_eq!(w.capacity.disk, Disk::Ssd, "integer on the wire");
}

#[test]
fn every_violation_is_collected() {
    let mut doc = valid_workload();
    doc["capacity"]["cpuCount"] = json!(0);
    doc["capacity"]["share"] = json!(0.0);
    doc["endpoints"]["range"] = json!("10.0.0.0/33");
    doc["endpoints"]["domain"] = json!("-bad-.example");
    doc["ports"] = json!([80, 80, 0]);
    doc["labels"] = json!(["ok", "Not-Ok", ""]);
    doc["signature"] = json!("00000000");
    doc["owner_id"] = json!(0);
    doc["child"]["name"] = json!("");
    let report = report_of::<Workload>(doc);
    insta::assert_snapshot!("workload_report", report.to_string());
    insta::assert_json_snapshot!("workload_report_json", report);
}

#[test]
fn a_secret_is_never_echoed() {
    let mut doc = valid_workload();
    let secret = "s3cr3t-not-hex";
    doc["sealed"] = json!(secret);
    let report = report_of::<Workload>(doc);
    let text = report.to_string();
    assert!(!text.contains(secret), "{text}");
    let v = &report.violations()[0];
    assert_eq!(
        (v.pointer(), v.code(), v.is_secret()),
        ("/sealed", "format.hex", true)
    );
    insta::assert_snapshot!("secret_report", text);
}

#[test]
fn data_enum_pointers_follow_the_tagging() {
    let r = report_of::<Message>(json!({ "Move": { "steps": 101 } }));
    assert_eq!(r.violations()[0].pointer(), "/Move/steps");
    let r = report_of::<Event>(json!({ "t": "Count", "c": 11 }));
    assert_eq!(r.violations()[0].pointer(), "/c");
    let r = report_of::<Shape>(json!({ "kind": "circle", "radius": 0.0 }));
    assert_eq!(r.violations()[0].pointer(), "/radius");
    let r = report_of::<Loose>(json!("not a host"));
    assert_eq!(
        (r.violations()[0].pointer(), r.violations()[0].code()),
        ("", "format.hostname")
    );
}

#[test]
fn unit_enum_mappings() {
    assert_eq!(Disk::VARIANTS, &[Disk::Hdd, Disk::Ssd, Disk::Nvm]);
    assert_eq!(Disk::NAMES, &["HDD", "SSD", "NVM"]);
    assert_eq!(Disk::Nvm.as_str(), "NVM");
    assert_eq!(Disk::Nvm.to_string(), "NVM");
    assert_eq!(Disk::Nvm.to_int(), 5);
    assert_eq!("NVME".parse::<Disk>(), Ok(Disk::Nvm));
    assert_eq!(Disk::try_from(2), Ok(Disk::Ssd));
    assert!(Disk::try_from(3).is_err());
    let err = "ssd".parse::<Disk>().expect_err("names are case-sensitive");
    assert_eq!(
        err.to_string(),
        "unknown Disk \"ssd\", expected one of: HDD, SSD, NVM"
    );
    // Wire forms chosen by `repr`.
    assert_eq!(serde_json::to_value(Disk::Nvm).ok(), Some(json!(5)));
    assert_eq!(
        serde_json::to_value(Phase::RunningNow).ok(),
        Some(json!("running_now"))
    );
    assert!(serde_json::from_value::<Disk>(json!(3)).is_err());
    assert!(serde_json::from_value::<Disk>(json!("SSD")).is_err());
    assert_eq!(
        serde_json::from_value::<Phase>(json!("running-now")).ok(),
        Some(Phase::RunningNow)
    );
    // Without `repr`, the names are serde's.
    assert_eq!(Color::NAMES, &["deep-red", "green"]);
    assert_eq!("lime".parse::<Color>(), Ok(Color::Green));
    assert_eq!(Color::Green.to_int(), 1);
}
