//! The compute and storage workloads: [`Container`] (with its capacity, mounts, network
//! connections and logs), [`Volume`], [`Zdb`], [`K8S`], and the [`StatsAggregator`] they
//! may report to.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::enums::{DiskType, VolumeType, WorkloadType, ZdbMode};
use super::info::workload;
use super::rules;
use super::wire::{Host, HttpUrl, IpAddress, LogTarget, SealedBox};
use crate::Schema;

workload! {
    /// A container: a root file system from an flist, started with an entrypoint, with
    /// volumes mounted and network connections.
    pub struct Container (WorkloadType::Container)
    standalone ContainerWorkload ("A container workload document.")
    rules [container_flist, network_connection]
    {
        /// The URL of the flist that holds the container's root file system.
        pub flist: HttpUrl,
        /// The URL of the hub that serves the flist's files (`""` for the default hub).
        pub hub_url: HttpUrl,
        /// Environment variables (`null` if none).
        pub environment: Option<BTreeMap<String, String>>,
        /// Secret environment variables: the names in plain text, each value the hex of
        /// a sealed box for the node (`null` if none). Never shown.
        #[schema(secret)]
        pub secret_environment: Option<BTreeMap<String, SealedBox>>,
        /// The process to start (`""` for the flist's default).
        pub entrypoint: String,
        /// Whether to start corex, the interactive shell, instead of the entrypoint.
        pub interactive: bool,
        /// The volumes to mount (`null` if none).
        pub volumes: Option<Vec<ContainerMount>>,
        /// The networks the container joins (at least one).
        pub network_connection: Option<Vec<NetworkConnection>>,
        /// Where to send statistics (`null` if nowhere).
        pub stats_aggregator: Option<Vec<StatsAggregator>>,
        /// Where to send the container's output (`null` if nowhere).
        pub logs: Option<Vec<Logs>>,
        /// The 3Bot id of the farmer whose node runs the container.
        pub farmer_tid: i64,
        /// CPU, memory and root disk of the container.
        pub capacity: ContainerCapacity,
    }
}

/// The resources of a container.
#[derive(Schema, Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct ContainerCapacity {
    /// Number of virtual CPUs.
    #[schema(range(min = 1))]
    pub cpu: i64,
    /// Memory in MiB.
    #[schema(range(min = 1))]
    pub memory: i64,
    /// Size of the root file system in MiB.
    #[schema(range(min = 1))]
    pub disk_size: u64,
    /// Medium of the root file system (a reservation requires `ssd`).
    pub disk_type: DiskType,
}

/// Where a container's output goes.
#[derive(Schema, Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
#[schema(rule = rules::log_type)]
pub struct Logs {
    /// The kind of log sink; `redis` is the only one 0-OS supports.
    #[serde(rename = "type")]
    pub type_: String,
    /// Where each stream goes.
    pub data: LogsRedis,
}

/// The Redis channels a container's output streams are published on.
#[derive(Schema, Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct LogsRedis {
    /// Where standard output goes: `redis://host[:port]/channel` (`""` to drop it).
    pub stdout: LogTarget,
    /// Where standard error goes: `redis://host[:port]/channel` (`""` to drop it).
    pub stderr: LogTarget,
}

/// A volume mounted in a container.
#[derive(Schema, Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct ContainerMount {
    /// The volume to mount: `<reservation id>-<workload id>` of a volume workload.
    #[schema(non_empty)]
    pub volume_id: String,
    /// Where to mount it in the container (an absolute path).
    #[schema(non_empty)]
    pub mountpoint: String,
}

/// A network a container (or virtual machine) joins.
#[derive(Schema, Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct NetworkConnection {
    /// The name of the network to join.
    pub network_id: String,
    /// The container's address in the network's range on this node (`""`: chosen by
    /// the node).
    pub ipaddress: IpAddress,
    /// Whether the container also gets a public IPv6 address.
    pub public_ip6: bool,
}

/// A Redis server that collects a workload's statistics.
#[derive(Schema, Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
#[schema(rule = rules::stats_aggregator)]
pub struct StatsAggregator {
    /// The address of the Redis server (a host name or an IP address).
    pub addr: Host,
    /// Its port.
    #[schema(range(min = 0, max = 65535))]
    pub port: i64,
    /// The password of the Redis server: hex of a sealed box for the node. Never shown.
    #[schema(secret)]
    pub secret: SealedBox,
}

workload! {
    /// A volume: a disk of `size` GiB that containers can mount.
    pub struct Volume (WorkloadType::Volume)
    standalone VolumeWorkload ("A volume workload document.") {
        /// Size in GiB.
        #[schema(range(min = 1))]
        pub size: i64,
        /// The storage medium (a reservation requires `SSD`).
        #[serde(rename = "type")]
        pub type_: VolumeType,
        /// Where to send statistics (`null` if nowhere).
        pub stats_aggregator: Option<Vec<StatsAggregator>>,
        /// The 3Bot id of the farmer whose node holds the volume.
        pub farmer_tid: i64,
    }
}

workload! {
    /// A 0-db namespace: a key-value store of `size` GiB.
    pub struct Zdb (WorkloadType::Zdb)
    standalone ZdbWorkload ("A 0-db namespace workload document.") {
        /// Size in GiB.
        #[schema(range(min = 1))]
        pub size: i64,
        /// How keys are chosen.
        pub mode: ZdbMode,
        /// The namespace's password: hex of a sealed box for the node (`""`: no
        /// password). Never shown.
        #[schema(secret)]
        pub password: SealedBox,
        /// The storage medium.
        pub disk_type: DiskType,
        /// Whether the namespace can be read without the password.
        pub public: bool,
        /// Where to send statistics (`null` if nowhere).
        pub stats_aggregator: Option<Vec<StatsAggregator>>,
        /// The 3Bot id of the farmer whose node holds the namespace.
        pub farmer_tid: i64,
    }
}

workload! {
    /// A Kubernetes (k3s) virtual machine, master or worker of a cluster.
    pub struct K8S (WorkloadType::Kubernetes)
    standalone K8SWorkload ("A Kubernetes virtual machine workload document.") {
        /// The size of the machine: 1 is 1 vCPU, 2 GiB of memory and 50 GB of disk; 2 is
        /// 2 vCPU, 4 GiB and 100 GB.
        #[schema(custom = rules::k8s_size)]
        pub size: i64,
        /// The cluster secret, hex of a sealed box for the node. Never shown.
        #[schema(secret)]
        pub cluster_secret: SealedBox,
        /// The name of the network the machine joins.
        pub network_id: String,
        /// The machine's address in that network.
        pub ipaddress: IpAddress,
        /// The addresses of the cluster's masters; empty or `null` makes this machine a
        /// master.
        pub master_ips: Option<Vec<IpAddress>>,
        /// Public SSH keys allowed to log in (`null` if none).
        pub ssh_keys: Option<Vec<String>>,
        /// Where to send statistics (`null` if nowhere).
        pub stats_aggregator: Option<Vec<StatsAggregator>>,
        /// The 3Bot id of the farmer whose node runs the machine.
        pub farmer_tid: i64,
    }
}
