//! Our schemas held against the original's own descriptions in
//! `../shared/fixtures/original/`: the OpenAPI files of both explorer APIs
//! (`components.schemas`) and the `.toml` schema sources the Go types were generated
//! from. Every field they describe exists in ours under the same wire name with a
//! compatible JSON type, and the names of every `(E)` enum are ours, in order. Each
//! deliberate difference is listed below with its reason.
//!
//! When the folder is absent the tests print why and pass, unless `CI=true`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use schemas::zos;
use serde_json::Value;

/// `(original type, field)` pairs whose difference is deliberate, with the reason.
const DIFFERENCES: &[(&str, &str, &str)] = &[
    ("Reservation", "result", "legacy OpenAPI typo: the Go type writes `results`"),
    ("DataReservation_signing_request_provision", "quorom_min", "OpenAPI typo: the Go type writes `quorum_min`"),
    ("SigningSignature", "tid", "OpenAPI says string; the Go type (and every document) has an int64 3Bot id"),
    ("Kubernetes", "network_id", "OpenAPI says integer; the Go type (and every document) has the network's name"),
    ("K8SWorkload", "network_id", "OpenAPI says integer; the Go type (and every document) has the network's name"),
    ("StatsAggregator", "type", "OpenAPI describes the later Go stub (type + data.endpoint); ours is the seed's addr/port/secret"),
    ("StatsAggregator", "data", "OpenAPI describes the later Go stub (type + data.endpoint); ours is the seed's addr/port/secret"),
    ("NetworkResourceWorkload", "network_iprange ", "OpenAPI typo (trailing space): the field is `network_iprange`"),
    ("NetworkResourceWorkload", "iprange ", "OpenAPI typo (trailing space): the field is `iprange`"),
    ("WireguardPeer", "allowed_iprange", "OpenAPI says string; the Go type is a list of ranges, as the .toml's (Liprange)"),
    ("ReservationWorkload_content", "workload_id", "OpenAPI says string; a network's workload_id is an int64"),
    ("Container_environment", "pub_key", "an example key of the free environment map, not a field"),
    ("tfgrid.workloads.reservation.container.logs.1", "data", "the .toml says a list (LO); the generated Go type, and every document, hold one LogsRedis object"),
    ("tfgrid.workloads.reservation.gateway.proxy.1", "destination", "first-generation field, replaced by addr + port + port_tls before gateways were deployed"),
    ("tfgrid.workloads.reservation.gateway.subdomain.1", "ip", "first-generation field, renamed `ips` before gateways were deployed"),
];

/// Original enum fields whose names differ from ours only by case, or which decode as
/// another enum, with the reason.
const ENUM_NOTES: &[(&str, &str, &str)] = &[
    ("tfgrid.workloads.reservation.container.capacity.1", "disk_type", "the .toml says HDD,SSD; the Go DiskType (shared with zdb) says hdd, ssd: same values"),
    ("tfgrid.workloads.reservation.result.1", "category", "decoded as WorkloadType (the explorer wrote those numbers); the .toml names are ResultCategory's"),
];

fn original_dir() -> Option<PathBuf> {
    zos_schema_tests::original_fixtures()
}

fn is_deliberate(owner: &str, field: &str) -> bool {
    DIFFERENCES
        .iter()
        .any(|(o, f, _)| *o == owner && *f == field)
}

/// Our schema of a registered type: its properties and `$defs`.
struct Ours {
    schema: Value,
}

impl Ours {
    fn of(name: &str) -> Ours {
        let t = zos::find(name).unwrap_or_else(|| panic!("{name} is not registered"));
        Ours { schema: t.schema() }
    }

    fn resolve<'a>(&'a self, s: &'a Value) -> &'a Value {
        match s.get("$ref").and_then(Value::as_str) {
            Some(r) => {
                let name = r.trim_start_matches("#/$defs/");
                self.resolve(&self.schema["$defs"][name])
            }
            None => s,
        }
    }

    fn property(&self, field: &str) -> Option<&Value> {
        self.schema["properties"]
            .get(field)
            .map(|p| self.resolve(p))
    }

    /// The JSON types a property accepts (`any` for an empty schema).
    fn types(&self, s: &Value) -> Vec<String> {
        let s = self.resolve(s);
        match s.get("type") {
            Some(Value::String(t)) => vec![t.clone()],
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(|t| t.as_str().map(String::from))
                .collect(),
            _ if s
                .as_object()
                .is_some_and(|m| !m.contains_key("oneOf") && !m.contains_key("anyOf")) =>
            {
                vec!["any".into()]
            }
            _ => vec![],
        }
    }

    /// The names of an integer enum property, in order.
    fn enum_names(&self, s: &Value) -> Vec<String> {
        let s = self.resolve(s);
        s["oneOf"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| a["title"].as_str().map(String::from))
            .collect()
    }
}

