//! The output formats of `validate`, behind one trait: `human` (the default),
//! `json` (the contract of DESIGN §3a) and `github` (workflow annotations).
//!
//! Every reporter streams: it writes each document as soon as it is checked and keeps
//! only the counts, so output never holds the whole run in memory.

use std::io::{self, Write};

use serde::Serialize;

use crate::check::{DocReport, ErrorItem, Status};

/// The counts printed at the end.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Every document, readable or not.
    pub documents: u64,
    /// Documents without errors.
    pub valid: u64,
    /// Documents with errors (syntax, type, rules).
    pub invalid: u64,
    /// Files that could not be read.
    pub unreadable: u64,
}

impl Summary {
    /// Counts one document.
    pub fn add(&mut self, doc: &DocReport) {
        self.documents += 1;
        match doc.status {
            Status::Valid => self.valid += 1,
            Status::Invalid => self.invalid += 1,
            Status::Unreadable => self.unreadable += 1,
        }
    }
}

/// An output format.
pub trait Reporter: Send {
    /// Called once, before the first document.
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()>;
    /// Called for each document, in input order.
    fn document(&mut self, out: &mut dyn Write, doc: &DocReport) -> io::Result<()>;
    /// Called once, after the last document.
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
}

/// Replaces control characters (terminal escapes among them) by their escaped form,
/// so nothing read from a document can drive the terminal.
pub fn sanitize(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_owned();
    }
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().collect::<String>()
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn pointer_label(pointer: &str) -> &str {
    if pointer.is_empty() {
        "(root)"
    } else {
        pointer
    }
}

/// ANSI styles, or nothing.
#[derive(Clone, Copy)]
struct Style {
    on: bool,
}

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
    fn error(self, t: &str) -> String {
        self.paint("1;31", t)
    }
    fn bold(self, t: &str) -> String {
        self.paint("1", t)
    }
    fn gutter(self, t: &str) -> String {
        self.paint("1;34", t)
    }
    fn good(self, t: &str) -> String {
        self.paint("1;32", t)
    }
}

/// Readable text: each error with where it is and, when known, the line it is on.
pub struct Human {
    style: Style,
}

impl Human {
    /// `color` turns ANSI colours on.
    pub fn new(color: bool) -> Self {
        Human {
            style: Style { on: color },
        }
    }

    fn error(&self, out: &mut dyn Write, path: &str, e: &ErrorItem) -> io::Result<()> {
        let s = self.style;
        writeln!(
            out,
            "{}{} {}: {}",
            s.error("error"),
            s.error(&format!("[{}]", sanitize(&e.code))),
            s.bold(&sanitize(pointer_label(&e.pointer))),
            s.bold(&sanitize(&e.message)),
        )?;
        let location = match (e.line, e.column) {
            (Some(l), Some(c)) => format!("{path}:{l}:{c}"),
            _ => path.to_owned(),
        };
        let Some(ex) = &e.excerpt else {
            writeln!(out, "  {} {location}", s.gutter("-->"))?;
            if e.secret {
                writeln!(
                    out,
                    "   {} the value is a secret and is not shown",
                    s.gutter("=")
                )?;
            }
            return Ok(());
        };
        let number = e.line.map_or(String::new(), |l| l.to_string());
        let pad = " ".repeat(number.len());
        writeln!(out, "{pad}{} {location}", s.gutter("-->"))?;
        writeln!(out, "{pad} {}", s.gutter("|"))?;
        writeln!(out, "{} {} {}", s.gutter(&number), s.gutter("|"), ex.text)?;
        writeln!(
            out,
            "{pad} {} {}{}",
            s.gutter("|"),
            " ".repeat(ex.caret_at),
            s.error(&"^".repeat(ex.caret_len))
        )
    }
}

impl Reporter for Human {
    fn begin(&mut self, _: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn document(&mut self, out: &mut dyn Write, doc: &DocReport) -> io::Result<()> {
        let path = sanitize(&doc.path);
        for e in &doc.errors {
            self.error(out, &path, e)?;
            writeln!(out)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, sum: &Summary) -> io::Result<()> {
        let s = self.style;
        let docs = if sum.documents == 1 {
            "document"
        } else {
            "documents"
        };
        if sum.documents > 0 && sum.valid == sum.documents {
            let all = if sum.documents == 1 {
                "valid"
            } else {
                "all valid"
            };
            return writeln!(
                out,
                "{} {} {docs} checked, {all}",
                s.good("ok:"),
                sum.documents
            );
        }
        let label = if sum.invalid + sum.unreadable > 0 {
            s.error("failed:")
        } else {
            s.bold("done:")
        };
        writeln!(
            out,
            "{label} {} {docs} checked: {} valid, {} invalid, {} unreadable",
            sum.documents, sum.valid, sum.invalid, sum.unreadable
        )
    }
}

#[derive(Serialize)]
struct JsonError<'a> {
    pointer: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    code: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    path: &'a str,
    #[serde(rename = "type")]
    type_name: Option<&'a str>,
    valid: bool,
    errors: Vec<JsonError<'a>>,
}

/// One JSON document: `{"documents":[...],"summary":{...}}` (DESIGN §3a), written one
/// document per line as they are checked.
#[derive(Default)]
pub struct Json {
    first: bool,
}

impl Json {
    /// A JSON reporter.
    pub fn new() -> Self {
        Json { first: true }
    }
}

impl Reporter for Json {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        write!(out, "{{\"documents\":[")
    }

