//! The zoo: test types that together use every `#[schema(...)]` keyword and every serde
//! attribute the derive reads. Snapshots, the agreement test and the benchmark use them.

use std::collections::BTreeMap;

use schemas::{Context, Schema};
use serde::{Deserialize, Serialize};

/// How a disk is backed (an integer on the wire, with explicit values).
#[derive(Schema, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[schema(repr = "int", rename_all = "UPPERCASE")]
pub enum Disk {
    /// Spinning disk.
    #[default]
    Hdd = 1,
    /// Solid state disk.
    Ssd = 2,
    /// Memory-backed disk, written `NVME` as well.
    #[schema(rename = "NVM", alias = "NVME")]
    Nvm = 5,
}

/// A state, written by name on the wire.
#[derive(Schema, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[schema(repr = "string", rename_all = "snake_case")]
pub enum Phase {
    /// Just created.
    #[default]
    Created,
    /// Running; `running-now` is the old spelling.
    #[schema(alias = "running-now")]
    RunningNow,
    /// Stopped.
    Stopped,
}

/// An enum whose wire form serde derives (kebab-case names).
#[derive(Schema, Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Color {
    /// Red.
    #[default]
    DeepRed,
    /// Green, also accepted as `lime`.
    #[serde(alias = "lime")]
    Green,
}

/// A port number (a newtype: its wire form is the number).
#[derive(Schema, Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Default)]
pub struct Port(#[schema(range(min = 1, max = 65535))] pub u32);

/// A labelled value (transparent: the wire form is the label).
#[derive(Schema, Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
#[serde(transparent)]
pub struct Label {
    /// The label text.
    #[schema(length(min = 1, max = 16), pattern = "^[a-z][a-z0-9-]*$")]
    pub text: String,
}

/// A value of any type with a name (generic: the bound is inferred).
#[derive(Schema, Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Named<T> {
    /// The name.
    #[schema(non_empty)]
    pub name: String,
    /// The value.
    pub value: T,
}

/// Who asks, embedded flat in the objects that carry it.
#[derive(Schema, Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Owner {
    /// The owner's id.
    #[schema(range(exclusive_min = 0))]
    #[serde(default)]
    pub owner_id: i64,
    /// How to reach the owner.
    #[schema(format = "email", example = "ops@example.com")]
    #[serde(default)]
    pub contact: String,
}

/// Resources of a workload.
#[derive(Schema, Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Capacity {
    /// Virtual CPUs.
    #[schema(range(min = 1, max = 32))]
    pub cpu_count: u8,
    /// Memory in MiB.
    #[schema(range(min = 256, exclusive_max = 1048576))]
    pub memory_mib: u32,
    /// Fraction of the host (0 excluded).
    #[schema(range(exclusive_min = 0.0, max = 1.0))]
    pub share: f64,
    /// Backing disk.
    #[serde(default)]
    pub disk: Disk,
}

/// Network addresses of every kind.
#[derive(Schema, Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Endpoints {
    /// IPv4 address.
    #[schema(format = "ipv4")]
    pub v4: String,
    /// IPv6 address.
    #[schema(format = "ipv6")]
    pub v6: String,
    /// Any IP address.
    #[schema(format = "ip")]
    pub ip: Option<String>,
    /// A range, host bits allowed.
    #[schema(format = "cidr", example = "10.1.1.5/24")]
    pub range: String,
    /// Where the image lives.
    #[schema(format = "uri")]
    pub hub: String,
    /// Public host name.
    #[schema(format = "hostname")]
    pub domain: String,
    /// When it was made.
    #[schema(format = "date-time")]
    pub created: String,
}

/// A workload: nests everything else.
#[derive(Schema, Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
#[serde(deny_unknown_fields)]
#[schema(title = "Zoo workload", rule = check_ports)]
pub struct Workload {
    /// Identifier, unique in a reservation.
    #[serde(rename = "workload_id", alias = "wid")]
    pub id: u64,
    /// Who asks.
    #[serde(flatten)]
    pub owner: Owner,
    /// Resources.
    pub capacity: Capacity,
    /// Addresses.
    #[serde(default)]
    pub endpoints: Endpoints,
    /// Public ports; no port twice.
    #[schema(unique, length(max = 8))]
    #[serde(default)]
    pub ports: Vec<Port>,
    /// Labels, possibly `null`.
    #[schema(length(max = 4))]
    #[serde(default)]
    pub labels: Option<Vec<Label>>,
    /// Environment.
    #[serde(default)]
    pub env: BTreeMap<String, String>,
    /// Secret environment, sealed for the node as hex.
    #[schema(secret, format = "hex")]
    #[serde(default)]
    pub sealed: String,
    /// Signature: 8 hex digits.
    #[schema(length(equal = 8), format = "hex", custom = not_all_zero)]
    #[serde(default)]
    pub signature: String,
    /// WireGuard key.
    #[schema(format = "base64")]
    #[serde(default)]
    pub key: String,
    /// Old name of the node.
    #[schema(deprecated)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
    /// Lifecycle.
    #[serde(default)]
    pub phase: Phase,
    /// Colour.
    #[serde(default)]
    pub color: Color,
    /// Optional child, boxed.
    #[serde(default)]
    pub child: Option<Box<Named<u16>>>,
    /// Not on the wire.
    #[serde(skip)]
    pub cache: Vec<u8>,
}

/// `signature` must not be all zeros.
pub fn not_all_zero(sig: &str, cx: &mut Context<'_>) {
    if !sig.is_empty() && sig.bytes().all(|b| b == b'0') {
        cx.error("custom.zero_signature", "must not be all zeros");
    }
}

/// Ports above 1024 are only for workloads with an owner.
pub fn check_ports(w: &Workload, cx: &mut Context<'_>) {
    if w.owner.owner_id == 0 {
        for (i, p) in w.ports.iter().enumerate() {
            if p.0 < 1024 {
                cx.error_at(
                    &format!("/ports/{i}"),
                    "rule.owner_port",
                    "ports below 1024 need an owner",
                );
            }
        }
    }
}

/// A message, externally tagged (serde's default).
#[derive(Schema, Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(deny_unknown_fields)]
pub enum Message {
    /// Nothing to say.
    Ping,
    /// A text.
    Text(#[schema(length(max = 10))] String),
    /// A move.
    Move {
        /// Distance.
        #[schema(range(min = 0, max = 100))]
        steps: i32,
        /// Direction.
        #[serde(default)]
        back: bool,
    },
}

/// A shape, internally tagged by `kind`.
#[derive(Schema, Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Shape {
    /// A point.
    Point,
    /// A circle.
    Circle {
        /// Radius.
        #[schema(range(exclusive_min = 0.0))]
        radius: f64,
    },
}

/// An event, adjacently tagged.
#[derive(Schema, Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(tag = "t", content = "c")]
pub enum Event {
    /// Started.
    Start,
    /// A count.
    Count(#[schema(range(max = 10))] u8),
    /// A rename.
    Rename {
        /// The new name.
        #[schema(non_empty)]
        to: String,
    },
}

/// A number or a text (untagged; the variants are disjoint).
#[derive(Schema, Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(untagged)]
pub enum Loose {
    /// A number.
    Number(#[schema(range(min = -5, max = 5))] i32),
    /// A text.
    Text(#[schema(format = "hostname")] String),
    /// Nothing.
    Nothing,
}

/// Many workloads: the large nested value of the benchmark.
#[derive(Schema, Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Fleet {
    /// The workloads.
    #[schema(length(max = 100000))]
    pub workloads: Vec<Workload>,
    /// Messages exchanged.
    #[serde(default)]
    pub messages: Vec<Message>,
}
