//! Every 0-OS type by name ([`registry()`], [`find`]) and the guess of a document's type
//! ([`detect`]).

use std::sync::LazyLock;

use serde_json::{Map, Value};

use super::*;
use crate::registry::TypeInfo;
use crate::StrEnum;

static REGISTRY: LazyLock<Vec<TypeInfo>> = LazyLock::new(|| {
    vec![
        // Whole documents.
        TypeInfo::of::<Reservation>(
            "Reservation",
            "A legacy reservation: signed reservation data and its state",
        ),
        TypeInfo::of::<ContainerWorkload>(
            "ContainerWorkload",
            "A container workload document (workload API)",
        ),
        TypeInfo::of::<VolumeWorkload>(
            "VolumeWorkload",
            "A volume workload document (workload API)",
        ),
        TypeInfo::of::<ZdbWorkload>(
            "ZdbWorkload",
            "A 0-db namespace workload document (workload API)",
        ),
        TypeInfo::of::<K8SWorkload>(
            "K8SWorkload",
            "A Kubernetes virtual machine workload document (workload API)",
        ),
        TypeInfo::of::<NetworkResourceWorkload>(
            "NetworkResourceWorkload",
            "A network resource workload document (workload API)",
        ),
        TypeInfo::of::<GatewayProxyWorkload>(
            "GatewayProxyWorkload",
            "A gateway TCP proxy workload document",
        ),
        TypeInfo::of::<GatewayReverseProxyWorkload>(
            "GatewayReverseProxyWorkload",
            "A gateway reverse proxy workload document",
        ),
        TypeInfo::of::<GatewaySubdomainWorkload>(
            "GatewaySubdomainWorkload",
            "A gateway sub-domain workload document",
        ),
        TypeInfo::of::<GatewayDelegateWorkload>(
            "GatewayDelegateWorkload",
            "A gateway domain delegation workload document",
        ),
        TypeInfo::of::<Gateway4To6Workload>(
            "Gateway4To6Workload",
            "A gateway IPv4-to-IPv6 tunnel workload document",
        ),
        // Parts and legacy fragments.
        TypeInfo::of::<ReservationData>(
            "ReservationData",
            "What a legacy reservation reserves (its signed data)",
        ),
        TypeInfo::of::<ReservationInfo>(
            "ReservationInfo",
            "The fields common to every workload of the workload API",
        ),
        TypeInfo::of::<SigningRequest>("SigningRequest", "Who must sign, and how many of them"),
        TypeInfo::of::<SigningSignature>("SigningSignature", "One signature of a signing request"),
        TypeInfo::of::<Result>("Result", "What a node reports about one workload"),
        TypeInfo::of::<Workload>(
            "Workload",
            "An entry of the explorer's queue of work for the nodes",
        ),
        TypeInfo::of::<Container>(
            "Container",
            "A container, as listed in a legacy reservation",
        ),
        TypeInfo::of::<ContainerCapacity>(
            "ContainerCapacity",
            "The CPU, memory and root disk of a container",
        ),
        TypeInfo::of::<ContainerMount>("ContainerMount", "A volume mounted in a container"),
        TypeInfo::of::<NetworkConnection>("NetworkConnection", "A network a container joins"),
        TypeInfo::of::<Logs>("Logs", "Where a container's output goes"),
        TypeInfo::of::<LogsRedis>(
            "LogsRedis",
            "The Redis channels of a container's output streams",
        ),
        TypeInfo::of::<StatsAggregator>(
            "StatsAggregator",
            "A Redis server that collects statistics",
        ),
        TypeInfo::of::<Volume>("Volume", "A volume, as listed in a legacy reservation"),
        TypeInfo::of::<Zdb>("Zdb", "A 0-db namespace, as listed in a legacy reservation"),
        TypeInfo::of::<K8S>(
            "K8S",
            "A Kubernetes virtual machine, as listed in a legacy reservation",
        ),
        TypeInfo::of::<Network>(
            "Network",
            "A private network of the legacy model, over several nodes",
        ),
        TypeInfo::of::<NetworkNetResource>(
            "NetworkNetResource",
            "The part of a legacy network on one node",
        ),
        TypeInfo::of::<WireguardPeer>("WireguardPeer", "A WireGuard peer of a network resource"),
        TypeInfo::of::<NetworkResource>(
            "NetworkResource",
            "One node's part of a network, as listed in a reservation",
        ),
        TypeInfo::of::<GatewayProxy>(
            "GatewayProxy",
            "A gateway TCP proxy, as listed in a reservation",
        ),
        TypeInfo::of::<GatewayReverseProxy>(
            "GatewayReverseProxy",
            "A gateway reverse proxy, as listed in a reservation",
        ),
        TypeInfo::of::<GatewaySubdomain>(
            "GatewaySubdomain",
            "A gateway sub-domain, as listed in a reservation",
        ),
        TypeInfo::of::<GatewayDelegate>(
            "GatewayDelegate",
            "A gateway domain delegation, as listed in a reservation",
        ),
        TypeInfo::of::<Gateway4To6>(
            "Gateway4To6",
            "A gateway IPv4-to-IPv6 tunnel, as listed in a reservation",
        ),
        // Enums.
        TypeInfo::of::<NextAction>(
            "NextAction",
            "What happens next to a reservation or workload",
        ),
        TypeInfo::of::<ResultState>("ResultState", "The outcome a node reports"),
        TypeInfo::of::<ResultCategory>("ResultCategory", "The first explorer's kinds of results"),
        TypeInfo::of::<VolumeType>("VolumeType", "The storage medium of a volume"),
        TypeInfo::of::<DiskType>(
            "DiskType",
            "The storage medium of a 0-db namespace or a container's root",
        ),
        TypeInfo::of::<ZdbMode>("ZdbMode", "How a 0-db namespace stores keys"),
        TypeInfo::of::<WorkloadType>("WorkloadType", "The kind of a workload"),
    ]
});