fn compatible(theirs: &str, ours: &[String]) -> bool {
    ours.iter()
        .any(|o| o == "any" || o == theirs || (theirs == "number" && o == "integer"))
}

/// Which of our types an original OpenAPI schema describes (`None`: not a 0-OS type).
fn openapi_target(name: &str) -> Option<&'static str> {
    Some(match name {
        "Reservation" => "Reservation",
        "DataReservation" => "ReservationData",
        "DataReservation_signing_request_provision" => "SigningRequest",
        "SigningSignature" => "SigningSignature",
        "ReservationResult" => "Result",
        "ReservationWorkload" => "Workload",
        "ReservationWorkload_content" => "Network",
        "Container" => "Container",
        "Capacity" => "ContainerCapacity",
        "ContainerMout" => "ContainerMount",
        "NetworkConnection" => "NetworkConnection",
        "Logs" => "Logs",
        "Logs_data" => "LogsRedis",
        "StatsAggregator" => "StatsAggregator",
        "Volume" => "Volume",
        "Zdb" => "Zdb",
        "Kubernetes" => "K8S",
        "Network" => "Network",
        "NetworkNetResource" => "NetworkNetResource",
        "WireguardPeer" => "WireguardPeer",
        "ReverseProxy" => "GatewayReverseProxy",
        "SubDomain" => "GatewaySubdomain",
        "DomainDelegate" => "GatewayDelegate",
        "Gateway4To6" => "Gateway4To6",
        "WorkloadBase" => "ReservationInfo",
        "ContainerWorkload"
        | "GatewayProxyWorkload"
        | "GatewayReverseProxyWorkload"
        | "GatewaySubdomainWorkload"
        | "GatewayDelegateWorkload"
        | "Gateway4To6Workload"
        | "K8SWorkload"
        | "NetworkResourceWorkload"
        | "VolumeWorkload"
        | "ZdbWorkload" => return zos::find(name).map(|t| t.name()),
        _ => return None,
    })
}

/// The properties of an OpenAPI schema, `allOf` and `$ref`s resolved.
fn openapi_properties(
    all: &serde_json::Map<String, Value>,
    s: &Value,
    out: &mut BTreeMap<String, Value>,
) {
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/components/schemas/");
        if let Some(t) = all.get(name) {
            openapi_properties(all, t, out);
        }
        return;
    }
    for part in s["allOf"].as_array().into_iter().flatten() {
        openapi_properties(all, part, out);
    }
    if let Some(Value::Object(props)) = s.get("properties") {
        for (k, v) in props {
            let v = match v.get("$ref").and_then(Value::as_str) {
                Some(r) => all
                    .get(r.trim_start_matches("#/components/schemas/"))
                    .cloned()
                    .unwrap_or_default(),
                None => v.clone(),
            };
            out.insert(k.clone(), v);
        }
    }
}

fn openapi_type(s: &Value) -> String {
    match s.get("type").and_then(Value::as_str) {
        Some(t) => t.to_string(),
        None if s.get("properties").is_some() || s.get("allOf").is_some() => "object".into(),
        None => "object".into(),
    }
}

