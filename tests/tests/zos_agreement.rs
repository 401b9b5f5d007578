//! The agreement property (DESIGN §5) on the 0-OS types: serde + `validate()` and the
//! `jsonschema` crate on our emitted schema give the same verdict, cross-field rules
//! aside (the schema lists them under `x-rules` but cannot express them).
//!
//! Two sources of documents: the schema-driven generator of the derive's agreement test
//! (random and mutated documents), and the 0-OS generator's realistic documents, valid
//! and with each fault.

use schemas::zos::generator::{self, Fault, Target, WORKLOAD_KINDS};
use schemas::zos::{self, *};
use schemas::{JsonSchema, Validate};
use serde::de::DeserializeOwned;
use zos_schema_tests::agreement;

/// Documents per type from the schema-driven generator (the derive's agreement test).
const CASES: u32 = 2_000;

fn check<T: DeserializeOwned + Validate + JsonSchema>(name: &str) {
    match agreement::run::<T>(CASES) {
        Ok(t) => {
            println!(
                "{name}: {} documents, {} accepted, {} rejected, {} known gaps",
                t.cases, t.accepted, t.rejected, t.known_gaps
            );
            assert!(
                t.accepted > 0 && t.rejected > 0,
                "{name}: the generator must write both valid and invalid documents: {t:?}"
            );
        }
        Err(e) => panic!("{name}: {e}"),
    }
}

#[test]
fn schema_generated_documents() {
    check::<Reservation>("Reservation");
    check::<ContainerWorkload>("ContainerWorkload");
    check::<VolumeWorkload>("VolumeWorkload");
    check::<ZdbWorkload>("ZdbWorkload");
    check::<K8SWorkload>("K8SWorkload");
    check::<NetworkResourceWorkload>("NetworkResourceWorkload");
    check::<GatewayProxyWorkload>("GatewayProxyWorkload");
    check::<GatewayReverseProxyWorkload>("GatewayReverseProxyWorkload");
    check::<GatewaySubdomainWorkload>("GatewaySubdomainWorkload");
    check::<GatewayDelegateWorkload>("GatewayDelegateWorkload");
    check::<Gateway4To6Workload>("Gateway4To6Workload");
    check::<Network>("Network");
    check::<Workload>("Workload");
}

fn ours(name: &str, doc: &serde_json::Value) -> bool {
    macro_rules! by_name {
        ($($t:ident),*) => {
            match name {
                $(stringify!($t) => agreement::ours::<$t>(doc),)*
                _ => panic!("{name} is not covered"),
            }
        };
    }
    by_name!(
        Reservation,
        ContainerWorkload,
        VolumeWorkload,
        ZdbWorkload,
        K8SWorkload,
        NetworkResourceWorkload,
        GatewayProxyWorkload,
        GatewayReverseProxyWorkload,
        GatewaySubdomainWorkload,
        GatewayDelegateWorkload,
        Gateway4To6Workload
    )
}

#[test]
fn realistic_documents_valid_and_faulty() {
    let mut targets = vec![Target::Reservation];
    targets.extend(WORKLOAD_KINDS.iter().map(|k| Target::Workload(*k)));
    let mut checked = 0;
    for target in targets {
        let name = target.type_name();
        let schema = zos::find(name).map(|t| t.schema()).unwrap_or_default();
        let validator = zos_schema_tests::jsonschema_validator(&schema);
        let mut faults: Vec<Option<Fault>> = vec![None];
        faults.extend(
            Fault::ALL
                .iter()
                .copied()
                .filter(|f| f.applies_to(target))
                .map(Some),
        );
        for seed in 0..15 {
            for fault in &faults {
                let list: Vec<Fault> = fault.iter().copied().collect();
                let doc = match target {
                    Target::Reservation => generator::reservation(seed, &list),
                    Target::Workload(kind) => generator::workload(kind, seed, &list),
                };
                let a = ours(name, &doc);
                let b = validator.is_valid(&doc);
                let errors: Vec<String> = validator
                    .iter_errors(&doc)
                    .map(|e| format!("{e} at {}", e.instance_path()))
                    .collect();
                assert_eq!(
                    a, b,
                    "{name} seed {seed} {fault:?}: ours {a}, jsonschema {b}: {errors:?}"
                );
                // A fault breaks the schema exactly when it is not a cross-field rule.
                if let Some(f) = fault {
                    assert_eq!(
                        b,
                        f.is_rule(),
                        "{name} {f:?}: jsonschema says {b}: {errors:?}"
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 2_000, "{checked}");
}
