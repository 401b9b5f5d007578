//! The gateway workloads: TCP proxies, reverse tunnels, DNS sub-domains, delegated
//! domains and IPv4-to-IPv6 WireGuard tunnels, served by a gateway node.

use super::enums::WorkloadType;
use super::info::workload;
use super::wire::{Host, IpAddress, SealedBox, WireguardKey};

workload! {
    /// A TCP proxy: the gateway's TCP router forwards the plain HTTP traffic of `domain`
    /// to `addr:port` and its TLS traffic (by SNI) to `addr:port_tls`.
    pub struct GatewayProxy (WorkloadType::Proxy)
    standalone GatewayProxyWorkload ("A gateway TCP proxy workload document.") {
        /// The domain whose traffic is forwarded.
        #[schema(format = "hostname")]
        pub domain: String,
        /// Where to forward: an IP address or a host name.
        pub addr: Host,
        /// The port plain HTTP traffic goes to (1 to 65535).
        #[schema(range(min = 1, max = 65535))]
        pub port: u32,
        /// The port TLS traffic goes to (at most 65535; `0` when unset).
        #[schema(range(max = 65535))]
        pub port_tls: u32,
    }
}

workload! {
    /// A reverse tunnel: a client behind NAT connects to the gateway's TCP router with
    /// `secret`, and the gateway serves `domain` through that connection.
    pub struct GatewayReverseProxy (WorkloadType::ReverseProxy)
    standalone GatewayReverseProxyWorkload ("A gateway reverse proxy workload document.") {
        /// The domain served through the tunnel.
        #[schema(format = "hostname")]
        pub domain: String,
        /// The secret the tunnel client presents (`threebotid:random_secret`), hex of a
        /// sealed box for the gateway. Never shown.
        #[schema(secret)]
        pub secret: SealedBox,
    }
}

workload! {
    /// A DNS sub-domain of one of the gateway's managed domains, pointing at `ips`.
    pub struct GatewaySubdomain (WorkloadType::Subdomain)
    standalone GatewaySubdomainWorkload ("A gateway sub-domain workload document.") {
        /// The full domain, e.g. `user1.tfgw1.io`.
        #[schema(format = "hostname")]
        pub domain: String,
        /// The addresses the domain resolves to (`null` if none).
        pub ips: Option<Vec<IpAddress>>,
    }
}

workload! {
    /// A domain whose DNS is delegated to the gateway.
    pub struct GatewayDelegate (WorkloadType::DomainDelegate)
    standalone GatewayDelegateWorkload ("A gateway domain delegation workload document.") {
        /// The delegated domain.
        #[schema(format = "hostname")]
        pub domain: String,
    }
}

workload! {
    /// An IPv4-to-IPv6 tunnel: the gateway gives a user's machine a WireGuard tunnel to
    /// reach the IPv6-only grid.
    pub struct Gateway4To6 (WorkloadType::Gateway4To6)
    standalone Gateway4To6Workload ("A gateway IPv4-to-IPv6 tunnel workload document.") {
        /// The WireGuard public key of the user's machine.
        pub public_key: WireguardKey,
    }
}