    fn document(&mut self, out: &mut dyn Write, doc: &DocReport) -> io::Result<()> {
        let errors = doc
            .errors
            .iter()
            .map(|e| JsonError {
                pointer: &e.pointer,
                line: e.line,
                column: e.column,
                code: &e.code,
                message: &e.message,
            })
            .collect();
        let doc = JsonDoc {
            path: &doc.path,
            type_name: doc.type_name,
            valid: doc.status == Status::Valid,
            errors,
        };
        out.write_all(if self.first { b"\n" } else { b",\n" })?;
        self.first = false;
        serde_json::to_writer(&mut *out, &doc).map_err(io::Error::other)
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        write!(out, "\n],\"summary\":")?;
        serde_json::to_writer(&mut *out, summary).map_err(io::Error::other)?;
        writeln!(out, "}}")
    }
}

/// GitHub Actions workflow commands: `::error file=...,line=...,col=...::message`.
pub struct Github;

/// Escapes the data of a workflow command.
fn gh_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property of a workflow command.
fn gh_property(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Reporter for Github {
    fn begin(&mut self, _: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn document(&mut self, out: &mut dyn Write, doc: &DocReport) -> io::Result<()> {
        let file = gh_property(&sanitize(&doc.path));
        for e in &doc.errors {
            let mut props = format!("file={file}");
            if let (Some(l), Some(c)) = (e.line, e.column) {
                props.push_str(&format!(",line={l},col={c}"));
            }
            props.push_str(&format!(
                ",title={}",
                gh_property(&format!("zos-schema {}", e.code))
            ));
            let message = format!("{}: {}", pointer_label(&e.pointer), e.message);
            writeln!(out, "::error {props}::{}", gh_data(&sanitize(&message)))?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, sum: &Summary) -> io::Result<()> {
        writeln!(
            out,
            "zos-schema: {} documents checked: {} valid, {} invalid, {} unreadable",
            sum.documents, sum.valid, sum.invalid, sum.unreadable
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locate::Excerpt;

    fn doc() -> DocReport {
        DocReport {
            path: "dir/a,b.json".into(),
            type_name: Some("Reservation"),
            status: Status::Invalid,
            errors: vec![ErrorItem {
                pointer: "/a/0".into(),
                line: Some(3),
                column: Some(7),
                code: "range".into(),
                message: "must be at most 1\n100%".into(),
                excerpt: Some(Excerpt {
                    text: "  \"a\": [5]".into(),
                    caret_at: 8,
                    caret_len: 1,
                }),
                secret: false,
            }],
        }
    }

    fn render(r: &mut dyn Reporter) -> String {
        let mut out = Vec::new();
        let mut sum = Summary::default();
        r.begin(&mut out).unwrap();
        for d in [doc(), DocReport::unreadable("x\u{1b}.json", "gone")] {
            sum.add(&d);
            r.document(&mut out, &d).unwrap();
        }
        r.finish(&mut out, &sum).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn human() {
        let text = render(&mut Human::new(false));
        assert_eq!(
            text,
            "error[range] /a/0: must be at most 1\\n100%\n \
             --> dir/a,b.json:3:7\n  |\n3 |   \"a\": [5]\n  |         ^\n\n\
             error[io] (root): gone\n  --> x\\u{1b}.json\n\n\
             failed: 2 documents checked: 0 valid, 1 invalid, 1 unreadable\n"
        );
        assert!(render(&mut Human::new(true)).contains("\x1b[1;31merror"));
    }

    #[test]
    fn json_is_one_document() {
        let text = render(&mut Json::new());
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["summary"]["unreadable"], 1);
        assert_eq!(v["documents"][0]["errors"][0]["column"], 7);
        assert_eq!(
            v["documents"][1]["errors"][0]["line"],
            serde_json::Value::Null
        );
    }

    #[test]
    fn github_escapes() {
        let text = render(&mut Github);
        assert!(text.starts_with(
            "::error file=dir/a%2Cb.json,line=3,col=7,title=zos-schema range::/a/0: must be at most 1\\n100%25\n"
        ), "{text}");
    }
}
