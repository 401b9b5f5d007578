//! A seeded generator of realistic 0-OS documents, for tests, benchmarks and corpora.
//!
//! The same seed always gives the same document. By default a document passes every
//! rule (validated at [`NOW`] too, for the clock rules); each [`Fault`] asked for breaks
//! one rule or constraint at one place, so the report says that fault's
//! [`Fault::code`]. Documents are in the original's form: every key present, absent
//! lists as `null`.
//!
//! ```
//! use schemas::zos::generator::{reservation, Fault};
//! let doc = reservation(7, &[]);
//! assert!(schemas::zos::find("Reservation").unwrap().check(&doc, &Default::default()).is_ok());
//! let bad = reservation(7, &[Fault::K8sSize]);
//! let report = schemas::zos::find("Reservation").unwrap().check(&bad, &Default::default());
//! assert_eq!(report.unwrap_err().violations()[0].code(), "rule.k8s_size");
//! ```

use serde_json::{json, Value};

use super::enums::WorkloadType;
use super::faults::apply;
pub use super::faults::Fault;
use super::parts::Parts;
pub use super::parts::Rng;
use super::{Reservation, ReservationData, Workloader};

/// The instant the generated documents are valid at (2020-09-13T12:26:40Z): they were
/// created before it and expire more than an hour after it.
pub const NOW: i64 = 1_600_000_000;

/// Every kind of workload that has a document of its own, in `WorkloadType` order.
pub const WORKLOAD_KINDS: &[WorkloadType] = &[
    WorkloadType::Zdb,
    WorkloadType::Container,
    WorkloadType::Volume,
    WorkloadType::Kubernetes,
    WorkloadType::Proxy,
    WorkloadType::ReverseProxy,
    WorkloadType::Subdomain,
    WorkloadType::DomainDelegate,
    WorkloadType::Gateway4To6,
    WorkloadType::NetworkResource,
];

/// What a generated document is: a whole reservation or one workload document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A [`Reservation`].
    Reservation,
    /// The workload document of this kind (`ContainerWorkload`, ...).
    Workload(WorkloadType),
}

impl Target {
    /// The name of the registered type of such documents.
    pub fn type_name(self) -> &'static str {
        match self {
            Target::Reservation => "Reservation",
            Target::Workload(kind) => super::registry::workload_document(kind).unwrap_or("Network"),
        }
    }
}

/// A reservation with 1 to 20 workloads of every kind, valid unless `faults` are given.
///
/// The kinds a fault needs (a container for [`Fault::ContainerFlist`], ...) are always
/// present; `json` holds the JSON of `data_reservation` (computed after the faults that
/// concern the data, so only [`Fault::JsonMismatch`] breaks that rule).
pub fn reservation(seed: u64, faults: &[Fault]) -> Value {
    let mut rng = Rng::new(seed);
    let parts = Parts::new(&mut rng);
    let total = 1 + rng.below(20) as usize;
    let mut kinds: Vec<WorkloadType> = Vec::new();
    for f in faults {
        for k in f.needs() {
            if !kinds.contains(k) {
                kinds.push(*k);
            }
        }
    }
    let all = [
        WorkloadType::Container,
        WorkloadType::Volume,
        WorkloadType::Zdb,
        WorkloadType::Kubernetes,
        WorkloadType::Network,
        WorkloadType::NetworkResource,
        WorkloadType::Proxy,
        WorkloadType::ReverseProxy,
        WorkloadType::Subdomain,
        WorkloadType::DomainDelegate,
        WorkloadType::Gateway4To6,
    ];
    while kinds.len() < total {
        kinds.push(*rng.pick(&all));
    }
    let mut data = ReservationData {
        description: rng
            .pick(&["", "web shop", "backup cluster", "test deployment"])
            .to_string(),
        currencies: if rng.chance(2) {
            Some(vec!["TFT".into()])
        } else {
            None
        },
        signing_request_provision: parts.signing_request(&mut rng),
        signing_request_delete: parts.signing_request(&mut rng),
        expiration_provisioning: (NOW + 3_600 * (1 + rng.below(48) as i64)).into(),
        ..ReservationData::default()
    };
    data.expiration_reservation =
        (data.expiration_provisioning.seconds() + 86_400 * (1 + rng.below(60) as i64)).into();
    for (i, kind) in kinds.iter().enumerate() {
        let id = i as i64 + 1;
        match kind {
            WorkloadType::Container => push(&mut data.containers, parts.container(&mut rng, id)),
            WorkloadType::Volume => push(&mut data.volumes, parts.volume(&mut rng, id)),
            WorkloadType::Zdb => push(&mut data.zdbs, parts.zdb(&mut rng, id)),
            WorkloadType::Kubernetes => push(&mut data.kubernetes, parts.k8s(&mut rng, id)),
            WorkloadType::Network => push(&mut data.networks, parts.network(&mut rng, id)),
            WorkloadType::NetworkResource => push(
                &mut data.network_resource,
                parts.network_resource(&mut rng, id),
            ),
            WorkloadType::Proxy => push(&mut data.proxies, parts.proxy(&mut rng, id)),
            WorkloadType::ReverseProxy => {
                push(&mut data.reverse_proxies, parts.reverse_proxy(&mut rng, id))
            }
            WorkloadType::Subdomain => push(&mut data.subdomains, parts.subdomain(&mut rng, id)),
            WorkloadType::DomainDelegate => {
                push(&mut data.domain_delegates, parts.delegate(&mut rng, id))
            }
            WorkloadType::Gateway4To6 => {
                push(&mut data.gateway4to6, parts.gateway4to6(&mut rng, id))
            }
        }
    }
    let mut data = serde_json::to_value(&data).unwrap_or(Value::Null);
    let target = Target::Reservation;
    for f in faults.iter().filter(|f| f.in_data()) {
        apply(*f, target, &mut data, &mut rng, &parts);
    }
    let reservation = Reservation {
        id: 1 + rng.below(30_000) as i64,
        json: data.to_string(),
        customer_tid: parts.customer,
        customer_signature: rng.hex(64).into(),
        next_action: *rng.pick(&[
            super::NextAction::Create,
            super::NextAction::Sign,
            super::NextAction::Deploy,
        ]),
        epoch: (NOW - rng.below(86_400) as i64).into(),
        metadata: rng
            .pick(&["", "{\"app\":\"web\"}", "created by tfuser"])
            .to_string(),
        ..Reservation::default()
    };
    let mut doc = serde_json::to_value(&reservation).unwrap_or(Value::Null);
    if let Some(slot) = doc.pointer_mut("/data_reservation") {
        *slot = data;
    }
    for f in faults.iter().filter(|f| !f.in_data()) {
        apply(*f, target, &mut doc, &mut rng, &parts);
    }
    doc
}

