//! The agreement test (DESIGN §5): for every zoo type, generated and mutated documents
//! get the same verdict from serde + `validate()` and from the `jsonschema` crate on our
//! emitted schema.

use zos_schema_tests::agreement::run;
use zos_schema_tests::zoo::*;

/// At least 10,000 documents per type (issue 2).
const CASES: u32 = 10_000;

fn check<T>(name: &str)
where
    T: serde::de::DeserializeOwned + schemas::Validate + schemas::JsonSchema,
{
    match run::<T>(CASES) {
        Ok(t) => {
            println!(
                "{name}: {} documents, {} accepted, {} rejected, {} known gaps",
                t.cases, t.accepted, t.rejected, t.known_gaps
            );
            // A generator that only writes valid (or only invalid) documents proves nothing.
            assert!(
                t.accepted >= t.cases / 20,
                "{name}: too few valid documents: {t:?}"
            );
            assert!(
                t.rejected >= t.cases / 20,
                "{name}: too few invalid documents: {t:?}"
            );
        }
        Err(e) => panic!("{name}: {e}"),
    }
}

#[test]
fn workload() {
    check::<Workload>("Workload");
}

#[test]
fn capacity() {
    check::<Capacity>("Capacity");
}

#[test]
fn endpoints() {
    check::<Endpoints>("Endpoints");
}

#[test]
fn named() {
    check::<Named<Port>>("Named<Port>");
}

#[test]
fn enums() {
    check::<Disk>("Disk");
    check::<Phase>("Phase");
    check::<Color>("Color");
}

#[test]
fn message_external() {
    check::<Message>("Message");
}

#[test]
fn shape_internal() {
    check::<Shape>("Shape");
}

#[test]
fn event_adjacent() {
    check::<Event>("Event");
}

#[test]
fn loose_untagged() {
    check::<Loose>("Loose");
}

#[test]
fn newtypes() {
    check::<Port>("Port");
    check::<Label>("Label");
}
