//! The types the tool knows: by default the 0-OS v2 registry of `schemas::zos`; tests
//! can bring their own.

use serde_json::Value;

use schemas::registry::TypeInfo;
use schemas::SchemaGenerator;

type Detect = dyn Fn(&Value) -> Option<&'static str> + Send + Sync;
type Guess = dyn Fn(&[u8]) -> Option<&'static str> + Send + Sync;

/// A list of types, and how to tell which one a document is.
pub struct Catalog {
    title: &'static str,
    types: Vec<TypeInfo>,
    detect: Box<Detect>,
    guess: Box<Guess>,
    fast: bool,
}

impl Catalog {
    /// A catalog of `types`; `detect` names the type of a document, if it can tell.
    pub fn new(
        title: &'static str,
        types: Vec<TypeInfo>,
        detect: impl Fn(&Value) -> Option<&'static str> + Send + Sync + 'static,
    ) -> Self {
        Catalog {
            title,
            fast: true,
            types,
            detect: Box::new(detect),
            guess: Box::new(|_| None),
        }
    }

    /// The same catalog with a first guess at a document's type from its bytes, which
    /// the fast path tries before it scans the document's top level (see
    /// [`crate::fast`]). A wrong guess costs time, never a verdict.
    pub fn with_guess(
        mut self,
        guess: impl Fn(&[u8]) -> Option<&'static str> + Send + Sync + 'static,
    ) -> Self {
        self.guess = Box::new(guess);
        self
    }

    /// Whether documents that look valid take the fast path (see [`crate::fast`]).
    pub fn fast(&self) -> bool {
        self.fast
    }

    /// The ThreeFold 0-OS v2 provisioning types.
    pub fn zos() -> Self {
        Catalog::new("zos", schemas::zos::registry().to_vec(), |doc| {
            schemas::zos::detect(doc).map(TypeInfo::name)
        })
        .with_guess(|bytes| schemas::zos::guess(bytes).map(TypeInfo::name))
    }

    /// The same catalog without its fast checks (every document takes the full path).
    pub fn without_fast(mut self) -> Self {
        self.fast = false;
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

    /// The type `bytes` most likely hold, from a search rather than a parse: a guess
    /// to be confirmed.
    pub fn guess(&self, bytes: &[u8]) -> Option<&TypeInfo> {
        (self.guess)(bytes).and_then(|n| self.find(n))
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
