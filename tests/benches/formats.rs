//! `Format::check` on a typical valid value of each format, against the implementation
//! it replaced (the parsers of std, `ipnet`, `fluent_uri`, `base64`, `email_address` and
//! `chrono`, copied from before the rewrite), plus a few invalid values and the whole
//! set of formats in one go.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use schemas::formats::Format;

/// `Format::check` before the rewrite.
fn reference(f: Format, s: &str) -> bool {
    zos_schema_tests::format_reference::check(f, s)
}

/// A typical valid value of each format (those of the `validate` benchmark).
const VALID: &[(Format, &str)] = &[
    (Format::Ipv4, "10.0.0.1"),
    (Format::Ipv6, "2001:db8::1"),
    (Format::Ip, "10.1.2.3"),
    (Format::Cidr, "10.1.1.5/24"),
    (Format::Uri, "https://hub.grid.tf/a.flist"),
    (Format::Hostname, "node.example.com"),
    (Format::Hex, "deadbeef"),
    (
        Format::Base64,
        "L+V9o0fNYkMVKNqsX7spBzD/9oSvxM/C7ZCZX1jLO3Q=",
    ),
    (Format::Email, "ops@example.com"),
    (Format::DateTime, "2020-04-01T12:00:00Z"),
];

/// Less common valid values and invalid ones, some taking the slow path.
const OTHER: &[(Format, &str, &str)] = &[
    (Format::Ip, "v6", "fe80::1:2"),
    (Format::Cidr, "v6", "2001:db8::/32"),
    (
        Format::Uri,
        "userinfo",
        "http://user@example.com:8080/a?b#c",
    ),
    (Format::Email, "quoted", "\"ops team\"@example.com"),
    (
        Format::DateTime,
        "offset",
        "2020-04-01T12:00:00.123456+02:00",
    ),
    (Format::Ipv4, "invalid", "10.0.0.256"),
    (Format::Uri, "invalid", "hub.grid.tf/a.flist"),
    (
        Format::Base64,
        "invalid",
        "L+V9o0fNYkMVKNqsX7spBzD/9oSvxM/C7ZCZX1jLO3R=",
    ),
    (Format::Email, "invalid", "ops.example.com"),
    (Format::DateTime, "invalid", "2020-04-01 12:00"),
];

fn bench(c: &mut Criterion) {
    for (f, s) in VALID {
        assert!(f.check(s) && reference(*f, s), "{} {s:?}", f.name());
        let mut group = c.benchmark_group(format!("formats/{}", f.name()));
        group.throughput(Throughput::Elements(1));
        group.bench_function("reference", |b| b.iter(|| reference(*f, black_box(s))));
        group.bench_function("new", |b| b.iter(|| f.check(black_box(s))));
        group.finish();
    }
    for (f, what, s) in OTHER {
        assert_eq!(f.check(s), reference(*f, s), "{} {s:?}", f.name());
        let mut group = c.benchmark_group(format!("formats/{}/{what}", f.name()));
        group.throughput(Throughput::Elements(1));
        group.bench_function("reference", |b| b.iter(|| reference(*f, black_box(s))));
        group.bench_function("new", |b| b.iter(|| f.check(black_box(s))));
        group.finish();
    }
    let mut group = c.benchmark_group("formats/all");
    group.throughput(Throughput::Elements(VALID.len() as u64));
    group.bench_function("reference", |b| {
        b.iter(|| {
            VALID
                .iter()
                .filter(|(f, s)| reference(*f, black_box(s)))
                .count()
        })
    });
    group.bench_function("new", |b| {
        b.iter(|| VALID.iter().filter(|(f, s)| f.check(black_box(s))).count())
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(50);
    targets = bench
}
criterion_main!(benches);
