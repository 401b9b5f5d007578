//! Where a JSON Pointer is in the text of a document: byte ranges, then line and
//! column (1-based, columns counted in characters), and short excerpts of a line.
//!
//! This runs only on documents that have errors, and on text that already parsed. The
//! scanner still never trusts its input: malformed text ends the scan, it never panics,
//! and skipping a subtree is iterative, so nesting depth costs no stack.

use std::collections::HashMap;

mod excerpts;
mod lines;
mod scanner;

#[cfg(test)]
mod tests;

pub use excerpts::{excerpt, Excerpt};
pub use lines::{char_count, LineIndex};

use scanner::Scanner;

/// Where one value is in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loc {
    /// Offset of the member's key (its opening quote) when the value is an object
    /// member.
    pub key: Option<usize>,
    /// Offset of the value's first byte.
    pub start: usize,
    /// Offset just past the value's last byte.
    pub end: usize,
    /// Whether this is the value the pointer names (not its deepest ancestor that
    /// exists).
    pub exact: bool,
}

/// Splits a JSON Pointer into its unescaped reference tokens (`""` is the root).
pub fn tokens(pointer: &str) -> Vec<String> {
    if pointer.is_empty() {
        return Vec::new();
    }
    pointer
        .strip_prefix('/')
        .unwrap_or(pointer)
        .split('/')
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect()
}

#[derive(Default)]
struct Node {
    /// Children by object key.
    keys: HashMap<String, usize>,
    /// Children by array index (tokens that are canonical indices).
    indices: HashMap<usize, usize>,
    loc: Option<Loc>,
}

impl Node {
    fn is_leaf(&self) -> bool {
        self.keys.is_empty() && self.indices.is_empty()
    }
}

/// Finds every pointer in one pass over `text`. When an object repeats a key, the last
/// occurrence wins (it is the value the parser kept). A pointer that is not in the text
/// gives the location of its deepest ancestor that is.
pub fn locate(text: &[u8], pointers: &[&str]) -> Vec<Option<Loc>> {
    let mut nodes = vec![Node::default()];
    let mut ends = Vec::with_capacity(pointers.len());
    for p in pointers {
        let mut path = vec![0usize];
        for t in tokens(p) {
            let cur = *path.last().unwrap_or(&0);
            let next = match nodes[cur].keys.get(&t) {
                Some(n) => *n,
                None => {
                    let n = nodes.len();
                    nodes.push(Node::default());
                    // "0", "12": an index as well as a key; "012", "+1": only a key.
                    if let Ok(i) = t.parse::<usize>() {
                        if i.to_string() == t {
                            nodes[cur].indices.insert(i, n);
                        }
                    }
                    nodes[cur].keys.insert(t, n);
                    n
                }
            };
            path.push(next);
        }
        ends.push(path);
    }
    let mut scanner = Scanner {
        text,
        pos: 0,
        nodes: &mut nodes,
    };
    scanner.skip_ws();
    let _ = scanner.value(Some(0), None, 0);
    ends.into_iter()
        .map(|path| {
            let last = path.last().copied().unwrap_or(0);
            path.iter().rev().find_map(|n| {
                nodes[*n].loc.map(|l| Loc {
                    exact: *n == last,
                    ..l
                })
            })
        })
        .collect()
}
