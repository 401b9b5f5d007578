//! The rules of the parts of a workload: containers, logs, statistics, Kubernetes
//! machines and networks (see the [parent module](super)).

use super::super::network::{
    Network, NetworkNetResource, NetworkResource, NetworkResourceWorkload, WireguardPeer,
};
use super::super::wire::{IpRange, SealedBox, WireguardKey};
use super::super::workloads::{
    Container, ContainerWorkload, Logs, NetworkConnection, StatsAggregator,
};
use crate::Context;

/// `rule.container_flist`: a container names the flist of its root file system.
pub fn container_flist<W: ContainerLike>(c: &W, cx: &mut Context<'_>) {
    if c.container().0.is_empty() {
        cx.error_at(
            "/flist",
            "rule.container_flist",
            "a container needs an flist: the http(s) URL of its root file system",
        );
    }
}

/// `rule.network_connection`: a container joins at least one network, each by name.
pub fn network_connection<W: ContainerLike>(c: &W, cx: &mut Context<'_>) {
    let conns = c.container().1;
    if conns.is_empty() {
        cx.error_at(
            "/network_connection",
            "rule.network_connection",
            "a container needs at least one network connection",
        );
    }
    for (i, n) in conns.iter().enumerate() {
        if n.network_id.is_empty() {
            cx.error_at(
                &format!("/network_connection/{i}/network_id"),
                "rule.network_connection",
                "a network connection needs the name of the network to join",
            );
        }
    }
}

/// Read access to what the container rules check, for both container types.
pub trait ContainerLike {
    /// The flist and the network connections.
    fn container(&self) -> (&str, &[NetworkConnection]);
}

impl ContainerLike for Container {
    fn container(&self) -> (&str, &[NetworkConnection]) {
        (
            self.flist.as_str(),
            self.network_connection.as_deref().unwrap_or_default(),
        )
    }
}

impl ContainerLike for ContainerWorkload {
    fn container(&self) -> (&str, &[NetworkConnection]) {
        (
            self.flist.as_str(),
            self.network_connection.as_deref().unwrap_or_default(),
        )
    }
}

/// `rule.log_type`: the log sink is `redis`, the only kind 0-OS supports.
pub fn log_type(l: &Logs, cx: &mut Context<'_>) {
    if l.type_ != "redis" {
        cx.error_at(
            "/type",
            "rule.log_type",
            format!(
                "must be \"redis\", the only log type 0-OS supports, got {}",
                crate::__private::quote_str(&l.type_)
            ),
        );
    }
}

/// `rule.stats_aggregator`: a statistics aggregator has an address and a port.
pub fn stats_aggregator(s: &StatsAggregator, cx: &mut Context<'_>) {
    if s.addr.is_empty() {
        cx.error_at(
            "/addr",
            "rule.stats_aggregator",
            "a statistics aggregator needs the address of its Redis server",
        );
    }
    if s.port == 0 {
        cx.error_at(
            "/port",
            "rule.stats_aggregator",
            "a statistics aggregator needs the port of its Redis server (1 to 65535)",
        );
    }
}

/// `rule.k8s_size` (on `size`): a Kubernetes machine is of size 1 or 2.
pub fn k8s_size(size: &i64, cx: &mut Context<'_>) {
    if !matches!(size, 1 | 2) {
        cx.error(
            "rule.k8s_size",
            format!("must be 1 (1 vCPU, 2 GiB, 50 GB) or 2 (2 vCPU, 4 GiB, 100 GB), got {size}"),
        );
    }
}

fn require(cx: &mut Context<'_>, missing: bool, at: &str, code: &'static str, msg: &str) {
    if missing {
        cx.error_at(at, code, msg.to_string());
    }
}

/// `rule.network_resource` on a legacy network: it has a name and a range.
pub fn network(n: &Network, cx: &mut Context<'_>) {
    const C: &str = "rule.network_resource";
    require(
        cx,
        n.name.is_empty(),
        "/name",
        C,
        "a network needs a name: containers join it by name",
    );
    require(
        cx,
        n.iprange.is_empty(),
        "/iprange",
        C,
        "a network needs its IP range",
    );
}

