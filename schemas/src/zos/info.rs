//! [`ReservationInfo`], the fields every workload of the workload API carries, and the
//! `workload!` macro that declares them in place in each workload type.
//!
//! In Go, `ReservationInfo` is embedded in each workload, so its fields sit flat in the
//! workload's JSON object. The types here declare those fields directly (rather than with
//! `#[serde(flatten)]`, which would lose the JSON Pointer of errors inside them and of
//! unknown keys), in Go's order: the `ReservationInfo` fields first, then the workload's
//! own.
//!
//! Each workload kind has two types with the same fields: the one found in the lists of a
//! legacy reservation's `data_reservation` (`Container`, `Volume`, ...), where a missing
//! `ReservationInfo` field is normal, and the single workload document of the workload
//! API (`ContainerWorkload`, ...), which must also satisfy the rules the explorer applied
//! to a new workload (`customer_tid`, `customer_signature`, `pool_id`, `metadata`) and
//! whose `workload_type` must name its kind.

use super::enums::WorkloadType;
use super::wire::Signature;

/// Read access to the `ReservationInfo` fields of any workload type (for rules and tools).
pub trait Workloader {
    /// The kind of workload this type holds (`None` for `ReservationInfo` itself).
    const KIND: Option<WorkloadType>;
    /// `workload_id`: the id of the workload inside its reservation.
    fn workload_id(&self) -> i64;
    /// `node_id`: the node that runs the workload.
    fn node_id(&self) -> &str;
    /// `pool_id`: the capacity pool that pays for the workload.
    fn pool_id(&self) -> i64;
    /// `customer_tid`: the customer's 3Bot id.
    fn customer_tid(&self) -> i64;
    /// `customer_signature`: the customer's signature.
    fn customer_signature(&self) -> &Signature;
    /// `metadata`: free text of the customer.
    fn metadata(&self) -> &str;
    /// `workload_type`: the kind the document says it is.
    fn workload_type(&self) -> WorkloadType;
}

