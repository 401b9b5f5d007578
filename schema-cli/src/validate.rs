//! `zos-schema validate`: inputs in batches, each batch checked on the worker pool
//! and reported in input order, so memory stays bounded by the batch, not the run.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use schemas::Options;

use crate::check::{Checker, DocReport, ErrorItem, Status};
use crate::cli::{ColorChoice, OutputFormat, ValidateArgs};
use crate::inputs::{self, io_message, Input};
use crate::output::{Github, Human, Json, Reporter, Summary};
use crate::{Catalog, Env, EXIT_ERROR, EXIT_INVALID, EXIT_OK};

/// Lines of a JSON-lines input checked together.
const LINES_PER_BATCH: usize = 4096;
/// Bytes of a JSON-lines input read before the batch is checked.
const BYTES_PER_BATCH: usize = 8 << 20;
/// The longest line `--json-lines` reads; a longer one is reported, not stored.
pub const MAX_LINE: usize = 256 << 20;
/// Inputs before a progress bar is worth showing.
const PROGRESS_MIN_FILES: usize = 200;
/// How long a run goes before its progress bar appears.
const PROGRESS_DELAY: Duration = Duration::from_millis(800);

/// Runs `validate`; returns the exit status.
pub fn validate(args: &ValidateArgs, catalog: &Catalog, env: &mut Env<'_>) -> u8 {
    let forced = match &args.type_name {
        None => None,
        Some(name) => match catalog.find_loose(name) {
            Some(info) => Some(info.name()),
            None => {
                let _ = writeln!(
                    env.stderr,
                    "error: unknown type `{name}` for --type; the types are: {}",
                    catalog.names()
                );
                return EXIT_ERROR;
            }
        },
    };
    let options = if let Some(at) = args.at {
        Options::new().at(at)
    } else if args.now {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
        Options::new().at(now)
    } else {
        Options::new()
    };
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => env.stdout_is_terminal && !env.no_color,
    };
    let reporter: Box<dyn Reporter> = match args.format {
        OutputFormat::Human => Box::new(Human::new(color)),
        OutputFormat::Json => Box::new(Json::new()),
        OutputFormat::Github => Box::new(Github),
    };
    let checker = Checker::new(catalog, options, forced, args.format == OutputFormat::Human);
    let jobs = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, |n| n.get()),
        usize::from,
    );
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
        Ok(pool) => pool,
        Err(e) => {
            let _ = writeln!(env.stderr, "error: cannot start {jobs} worker threads: {e}");
            return EXIT_ERROR;
        }
    };
    let inputs = inputs::expand(&args.paths, args.json_lines);
    let progress = Progress::new(
        env.stderr_is_terminal,
        if args.json_lines {
            None
        } else {
            Some(inputs.len())
        },
    );
    let mut run = Run {
        out: &mut *env.stdout,
        reporter,
        summary: Summary::default(),
        progress,
        write_error: None,
    };
    run.begin();
    if args.json_lines {
        for input in &inputs {
            if run.write_error.is_some() {
                break;
            }
            json_lines(input, &mut *env.stdin, &checker, &pool, &mut run);
        }
    } else {
        let batch = (jobs * 256).clamp(256, 4096);
        for chunk in inputs.chunks(batch) {
            if run.write_error.is_some() {
                break;
            }
            let prepared: Vec<Prepared> = chunk
                .iter()
                .map(|input| match input {
                    Input::Stdin => {
                        let mut bytes = Vec::new();
                        match env.stdin.read_to_end(&mut bytes) {
                            Ok(_) => Prepared::Bytes(bytes),
                            Err(e) => Prepared::Broken(io_message(&e)),
                        }
                    }
                    Input::File(_) => Prepared::Read,
                    Input::Broken(_, why) => Prepared::Broken(why.clone()),
                })
                .collect();
            let reports: Vec<DocReport> = pool.install(|| {
                chunk
                    .par_iter()
                    .zip(prepared)
                    .map(|(input, prepared)| check_input(&checker, input, prepared))
                    .collect()
            });
            run.emit(&reports);
        }
    }
    run.finish();
    let Run {
        summary,
        write_error,
        ..
    } = run;
    if let Some(e) = write_error {
        if e.kind() != io::ErrorKind::BrokenPipe {
            let _ = writeln!(
                env.stderr,
                "error: cannot write the report: {}",
                io_message(&e)
            );
        }
        return EXIT_ERROR;
    }
    if summary.documents == 0 {
        let _ = writeln!(env.stderr, "warning: no documents found in the given paths");
    }
    if summary.unreadable > 0 {
        EXIT_ERROR
    } else if summary.invalid > 0 {
        EXIT_INVALID
    } else {
        EXIT_OK
    }
}

