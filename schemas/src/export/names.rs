//! Splitting schema names into words and joining them in each language's style.
//!
//! A name (`hub_url`, `NetworkResource`, `reverse-proxy`, `HDD`) is split into words at
//! `_`, `-` and other punctuation, at lower-to-upper case changes and at the end of an
//! acronym (`HTTPServer` is `HTTP` + `Server`); digits stay with the word before them
//! (`ipv4`, `gateway4to6`). The joiners then apply each language's conventions.

/// Initialisms written in capitals in Go names (`NodeID`, `HubURL`, `PortTLS`): the
/// list of `golint`/`staticcheck`, plus the 0-OS words `TID` (threefold id), `HDD`,
/// `SSD` and `K8S`.
const GO_INITIALISMS: &[&str] = &[
    "acl", "api", "ascii", "cpu", "css", "dns", "eof", "guid", "hdd", "html", "http", "https",
    "id", "ip", "json", "k8s", "lhs", "qps", "ram", "rhs", "rpc", "sla", "smtp", "sql", "ssd",
    "ssh", "tcp", "tid", "tls", "ttl", "udp", "ui", "uid", "uri", "url", "utf8", "uuid", "vm",
    "xml", "xmpp", "xsrf", "xss",
];

/// Words of the 0-OS wire names written as one (`iprange`, `ipaddress`) that Go names
/// spell as two (`IPRange`, `IPAddress`).
const COMPOUNDS: &[(&str, &[&str])] = &[
    ("iprange", &["ip", "range"]),
    ("ipaddress", &["ip", "address"]),
];

/// Splits `name` into words, keeping their case.
pub fn words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for token in name.split(|c: char| !c.is_alphanumeric()) {
        let chars: Vec<char> = token.chars().collect();
        let mut word = String::new();
        for (i, &c) in chars.iter().enumerate() {
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1).copied();
            let boundary = match prev {
                None => false,
                Some(p) if c.is_uppercase() => {
                    // `hubUrl` -> hub|Url, `HTTPServer` -> HTTP|Server, `4To6` -> 4|To6.
                    p.is_lowercase()
                        || p.is_ascii_digit()
                        || (p.is_uppercase() && next.is_some_and(char::is_lowercase))
                }
                Some(_) => false,
            };
            if boundary && !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            word.push(c);
        }
        if !word.is_empty() {
            out.push(word);
        }
    }
    out
}

/// The first character in upper case, the rest unchanged.
fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Prefixes `_`-less names that would start with a digit.
fn not_leading_digit(name: String, prefix: &str) -> String {
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{prefix}{name}")
    } else {
        name
    }
}

/// A Go exported identifier: `workload_id` -> `WorkloadID`, `hub_url` -> `HubURL`,
/// `iprange` -> `IPRange`, `master_ips` -> `MasterIPs`, `HDD` -> `HDD`.
pub fn go_name(name: &str) -> String {
    let mut out = String::new();
    for word in words(name) {
        let lower = word.to_lowercase();
        let parts: Vec<&str> = COMPOUNDS
            .iter()
            .find(|(w, _)| *w == lower)
            .map(|(_, parts)| parts.to_vec())
            .unwrap_or_else(|| vec![lower.as_str()]);
        for part in parts {
            out.push_str(&go_word(part));
        }
    }
    not_leading_digit(out, "X")
}

fn go_word(lower: &str) -> String {
    if GO_INITIALISMS.contains(&lower) {
        return lower.to_uppercase();
    }
    let known = |w: &str| GO_INITIALISMS.contains(&w);
    // Plurals: `ips` -> `IPs`.
    if let Some(stem) = lower.strip_suffix('s').filter(|s| known(s)) {
        return format!("{}s", stem.to_uppercase());
    }
    // Numbers and versions: `ip6` -> `IP6`, `ipv4` -> `IPv4`.
    let (head, number) = lower.split_at(lower.trim_end_matches(|c: char| c.is_ascii_digit()).len());
    if !number.is_empty() {
        if known(head) {
            return format!("{}{number}", head.to_uppercase());
        }
        if let Some(stem) = head.strip_suffix('v').filter(|s| known(s)) {
            return format!("{}v{number}", stem.to_uppercase());
        }
    }
    capitalize(lower)
}

