//! The pieces the document generator builds from: a tiny seeded PRNG
//! and realistic workloads that fit together (containers join the generated network with
//! an address of their node's range, ...).

use std::collections::BTreeMap;

use base64::Engine as _;
use serde_json::json;

use super::*;

/// A small, fast, seeded PRNG (SplitMix64): the same seed gives the same sequence on
/// every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator started at `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`0` when `n` is `0`).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }

    /// True one time in `n`.
    pub fn chance(&mut self, n: u64) -> bool {
        self.below(n) == 0
    }

    /// One of `items` (which must not be empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// `bytes` random bytes as lowercase hex.
    pub fn hex(&mut self, bytes: usize) -> String {
        (0..bytes)
            .map(|_| format!("{:02x}", self.below(256)))
            .collect()
    }

    /// A WireGuard key: the base64 of 32 random bytes.
    pub fn wireguard_key(&mut self) -> String {
        let bytes: Vec<u8> = (0..32).map(|_| self.below(256) as u8).collect();
        base64::engine::general_purpose::STANDARD.encode(bytes)
    }

    /// A node id: 44 base58 characters.
    pub fn node_id(&mut self) -> String {
        const B58: &[u8] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        (0..44).map(|_| *self.pick(B58) as char).collect()
    }
}

const FLISTS: &[&str] = &[
    "https://hub.grid.tf/tf-official-apps/base:latest.flist",
    "https://hub.grid.tf/tf-official-apps/ubuntu-bionic-build.flist",
    "https://hub.grid.tf/tf-official-apps/threefoldtech-0-db-release-1.1.0.flist",
    "https://hub.grid.tf/azmy.3bot/minio.flist",
];
const WORDS: &[&str] = &[
    "shop", "blog", "wiki", "chat", "git", "cloud", "mail", "api",
];

/// Shared context of one document: its customer, pool, nodes and network.
#[derive(Debug, Clone)]
pub struct Parts {
    /// The customer's 3Bot id.
    pub customer: i64,
    /// The capacity pool.
    pub pool: i64,
    /// The farmer's 3Bot id.
    pub farmer: i64,
    /// The nodes used, with their WireGuard public keys.
    pub nodes: Vec<(String, String)>,
    /// The network's name.
    pub net_name: String,
    /// The second byte of the network's `10.x.0.0/16` range.
    pub net: u64,
}

impl Parts {
    /// New context from `rng`.
    pub fn new(rng: &mut Rng) -> Self {
        let nodes = (0..1 + rng.below(3))
            .map(|_| (rng.node_id(), rng.wireguard_key()))
            .collect();
        Parts {
            customer: 1 + rng.below(5_000) as i64,
            pool: 1 + rng.below(2_000) as i64,
            farmer: 1 + rng.below(500) as i64,
            nodes,
            net_name: format!("{}-net", rng.pick(WORDS)),
            net: 1 + rng.below(250),
        }
    }

    fn node(&self, rng: &mut Rng) -> (usize, String) {
        let i = rng.below(self.nodes.len() as u64) as usize;
        (i, self.nodes[i].0.clone())
    }

    fn range(&self, i: usize) -> String {
        format!("10.{}.{}.0/24", self.net, i + 2)
    }

    fn ip_in(&self, rng: &mut Rng, i: usize) -> IpAddress {
        format!("10.{}.{}.{}", self.net, i + 2, 2 + rng.below(250)).into()
    }

    fn domain(&self, rng: &mut Rng) -> String {
        format!("{}{}.gateway.grid.tf", rng.pick(WORDS), rng.below(1000))
    }

    fn public_ip(rng: &mut Rng) -> String {
        format!("185.69.{}.{}", 160 + rng.below(8), 1 + rng.below(250))
    }

    fn stats(rng: &mut Rng) -> Option<Vec<StatsAggregator>> {
        match rng.below(4) {
            0 => Some(vec![StatsAggregator {
                addr: Parts::public_ip(rng).as_str().into(),
                port: 6379,
                secret: rng.hex(40).into(),
            }]),
            1 => Some(Vec::new()),
            _ => None,
        }
    }

    /// A signing request: no signers, or distinct signers and a quorum they can reach.
    pub fn signing_request(&self, rng: &mut Rng) -> SigningRequest {
        if rng.chance(2) {
            return SigningRequest {
                signers: if rng.chance(2) {
                    Some(Vec::new())
                } else {
                    None
                },
                quorum_min: 0,
            };
        }
        let n = 1 + rng.below(3) as i64;
        let start = 1 + rng.below(1000) as i64;
        let signers: Vec<i64> = (0..n).map(|i| start + i * 7).collect();
        SigningRequest {
            quorum_min: 1 + rng.below(n as u64) as i64,
            signers: Some(signers),
        }
    }