enum Prepared {
    Read,
    Bytes(Vec<u8>),
    Broken(String),
}

fn check_input(checker: &Checker<'_>, input: &Input, prepared: Prepared) -> DocReport {
    let path = input.display();
    match (input, prepared) {
        (_, Prepared::Bytes(bytes)) => checker.check(&path, &bytes, 1),
        (_, Prepared::Broken(why)) => DocReport::unreadable(path, why),
        (Input::File(p), Prepared::Read) => {
            // Taken out for the check and put back after, so that nothing the check
            // does on this thread can find the buffer in use.
            let mut bytes = FILE_BUFFER.take();
            let report = match inputs::read_file(p, &mut bytes) {
                Ok(n) => checker.check(&path, &bytes[..n], 1),
                Err(e) => DocReport::unreadable(path, io_message(&e)),
            };
            FILE_BUFFER.set(bytes);
            report
        }
        (_, Prepared::Read) => DocReport::unreadable(path, "nothing to read"),
    }
}

thread_local! {
    /// Each worker reads its files into one buffer, kept from file to file.
    static FILE_BUFFER: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Streams one JSON-lines input: read a batch of lines, check it in parallel, report
/// it, repeat.
fn json_lines(
    input: &Input,
    stdin: &mut (dyn BufRead + Send),
    checker: &Checker<'_>,
    pool: &rayon::ThreadPool,
    run: &mut Run<'_>,
) {
    let path = input.display();
    let mut file;
    let reader: &mut dyn BufRead = match input {
        Input::Stdin => stdin,
        Input::File(p) => match File::open(p) {
            Ok(f) => {
                file = BufReader::with_capacity(1 << 20, f);
                &mut file
            }
            Err(e) => {
                run.emit(&[DocReport::unreadable(path, io_message(&e))]);
                return;
            }
        },
        Input::Broken(_, why) => {
            run.emit(&[DocReport::unreadable(path, why.clone())]);
            return;
        }
    };
    let mut line_no = 0usize;
    loop {
        let mut batch: Vec<(usize, Line)> = Vec::new();
        let mut bytes = 0usize;
        let mut end = None;
        while batch.len() < LINES_PER_BATCH && bytes < BYTES_PER_BATCH {
            let mut buf = Vec::new();
            match read_line(reader, &mut buf, MAX_LINE) {
                Ok(None) => {
                    end = Some(None);
                    break;
                }
                Ok(Some(too_long)) => {
                    line_no += 1;
                    bytes += buf.len();
                    if too_long {
                        batch.push((line_no, Line::TooLong));
                    } else if !buf.iter().all(u8::is_ascii_whitespace) {
                        batch.push((line_no, Line::Text(buf)));
                    }
                }
                Err(e) => {
                    end = Some(Some(format!(
                        "read error after line {line_no}: {}",
                        io_message(&e)
                    )));
                    break;
                }
            }
        }
        let mut reports: Vec<DocReport> = pool.install(|| {
            batch
                .par_iter()
                .map(|(n, line)| match line {
                    Line::Text(text) => checker.check(&path, text, *n),
                    Line::TooLong => too_long(&path, *n),
                })
                .collect()
        });
        if let Some(Some(why)) = &end {
            reports.push(DocReport::unreadable(path.clone(), why.clone()));
        }
        run.emit(&reports);
        if end.is_some() || run.write_error.is_some() {
            return;
        }
    }
}

enum Line {
    Text(Vec<u8>),
    TooLong,
}

fn too_long(path: &str, line: usize) -> DocReport {
    DocReport {
        path: path.to_owned(),
        type_name: None,
        status: Status::Invalid,
        errors: vec![ErrorItem {
            pointer: String::new(),
            line: Some(line),
            column: Some(1),
            code: "too_large".into(),
            message: format!(
                "the line is longer than {} MiB; not checked",
                MAX_LINE >> 20
            ),
            excerpt: None,
            secret: false,
        }],
    }
}

/// Reads one line into `buf` without its line break. `Ok(None)` at the end of the
/// input; `Ok(Some(true))` when the line was longer than `max` (then `buf` is empty and
/// the rest of the line was skipped, so memory stays bounded).
pub fn read_line(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    max: usize,
) -> io::Result<Option<bool>> {
    let mut read_any = false;
    let mut too_long = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        read_any = true;
        let (take, done) = match chunk.iter().position(|b| *b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        if !too_long {
            if buf.len() + take > max {
                too_long = true;
                buf.clear();
                buf.shrink_to_fit();
            } else {
                buf.extend_from_slice(&chunk[..take]);
            }
        }
        reader.consume(take);
        if done {
            break;
        }
    }
    if !read_any {
        return Ok(None);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
    }
    Ok(Some(too_long))
}

struct Run<'o> {
    out: &'o mut dyn Write,
    reporter: Box<dyn Reporter>,
    summary: Summary,
    progress: Progress,
    write_error: Option<io::Error>,
}

