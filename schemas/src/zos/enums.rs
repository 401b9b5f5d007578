//! The enums of the 0-OS v2 definitions.
//!
//! On the wire every one of them is an integer (Go `uint8` with `iota`), in the order
//! below; the names are the Go `String()` values and are what `FromStr`, `Display` and
//! the JSON Schema titles use. A missing key takes the first variant (Go's zero value).

use crate::Schema;

/// What happens next to a reservation or a workload (its state in the explorer).
#[derive(Schema, Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[schema(repr = "int", rename_all = "lowercase")]
pub enum NextAction {
    /// Just created; the explorer has not processed it yet.
    #[default]
    Create = 0,
    /// Waiting for the signatures of the provisioning signing request.
    Sign = 1,
    /// Waiting for payment.
    Pay = 2,
    /// Ready: the nodes deploy it.
    Deploy = 3,
    /// Being deleted: waiting for the delete signatures or for the nodes to decommission.
    Delete = 4,
    /// Refused by the explorer (it did not pass validation or payment).
    Invalid = 5,
    /// Deleted on every node.
    Deleted = 6,
    /// A legacy reservation converted to the workload API (July 2020); nodes ignore it.
    Migrated = 7,
}

/// The outcome a node reports for one workload.
#[derive(Schema, Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[schema(repr = "int", rename_all = "lowercase")]
pub enum ResultState {
    /// Deployment failed; `message` says why.
    #[default]
    Error = 0,
    /// Deployed.
    Ok = 1,
    /// Decommissioned.
    Deleted = 2,
}

/// The kind of workload a result is about, as the first explorer numbered them.
///
/// Since April 2020 the explorer wrote `WorkloadType` numbers into `Result.category`
/// instead (there `volume` is 2 and `network` 3), so `Result` decodes its
/// `category` as a `WorkloadType`; this type is kept to read the earliest documents.
#[derive(Schema, Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[schema(repr = "int", rename_all = "lowercase")]
pub enum ResultCategory {
    /// A 0-db namespace.
    #[default]
    Zdb = 0,
    /// A container.
    Container = 1,
    /// A network.
    Network = 2,
    /// A volume.
    Volume = 3,
}

/// The storage medium of a volume.
#[derive(Schema, Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[schema(repr = "int", rename_all = "UPPERCASE")]
pub enum VolumeType {
    /// Spinning disk.
    #[default]
    Hdd = 0,
    /// Solid-state disk.
    Ssd = 1,
}

/// The storage medium of a 0-db namespace or of a container's root file system (the
/// seed's `ZdbDiskType`).
#[derive(Schema, Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[schema(repr = "int", rename_all = "lowercase")]
pub enum DiskType {
    /// Spinning disk.
    #[default]
    Hdd = 0,
    /// Solid-state disk.
    Ssd = 1,
}

/// How a 0-db namespace stores keys.
#[derive(Schema, Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[schema(repr = "int", rename_all = "lowercase")]
pub enum ZdbMode {
    /// Sequential: 0-db chooses the keys (append only).
    #[default]
    Seq = 0,
    /// User: the client chooses the keys.
    User = 1,
}

/// The kind of a workload (`workload_type`, and `Result.category`).
///
/// Before July 2020 the names of two kinds were written with a dash; `reverse-proxy` and
/// `domain-delegate` are accepted as aliases when parsing names.
#[derive(Schema, Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[schema(repr = "int", rename_all = "snake_case")]
pub enum WorkloadType {
    /// A 0-db namespace (`Zdb`).
    #[default]
    Zdb = 0,
    /// A container (`Container`).
    Container = 1,
    /// A volume (`Volume`).
    Volume = 2,
    /// A whole network of the legacy reservation model (`Network`).
    Network = 3,
    /// A Kubernetes virtual machine (`K8S`).
    Kubernetes = 4,
    /// A TCP proxy on a gateway (`GatewayProxy`).
    Proxy = 5,
    /// A reverse tunnel on a gateway (`GatewayReverseProxy`).
    #[schema(alias = "reverse-proxy")]
    ReverseProxy = 6,
    /// A DNS sub-domain on a gateway (`GatewaySubdomain`).
    Subdomain = 7,
    /// A delegated domain on a gateway (`GatewayDelegate`).
    #[schema(alias = "domain-delegate")]
    DomainDelegate = 8,
    /// An IPv4-to-IPv6 WireGuard tunnel on a gateway (`Gateway4To6`).
    #[schema(rename = "gateway4to6")]
    Gateway4To6 = 9,
    /// The part of a network on one node (`NetworkResource`).
    NetworkResource = 10,
}