/// `rule.network_resource` on a legacy network's resource: it names its node and has a
/// range, both WireGuard keys and a listen port.
pub fn net_resource(r: &NetworkNetResource, cx: &mut Context<'_>) {
    const C: &str = "rule.network_resource";
    require(
        cx,
        r.node_id.is_empty(),
        "/node_id",
        C,
        "a network resource needs the node it lives on",
    );
    wireguard_side(
        cx,
        &r.iprange,
        r.wireguard_private_key_encrypted.is_empty(),
        r.wireguard_public_key.is_empty(),
        r.wireguard_listen_port,
    );
}

/// `rule.network_resource` on a network resource workload: it has a name, both ranges,
/// both WireGuard keys and a listen port.
pub fn network_resource<W: NetworkResourceLike>(w: &W, cx: &mut Context<'_>) {
    const C: &str = "rule.network_resource";
    let r = w.resource();
    require(
        cx,
        r.name.is_empty(),
        "/name",
        C,
        "a network resource needs the network's name",
    );
    require(
        cx,
        r.network_iprange.is_empty(),
        "/network_iprange",
        C,
        "a network resource needs the network's IP range",
    );
    wireguard_side(
        cx,
        r.iprange,
        r.wireguard_private_key_encrypted.is_empty(),
        r.wireguard_public_key.is_empty(),
        r.wireguard_listen_port,
    );
}

fn wireguard_side(
    cx: &mut Context<'_>,
    range: &IpRange,
    no_private: bool,
    no_public: bool,
    port: i64,
) {
    const C: &str = "rule.network_resource";
    require(
        cx,
        range.is_empty(),
        "/iprange",
        C,
        "a network resource needs its IP range on the node",
    );
    require(
        cx,
        no_private,
        "/wireguard_private_key_encrypted",
        C,
        "a network resource needs its WireGuard private key (sealed for the node)",
    );
    require(
        cx,
        no_public,
        "/wireguard_public_key",
        C,
        "a network resource needs its WireGuard public key",
    );
    require(
        cx,
        port == 0,
        "/wireguard_listen_port",
        C,
        "a network resource needs a WireGuard listen port (1 to 65535)",
    );
}

/// Read access to a network resource's own fields, for both network resource types.
pub trait NetworkResourceLike {
    /// The network resource, as the in-reservation type.
    fn resource(&self) -> NetworkResourceView<'_>;
}

/// The fields [`network_resource`] reads.
#[derive(Debug, Clone, Copy)]
pub struct NetworkResourceView<'a> {
    /// `name`.
    pub name: &'a str,
    /// `network_iprange`.
    pub network_iprange: &'a IpRange,
    /// `iprange`.
    pub iprange: &'a IpRange,
    /// `wireguard_private_key_encrypted`.
    pub wireguard_private_key_encrypted: &'a SealedBox,
    /// `wireguard_public_key`.
    pub wireguard_public_key: &'a WireguardKey,
    /// `wireguard_listen_port`.
    pub wireguard_listen_port: i64,
}

macro_rules! network_resource_like {
    ($($t:ty),*) => {$(
        impl NetworkResourceLike for $t {
            fn resource(&self) -> NetworkResourceView<'_> {
                NetworkResourceView {
                    name: &self.name,
                    network_iprange: &self.network_iprange,
                    iprange: &self.iprange,
                    wireguard_private_key_encrypted: &self.wireguard_private_key_encrypted,
                    wireguard_public_key: &self.wireguard_public_key,
                    wireguard_listen_port: self.wireguard_listen_port,
                }
            }
        }
    )*};
}
network_resource_like!(NetworkResource, NetworkResourceWorkload);

/// `rule.wireguard_peer`: a peer has a public key, a range and at least one allowed
/// range.
pub fn wireguard_peer(p: &WireguardPeer, cx: &mut Context<'_>) {
    const C: &str = "rule.wireguard_peer";
    require(
        cx,
        p.public_key.is_empty(),
        "/public_key",
        C,
        "a WireGuard peer needs its public key",
    );
    require(
        cx,
        p.iprange.is_empty(),
        "/iprange",
        C,
        "a WireGuard peer needs its IP range",
    );
    require(
        cx,
        p.allowed_iprange.as_ref().is_none_or(Vec::is_empty),
        "/allowed_iprange",
        C,
        "a WireGuard peer needs at least one allowed IP range",
    );
}
