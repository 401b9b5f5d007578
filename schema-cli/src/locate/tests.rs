//! Unit tests of locating pointers, of line and column positions and of excerpts.

use super::*;

fn find(text: &str, p: &str) -> Option<(usize, usize, usize)> {
    let loc = locate(text.as_bytes(), &[p])[0]?;
    let idx = LineIndex::new(text.as_bytes());
    let (l, c) = idx.position(loc.start);
    Some((l, c, loc.end - loc.start))
}

#[test]
fn tokens_unescape() {
    assert_eq!(tokens(""), Vec::<String>::new());
    assert_eq!(tokens("/a~1b/~0c/0"), ["a/b", "~c", "0"]);
}

#[test]
fn finds_values() {
    let text = "{\n  \"a\": {\"b\": [1, {\"c\": \"x\\\"y\"}, 3]},\n  \"d\\u0065\": true\n}";
    assert_eq!(find(text, ""), Some((1, 1, text.len())));
    assert_eq!(find(text, "/a/b/1/c"), Some((2, 24, 6)));
    assert_eq!(find(text, "/a/b/2"), Some((2, 33, 1)));
    assert_eq!(find(text, "/de"), Some((3, 14, 4)));
    // Missing: the deepest ancestor.
    assert_eq!(find(text, "/a/zz/1"), Some((2, 8, 28)));
    assert_eq!(find(text, "/a/b/9"), Some((2, 14, 21)));
}

#[test]
fn last_duplicate_wins_and_key_is_kept() {
    let text = r#"{"a": 1, "a": [2]}"#;
    let loc = locate(text.as_bytes(), &["/a", "/a/0"]);
    assert_eq!(
        loc[0],
        Some(Loc {
            key: Some(9),
            start: 14,
            end: 17,
            exact: true,
        })
    );
    assert_eq!(loc[1].map(|l| l.start), Some(15));
}

#[test]
fn malformed_text_never_panics() {
    for text in [
        "",
        "{",
        "{\"a\"",
        "[1,",
        "\"abc",
        "{\"a\":}",
        "]]]",
        "{\"a\\u12",
    ] {
        let _ = locate(text.as_bytes(), &["/a", "/0", ""]);
    }
}

#[test]
fn columns_count_characters() {
    let text = "{\"é\": \"ü\", \"x\": 1}".as_bytes();
    let loc = locate(text, &["/x"])[0].unwrap();
    assert_eq!(LineIndex::new(text).position(loc.start), (1, 17));
    let bad = b"\"\xff\xfe\" x";
    assert_eq!(LineIndex::new(bad).position(5), (1, 6));
    let text = "ab\né€x\n\nz".as_bytes();
    let idx = LineIndex::new(text);
    let offsets = [text.len(), 0, 3, 8, 5, 9, 2];
    let one_by_one: Vec<_> = offsets.iter().map(|o| idx.position(*o)).collect();
    assert_eq!(idx.positions(&offsets), one_by_one);
}

#[test]
fn excerpts_mask_and_cut() {
    let text = br#"{"password": "hunter2", "cpu": 64}"#;
    let idx = LineIndex::new(text);
    let cpu = locate(text, &["/cpu", "/password"]);
    let (c, p) = (cpu[0].unwrap(), cpu[1].unwrap());
    let e = excerpt(&idx, (c.start, c.end), &[(p.start, p.end)]);
    assert_eq!(e.text, r#"{"password": "***", "cpu": 64}"#);
    assert_eq!(&e.text[e.caret_at..e.caret_at + e.caret_len], "64");
    let long = format!("[{}1]", "0, ".repeat(200));
    let idx = LineIndex::new(long.as_bytes());
    let e = excerpt(&idx, (301, 302), &[]);
    assert!(e.text.starts_with('…') && e.text.ends_with('…'));
    assert_eq!(e.text.chars().nth(e.caret_at), Some('0'));
    let ctl = b"{\"a\":\t\"\x1b[31m\"}";
    let e = excerpt(&LineIndex::new(ctl), (6, 13), &[]);
    assert!(!e.text.contains('\x1b'));
}