#[test]
fn openapi_fields_exist_in_ours() {
    let Some(dir) = original_dir() else { return };
    let mut problems = Vec::new();
    let mut compared = 0;
    for file in [
        "tfexplorer-legacy-openapi.json",
        "tfexplorer-api-v1-openapi.json",
    ] {
        let text =
            std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let doc: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let all = doc["components"]["schemas"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        for (name, s) in &all {
            let Some(target) = openapi_target(name) else {
                continue;
            };
            let ours = Ours::of(target);
            let mut props = BTreeMap::new();
            openapi_properties(&all, s, &mut props);
            for (field, theirs) in props {
                if is_deliberate(name, &field) {
                    continue;
                }
                compared += 1;
                let t = openapi_type(&theirs);
                match ours.property(&field) {
                    None => problems.push(format!(
                        "{file}: {name}.{field} ({t}) is not in our {target}"
                    )),
                    Some(p) => {
                        let types = ours.types(p);
                        if !compatible(&t, &types) {
                            problems.push(format!(
                                "{file}: {name}.{field} is {t}, ours ({target}) is {types:?}"
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(compared > 150, "only {compared} fields compared");
    assert!(problems.is_empty(), "differences:\n{}", problems.join("\n"));
}

/// One field of a `.toml` schema source.
struct TomlField {
    name: String,
    kind: String,
    default: String,
}

/// The `@url` blocks of a `.toml` (jsx) schema source and their fields.
fn parse_toml(text: &str) -> Vec<(String, Vec<TomlField>)> {
    let mut blocks: Vec<(String, Vec<TomlField>)> = Vec::new();
    for line in text.split('\n') {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(url) = line.strip_prefix("@url") {
            let url = url.trim_start_matches([' ', '=']).trim().to_string();
            blocks.push((url, Vec::new()));
            continue;
        }
        let Some((name, rest)) = line.split_once('=') else {
            continue;
        };
        let (Some(open), Some(close)) = (rest.find('('), rest.find(')')) else {
            continue;
        };
        let field = TomlField {
            name: name.trim().trim_end_matches('*').trim().to_string(),
            kind: rest[open + 1..close].trim().to_string(),
            default: rest[..open].trim().trim_matches('"').to_string(),
        };
        if let Some((_, fields)) = blocks.last_mut() {
            fields.push(field);
        }
    }
    blocks
}

fn toml_target(url: &str) -> Option<&'static str> {
    let rest = url.strip_prefix("tfgrid.workloads.")?;
    Some(match rest {
        "reservation.1" => "Reservation",
        "reservation.data.1" => "ReservationData",
        "reservation.signing.request.1" => "SigningRequest",
        "reservation.signing.signature.1" => "SigningSignature",
        "reservation.container.1" => "Container",
        "reservation.container.mount.1" => "ContainerMount",
        "reservation.network.connection.1" => "NetworkConnection",
        "reservation.container.logs.1" => "Logs",
        "reservation.container.logsredis.1" => "LogsRedis",
        "reservation.container.capacity.1" => "ContainerCapacity",
        "reservation.gateway.proxy.1" => "GatewayProxy",
        "reservation.gateway.reverse_proxy.1" => "GatewayReverseProxy",
        "reservation.gateway.subdomain.1" => "GatewaySubdomain",
        "reservation.gateway.delegate.1" => "GatewayDelegate",
        "reservation.gateway4to6.1" => "Gateway4To6",
        "reservation.k8s.1" => "K8S",
        "reservation.network.1" => "Network",
        "network.net_resource.1" => "NetworkNetResource",
        "wireguard.peer.1" => "WireguardPeer",
        "reservation.result.1" => "Result",
        "reservation.statsaggregator.1" => "StatsAggregator",
        "reservation.volume.1" => "Volume",
        "reservation.workload.1" => "Workload",
        "reservation.zdb.1" => "Zdb",
        _ => return None,
    })
}

fn toml_json_type(kind: &str) -> &'static str {
    match kind {
        "S" | "iprange" | "ipaddress" | "bytes" => "string",
        "I" | "T" | "E" => "integer",
        "B" => "boolean",
        "O" | "dict" => "object",
        k if k.starts_with('L') => "array",
        _ => "unknown",
    }
}

#[test]
fn toml_fields_and_enums_exist_in_ours() {
    let Some(dir) = original_dir() else { return };
    let mut problems = Vec::new();
    let mut compared = 0;
    let mut enums = 0;
    let mut entries: Vec<_> = std::fs::read_dir(dir.join("schema-toml"))
        .unwrap_or_else(|e| panic!("schema-toml: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for (url, fields) in parse_toml(&text) {
            let Some(target) = toml_target(&url) else {
                problems.push(format!("{}: no type of ours for {url}", path.display()));
                continue;
            };
            let ours = Ours::of(target);
            for f in fields {
                if is_deliberate(&url, &f.name) {
                    continue;
                }
                compared += 1;
                let t = toml_json_type(&f.kind);
                let Some(p) = ours.property(&f.name) else {
                    problems.push(format!(
                        "{url}: {} ({}) is not in our {target}",
                        f.name, f.kind
                    ));
                    continue;
                };
                let types = ours.types(p);
                if !compatible(t, &types) {
                    problems.push(format!(
                        "{url}: {} is {t} ({}), ours ({target}) is {types:?}",
                        f.name, f.kind
                    ));
                }
                if f.kind == "E" {
                    enums += 1;
                    let theirs: Vec<&str> = f.default.split(',').map(str::trim).collect();
                    let note = ENUM_NOTES
                        .iter()
                        .find(|(u, n, _)| *u == url && *n == f.name);
                    let mine = match note {
                        Some(_) if f.name == "category" => Ours::of("ResultCategory")
                            .enum_names(&Ours::of("ResultCategory").schema),
                        _ => ours.enum_names(p),
                    };
                    let same = theirs.len() <= mine.len()
                        && theirs.iter().zip(&mine).all(|(a, b)| {
                            if note.is_some() {
                                a.eq_ignore_ascii_case(b)
                            } else {
                                a == b
                            }
                        });
                    if !same {
                        problems.push(format!(
                            "{url}: enum {} is {theirs:?}, ours is {mine:?}",
                            f.name
                        ));
                    }
                }
            }
        }
    }
    assert!(compared > 120, "only {compared} fields compared");
    assert_eq!(enums, 8, "the .toml files have 8 (E) fields");
    assert!(problems.is_empty(), "differences:\n{}", problems.join("\n"));
}

#[test]
fn every_difference_has_a_reason() {
    for (owner, field, reason) in DIFFERENCES.iter().chain(ENUM_NOTES) {
        assert!(reason.len() > 20, "{owner}.{field}: say why");
    }
}
