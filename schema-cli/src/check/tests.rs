//! Unit tests of the checker: verdicts, placed errors, excerpts and secrets.

use super::*;
use crate::testing;

fn lines(doc: &DocReport) -> Vec<String> {
    doc.errors
        .iter()
        .map(|e| {
            let mut s = format!(
                "{}:{} {} [{}] {}",
                e.line.unwrap_or(0),
                e.column.unwrap_or(0),
                if e.pointer.is_empty() {
                    "(root)"
                } else {
                    &e.pointer
                },
                e.code,
                e.message
            );
            if let Some(x) = &e.excerpt {
                s.push_str(&format!(" | {} | {}+{}", x.text, x.caret_at, x.caret_len));
            }
            s
        })
        .collect()
}

#[test]
fn valid_and_invalid_documents() {
    let catalog = testing::catalog();
    let checker = Checker::new(&catalog, Options::new(), None, true);
    let ok = checker.check("a.json", br#"{"kind": "disk", "size": 5, "key": "ab"}"#, 1);
    assert_eq!((ok.status, ok.type_name), (Status::Valid, Some("Disk")));
    let text = "{\n  \"kind\": \"disk\",\n  \"size\": 200, \"key\": \"zz-secret\",\n  \"ranges\": [\"10.0.0.0/8\", \"10.0.0.0/40\"]\n}";
    let bad = checker.check("b.json", text.as_bytes(), 1);
    assert_eq!(bad.status, Status::Invalid);
    assert_eq!(
        lines(&bad),
        [
            "3:11 /size [range] must be at most 100, got 200 |   \"size\": 200, \"key\": \"***\", | 10+3",
            "3:23 /key [format.hex] must be hexadecimal bytes",
            "4:28 /ranges/1 [format.cidr] must be an IP range in CIDR notation |   \"ranges\": [\"10.0.0.0/8\", \"10.0.0.0/40\"] | 27+13",
        ]
    );
    let all = format!("{bad:?}");
    assert!(!all.contains("zz-secret"), "{all}");
}

#[test]
fn undecodable_documents_list_every_structural_error() {
    let catalog = testing::catalog();
    let checker = Checker::new(&catalog, Options::new(), None, true);
    let text = r#"{"kind": "disk", "size": "big", "key": 5, "extra": 1, "ranges": [1, "x"]}"#;
    let doc = checker.check("c.json", text.as_bytes(), 7);
    assert_eq!(
        lines(&doc),
        [
            "7:26 /size [type] must be an integer, not a string | {\"kind\": \"disk\", \"size\": \"big\", \"key\": \"***\", \"extra\": \"***\", \"ranges\": [1, \"x\"]} | 25+5",
            "7:40 /key [type] must be a string, not an integer",
            "7:43 /extra [unknown_field] unknown field `extra`; expected one of: kind, size, key, ranges | …\": \"disk\", \"size\": \"big\", \"key\": \"***\", \"extra\": \"***\", \"ranges\": [1, \"x\"]} | 41+14",
            "7:66 /ranges/0 [type] must be a string, not an integer | …key\": \"***\", \"extra\": \"***\", \"ranges\": [1, \"x\"]} | 41+1",
            "7:69 /ranges/1 [format.cidr] must be an IP range in CIDR notation | …\": \"***\", \"extra\": \"***\", \"ranges\": [1, \"x\"]} | 41+3",
        ]
    );
}

#[test]
fn syntax_unknown_type_and_duplicates() {
    let catalog = testing::catalog();
    let checker = Checker::new(&catalog, Options::new(), None, false);
    let doc = checker.check("d.json", b"{\n  \"kind\": tru\n}", 1);
    assert_eq!(lines(&doc), ["2:14 (root) [syntax] expected ident"]);
    let doc = checker.check("d.json", b"", 1);
    assert_eq!(lines(&doc), ["1:1 (root) [syntax] the document is empty"]);
    let doc = checker.check("d.json", b"[1]", 1);
    assert_eq!(
        lines(&doc),
        ["1:1 (root) [unknown_type] expected a JSON object, found an array"]
    );
    let doc = checker.check("d.json", br#"{"kind": "tag", "name": "", "name": "b"}"#, 1);
    assert_eq!(doc.status, Status::Invalid);
    assert_eq!(
        lines(&doc),
        ["1:29 /name [duplicate_key] this key appears more than once in its object; only its last value is read"]
    );
    let forced = Checker::new(&catalog, Options::new(), Some("Tag"), false);
    let doc = forced.check("e.json", br#"{"kind": "disk"}"#, 1);
    assert_eq!(doc.type_name, Some("Tag"));
    assert_eq!(
        lines(&doc),
        [
            "1:1 (root) [missing_field] missing required field `name`",
            "1:10 /kind [enum] must be \"tag\""
        ]
    );
}

#[test]
fn a_syntax_error_on_a_line_with_a_secret_has_no_excerpt() {
    let catalog = testing::catalog();
    let checker = Checker::new(&catalog, Options::new(), None, true);
    let doc = checker.check("f.json", br#"{"key": "abcd" "size": 1}"#, 1);
    assert_eq!(doc.errors[0].code, "syntax");
    assert_eq!(doc.errors[0].excerpt, None);
    let doc = checker.check("f.json", br#"{"size": 1 "kind": 1}"#, 1);
    assert!(doc.errors[0].excerpt.is_some());
}
