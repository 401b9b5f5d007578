//! The faults the [generator](super::generator) can put into a document: one per rule and
//! per kind of constraint, each at one known place.

use serde_json::{json, Value};

use super::enums::WorkloadType;
use super::generator::{Target, NOW};
use super::parts::{Parts, Rng};

/// One way to break a generated document. [`Fault::code`] is the violation code its
/// report then holds (the clock rules need [`Options::at`](crate::Options::at)`(NOW)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Fault {
    /// `customer_tid` is 0.
    CustomerTid,
    /// `customer_signature` is empty.
    CustomerSignature,
    /// `customer_signature` is not 128 hex digits.
    Signature,
    /// `metadata` is over 1024 bytes.
    MetadataSize,
    /// A misspelt key (`customer_tdi`).
    UnknownField,
    /// `customer_tid` is a string.
    WrongType,
    /// `pool_id` is 0 (workload documents).
    PoolId,
    /// `workload_type` names another kind (workload documents).
    WorkloadType,
    /// `data_reservation` was edited after `json` was written.
    JsonMismatch,
    /// A volume reuses a container's workload id.
    DuplicateWorkloadId,
    /// A container's root file system is on HDD.
    DiskTypeHdd,
    /// `expiration_provisioning` is after `expiration_reservation`.
    ExpirationOrder,
    /// The reservation expired before [`NOW`].
    Expired,
    /// `quorum_min` is more than the number of signers.
    Quorum,
    /// A signer is listed twice.
    SignersUnique,
    /// A container has no flist.
    ContainerFlist,
    /// A container has no network connection.
    NetworkConnection,
    /// A container's flist is not an http(s) URL.
    Url,
    /// A container's address is not an IP address.
    Ip,
    /// A container mounts a volume with an empty id.
    NonEmpty,
    /// A container's log sink is not `redis`.
    LogType,
    /// A container's log target is not a `redis://` URL.
    LogTarget,
    /// A statistics aggregator has no address.
    StatsAggregator,
    /// A zdb password is not hex.
    SecretHex,
    /// A volume's size is 0.
    Range,
    /// A Kubernetes machine has size 3.
    K8sSize,
    /// A network resource has no listen port.
    NetworkResource,
    /// A WireGuard peer has no allowed range.
    WireguardPeer,
    /// A network resource's range is not a CIDR.
    Cidr,
    /// A WireGuard peer's endpoint has port 0.
    Endpoint,
    /// A 4-to-6 tunnel's public key is not a WireGuard key.
    WireguardKey,
    /// A proxy's domain is not a host name.
    Hostname,
    /// A proxy's address is neither an IP address nor a host name.
    Host,
}