fn push<T>(list: &mut Option<Vec<T>>, item: T) {
    list.get_or_insert_with(Vec::new).push(item);
}

/// A workload document of `kind` (all `ReservationInfo` fields set as the workload API
/// writes them), valid unless `faults` are given; faults that do not concern this kind
/// are ignored (see [`Fault::applies_to`]).
///
/// `network` has no document of its own: it gives the legacy [`Network`](super::Network).
pub fn workload(kind: WorkloadType, seed: u64, faults: &[Fault]) -> Value {
    let mut rng = Rng::new(seed);
    let parts = Parts::new(&mut rng);
    let id = 1 + rng.below(50) as i64;
    macro_rules! info {
        ($make:ident) => {{
            let w = parts.$make(&mut rng, id);
            info_and(&parts, &mut rng, w)
        }};
    }
    let mut doc = match kind {
        WorkloadType::Container => info!(container),
        WorkloadType::Volume => info!(volume),
        WorkloadType::Zdb => info!(zdb),
        WorkloadType::Kubernetes => info!(k8s),
        WorkloadType::NetworkResource => info!(network_resource),
        WorkloadType::Proxy => info!(proxy),
        WorkloadType::ReverseProxy => info!(reverse_proxy),
        WorkloadType::Subdomain => info!(subdomain),
        WorkloadType::DomainDelegate => info!(delegate),
        WorkloadType::Gateway4To6 => info!(gateway4to6),
        WorkloadType::Network => {
            serde_json::to_value(parts.network(&mut rng, id)).unwrap_or(Value::Null)
        }
    };
    let target = Target::Workload(kind);
    for f in faults {
        apply(*f, target, &mut doc, &mut rng, &parts);
    }
    doc
}

/// Fills in the `ReservationInfo` fields of a workload of the workload API.
fn info_and<W: Workloader + serde::Serialize>(parts: &Parts, rng: &mut Rng, w: W) -> Value {
    let mut doc = serde_json::to_value(&w).unwrap_or(Value::Null);
    let kind = W::KIND.unwrap_or_default();
    let deployed = rng.chance(2);
    let id = 1 + rng.below(30_000) as i64;
    let info = json!({
        "pool_id": parts.pool,
        "description": rng.pick(&["", "frontend", "storage for the shop"]),
        "id": id,
        "customer_tid": parts.customer,
        "customer_signature": rng.hex(64),
        "next_action": if deployed { 3 } else { 0 },
        "signatures_provision": [],
        "signatures_delete": [],
        "epoch": NOW - rng.below(86_400) as i64,
        "metadata": rng.pick(&["", "{\"app\":\"web\"}"]),
        "workload_type": kind.to_int(),
    });
    if let (Some(d), Some(i)) = (doc.as_object_mut(), info.as_object()) {
        for (k, v) in i {
            d.insert(k.clone(), v.clone());
        }
        if deployed {
            let result = parts.result(
                rng,
                kind,
                &format!("{id}-{}", W::workload_id(&w)),
                W::node_id(&w),
            );
            d.insert(
                "result".into(),
                serde_json::to_value(result).unwrap_or(Value::Null),
            );
        }
    }
    doc
}

/// A generated document and what it is.
#[derive(Debug, Clone)]
pub struct Generated {
    /// What kind of document it is.
    pub target: Target,
    /// The fault put into it, if any.
    pub fault: Option<Fault>,
    /// The document.
    pub doc: Value,
}

/// A document of any target, chosen by the seed (one in four is a reservation), valid or
/// with one random fault that applies to it.
pub fn document(seed: u64, faulty: bool) -> Generated {
    let mut rng = Rng::new(seed ^ 0x5eed);
    let target = if rng.chance(4) {
        Target::Reservation
    } else {
        Target::Workload(*rng.pick(WORKLOAD_KINDS))
    };
    let fault = faulty.then(|| {
        let usable: Vec<Fault> = Fault::ALL
            .iter()
            .copied()
            .filter(|f| f.applies_to(target))
            .collect();
        *rng.pick(&usable)
    });
    let faults: Vec<Fault> = fault.into_iter().collect();
    let doc = match target {
        Target::Reservation => reservation(seed, &faults),
        Target::Workload(kind) => workload(kind, seed, &faults),
    };
    Generated { target, fault, doc }
}
