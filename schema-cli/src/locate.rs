//! Where a JSON Pointer is in the text of a document: byte ranges, then line and
//! column (1-based, columns counted in characters), and short excerpts of a line.
//!
//! This runs only on documents that have errors, and on text that already parsed. The
//! scanner still never trusts its input: malformed text ends the scan, it never panics,
//! and skipping a subtree is iterative, so nesting depth costs no stack.

use std::collections::HashMap;

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

const MAX_DEPTH: usize = 1024;

struct Scanner<'a> {
    text: &'a [u8],
    pos: usize,
    nodes: &'a mut Vec<Node>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        self.skip_ws();
        if self.peek() == Some(b) {
            self.pos += 1;
            Some(())
        } else {
            None
        }
    }

    /// Scans one value; records its location when `node` is a pointer's node.
    fn value(&mut self, node: Option<usize>, key: Option<usize>, depth: usize) -> Option<()> {
        self.skip_ws();
        let start = self.pos;
        let wanted = node.filter(|n| depth < MAX_DEPTH && !self.nodes[*n].is_leaf());
        match (self.peek()?, wanted) {
            (b'{', Some(n)) => self.object(n, depth)?,
            (b'[', Some(n)) => self.array(n, depth)?,
            _ => self.skip_value()?,
        }
        if let Some(n) = node {
            self.nodes[n].loc = Some(Loc {
                key,
                start,
                end: self.pos,
                exact: true,
            });
        }
        Some(())
    }

    fn object(&mut self, node: usize, depth: usize) -> Option<()> {
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Some(());
        }
        loop {
            self.skip_ws();
            let key_at = self.pos;
            let key = self.string()?;
            self.eat(b':')?;
            let child = self.nodes[node].keys.get(&key).copied();
            self.value(child, Some(key_at), depth + 1)?;
            self.skip_ws();
            match self.peek()? {
                b',' => self.pos += 1,
                b'}' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    fn array(&mut self, node: usize, depth: usize) -> Option<()> {
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Some(());
        }
        let mut index = 0usize;
        loop {
            let child = self.nodes[node].indices.get(&index).copied();
            self.value(child, None, depth + 1)?;
            index += 1;
            self.skip_ws();
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// Reads a string and decodes its escapes.
    fn string(&mut self) -> Option<String> {
        if self.peek()? != b'"' {
            return None;
        }
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            let b = self.peek()?;
            self.pos += 1;
            match b {
                b'"' => return Some(String::from_utf8_lossy(&out).into_owned()),
                b'\\' => {
                    let e = self.peek()?;
                    self.pos += 1;
                    match e {
                        b'"' | b'\\' | b'/' => out.push(e),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'u' => {
                            let mut c = self.hex4()?;
                            if (0xD800..0xDC00).contains(&c)
                                && self.text.get(self.pos..self.pos + 2) == Some(b"\\u")
                            {
                                let save = self.pos;
                                self.pos += 2;
                                let low = self.hex4()?;
                                if (0xDC00..0xE000).contains(&low) {
                                    c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                                } else {
                                    self.pos = save;
                                }
                            }
                            let ch = char::from_u32(c).unwrap_or('\u{FFFD}');
                            let mut buf = [0u8; 4];
                            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                        }
                        _ => return None,
                    }
                }
                _ => out.push(b),
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.get(self.pos..self.pos + 4)?;
        let s = std::str::from_utf8(digits).ok()?;
        let v = u32::from_str_radix(s, 16).ok()?;
        self.pos += 4;
        Some(v)
    }

    fn skip_string(&mut self) -> Option<()> {
        self.pos += 1;
        loop {
            let rest = self.text.get(self.pos..)?;
            let i = rest.iter().position(|b| *b == b'"' || *b == b'\\')?;
            self.pos += i + 1;
            if rest[i] == b'\\' {
                self.pos += 1;
            } else {
                return Some(());
            }
        }
    }

    /// Skips one value without recursion.
    fn skip_value(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            self.skip_ws();
            match self.peek()? {
                b'"' => self.skip_string()?,
                b'{' | b'[' => {
                    depth += 1;
                    self.pos += 1;
                    continue;
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    self.pos += 1;
                }
                b',' | b':' if depth > 0 => {
                    self.pos += 1;
                    continue;
                }
                _ => {
                    let rest = self.text.get(self.pos..)?;
                    let n = rest
                        .iter()
                        .position(|b| {
                            matches!(b, b',' | b'}' | b']' | b':' | b' ' | b'\t' | b'\n' | b'\r')
                        })
                        .unwrap_or(rest.len());
                    if n == 0 {
                        return None;
                    }
                    self.pos += n;
                }
            }
            if depth == 0 {
                return Some(());
            }
        }
    }
}

/// Line starts of a text, to turn offsets into line and column.
pub struct LineIndex<'a> {
    text: &'a [u8],
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text` (lines end at `\n`).
    pub fn new(text: &'a [u8]) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { text, starts }
    }

    /// 1-based line and character column of `offset`.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|s| *s <= offset).max(1);
        let start = self.starts[line - 1];
        (line, 1 + char_count(&self.text[start..offset]))
    }

    /// [`LineIndex::position`] of many offsets, in one pass over the text however many
    /// there are on one line.
    pub fn positions(&self, offsets: &[usize]) -> Vec<(usize, usize)> {
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_by_key(|i| offsets[*i]);
        let mut out = vec![(1, 1); offsets.len()];
        // (line, start of line, last offset, characters from the line start to it)
        let mut at: Option<(usize, usize, usize, usize)> = None;
        for i in order {
            let offset = offsets[i].min(self.text.len());
            let line = self.starts.partition_point(|s| *s <= offset).max(1);
            let start = self.starts[line - 1];
            let chars = match at {
                Some((l, _, last, n)) if l == line => n + char_count(&self.text[last..offset]),
                _ => char_count(&self.text[start..offset]),
            };
            at = Some((line, start, offset, chars));
            out[i] = (line, 1 + chars);
        }
        out
    }

    /// The byte offset of a 1-based line and byte column (as `serde_json` reports;
    /// column 0 is the line break that ends the line before).
    pub fn offset_of(&self, line: usize, byte_column: usize) -> usize {
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len());
        if byte_column == 0 {
            return start.saturating_sub(1);
        }
        (start + byte_column - 1).min(self.line_end(start))
    }

    /// The byte range of the line holding `offset`, without its line break.
    pub fn line_range(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|s| *s <= offset).max(1);
        let start = self.starts[line - 1];
        (start, self.line_end(start))
    }

    /// The bytes `start..end`, clamped to the text.
    pub fn slice(&self, start: usize, end: usize) -> &'a [u8] {
        let end = end.min(self.text.len());
        &self.text[start.min(end)..end]
    }

    fn line_end(&self, start: usize) -> usize {
        let rest = &self.text[start.min(self.text.len())..];
        let mut end = start + rest.iter().position(|b| *b == b'\n').unwrap_or(rest.len());
        if end > start && self.text.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        end
    }
}

/// Characters in `bytes`: a valid UTF-8 sequence or one maximal invalid sequence each
/// count as one.
pub fn char_count(bytes: &[u8]) -> usize {
    bytes
        .utf8_chunks()
        .map(|c| c.valid().chars().count() + usize::from(!c.invalid().is_empty()))
        .sum()
}

/// A line of the input to show under an error, with the span to underline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// The text, safe to print: control characters replaced, secrets masked, long
    /// lines cut around the span.
    pub text: String,
    /// Characters before the underlined span.
    pub caret_at: usize,
    /// Characters underlined (at least 1).
    pub caret_len: usize,
}

const WINDOW_BEFORE: usize = 40;
const WINDOW_AFTER: usize = 60;
const MASK: &str = "\"***\"";
/// Bytes of a long line decoded on each side of the span.
const SCAN_BYTES: usize = 1024;

/// The excerpt of the line holding `span.0`, underlining up to `span.1` (or the end of
/// the line), with every byte range of `masked` replaced by `"***"`.
pub fn excerpt(index: &LineIndex<'_>, span: (usize, usize), masked: &[(usize, usize)]) -> Excerpt {
    let (mut line_start, mut line_end) = index.line_range(span.0);
    let span_start = span.0.clamp(line_start, line_end);
    let span_end = span.1.clamp(span_start, line_end);
    // Decode only a window of a long line (a minified document is one line).
    let cut_left = span_start.saturating_sub(line_start) > SCAN_BYTES;
    if cut_left {
        line_start = span_start - SCAN_BYTES;
        while line_start < span_start && index.text[line_start] & 0xC0 == 0x80 {
            line_start += 1;
        }
    }
    let cut_right = line_end - span_end.min(span_start + SCAN_BYTES) > SCAN_BYTES;
    if cut_right {
        line_end = span_end.min(span_start + SCAN_BYTES) + SCAN_BYTES;
        while line_end > span_end && index.text[line_end] & 0xC0 == 0x80 {
            line_end -= 1;
        }
    }
    let masked: Vec<(usize, usize)> = masked
        .iter()
        .copied()
        .filter(|(s, e)| *s < line_end && *e > line_start)
        .collect();
    // (text, is the span) pieces, in order.
    let mut chars: Vec<(char, bool)> = Vec::new();
    let mut pos = line_start;
    let mut caret_at = None;
    while pos < line_end {
        if pos >= span_start && caret_at.is_none() {
            caret_at = Some(chars.len());
        }
        if let Some(&(_, m_end)) = masked.iter().find(|(s, e)| *s <= pos && pos < *e) {
            let in_span = pos >= span_start && pos < span_end;
            chars.extend(MASK.chars().map(|c| (c, in_span)));
            pos = m_end.min(line_end).max(pos + 1);
            continue;
        }
        let rest = &index.text[pos..line_end];
        let (c, len) = match rest.utf8_chunks().next() {
            Some(chunk) if !chunk.valid().is_empty() => {
                let c = chunk.valid().chars().next().unwrap_or('\u{FFFD}');
                (c, c.len_utf8())
            }
            Some(chunk) => ('\u{FFFD}', chunk.invalid().len().max(1)),
            None => break,
        };
        let shown = match c {
            '\t' => ' ',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        };
        let next = pos + len;
        let in_span = pos >= span_start && pos < span_end;
        chars.push((shown, in_span));
        pos = next;
    }
    let caret_at = caret_at.unwrap_or(chars.len());
    let caret_len = chars.iter().filter(|(_, s)| *s).count().max(1);
    // Cut long lines to a window around the span.
    let from = caret_at.saturating_sub(WINDOW_BEFORE);
    let to = (caret_at + caret_len.min(WINDOW_AFTER) + WINDOW_AFTER).min(chars.len());
    let mut text = String::new();
    let mut shift = 0;
    if from > 0 || cut_left {
        text.push('…');
        shift = 1;
    }
    text.extend(chars[from..to].iter().map(|(c, _)| *c));
    if to < chars.len() || cut_right {
        text.push('…');
    }
    let caret_len = caret_len.min(to.saturating_sub(caret_at).max(1));
    Excerpt {
        text,
        caret_at: caret_at - from + shift,
        caret_len,
    }
}

#[cfg(test)]
mod tests {
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
}