impl Fault {
    /// Every fault.
    pub const ALL: &'static [Fault] = &[
        Fault::CustomerTid,
        Fault::CustomerSignature,
        Fault::Signature,
        Fault::MetadataSize,
        Fault::UnknownField,
        Fault::WrongType,
        Fault::PoolId,
        Fault::WorkloadType,
        Fault::JsonMismatch,
        Fault::DuplicateWorkloadId,
        Fault::DiskTypeHdd,
        Fault::ExpirationOrder,
        Fault::Expired,
        Fault::Quorum,
        Fault::SignersUnique,
        Fault::ContainerFlist,
        Fault::NetworkConnection,
        Fault::Url,
        Fault::Ip,
        Fault::NonEmpty,
        Fault::LogType,
        Fault::LogTarget,
        Fault::StatsAggregator,
        Fault::SecretHex,
        Fault::Range,
        Fault::K8sSize,
        Fault::NetworkResource,
        Fault::WireguardPeer,
        Fault::Cidr,
        Fault::Endpoint,
        Fault::WireguardKey,
        Fault::Hostname,
        Fault::Host,
    ];

    /// The code of the violation this fault causes.
    pub fn code(self) -> &'static str {
        match self {
            Fault::CustomerTid => "rule.customer_tid",
            Fault::CustomerSignature => "rule.customer_signature",
            Fault::Signature => "format.signature",
            Fault::MetadataSize => "rule.metadata_size",
            Fault::UnknownField => "unknown_field",
            Fault::WrongType => "type",
            Fault::PoolId => "rule.pool_id",
            Fault::WorkloadType => "rule.workload_type",
            Fault::JsonMismatch => "rule.json_mismatch",
            Fault::DuplicateWorkloadId => "rule.duplicate_workload_id",
            Fault::DiskTypeHdd => "rule.disk_type_ssd",
            Fault::ExpirationOrder => "rule.expiration_order",
            Fault::Expired => "rule.expired",
            Fault::Quorum => "rule.quorum",
            Fault::SignersUnique => "rule.signers_unique",
            Fault::ContainerFlist => "rule.container_flist",
            Fault::NetworkConnection => "rule.network_connection",
            Fault::Url => "format.url",
            Fault::Ip => "format.ip",
            Fault::NonEmpty => "non_empty",
            Fault::LogType => "rule.log_type",
            Fault::LogTarget => "format.log_target",
            Fault::StatsAggregator => "rule.stats_aggregator",
            Fault::SecretHex => "format.hex",
            Fault::Range => "range",
            Fault::K8sSize => "rule.k8s_size",
            Fault::NetworkResource => "rule.network_resource",
            Fault::WireguardPeer => "rule.wireguard_peer",
            Fault::Cidr => "format.cidr",
            Fault::Endpoint => "format.endpoint",
            Fault::WireguardKey => "format.wireguard_key",
            Fault::Hostname => "format.hostname",
            Fault::Host => "format.host",
        }
    }

    /// Whether the violation is a cross-field rule (which a JSON Schema cannot express).
    pub fn is_rule(self) -> bool {
        self.code().starts_with("rule.")
    }

    /// The kind of workload the fault is put into (`None`: the document's own fields).
    pub fn kind(self) -> Option<WorkloadType> {
        Some(match self {
            Fault::ContainerFlist
            | Fault::NetworkConnection
            | Fault::Url
            | Fault::Ip
            | Fault::NonEmpty
            | Fault::LogType
            | Fault::LogTarget
            | Fault::DiskTypeHdd => WorkloadType::Container,
            Fault::StatsAggregator | Fault::SecretHex => WorkloadType::Zdb,
            Fault::Range => WorkloadType::Volume,
            Fault::K8sSize => WorkloadType::Kubernetes,
            Fault::NetworkResource | Fault::WireguardPeer | Fault::Cidr | Fault::Endpoint => {
                WorkloadType::NetworkResource
            }
            Fault::WireguardKey => WorkloadType::Gateway4To6,
            Fault::Hostname | Fault::Host => WorkloadType::Proxy,
            _ => return None,
        })
    }

    /// The workload kinds a reservation needs for this fault.
    pub fn needs(self) -> &'static [WorkloadType] {
        match (self, self.kind()) {
            (Fault::DuplicateWorkloadId, _) => &[WorkloadType::Container, WorkloadType::Volume],
            (_, Some(WorkloadType::Container)) => &[WorkloadType::Container],
            (_, Some(WorkloadType::Zdb)) => &[WorkloadType::Zdb],
            (_, Some(WorkloadType::Volume)) => &[WorkloadType::Volume],
            (_, Some(WorkloadType::Kubernetes)) => &[WorkloadType::Kubernetes],
            (_, Some(WorkloadType::NetworkResource)) => &[WorkloadType::NetworkResource],
            (_, Some(WorkloadType::Gateway4To6)) => &[WorkloadType::Gateway4To6],
            (_, Some(WorkloadType::Proxy)) => &[WorkloadType::Proxy],
            _ => &[],
        }
    }

    /// Whether the fault can be put into a document of `target`.
    pub fn applies_to(self, target: Target) -> bool {
        match (self, target) {
            (Fault::PoolId | Fault::WorkloadType, Target::Reservation) => false,
            (
                Fault::JsonMismatch
                | Fault::DuplicateWorkloadId
                | Fault::DiskTypeHdd
                | Fault::ExpirationOrder
                | Fault::Expired,
                Target::Workload(_),
            ) => false,
            (_, Target::Reservation) => true,
            (_, Target::Workload(kind)) => self.kind().is_none_or(|k| k == kind),
        }
    }

    /// Whether, in a reservation, the fault is in `data_reservation` (put there before
    /// `json` is written, so that `json` still matches).
    pub fn in_data(self) -> bool {
        self.kind().is_some()
            || matches!(
                self,
                Fault::DuplicateWorkloadId
                    | Fault::ExpirationOrder
                    | Fault::Expired
                    | Fault::Quorum
                    | Fault::SignersUnique
            )
    }
}

fn list_of(kind: WorkloadType) -> &'static str {
    match kind {
        WorkloadType::Zdb => "zdbs",
        WorkloadType::Container => "containers",
        WorkloadType::Volume => "volumes",
        WorkloadType::Network => "networks",
        WorkloadType::Kubernetes => "kubernetes",
        WorkloadType::Proxy => "proxies",
        WorkloadType::ReverseProxy => "reverse_proxies",
        WorkloadType::Subdomain => "subdomains",
        WorkloadType::DomainDelegate => "domain_delegates",
        WorkloadType::Gateway4To6 => "gateway4to6",
        WorkloadType::NetworkResource => "network_resource",
    }
}

fn set(doc: &mut Value, pointer: &str, value: Value) {
    if let Some(slot) = doc.pointer_mut(pointer) {
        *slot = value;
    } else if let Some((parent, key)) = pointer.rsplit_once('/') {
        if let Some(Value::Object(m)) = doc.pointer_mut(parent) {
            m.insert(key.to_string(), value);
        }
    }
}

