//! The ThreeFold 0-OS v2 provisioning definitions, faithful to the wire format of the
//! original explorer (threefoldtech `tfexplorer`).
//!
//! Two generations of documents are covered:
//! - the whole-reservation model: a [`Reservation`] whose [`ReservationData`] lists
//!   containers, volumes, zdbs, networks, Kubernetes machines and gateway workloads;
//! - the workload API: one document a workload (`ContainerWorkload`, `VolumeWorkload`,
//!   ...), the [`ReservationInfo`] fields flat next to the workload's own, with
//!   `workload_type` naming the kind.
//!
//! What travels on the wire:
//! - enums are integers (see [`enums`]); dates are integer Unix seconds, `0` when unset
//!   ([`UnixTime`]); IP ranges and addresses are strings, `""` when unset ([`IpRange`],
//!   [`IpAddress`]), kept exactly as written;
//! - every key is optional (a missing key takes Go's zero value), lists and maps may be
//!   `null` (kept as `null`, as `[]` stays `[]`), and an unknown key is an error
//!   (`unknown_field`);
//! - secrets (secret environment values, zdb password, cluster secret, reverse proxy
//!   secret, WireGuard private keys, statistics password) are the hex of a sealed box
//!   ([`SealedBox`]) and never appear in a message.
//!
//! `Result.category` decodes as a [`WorkloadType`]: since April 2020 the explorer wrote
//! workload type numbers there, not [`ResultCategory`] ones.
//!
//! The rules (`rule.*` codes) are in [`rules`]; [`registry()`] lists every type by name,
//! [`detect`] guesses the type of a document, and [`generator`] writes realistic
//! documents for tests and benchmarks.

pub mod enums;
mod faults;
mod gateway;
pub mod generator;
pub(crate) mod info;
mod network;
mod parts;
pub mod registry;
mod reservation;
pub mod rules;
pub mod wire;
mod workloads;

pub use enums::{
    DiskType, NextAction, ResultCategory, ResultState, VolumeType, WorkloadType, ZdbMode,
};
pub use gateway::{
    Gateway4To6, Gateway4To6Workload, GatewayDelegate, GatewayDelegateWorkload, GatewayProxy,
    GatewayProxyWorkload, GatewayReverseProxy, GatewayReverseProxyWorkload, GatewaySubdomain,
    GatewaySubdomainWorkload,
};
pub use info::{ReservationInfo, Workloader};
pub use network::{
    Network, NetworkNetResource, NetworkResource, NetworkResourceWorkload, WireguardPeer,
};
pub use registry::{detect, find, guess, registry};
pub use reservation::{
    Reservation, ReservationData, Result, SigningRequest, SigningSignature, Workload,
};
pub use wire::{
    Endpoint, Host, HttpUrl, IpAddress, IpRange, LogTarget, SealedBox, Signature, UnixTime,
    WireguardKey,
};
pub use workloads::{
    Container, ContainerCapacity, ContainerMount, ContainerWorkload, K8SWorkload, Logs, LogsRedis,
    NetworkConnection, StatsAggregator, Volume, VolumeWorkload, Zdb, ZdbWorkload, K8S,
};