impl Run<'_> {
    fn begin(&mut self) {
        if let Err(e) = self.reporter.begin(self.out) {
            self.write_error = Some(e);
        }
    }

    fn emit(&mut self, reports: &[DocReport]) {
        for r in reports {
            self.summary.add(r);
        }
        if self.write_error.is_some() {
            return;
        }
        let Run {
            out,
            reporter,
            progress,
            ..
        } = self;
        let result = progress.suspend(|| {
            for r in reports {
                reporter.document(*out, r)?;
            }
            out.flush()
        });
        if let Err(e) = result {
            self.write_error = Some(e);
        }
        self.progress.advance(reports.len());
    }

    fn finish(&mut self) {
        self.progress.finish();
        if self.write_error.is_none() {
            let result = self
                .reporter
                .finish(self.out, &self.summary)
                .and_then(|()| self.out.flush());
            if let Err(e) = result {
                self.write_error = Some(e);
            }
        }
    }
}

/// A progress bar on standard error, shown only on a terminal, only for long runs.
struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    shown: bool,
}

impl Progress {
    fn new(terminal: bool, total: Option<usize>) -> Self {
        let long = total.is_none_or(|t| t >= PROGRESS_MIN_FILES);
        let bar = (terminal && long).then(|| {
            let target = ProgressDrawTarget::hidden();
            match total {
                Some(t) => {
                    let bar = ProgressBar::with_draw_target(Some(t as u64), target);
                    if let Ok(style) = ProgressStyle::with_template(
                        "{spinner} {pos}/{len} documents [{bar:30}] {elapsed} elapsed, ETA {eta}",
                    ) {
                        bar.set_style(style.progress_chars("=> "));
                    }
                    bar
                }
                None => {
                    let bar = ProgressBar::with_draw_target(None, target);
                    if let Ok(style) = ProgressStyle::with_template(
                        "{spinner} {pos} documents checked ({elapsed})",
                    ) {
                        bar.set_style(style);
                    }
                    bar
                }
            }
        });
        Progress {
            bar,
            started: Instant::now(),
            shown: false,
        }
    }

    fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) if self.shown => bar.suspend(f),
            _ => f(),
        }
    }

    fn advance(&mut self, n: usize) {
        if let Some(bar) = &self.bar {
            bar.inc(n as u64);
            if !self.shown && self.started.elapsed() >= PROGRESS_DELAY {
                bar.set_draw_target(ProgressDrawTarget::stderr());
                self.shown = true;
            }
        }
    }

    fn finish(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_with_a_bound() {
        let text = b"a\r\n\nbbbbbbbbbb\nccc";
        let mut r = io::BufReader::with_capacity(4, &text[..]);
        let mut lines = Vec::new();
        loop {
            let mut buf = Vec::new();
            match read_line(&mut r, &mut buf, 5).unwrap() {
                None => break,
                Some(long) => lines.push((String::from_utf8(buf).unwrap(), long)),
            }
        }
        assert_eq!(
            lines,
            [
                ("a".to_owned(), false),
                (String::new(), false),
                (String::new(), true),
                ("ccc".to_owned(), false)
            ]
        );
    }
}