    /// A container on one of the nodes, connected to the network.
    pub fn container(&self, rng: &mut Rng, id: i64) -> Container {
        let (i, node) = self.node(rng);
        let mut env = BTreeMap::new();
        env.insert(
            "APP_ENV".to_string(),
            rng.pick(&["production", "staging"]).to_string(),
        );
        let logs = rng.chance(3).then(|| {
            let host = self.ip_in(rng, i);
            vec![Logs {
                type_: "redis".into(),
                data: LogsRedis {
                    stdout: format!("redis://{}:6379/{id}-stdout", host.as_str()).into(),
                    stderr: format!("redis://{}/{id}-stderr", host.as_str()).into(),
                },
            }]
        });
        Container {
            workload_id: id,
            node_id: node,
            flist: rng.pick(FLISTS).to_string().into(),
            hub_url: rng.pick(&["", "https://hub.grid.tf"]).to_string().into(),
            environment: if rng.chance(3) { None } else { Some(env) },
            secret_environment: rng.chance(2).then(|| {
                let mut m = BTreeMap::new();
                m.insert("DB_PASSWORD".to_string(), SealedBox::from(rng.hex(72)));
                m
            }),
            entrypoint: rng.pick(&["", "/sbin/zinit init", "/start.sh"]).to_string(),
            interactive: rng.chance(3),
            volumes: rng.chance(2).then(|| {
                vec![ContainerMount {
                    volume_id: format!("{}-{}", 1 + rng.below(9999), 1 + rng.below(20)),
                    mountpoint: rng.pick(&["/data", "/var/lib/db"]).to_string(),
                }]
            }),
            network_connection: Some(vec![NetworkConnection {
                network_id: self.net_name.clone(),
                ipaddress: self.ip_in(rng, i),
                public_ip6: rng.chance(2),
            }]),
            stats_aggregator: Parts::stats(rng),
            logs,
            farmer_tid: self.farmer,
            capacity: ContainerCapacity {
                cpu: 1 + rng.below(4) as i64,
                memory: 512 * (1 + rng.below(16) as i64),
                disk_size: 256 * (1 + rng.below(40)),
                disk_type: DiskType::Ssd,
            },
            ..Container::default()
        }
    }

    /// An SSD volume.
    pub fn volume(&self, rng: &mut Rng, id: i64) -> Volume {
        Volume {
            workload_id: id,
            node_id: self.node(rng).1,
            size: 1 + rng.below(500) as i64,
            type_: VolumeType::Ssd,
            stats_aggregator: Parts::stats(rng),
            farmer_tid: self.farmer,
            ..Volume::default()
        }
    }

    /// A 0-db namespace.
    pub fn zdb(&self, rng: &mut Rng, id: i64) -> Zdb {
        Zdb {
            workload_id: id,
            node_id: self.node(rng).1,
            size: 1 + rng.below(1000) as i64,
            mode: *rng.pick(&[ZdbMode::Seq, ZdbMode::User]),
            password: if rng.chance(3) {
                SealedBox::default()
            } else {
                rng.hex(64).into()
            },
            disk_type: *rng.pick(&[DiskType::Hdd, DiskType::Ssd]),
            public: rng.chance(2),
            stats_aggregator: Parts::stats(rng),
            farmer_tid: self.farmer,
            ..Zdb::default()
        }
    }

    /// A Kubernetes machine in the network (a master, or a worker of one).
    pub fn k8s(&self, rng: &mut Rng, id: i64) -> K8S {
        let (i, node) = self.node(rng);
        K8S {
            workload_id: id,
            node_id: node,
            size: 1 + rng.below(2) as i64,
            cluster_secret: rng.hex(80).into(),
            network_id: self.net_name.clone(),
            ipaddress: self.ip_in(rng, i),
            master_ips: match rng.below(3) {
                0 => None,
                1 => Some(Vec::new()),
                _ => Some(vec![self.ip_in(rng, 0)]),
            },
            ssh_keys: Some(vec![format!(
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{} user@laptop",
                rng.hex(16)
            )]),
            stats_aggregator: None,
            farmer_tid: self.farmer,
            ..K8S::default()
        }
    }

    fn peers(&self, rng: &mut Rng, me: usize) -> Vec<WireguardPeer> {
        let mut peers: Vec<WireguardPeer> = (0..self.nodes.len())
            .filter(|j| *j != me)
            .map(|j| WireguardPeer {
                public_key: self.nodes[j].1.as_str().into(),
                allowed_iprange: Some(vec![
                    self.range(j).into(),
                    format!("100.64.{}.{}/32", self.net, j + 2).into(),
                ]),
                endpoint: if rng.chance(3) {
                    Endpoint::default()
                } else {
                    format!("{}:{}", Parts::public_ip(rng), 1024 + rng.below(60_000)).into()
                },
                iprange: self.range(j).into(),
            })
            .collect();
        // A user's machine reaching the network.
        peers.push(WireguardPeer {
            public_key: rng.wireguard_key().into(),
            allowed_iprange: Some(vec![format!("10.{}.250.0/24", self.net).into()]),
            endpoint: Endpoint::default(),
            iprange: format!("10.{}.250.0/24", self.net).into(),
        });
        peers
    }