/// A type or enum member name in PascalCase that keeps words written in capitals
/// (`reverse_proxy` -> `ReverseProxy`, `HDD` -> `HDD`, `hdd` -> `Hdd`).
pub fn pascal_case(name: &str) -> String {
    let out: String = words(name)
        .iter()
        .map(|w| {
            if w.chars().count() > 1 && w.chars().all(|c| !c.is_lowercase()) {
                w.clone()
            } else {
                capitalize(&w.to_lowercase())
            }
        })
        .collect();
    not_leading_digit(out, "V")
}

/// `UPPER_SNAKE_CASE` (Python enum members): `reverse_proxy` -> `REVERSE_PROXY`.
pub fn upper_snake(name: &str) -> String {
    let out = words(name)
        .iter()
        .map(|w| w.to_uppercase())
        .collect::<Vec<_>>()
        .join("_");
    not_leading_digit(out, "V")
}

/// `snake_case` (Python attributes): `hubUrl` -> `hub_url`.
pub fn snake_case(name: &str) -> String {
    let out = words(name)
        .iter()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join("_");
    not_leading_digit(out, "v")
}

/// Whether `s` is an ASCII identifier (`[A-Za-z_][A-Za-z0-9_]*`), the common subset of
/// the identifiers of the three languages.
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words() {
        assert_eq!(words("hub_url"), ["hub", "url"]);
        assert_eq!(words("NetworkResource"), ["Network", "Resource"]);
        assert_eq!(words("HTTPServer"), ["HTTP", "Server"]);
        assert_eq!(words("reverse-proxy"), ["reverse", "proxy"]);
        assert_eq!(words("gateway4to6"), ["gateway4to6"]);
        assert_eq!(words("Gateway4To6"), ["Gateway4", "To6"]);
        assert_eq!(words("K8s"), ["K8s"]);
        assert_eq!(words("HDD"), ["HDD"]);
    }

    #[test]
    fn go_names() {
        assert_eq!(go_name("workload_id"), "WorkloadID");
        assert_eq!(go_name("hub_url"), "HubURL");
        assert_eq!(go_name("node_id"), "NodeID");
        assert_eq!(go_name("iprange"), "IPRange");
        assert_eq!(go_name("allowed_iprange"), "AllowedIPRange");
        assert_eq!(go_name("ipaddress"), "IPAddress");
        assert_eq!(go_name("master_ips"), "MasterIPs");
        assert_eq!(go_name("data_json"), "DataJSON");
        assert_eq!(go_name("customer_tid"), "CustomerTID");
        assert_eq!(go_name("port_tls"), "PortTLS");
        assert_eq!(go_name("ssh_keys"), "SSHKeys");
        assert_eq!(go_name("HubUrl"), "HubURL");
        assert_eq!(go_name("K8s"), "K8S");
        assert_eq!(go_name("ipv6"), "IPv6");
        assert_eq!(go_name("public_ip6"), "PublicIP6");
        assert_eq!(go_name("ipv"), "Ipv");
        assert_eq!(go_name("utf8"), "UTF8");
        assert_eq!(go_name("gateway4to6"), "Gateway4to6");
        assert_eq!(go_name("Gateway4To6"), "Gateway4To6");
        assert_eq!(go_name("4to6"), "X4to6");
    }

    #[test]
    fn other_styles() {
        assert_eq!(pascal_case("reverse_proxy"), "ReverseProxy");
        assert_eq!(pascal_case("HDD"), "HDD");
        assert_eq!(pascal_case("ok"), "Ok");
        assert_eq!(upper_snake("reverse-proxy"), "REVERSE_PROXY");
        assert_eq!(upper_snake("HDD"), "HDD");
        assert_eq!(snake_case("hubUrl"), "hub_url");
        assert!(is_identifier("hub_url"));
        assert!(!is_identifier("reverse-proxy"));
        assert!(!is_identifier("1x"));
    }
}