/// Puts `fault` into `doc` (a document of `target`; for a reservation, `doc` is the data
/// when [`Fault::in_data`] and the whole reservation otherwise). Faults that do not apply
/// to `target` are ignored.
pub(crate) fn apply(fault: Fault, target: Target, doc: &mut Value, rng: &mut Rng, parts: &Parts) {
    if !fault.applies_to(target) {
        return;
    }
    let at = |rel: &str| match (target, fault.kind()) {
        (Target::Reservation, Some(kind)) => format!("/{}/0{rel}", list_of(kind)),
        _ => rel.to_string(),
    };
    let signers = "/signing_request_provision";
    match fault {
        Fault::CustomerTid => set(doc, "/customer_tid", json!(0)),
        Fault::CustomerSignature => set(doc, "/customer_signature", json!("")),
        Fault::Signature => set(doc, "/customer_signature", json!(rng.hex(30))),
        Fault::MetadataSize => set(doc, "/metadata", json!("m".repeat(1100))),
        Fault::UnknownField => set(doc, "/customer_tdi", json!(parts.customer)),
        Fault::WrongType => set(doc, "/customer_tid", json!(parts.customer.to_string())),
        Fault::PoolId => set(doc, "/pool_id", json!(0)),
        Fault::WorkloadType => {
            let now = doc
                .pointer("/workload_type")
                .and_then(Value::as_i64)
                .unwrap_or(0);
            set(doc, "/workload_type", json!((now + 1) % 11));
        }
        Fault::JsonMismatch => {
            let d = doc
                .pointer("/data_reservation/description")
                .and_then(Value::as_str)
                .unwrap_or("");
            let edited = format!("{d} (edited)");
            set(doc, "/data_reservation/description", json!(edited));
        }
        Fault::DuplicateWorkloadId => {
            let id = doc
                .pointer("/containers/0/workload_id")
                .cloned()
                .unwrap_or(json!(1));
            set(doc, "/volumes/0/workload_id", id);
        }
        Fault::DiskTypeHdd => set(doc, &at("/capacity/disk_type"), json!(0)),
        Fault::ExpirationOrder => {
            let end = doc
                .pointer("/expiration_reservation")
                .and_then(Value::as_i64)
                .unwrap_or(NOW);
            set(doc, "/expiration_provisioning", json!(end + 60));
        }
        Fault::Expired => {
            set(doc, "/expiration_provisioning", json!(NOW - 7_200));
            set(doc, "/expiration_reservation", json!(NOW - 60));
        }
        Fault::Quorum => {
            set(
                doc,
                &format!("{signers}/signers"),
                json!([parts.customer, parts.customer + 1]),
            );
            set(doc, &format!("{signers}/quorum_min"), json!(3));
        }
        Fault::SignersUnique => {
            set(
                doc,
                &format!("{signers}/signers"),
                json!([parts.customer, parts.farmer + 5_000, parts.customer]),
            );
            set(doc, &format!("{signers}/quorum_min"), json!(1));
        }
        Fault::ContainerFlist => set(doc, &at("/flist"), json!("")),
        Fault::NetworkConnection => set(doc, &at("/network_connection"), json!([])),
        Fault::Url => set(
            doc,
            &at("/flist"),
            json!("ftp://hub.grid.tf/tf-official-apps/base:latest.flist"),
        ),
        Fault::Ip => set(
            doc,
            &at("/network_connection/0/ipaddress"),
            json!("10.1.2.300"),
        ),
        Fault::NonEmpty => set(
            doc,
            &at("/volumes"),
            json!([{ "volume_id": "", "mountpoint": "/data" }]),
        ),
        Fault::LogType => set(
            doc,
            &at("/logs"),
            json!([{ "type": "syslog", "data": { "stdout": "redis://10.1.2.3:6379/out", "stderr": "" } }]),
        ),
        Fault::LogTarget => set(
            doc,
            &at("/logs"),
            json!([{ "type": "redis", "data": { "stdout": "http://logs.example.com/out", "stderr": "" } }]),
        ),
        Fault::StatsAggregator => set(
            doc,
            &at("/stats_aggregator"),
            json!([{ "addr": "", "port": 6379, "secret": "" }]),
        ),
        Fault::SecretHex => set(doc, &at("/password"), json!("correct horse battery staple")),
        Fault::Range => set(doc, &at("/size"), json!(0)),
        Fault::K8sSize => set(doc, &at("/size"), json!(3)),
        Fault::NetworkResource => set(doc, &at("/wireguard_listen_port"), json!(0)),
        Fault::WireguardPeer => set(doc, &at("/peers/0/allowed_iprange"), json!([])),
        Fault::Cidr => set(doc, &at("/iprange"), json!("10.1.1.0/33")),
        Fault::Endpoint => set(doc, &at("/peers/0/endpoint"), json!("185.69.166.1:0")),
        Fault::WireguardKey => set(doc, &at("/public_key"), json!("not-a-wireguard-key")),
        Fault::Hostname => set(doc, &at("/domain"), json!("shop_1.gateway.grid.tf")),
        Fault::Host => set(doc, &at("/addr"), json!("185.69.166.1:8080")),
    }
}