/// Every registered 0-OS type, by name, with a one-line description: first the whole
/// documents (a reservation and each workload document), then their parts and the legacy
/// fragments, then the enums.
pub fn registry() -> &'static [TypeInfo] {
    &REGISTRY
}

/// The registered type called `name` (exact, then ignoring ASCII case).
pub fn find(name: &str) -> Option<&'static TypeInfo> {
    let all = registry();
    all.iter()
        .find(|t| t.name() == name)
        .or_else(|| all.iter().find(|t| t.name().eq_ignore_ascii_case(name)))
}

/// The registered name of the workload document of `kind` (`None` for `network`, which
/// has no document of its own).
pub fn workload_document(kind: WorkloadType) -> Option<&'static str> {
    Some(match kind {
        WorkloadType::Zdb => "ZdbWorkload",
        WorkloadType::Container => "ContainerWorkload",
        WorkloadType::Volume => "VolumeWorkload",
        WorkloadType::Network => return None,
        WorkloadType::Kubernetes => "K8SWorkload",
        WorkloadType::Proxy => "GatewayProxyWorkload",
        WorkloadType::ReverseProxy => "GatewayReverseProxyWorkload",
        WorkloadType::Subdomain => "GatewaySubdomainWorkload",
        WorkloadType::DomainDelegate => "GatewayDelegateWorkload",
        WorkloadType::Gateway4To6 => "Gateway4To6Workload",
        WorkloadType::NetworkResource => "NetworkResourceWorkload",
    })
}

/// A first guess at the type of the document `bytes`, from a search for two keys
/// rather than a parse: `"data_reservation"` guesses a [`Reservation`]; otherwise the
/// first `"workload_type"` key followed by an integer or a name guesses the workload
/// document of that kind. `None` when neither is found.
///
/// Only a guess: the key found may be nested, or the document may not be what it
/// says. A caller decodes the document as the guess and confirms it with [`detect`]
/// on the top level the decoder saw ([`TypeInfo::valid_bytes_top`]); a wrong guess
/// only costs that decoding.
pub fn guess(bytes: &[u8]) -> Option<&'static TypeInfo> {
    if memchr::memmem::find(bytes, b"\"data_reservation\"").is_some() {
        return find("Reservation");
    }
    let key = b"\"workload_type\"";
    let at = memchr::memmem::find(bytes, key)? + key.len();
    let ws = |b: &&u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
    let rest = bytes.get(at..)?;
    let rest = rest.get(rest.iter().take_while(ws).count()..)?;
    let rest = rest.strip_prefix(b":")?;
    let rest = rest.get(rest.iter().take_while(ws).count()..)?;
    let kind = if let Some(name) = rest.strip_prefix(b"\"") {
        let end = name.iter().position(|&b| b == b'"' || b == b'\\')?;
        WorkloadType::from_name(std::str::from_utf8(&name[..end]).ok()?)?
    } else {
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        let n = std::str::from_utf8(&rest[..digits]).ok()?.parse().ok()?;
        WorkloadType::from_int(n)?
    };
    find(workload_document(kind)?)
}

