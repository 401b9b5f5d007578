//! The rules of the 0-OS v2 definitions: cross-field checks, each with its own stable
//! code (`rule.*`) and a message that says what is expected.
//!
//! Each rule is a function the types name in `#[schema(rule = ...)]` (or `custom = ...`
//! for a single field); the context points at the value the rule is attached to, and a
//! violation is reported at the member that is wrong. The README lists every rule
//! with its meaning and its origin (the original explorer, the nodes, or added here).

use std::collections::HashMap;

use serde_json::Value;

use super::enums::{DiskType, VolumeType};
use super::info::Workloader;
use super::reservation::{Reservation, ReservationData, SigningRequest};
use super::wire::Signature;
use crate::Context;

mod parts;
pub use parts::*;

/// The largest `metadata`, in bytes, the explorer accepted.
pub const MAX_METADATA_BYTES: usize = 1024;

/// The `quorum_min` legacy documents used to say that no signature is needed.
pub const LEGACY_NO_QUORUM: i64 = 2_147_483_647;

/// The shortest reservation the explorer accepted, in seconds.
pub const MIN_RESERVATION_SECONDS: i64 = 3600;

/// The fields the customer rules read: implemented by [`Reservation`] and every workload.
pub trait Signed {
    /// `customer_tid`.
    fn customer_tid(&self) -> i64;
    /// `customer_signature`.
    fn customer_signature(&self) -> &Signature;
    /// `metadata`.
    fn metadata(&self) -> &str;
}

impl Signed for Reservation {
    fn customer_tid(&self) -> i64 {
        self.customer_tid
    }
    fn customer_signature(&self) -> &Signature {
        &self.customer_signature
    }
    fn metadata(&self) -> &str {
        &self.metadata
    }
}

impl<W: Workloader> Signed for W {
    fn customer_tid(&self) -> i64 {
        Workloader::customer_tid(self)
    }
    fn customer_signature(&self) -> &Signature {
        Workloader::customer_signature(self)
    }
    fn metadata(&self) -> &str {
        Workloader::metadata(self)
    }
}

/// `rule.customer_tid`: the customer's 3Bot id is set.
pub fn customer_tid<T: Signed>(t: &T, cx: &mut Context<'_>) {
    let tid = t.customer_tid();
    if tid <= 0 {
        cx.error_at(
            "/customer_tid",
            "rule.customer_tid",
            format!("customer_tid is required: the 3Bot id (a positive integer) of the customer who pays, got {tid}"),
        );
    }
}

/// `rule.customer_signature`: the customer's signature is set.
pub fn customer_signature<T: Signed>(t: &T, cx: &mut Context<'_>) {
    if t.customer_signature().is_empty() {
        cx.error_at(
            "/customer_signature",
            "rule.customer_signature",
            "customer_signature is required: the customer's signature of what is reserved",
        );
    }
}

/// `rule.metadata_size`: `metadata` is at most 1024 bytes.
pub fn metadata_size<T: Signed>(t: &T, cx: &mut Context<'_>) {
    let n = t.metadata().len();
    if n > MAX_METADATA_BYTES {
        cx.error_at(
            "/metadata",
            "rule.metadata_size",
            format!("metadata must be at most {MAX_METADATA_BYTES} bytes, got {n} bytes"),
        );
    }
}

/// `rule.pool_id`: a workload document names the capacity pool that pays for it.
pub fn pool_id<W: Workloader>(w: &W, cx: &mut Context<'_>) {
    if w.pool_id() <= 0 {
        cx.error_at(
            "/pool_id",
            "rule.pool_id",
            format!(
                "pool_id is required: the id (a positive integer) of the capacity pool that pays for the workload, got {}",
                w.pool_id()
            ),
        );
    }
}

/// `rule.workload_type`: a workload document's `workload_type` names its kind.
pub fn workload_type<W: Workloader>(w: &W, cx: &mut Context<'_>) {
    let Some(kind) = W::KIND else { return };
    let got = w.workload_type();
    if got != kind {
        cx.error_at(
            "/workload_type",
            "rule.workload_type",
            format!(
                "must be {} ({kind}) in a {kind} workload document, got {} ({got})",
                kind.to_int(),
                got.to_int()
            ),
        );
    }
}

