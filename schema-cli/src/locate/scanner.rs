//! The one-pass scanner behind [`locate`](super::locate): it walks the text, descends
//! only into the values some pointer names, and skips every other subtree without
//! recursion.

use super::{Loc, Node};

const MAX_DEPTH: usize = 1024;

pub(super) struct Scanner<'a> {
    pub(super) text: &'a [u8],
    pub(super) pos: usize,
    pub(super) nodes: &'a mut Vec<Node>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    pub(super) fn skip_ws(&mut self) {
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
    pub(super) fn value(
        &mut self,
        node: Option<usize>,
        key: Option<usize>,
        depth: usize,
    ) -> Option<()> {
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