/// Declares a workload struct whose `ReservationInfo` fields sit in place, with serde,
/// `Schema` and `Workloader`; with `standalone`, also its single workload document type
/// and the conversions between the two.
macro_rules! workload {
    (
        $(#[$meta:meta])*
        pub struct $name:ident ($kind:expr) standalone $standalone:ident ($sdoc:literal)
        $(rules [$($rule:ident),* $(,)?])?
        {
            $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty, )*
        }
    ) => {
        $crate::zos::info::workload! {
            @struct
            $(#[$meta])*
            $($(#[schema(rule = rules::$rule)])*)?
            pub struct $name (::core::option::Option::Some($kind)) {
                $( $(#[$fmeta])* pub $field : $ty, )*
            }
        }
        $crate::zos::info::workload! {
            @struct
            #[doc = $sdoc]
            #[doc = ""]
            #[doc = "A single workload document of the workload API: the `ReservationInfo` fields and the workload's own, checked with the rules the explorer applied to a new workload."]
            $($(#[schema(rule = rules::$rule)])*)?
            #[schema(rule = $crate::zos::rules::customer_tid)]
            #[schema(rule = $crate::zos::rules::customer_signature)]
            #[schema(rule = $crate::zos::rules::metadata_size)]
            #[schema(rule = $crate::zos::rules::pool_id)]
            #[schema(rule = $crate::zos::rules::workload_type)]
            pub struct $standalone (::core::option::Option::Some($kind)) {
                $( $(#[$fmeta])* pub $field : $ty, )*
            }
        }
        $crate::zos::info::workload!(@convert $name $standalone { $($field)* });
        $crate::zos::info::workload!(@convert $standalone $name { $($field)* });
    };
    (@convert $from:ident $to:ident { $($field:ident)* }) => {
        impl ::core::convert::From<$from> for $to {
            fn from(w: $from) -> Self {
                $to {
                    workload_id: w.workload_id,
                    node_id: w.node_id,
                    pool_id: w.pool_id,
                    reference: w.reference,
                    description: w.description,
                    signing_request_provision: w.signing_request_provision,
                    signing_request_delete: w.signing_request_delete,
                    id: w.id,
                    json: w.json,
                    customer_tid: w.customer_tid,
                    customer_signature: w.customer_signature,
                    next_action: w.next_action,
                    signatures_provision: w.signatures_provision,
                    signature_farmer: w.signature_farmer,
                    signatures_delete: w.signatures_delete,
                    epoch: w.epoch,
                    metadata: w.metadata,
                    result: w.result,
                    workload_type: w.workload_type,
                    $($field: w.$field,)*
                }
            }
        }
    };
    (
        @struct
        $(#[$meta:meta])*
        pub struct $name:ident ($kind:expr) {
            $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty, )*
        }
    ) => {
        #[derive(
            $crate::Schema,
            ::serde::Serialize,
            ::serde::Deserialize,
            ::core::clone::Clone,
            ::core::fmt::Debug,
            ::core::default::Default,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
        )]
        $(#[$meta])*
        #[serde(default, deny_unknown_fields)]
        pub struct $name {
            /// The id of the workload inside its reservation (an auto-increment, unique
            /// across the reservation's workloads).
            pub workload_id: i64,
            /// The id of the node that runs the workload (the node's base58 public key).
            pub node_id: ::std::string::String,
            /// The capacity pool that pays for the workload (workload API; `0` in legacy
            /// reservations).
            pub pool_id: i64,
            /// For a workload converted from a legacy reservation, the id of that
            /// reservation's workload; `""` otherwise.
            pub reference: ::std::string::String,
            /// Free description of the workload.
            pub description: ::std::string::String,
            /// Who must sign, and how many of them, before the workload is provisioned.
            pub signing_request_provision: $crate::zos::SigningRequest,
            /// Who must sign, and how many of them, before the workload is deleted.
            pub signing_request_delete: $crate::zos::SigningRequest,
            /// The id the explorer gave the workload (`0` before it is created).
            pub id: i64,
            /// The JSON the customer signed (legacy reservations; unused by the workload API).
            pub json: ::std::string::String,
            /// The 3Bot id of the customer who pays for the workload.
            pub customer_tid: i64,
            /// The customer's signature of the workload (hex of an ed25519 signature).
            pub customer_signature: $crate::zos::Signature,
            /// What happens next to the workload.
            pub next_action: $crate::zos::NextAction,
            /// Signatures collected for the provisioning signing request (`null` if none).
            pub signatures_provision:
                ::core::option::Option<::std::vec::Vec<$crate::zos::SigningSignature>>,
            /// The signature of the farmer who accepted the workload.
            pub signature_farmer: $crate::zos::SigningSignature,
            /// Signatures collected for the delete signing request (`null` if none).
            pub signatures_delete:
                ::core::option::Option<::std::vec::Vec<$crate::zos::SigningSignature>>,
            /// When the workload was created (Unix seconds).
            pub epoch: $crate::zos::UnixTime,
            /// Free text of the customer, at most 1024 bytes.
            pub metadata: ::std::string::String,
            /// The outcome the node reported.
            pub result: $crate::zos::Result,
            /// The kind of workload (its integer value on the wire).
            pub workload_type: $crate::zos::WorkloadType,
            $( $(#[$fmeta])* pub $field : $ty, )*
        }

        impl $crate::zos::Workloader for $name {
            const KIND: ::core::option::Option<$crate::zos::WorkloadType> = $kind;
            fn workload_id(&self) -> i64 {
                self.workload_id
            }
            fn node_id(&self) -> &str {
                &self.node_id
            }
            fn pool_id(&self) -> i64 {
                self.pool_id
            }
            fn customer_tid(&self) -> i64 {
                self.customer_tid
            }
            fn customer_signature(&self) -> &$crate::zos::Signature {
                &self.customer_signature
            }
            fn metadata(&self) -> &str {
                &self.metadata
            }
            fn workload_type(&self) -> $crate::zos::WorkloadType {
                self.workload_type
            }
        }
    };
}
pub(crate) use workload;

workload! {
    @struct
    /// The fields common to every workload of the workload API (Go embeds this struct, so
    /// they sit flat in each workload's JSON object). Registered on its own to check or
    /// describe that common part.
    pub struct ReservationInfo (None) {}
}
