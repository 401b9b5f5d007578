//! `validate()` on a large nested value against the `jsonschema` crate validating the
//! same JSON with our emitted schema. Parsing is excluded from both sides.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use schemas::{JsonSchema, Validate};
use serde_json::json;
use zos_schema_tests::zoo::{Fleet, Workload};

/// A valid fleet of `n` workloads, every field filled.
fn fleet_json(n: usize) -> serde_json::Value {
    let workloads: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            json!({
                "workload_id": i,
                "owner_id": 7,
                "contact": "ops@example.com",
                "capacity": { "cpuCount": 2, "memoryMib": 1024 + i % 512, "share": 0.5, "disk": 2 },
                "endpoints": {
                    "v4": "10.0.0.1", "v6": "2001:db8::1", "ip": "10.1.2.3", "range": "10.1.1.5/24",
                    "hub": "https://hub.grid.tf/a.flist", "domain": "node.example.com",
                    "created": "2020-04-01T12:00:00Z"
                },
                "ports": [443, 8080 + (i % 100)],
                "labels": ["web", "prod"],
                "env": { "A": "1", "B": "2" },
                "sealed": "deadbeef",
                "signature": "0123abcd",
                "key": "L+V9o0fNYkMVKNqsX7spBzD/9oSvxM/C7ZCZX1jLO3Q=",
                "phase": "stopped",
                "color": "green",
                "child": { "name": "c", "value": 3 }
            })
        })
        .collect();
    json!({ "workloads": workloads, "messages": [{ "Move": { "steps": 3 } }, "Ping"] })
}

fn bench(c: &mut Criterion) {
    let doc = fleet_json(1000);
    let fleet: Fleet = serde_json::from_value(doc.clone()).expect("the benchmark value decodes");
    assert!(fleet.validate().is_ok(), "the benchmark value is valid");
    let validator = zos_schema_tests::jsonschema_validator(&Fleet::json_schema());
    assert!(validator.is_valid(&doc));
    let _ = Workload::json_schema();

    let mut g = c.benchmark_group("validate_1000_workloads");
    g.throughput(Throughput::Elements(1000));
    g.bench_function("derive_validate", |b| {
        b.iter(|| std::hint::black_box(&fleet).validate())
    });
    g.bench_function("jsonschema_is_valid", |b| {
        b.iter(|| validator.is_valid(std::hint::black_box(&doc)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