/// `rule.json_mismatch`: `json` decodes as reservation data equal to `data_reservation`.
///
/// Both sides are compared decoded, as the explorer compared them: a missing key, `null`
/// and the zero value are the same, but `[]` is not `null`; IP ranges and addresses are
/// compared as addresses.
pub fn json_mismatch(r: &Reservation, cx: &mut Context<'_>) {
    const CODE: &str = "rule.json_mismatch";
    if r.json.trim().is_empty() {
        cx.error_at(
            "/json",
            CODE,
            "json must hold the JSON of data_reservation (what the customer signed), but it is empty",
        );
        return;
    }
    if is_encoding_of(&r.data_reservation, r.json.as_bytes()) {
        return;
    }
    match serde_json::from_str::<ReservationData>(&r.json) {
        Err(e) => {
            let msg = crate::registry::redact_serde_message(&e.to_string());
            cx.error_at(
                "/json",
                CODE,
                format!("json must hold the JSON of data_reservation, but it does not decode as reservation data: {msg}"),
            );
        }
        Ok(data) if data != r.data_reservation => {
            let a = serde_json::to_value(&data).unwrap_or(Value::Null);
            let b = serde_json::to_value(&r.data_reservation).unwrap_or(Value::Null);
            let at = first_difference(&a, &b).unwrap_or_default();
            cx.error_at(
                "/json",
                CODE,
                format!(
                    "json does not match data_reservation: they differ at /data_reservation{at}"
                ),
            );
        }
        Ok(_) => {}
    }
}

/// Whether `text` is exactly the compact JSON encoding of `data`: what a client that
/// signs `json = encode(data_reservation)` sends, and so the usual case of
/// [`json_mismatch`]. Then `text` decodes to `data` (the definitions round-trip, which
/// the fixture tests hold), so the rule holds without decoding `text` a second time.
/// The encoding is compared as it is written, and stops at the first differing byte;
/// any other text (other key order, spacing, escapes) is decoded and compared.
fn is_encoding_of(data: &ReservationData, text: &[u8]) -> bool {
    /// A writer that accepts only the bytes of `rest`, in order.
    struct Same<'a> {
        rest: &'a [u8],
    }
    impl std::io::Write for Same<'_> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            match self.rest.strip_prefix(buf) {
                Some(rest) => {
                    self.rest = rest;
                    Ok(buf.len())
                }
                None => Err(std::io::ErrorKind::InvalidData.into()),
            }
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut same = Same { rest: text };
    serde_json::to_writer(&mut same, data).is_ok() && same.rest.is_empty()
}

/// The JSON Pointer of the first place where `a` and `b` differ.
pub fn first_difference(a: &Value, b: &Value) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                let here = {
                    let mut p = String::new();
                    crate::push_token(&mut p, k);
                    p
                };
                match y.get(k) {
                    None => return Some(here),
                    Some(vb) => {
                        if let Some(rest) = first_difference(va, vb) {
                            return Some(here + &rest);
                        }
                    }
                }
            }
            y.keys().find(|k| !x.contains_key(*k)).map(|k| {
                let mut p = String::new();
                crate::push_token(&mut p, k);
                p
            })
        }
        (Value::Array(x), Value::Array(y)) => {
            for (i, (va, vb)) in x.iter().zip(y).enumerate() {
                if let Some(rest) = first_difference(va, vb) {
                    return Some(format!("/{i}{rest}"));
                }
            }
            (x.len() != y.len()).then(|| format!("/{}", x.len().min(y.len())))
        }
        _ => (a != b).then(String::new),
    }
}

/// `rule.duplicate_workload_id`: workload ids are unique across the containers,
/// volumes, zdbs, kubernetes and gateway lists of a reservation (networks are not
/// checked, as in the explorer).
pub fn duplicate_workload_id(r: &Reservation, cx: &mut Context<'_>) {
    fn ids<W: Workloader>(list: &Option<Vec<W>>) -> Vec<i64> {
        list.iter().flatten().map(Workloader::workload_id).collect()
    }
    let d = &r.data_reservation;
    let lists: [(&str, Vec<i64>); 9] = [
        ("containers", ids(&d.containers)),
        ("volumes", ids(&d.volumes)),
        ("zdbs", ids(&d.zdbs)),
        ("kubernetes", ids(&d.kubernetes)),
        ("proxies", ids(&d.proxies)),
        ("reverse_proxies", ids(&d.reverse_proxies)),
        ("subdomains", ids(&d.subdomains)),
        ("domain_delegates", ids(&d.domain_delegates)),
        ("gateway4to6", ids(&d.gateway4to6)),
    ];
    let mut seen: HashMap<i64, String> = HashMap::new();
    for (list, ids) in lists {
        for (i, id) in ids.into_iter().enumerate() {
            let here = format!("/data_reservation/{list}/{i}");
            match seen.get(&id) {
                Some(first) => cx.error_at(
                    &format!("{here}/workload_id"),
                    "rule.duplicate_workload_id",
                    format!("workload id {id} is already used by {first}: workload ids must be unique in a reservation"),
                ),
                None => {
                    seen.insert(id, here);
                }
            }
        }
    }
}

