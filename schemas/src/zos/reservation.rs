//! The whole-reservation model: [`Reservation`] and its [`ReservationData`], the signing
//! types, the node's [`Result`] and the explorer's [`Workload`] queue entry.

use serde::{Deserialize, Serialize};

use super::enums::{NextAction, ResultState, WorkloadType};
use super::gateway::{
    Gateway4To6, GatewayDelegate, GatewayProxy, GatewayReverseProxy, GatewaySubdomain,
};
use super::network::{Network, NetworkResource};
use super::rules;
use super::wire::{Signature, UnixTime};
use super::workloads::{Container, Volume, Zdb, K8S};
use crate::Schema;

/// A reservation of the legacy model: the customer's signed `ReservationData` and what
/// the explorer recorded about it.
#[derive(Schema, Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
#[schema(rule = rules::customer_tid)]
#[schema(rule = rules::customer_signature)]
#[schema(rule = rules::json_mismatch)]
#[schema(rule = rules::metadata_size)]
#[schema(rule = rules::duplicate_workload_id)]
#[schema(rule = rules::disk_type_ssd)]
pub struct Reservation {
    /// The id the explorer gave the reservation (`0` before it is created).
    pub id: i64,
    /// The JSON of `data_reservation`, as the customer signed it; it never changes.
    pub json: String,
    /// What is reserved. Must be equal to what `json` holds.
    pub data_reservation: ReservationData,
    /// The 3Bot id of the customer who pays for the reservation.
    pub customer_tid: i64,
    /// The customer's signature of `json` (hex of an ed25519 signature): it guarantees
    /// that the data did not change.
    pub customer_signature: Signature,
    /// The state of the reservation: what happens next (e.g. `sign` waits for everyone
    /// to sign; `delete` waits for enough delete signatures).
    pub next_action: NextAction,
    /// Signatures collected for the provisioning signing request (`null` if none).
    pub signatures_provision: Option<Vec<SigningSignature>>,
    /// Signatures of the farmers who accepted the reservation (`null` if none).
    pub signatures_farmer: Option<Vec<SigningSignature>>,
    /// Signatures collected for the delete signing request (`null` if none).
    pub signatures_delete: Option<Vec<SigningSignature>>,
    /// When the reservation was created (Unix seconds).
    pub epoch: UnixTime,
    /// Free text of the customer, at most 1024 bytes.
    pub metadata: String,
    /// What the nodes reported, one result a workload (`null` if none yet).
    pub results: Option<Vec<Result>>,
}

/// What a legacy reservation reserves. It does not change over time: the customer signs
/// its JSON.
#[derive(Schema, Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
#[schema(rule = rules::expiration_order)]
#[schema(rule = rules::expired)]
pub struct ReservationData {
    /// Free description of the reservation.
    pub description: String,
    /// The currencies the customer accepts to pay with (e.g. `TFT`; `null` if any).
    pub currencies: Option<Vec<String>>,
    /// Who must sign, and how many of them, before the workloads are provisioned.
    pub signing_request_provision: SigningRequest,
    /// Who must sign, and how many of them, before the workloads are deleted.
    pub signing_request_delete: SigningRequest,
    /// Containers to run.
    pub containers: Option<Vec<Container>>,
    /// Volumes to create.
    pub volumes: Option<Vec<Volume>>,
    /// 0-db namespaces to create.
    pub zdbs: Option<Vec<Zdb>>,
    /// Networks to create (the whole-network form, one resource a node).
    pub networks: Option<Vec<Network>>,
    /// Network resources (the later form of a network: one per node).
    pub network_resource: Option<Vec<NetworkResource>>,
    /// Kubernetes virtual machines to run.
    pub kubernetes: Option<Vec<K8S>>,
    /// TCP proxies on gateways.
    pub proxies: Option<Vec<GatewayProxy>>,
    /// Reverse tunnels on gateways (first written `reserve_proxies`, and `reverse_proxy`
    /// in the schema sources: both accepted when reading).
    #[serde(alias = "reserve_proxies", alias = "reverse_proxy")]
    pub reverse_proxies: Option<Vec<GatewayReverseProxy>>,
    /// DNS sub-domains on gateways (first written `subdomain`: accepted when reading).
    #[serde(alias = "subdomain")]
    pub subdomains: Option<Vec<GatewaySubdomain>>,
    /// Domains delegated to gateways (first written `domain_delegate`: accepted when
    /// reading).
    #[serde(alias = "domain_delegate")]
    pub domain_delegates: Option<Vec<GatewayDelegate>>,
    /// IPv4-to-IPv6 tunnels on gateways.
    pub gateway4to6: Option<Vec<Gateway4To6>>,
    /// Until when the reservation may be provisioned: if it is not signed and deployed by
    /// then, it is dropped (Unix seconds).
    pub expiration_provisioning: UnixTime,
    /// Until when the reservation is valid: its workloads are deleted then (Unix seconds).
    pub expiration_reservation: UnixTime,
}

/// Who must sign, and how many of them (part of the signed data, so that it can never be
/// changed afterwards).
#[derive(Schema, Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
#[schema(rule = rules::signers_unique)]
#[schema(rule = rules::quorum)]
pub struct SigningRequest {
    /// The 3Bot ids of the people who can sign (`null` if none).
    pub signers: Option<Vec<i64>>,
    /// How many of them must sign: from 0 to the number of signers (the legacy value
    /// 2147483647 means that no signature is needed).
    pub quorum_min: i64,
}

/// One signature of a signing request.
#[derive(Schema, Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct SigningSignature {
    /// The 3Bot id of the signer.
    pub tid: i64,
    /// The signature (hex of an ed25519 signature) of the reservation's JSON.
    pub signature: Signature,
    /// When it was signed (Unix seconds).
    pub epoch: UnixTime,
}

/// What a node reports after deploying (or failing to deploy, or deleting) a workload.
#[derive(Schema, Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct Result {
    /// The kind of workload. Since April 2020 the explorer wrote `WorkloadType` numbers
    /// here (not the older `ResultCategory` ones), so it decodes as a `WorkloadType`.
    pub category: WorkloadType,
    /// The global id of the workload: `<reservation id>-<workload id>`.
    pub workload_id: String,
    /// What the node returns about the deployed workload (any JSON, e.g. an IP address).
    pub data_json: serde_json::Value,
    /// The node's signature of `data_json` (hex of an ed25519 signature).
    pub signature: Signature,
    /// Whether the deployment succeeded.
    pub state: ResultState,
    /// Why it failed, when it did.
    pub message: String,
    /// When the node reported (Unix seconds).
    pub epoch: UnixTime,
    /// The node that reported.
    pub node_id: String,
}

/// An entry of the explorer's queue of work for the nodes: one workload of a reservation.
#[derive(Schema, Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct Workload {
    /// The global id of the workload: `<reservation id>-<workload id>`.
    pub workload_id: String,
    /// The 3Bot id of the customer, as text.
    pub user: String,
    /// The kind of workload `content` holds.
    #[serde(rename = "type")]
    pub type_: WorkloadType,
    /// The workload itself (a Container, Volume, ... as JSON).
    pub content: serde_json::Value,
    /// When the workload was created (Unix seconds).
    pub created: UnixTime,
    /// How long the workload lives, in seconds.
    pub duration: i64,
    /// The customer's signature.
    pub signature: String,
    /// Whether the node must delete the workload.
    pub to_delete: bool,
    /// The node that runs the workload.
    pub node_id: String,
    /// The capacity pool that pays for the workload (workload API).
    pub pool_id: i64,
}
