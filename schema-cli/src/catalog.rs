//! The types the tool knows: by default the 0-OS v2 registry of `schemas::zos`; tests
//! can bring their own.

use serde_json::Value;

use schemas::registry::TypeInfo;
use schemas::SchemaGenerator;

use crate::fast::{self, FastCheck};

type Detect = dyn Fn(&Value) -> Option<&'static str> + Send + Sync;

/// A list of types, and how to tell which one a document is.
pub struct Catalog {
    title: &'static str,
    types: Vec<TypeInfo>,
    detect: Box<Detect>,
    fast: Vec<Option<FastCheck>>,
}

/// The fast checks of the 0-OS types (see [`crate::fast`]); a registered type missing
/// here is only checked by the full path.
macro_rules! zos_fast {
    ($($t:ident),* $(,)?) => {
        &[$((stringify!($t), fast::check::<schemas::zos::$t> as FastCheck)),*]
    };
}

const ZOS_FAST: &[(&str, FastCheck)] = zos_fast!(
    Reservation,
    ContainerWorkload,
    VolumeWorkload,
    ZdbWorkload,
    K8SWorkload,
    NetworkResourceWorkload,
    GatewayProxyWorkload,
    GatewayReverseProxyWorkload,
    GatewaySubdomainWorkload,
    GatewayDelegateWorkload,
    Gateway4To6Workload,
    ReservationData,
    ReservationInfo,
    SigningRequest,
    SigningSignature,
    Result,
    Workload,
    Container,
    ContainerCapacity,
    ContainerMount,
    NetworkConnection,
    Logs,
    LogsRedis,
    StatsAggregator,
    Volume,
    Zdb,
    K8S,
    Network,
    NetworkNetResource,
    WireguardPeer,
    NetworkResource,
    GatewayProxy,
    GatewayReverseProxy,
    GatewaySubdomain,
    GatewayDelegate,
    Gateway4To6,
    NextAction,
    ResultState,
    ResultCategory,
    VolumeType,
    DiskType,
    ZdbMode,
    WorkloadType,
);

impl Catalog {
    /// A catalog of `types`; `detect` names the type of a document, if it can tell.
    pub fn new(
        title: &'static str,
        types: Vec<TypeInfo>,
        detect: impl Fn(&Value) -> Option<&'static str> + Send + Sync + 'static,
    ) -> Self {
        Catalog {
            title,
            fast: vec![None; types.len()],
            types,
            detect: Box::new(detect),
        }
    }

    /// Adds the fast check of the type called `name` (see [`crate::fast`]).
    pub fn with_fast(mut self, name: &str, check: FastCheck) -> Self {
        if let Some(i) = self.types.iter().position(|t| t.name() == name) {
            self.fast[i] = Some(check);
        }
        self
    }

    /// The fast check of the `i`th type, if it has one.
    pub fn fast(&self, i: usize) -> Option<FastCheck> {
        self.fast.get(i).copied().flatten()
    }

    /// The ThreeFold 0-OS v2 provisioning types.
    pub fn zos() -> Self {
        let catalog = Catalog::new("zos", schemas::zos::registry().to_vec(), |doc| {
            schemas::zos::detect(doc).map(TypeInfo::name)
        });
        ZOS_FAST
            .iter()
            .fold(catalog, |c, (name, check)| c.with_fast(name, *check))
    }

    /// The same catalog without its fast checks (every document takes the full path).
    pub fn without_fast(mut self) -> Self {
        self.fast = vec![None; self.types.len()];
        self
    }

    /// The title of the bundle (`schema --all`).
    pub fn title(&self) -> &'static str {
        self.title
    }

    /// Every type, in registry order.
    pub fn types(&self) -> &[TypeInfo] {
        &self.types
    }

    /// The type called `name`.
    pub fn find(&self, name: &str) -> Option<&TypeInfo> {
        self.types.iter().find(|t| t.name() == name)
    }

    /// The type called `name`, or else the one whose name differs only in ASCII case.
    pub fn find_loose(&self, name: &str) -> Option<&TypeInfo> {
        self.find(name).or_else(|| {
            self.types
                .iter()
                .find(|t| t.name().eq_ignore_ascii_case(name))
        })
    }

    /// The type of `doc`, when it can be told from its content.
    pub fn detect(&self, doc: &Value) -> Option<&TypeInfo> {
        (self.detect)(doc).and_then(|n| self.find(n))
    }

    /// One schema document with every type in `$defs`.
    pub fn bundle(&self) -> Value {
        let mut generator = SchemaGenerator::new();
        for t in &self.types {
            t.add_to(&mut generator);
        }
        generator.bundle(self.title)
    }

    /// The names, comma separated, for messages.
    pub fn names(&self) -> String {
        self.types
            .iter()
            .map(TypeInfo::name)
            .collect::<Vec<_>>()
            .join(", ")
    }
}
