//! The line shown under an error: control characters replaced, secrets masked, long
//! lines cut to a window around the underlined span.

use super::LineIndex;

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