/// `rule.disk_type_ssd`: a reservation's containers and volumes use SSD.
pub fn disk_type_ssd(r: &Reservation, cx: &mut Context<'_>) {
    let d = &r.data_reservation;
    for (i, c) in d.containers.iter().flatten().enumerate() {
        let t = c.capacity.disk_type;
        if t != DiskType::Ssd {
            cx.error_at(
                &format!("/data_reservation/containers/{i}/capacity/disk_type"),
                "rule.disk_type_ssd",
                format!(
                    "a container's root file system must be on SSD: must be 1 (ssd), got {} ({t})",
                    t.to_int()
                ),
            );
        }
    }
    for (i, v) in d.volumes.iter().flatten().enumerate() {
        let t = v.type_;
        if t != VolumeType::Ssd {
            cx.error_at(
                &format!("/data_reservation/volumes/{i}/type"),
                "rule.disk_type_ssd",
                format!(
                    "a volume must be on SSD: must be 1 (SSD), got {} ({t})",
                    t.to_int()
                ),
            );
        }
    }
}

/// `rule.expiration_order`: the provisioning deadline is not after the end of the
/// reservation.
pub fn expiration_order(d: &ReservationData, cx: &mut Context<'_>) {
    let (p, r) = (d.expiration_provisioning, d.expiration_reservation);
    if p.is_set() && r.is_set() && p > r {
        cx.error_at(
            "/expiration_provisioning",
            "rule.expiration_order",
            format!("must not be after expiration_reservation ({r}), got {p}"),
        );
    }
}

/// `rule.expired` and `rule.min_duration` (only when validating at a given time): the
/// reservation ends after that time, and at least an hour after it.
pub fn expired(d: &ReservationData, cx: &mut Context<'_>) {
    let Some(now) = cx.options().now() else {
        return;
    };
    let end = d.expiration_reservation.seconds();
    if end <= now {
        cx.error_at(
            "/expiration_reservation",
            "rule.expired",
            format!(
                "the reservation expires at {end}, which is not after the validation time {now}"
            ),
        );
    } else if end - now < MIN_RESERVATION_SECONDS {
        cx.error_at(
            "/expiration_reservation",
            "rule.min_duration",
            format!(
                "a reservation must last at least one hour: it expires {} seconds after the validation time {now}",
                end - now
            ),
        );
    }
}

/// `rule.signers_unique`: no signer is listed twice.
pub fn signers_unique(s: &SigningRequest, cx: &mut Context<'_>) {
    let signers = s.signers.as_deref().unwrap_or_default();
    for (j, id) in signers.iter().enumerate() {
        if let Some(i) = signers[..j].iter().position(|x| x == id) {
            cx.error_at(
                &format!("/signers/{j}"),
                "rule.signers_unique",
                format!("signer {id} is already listed at index {i}: signers must be unique"),
            );
        }
    }
}

/// `rule.quorum`: `quorum_min` is between 0 and the number of signers (or the legacy
/// 2147483647).
pub fn quorum(s: &SigningRequest, cx: &mut Context<'_>) {
    let n = s.signers.as_ref().map_or(0, Vec::len) as i64;
    let q = s.quorum_min;
    if q != LEGACY_NO_QUORUM && !(0..=n).contains(&q) {
        cx.error_at(
            "/quorum_min",
            "rule.quorum",
            format!("must be between 0 and the number of signers ({n}), got {q}"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zos::generator;

    /// The shortcut of `json_mismatch` is taken exactly when `json` is the compact
    /// encoding, and then decoding `json` gives `data_reservation` back: the rule's
    /// verdict is the same with or without it.
    #[test]
    fn encoding_shortcut_agrees_with_decoding() {
        let mut taken = 0;
        for seed in 0..300 {
            let doc = generator::reservation(seed, &[]);
            let r: Reservation = match serde_json::from_value(doc) {
                Ok(r) => r,
                Err(e) => panic!("seed {seed}: {e}"),
            };
            let compact = serde_json::to_string(&r.data_reservation).unwrap_or_default();
            assert!(is_encoding_of(&r.data_reservation, compact.as_bytes()));
            let back: ReservationData = serde_json::from_str(&compact).unwrap_or_default();
            assert!(back == r.data_reservation, "seed {seed}: no round trip");
            if is_encoding_of(&r.data_reservation, r.json.as_bytes()) {
                taken += 1;
            }
            // Any other text of the same data is not taken for the encoding: a space,
            // a cut, one byte more.
            let spaced = serde_json::to_string_pretty(&r.data_reservation).unwrap_or_default();
            assert!(!is_encoding_of(&r.data_reservation, spaced.as_bytes()));
            assert!(!is_encoding_of(
                &r.data_reservation,
                &compact.as_bytes()[..compact.len() - 1]
            ));
            assert!(!is_encoding_of(
                &r.data_reservation,
                format!("{compact} ").as_bytes()
            ));
        }
        // The generator writes `json` as a client does, so the shortcut is the usual case.
        assert_eq!(taken, 300);
    }
}