    /// A legacy network over all the nodes.
    pub fn network(&self, rng: &mut Rng, id: i64) -> Network {
        Network {
            name: self.net_name.clone(),
            workload_id: id,
            iprange: format!("10.{}.0.0/16", self.net).into(),
            stats_aggregator: None,
            network_resources: Some(
                (0..self.nodes.len())
                    .map(|i| NetworkNetResource {
                        node_id: self.nodes[i].0.clone(),
                        wireguard_private_key_encrypted: rng.hex(92).into(),
                        wireguard_public_key: self.nodes[i].1.as_str().into(),
                        wireguard_listen_port: 1024 + rng.below(60_000) as i64,
                        iprange: self.range(i).into(),
                        peers: Some(self.peers(rng, i)),
                    })
                    .collect(),
            ),
            farmer_tid: self.farmer,
        }
    }

    /// The network's resource on one node.
    pub fn network_resource(&self, rng: &mut Rng, id: i64) -> NetworkResource {
        let (i, node) = self.node(rng);
        NetworkResource {
            workload_id: id,
            node_id: node,
            name: self.net_name.clone(),
            network_iprange: format!("10.{}.0.0/16", self.net).into(),
            wireguard_private_key_encrypted: rng.hex(92).into(),
            wireguard_public_key: self.nodes[i].1.as_str().into(),
            wireguard_listen_port: 1024 + rng.below(60_000) as i64,
            iprange: self.range(i).into(),
            peers: Some(self.peers(rng, i)),
            stats_aggregator: None,
            ..NetworkResource::default()
        }
    }

    /// A TCP proxy.
    pub fn proxy(&self, rng: &mut Rng, id: i64) -> GatewayProxy {
        GatewayProxy {
            workload_id: id,
            node_id: self.node(rng).1,
            domain: self.domain(rng),
            addr: Parts::public_ip(rng).as_str().into(),
            port: *rng.pick(&[80, 8080]),
            port_tls: *rng.pick(&[443, 8443, 0]),
            ..GatewayProxy::default()
        }
    }

    /// A reverse proxy.
    pub fn reverse_proxy(&self, rng: &mut Rng, id: i64) -> GatewayReverseProxy {
        GatewayReverseProxy {
            workload_id: id,
            node_id: self.node(rng).1,
            domain: self.domain(rng),
            secret: rng.hex(70).into(),
            ..GatewayReverseProxy::default()
        }
    }

    /// A sub-domain.
    pub fn subdomain(&self, rng: &mut Rng, id: i64) -> GatewaySubdomain {
        let ips = if rng.chance(2) {
            vec![Parts::public_ip(rng).as_str().into()]
        } else {
            vec![
                Parts::public_ip(rng).as_str().into(),
                format!("2a02:1802:5e::{:x}", rng.below(65_535))
                    .as_str()
                    .into(),
            ]
        };
        GatewaySubdomain {
            workload_id: id,
            node_id: self.node(rng).1,
            domain: self.domain(rng),
            ips: Some(ips),
            ..GatewaySubdomain::default()
        }
    }

    /// A delegated domain.
    pub fn delegate(&self, rng: &mut Rng, id: i64) -> GatewayDelegate {
        GatewayDelegate {
            workload_id: id,
            node_id: self.node(rng).1,
            domain: format!("{}{}.com", rng.pick(WORDS), rng.below(100)),
            ..GatewayDelegate::default()
        }
    }

    /// An IPv4-to-IPv6 tunnel.
    pub fn gateway4to6(&self, rng: &mut Rng, id: i64) -> Gateway4To6 {
        Gateway4To6 {
            workload_id: id,
            node_id: self.node(rng).1,
            public_key: rng.wireguard_key().into(),
            ..Gateway4To6::default()
        }
    }

    /// A node's result for a deployed workload.
    pub fn result(
        &self,
        rng: &mut Rng,
        kind: WorkloadType,
        workload_id: &str,
        node_id: &str,
    ) -> Result {
        let data = match kind {
            WorkloadType::Container => {
                json!({ "id": workload_id, "ipv6": "2a02:1802:5e::1", "ipv4": "10.1.2.3" })
            }
            WorkloadType::Zdb => {
                json!({ "namespace": workload_id, "ip": "2a02:1802:5e::2", "port": 9900 })
            }
            WorkloadType::Volume => json!({ "volume_id": workload_id }),
            _ => json!(null),
        };
        Result {
            category: kind,
            workload_id: workload_id.to_string(),
            data_json: data,
            signature: rng.hex(64).into(),
            state: ResultState::Ok,
            message: String::new(),
            epoch: (generator::NOW - rng.below(3_600) as i64).into(),
            node_id: node_id.to_string(),
        }
    }
}
