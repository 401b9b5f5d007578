//! Offsets to lines and columns: the line starts of a text, and character counts that
//! take invalid UTF-8 as one character a sequence.

/// Line starts of a text, to turn offsets into line and column.
pub struct LineIndex<'a> {
    pub(super) text: &'a [u8],
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