/// The registered type a document most likely is.
///
/// - an object with `data_reservation` is a [`Reservation`];
/// - an object with `workload_type` (its integer value, or its name) is the workload
///   document of that kind; but a `0` (the zero value) with neither `pool_id` nor
///   `customer_tid` is a legacy fragment written in full (`Zdb`, `Volume`, ... as its
///   keys say), and a value its keys contradict gives the document of the kind the keys
///   say (so that validation reports the wrong `workload_type`);
/// - otherwise the keys that only one type has decide (`flist` is a container,
///   `network_resources` a legacy network, `mode` a zdb, ...).
///
/// `None` when the document is not an object or nothing matches.
pub fn detect(doc: &Value) -> Option<&'static TypeInfo> {
    let obj = doc.as_object()?;
    if obj.contains_key("data_reservation") {
        return find("Reservation");
    }
    let keys = by_keys(obj);
    if let Some(t) = obj.get("workload_type") {
        let kind = match t {
            Value::Number(n) => n.as_i64().and_then(WorkloadType::from_int),
            Value::String(s) => WorkloadType::from_name(s),
            _ => None,
        };
        let keys_kind = keys.and_then(fragment_kind);
        let zero = |k: &str| obj.get(k).is_none_or(|v| v == 0);
        let name = match (kind, keys_kind) {
            // `0` with no pool and no customer is what a legacy fragment written in full
            // (every `ReservationInfo` key at its zero value) says: trust the keys.
            (Some(WorkloadType::Zdb), Some(_)) if zero("pool_id") && zero("customer_tid") => keys,
            // A workload document whose `workload_type` is wrong: validating it as the
            // kind its keys say reports that (`rule.workload_type`).
            (Some(k), Some(kk)) if k != kk => workload_document(kk),
            (Some(k), _) => workload_document(k),
            (None, Some(kk)) => workload_document(kk),
            (None, None) => None,
        };
        if let Some(name) = name {
            return find(name);
        }
    }
    by_keys(obj).and_then(find)
}

/// The kind of workload a legacy fragment type holds.
fn fragment_kind(name: &str) -> Option<WorkloadType> {
    Some(match name {
        "Container" => WorkloadType::Container,
        "Volume" => WorkloadType::Volume,
        "Zdb" => WorkloadType::Zdb,
        "K8S" => WorkloadType::Kubernetes,
        "NetworkResource" => WorkloadType::NetworkResource,
        "GatewayProxy" => WorkloadType::Proxy,
        "GatewayReverseProxy" => WorkloadType::ReverseProxy,
        "GatewaySubdomain" => WorkloadType::Subdomain,
        "GatewayDelegate" => WorkloadType::DomainDelegate,
        "Gateway4To6" => WorkloadType::Gateway4To6,
        _ => return None,
    })
}

fn by_keys(obj: &Map<String, Value>) -> Option<&'static str> {
    let has = |k: &str| obj.contains_key(k);
    let name = if has("json") && (has("signatures_farmer") || has("results")) {
        "Reservation"
    } else if has("flist") || has("secret_environment") || has("network_connection") {
        "Container"
    } else if has("network_resources") {
        "Network"
    } else if has("master_ips") || has("cluster_secret") || has("ssh_keys") {
        "K8S"
    } else if has("network_iprange") {
        "NetworkResource"
    } else if has("wireguard_listen_port") || has("wireguard_private_key_encrypted") {
        "NetworkNetResource"
    } else if has("mode") || has("password") {
        "Zdb"
    } else if has("size") && has("type") {
        "Volume"
    } else if has("port_tls") || (has("domain") && has("addr")) {
        "GatewayProxy"
    } else if has("domain") && has("secret") {
        "GatewayReverseProxy"
    } else if has("domain") && has("ips") {
        "GatewaySubdomain"
    } else if has("domain") {
        "GatewayDelegate"
    } else if has("public_key") && !has("allowed_iprange") {
        "Gateway4To6"
    } else if has("containers") || has("expiration_reservation") || has("networks") || has("zdbs") {
        "ReservationData"
    } else if has("category") && has("state") {
        "Result"
    } else if has("user") && has("content") {
        "Workload"
    } else if has("signers") || has("quorum_min") {
        "SigningRequest"
    } else if has("tid") {
        "SigningSignature"
    } else if has("allowed_iprange") {
        "WireguardPeer"
    } else if has("customer_tid") || has("pool_id") {
        "ReservationInfo"
    } else {
        return None;
    };
    Some(name)
}
