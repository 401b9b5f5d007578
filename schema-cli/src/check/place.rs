//! Placing violations in the input: the line, column and excerpt of each error, with
//! secrets (and the values of unknown keys) masked in every excerpt.

use std::collections::BTreeSet;

use schemas::Violation;
use serde_json::Value;

use super::{Checker, ErrorItem};
use crate::locate::{self, LineIndex};
use crate::schema_walk::SchemaView;

/// Errors of one document that get an excerpt (the others still get their position).
const MAX_EXCERPTS: usize = 200;

impl Checker<'_> {
    pub(super) fn line_has_secret_key(&self, index: &LineIndex<'_>, offset: usize) -> bool {
        let (start, end) = index.line_range(offset);
        let line = String::from_utf8_lossy(index.slice(start, end));
        self.secret_keys().iter().any(|k| line.contains(k.as_str()))
    }

    pub(super) fn place(
        &self,
        bytes: &[u8],
        value: &Value,
        view: Option<SchemaView<'_>>,
        violations: Vec<Violation>,
        first_line: usize,
    ) -> Vec<ErrorItem> {
        let index = LineIndex::new(bytes);
        let mut secrets = Vec::new();
        if self.excerpts {
            if let Some(view) = view {
                secrets = view.secret_pointers(value);
            }
            embedded_secrets(value, self.secret_keys(), &mut secrets);
        }
        let mut pointers: Vec<&str> = violations.iter().map(Violation::pointer).collect();
        pointers.extend(secrets.iter().map(String::as_str));
        let locs = locate::locate(bytes, &pointers);
        // Secrets, and the values of unknown keys (a misspelt `pasword` holds a
        // secret all the same).
        let unknown = violations
            .iter()
            .zip(&locs)
            .filter(|(v, _)| v.code() == "unknown_field")
            .filter_map(|(_, l)| l.as_ref())
            .filter(|l| l.exact && l.key.is_some());
        let masked: Vec<(usize, usize)> = locs[violations.len()..]
            .iter()
            .flatten()
            .chain(unknown)
            .map(|l| (l.start, l.end))
            .collect();
        let spans: Vec<(usize, usize)> = violations
            .iter()
            .zip(&locs)
            .map(|(v, loc)| {
                let at_key = matches!(v.code(), "unknown_field" | "duplicate_key");
                match loc {
                    Some(l) if at_key => (l.key.unwrap_or(l.start), l.end),
                    Some(l) => (l.start, l.end),
                    None => (0, 0),
                }
            })
            .collect();
        let starts: Vec<usize> = spans.iter().map(|s| s.0).collect();
        let positions = index.positions(&starts);
        let mut excerpts_left = MAX_EXCERPTS;
        let mut errors: Vec<(usize, ErrorItem)> = violations
            .iter()
            .zip(&locs)
            .zip(spans.into_iter().zip(positions))
            .map(|((v, loc), ((start, end), (line, column)))| {
                let at_key = loc.is_some_and(|l| l.key == Some(start) && l.exact);
                let secret = v.is_secret()
                    || view.is_some_and(|s| s.is_secret_at(v.pointer()))
                    || (!at_key && masked.iter().any(|(s, e)| *s <= start && start < *e));
                let excerpt = (self.excerpts && !secret && loc.is_some() && excerpts_left > 0)
                    .then(|| {
                        excerpts_left -= 1;
                        locate::excerpt(&index, (start, end), &masked)
                    });
                let item = ErrorItem {
                    pointer: v.pointer().to_owned(),
                    line: Some(line + first_line - 1),
                    column: Some(column),
                    code: v.code().to_owned(),
                    message: v.message().to_owned(),
                    excerpt,
                    secret,
                };
                (start, item)
            })
            .collect();
        errors.sort_by_key(|(start, _)| *start);
        errors.into_iter().map(|(_, e)| e).collect()
    }
}

/// Adds the pointers of strings that name a secret key: a document embedded as text
/// (a reservation's `json` holds its data, secrets included) is masked whole in
/// excerpts.
fn embedded_secrets(value: &Value, keys: &BTreeSet<String>, out: &mut Vec<String>) {
    if keys.is_empty() {
        return;
    }
    let mut stack = vec![(value, String::new())];
    while let Some((v, pointer)) = stack.pop() {
        match v {
            Value::String(s) if keys.iter().any(|k| s.contains(k.as_str())) => out.push(pointer),
            Value::Array(a) => {
                for (i, item) in a.iter().enumerate() {
                    stack.push((item, format!("{pointer}/{i}")));
                }
            }
            Value::Object(m) => {
                for (k, item) in m {
                    let mut p = pointer.clone();
                    schemas::push_token(&mut p, k);
                    stack.push((item, p));
                }
            }
            _ => {}
        }
    }
}
