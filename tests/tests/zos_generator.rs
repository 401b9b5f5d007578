//! The generator's documents: valid by default at every seed, and each fault gives its
//! own code.

use schemas::zos::find;
use schemas::zos::generator::{self, Fault, Target, NOW, WORKLOAD_KINDS};
use schemas::Options;

fn check(
    target: Target,
    doc: &serde_json::Value,
    options: &Options,
) -> Result<(), schemas::Report> {
    let info = find(target.type_name()).expect("registered");
    info.check(doc, options)
}

fn targets() -> Vec<Target> {
    let mut t = vec![Target::Reservation];
    t.extend(WORKLOAD_KINDS.iter().map(|k| Target::Workload(*k)));
    t
}

#[test]
fn valid_by_default() {
    let at = Options::new().at(NOW);
    for seed in 0..150 {
        for target in targets() {
            let doc = match target {
                Target::Reservation => generator::reservation(seed, &[]),
                Target::Workload(kind) => generator::workload(kind, seed, &[]),
            };
            if let Err(r) = check(target, &doc, &at) {
                panic!("seed {seed} {target:?}:\n{r}\n{doc:#}");
            }
        }
    }
}

#[test]
fn each_fault_gives_its_code() {
    let at = Options::new().at(NOW);
    for seed in 0..20 {
        for target in targets() {
            for fault in Fault::ALL.iter().copied().filter(|f| f.applies_to(target)) {
                let doc = match target {
                    Target::Reservation => generator::reservation(seed, &[fault]),
                    Target::Workload(kind) => generator::workload(kind, seed, &[fault]),
                };
                let report = match check(target, &doc, &at) {
                    Ok(()) => panic!("seed {seed} {target:?} {fault:?}: no violation\n{doc:#}"),
                    Err(r) => r,
                };
                let codes: Vec<&str> = report.iter().map(|v| v.code()).collect();
                assert!(
                    codes.iter().all(|c| *c == fault.code()),
                    "seed {seed} {target:?} {fault:?}: expected only {}, got:\n{report}",
                    fault.code()
                );
            }
        }
    }
}

#[test]
fn same_seed_same_document() {
    assert_eq!(
        generator::reservation(42, &[]),
        generator::reservation(42, &[])
    );
    assert_ne!(
        generator::reservation(42, &[]),
        generator::reservation(43, &[])
    );
    let sizes: Vec<usize> = (0..200)
        .map(|s| {
            let doc = generator::reservation(s, &[]);
            let d = &doc["data_reservation"];
            [
                "containers",
                "volumes",
                "zdbs",
                "networks",
                "network_resource",
                "kubernetes",
                "proxies",
                "reverse_proxies",
                "subdomains",
                "domain_delegates",
                "gateway4to6",
            ]
            .iter()
            .map(|k| d[k].as_array().map_or(0, Vec::len))
            .sum()
        })
        .collect();
    assert_eq!(sizes.iter().min(), Some(&1));
    assert_eq!(sizes.iter().max(), Some(&20));
}
