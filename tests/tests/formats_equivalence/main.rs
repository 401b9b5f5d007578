//! The hand-written checks of `schemas::formats` accept exactly the strings the parsers
//! they replaced accept. [`reference`] is a verbatim copy of the implementation before
//! the rewrite (std, `ipnet`, `fluent_uri`, `base64`, `email_address`, `chrono`).
//!
//! For every format, three property tests of [`CASES`] cases each (more with
//! `PROPTEST_CASES=...`) feed it
//! (a) random strings over an alphabet biased to the format, (b) valid examples with
//! one to three characters inserted, deleted or replaced, and (c) strings shaped like
//! the format by a regular expression, near its boundaries; every generated string is
//! checked against every format, not only the one it was made for. Unit tests pin the
//! known edge cases.

mod strategies;

use proptest::strategy::BoxedStrategy;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use schemas::formats::{self, Format};
use strategies::{examples, mutations, random_strings, shaped};

/// Cases per strategy and format; `PROPTEST_CASES` may ask for more.
const CASES: u32 = 20_000;

/// [`CASES`], or `PROPTEST_CASES` if that is larger.
fn cases() -> u32 {
    CASES.max(Config::default().cases)
}

use zos_schema_tests::format_reference as reference;

/// A check of one format.
type Check = fn(&str) -> bool;

/// Every format (and the public `is_*` functions) agrees with the reference on `s`.
fn agree(s: &str) -> Result<(), String> {
    for f in Format::ALL {
        let (new, old) = (f.check(s), reference::check(*f, s));
        if new != old {
            return Err(format!("{}: {s:?}: new {new}, reference {old}", f.name()));
        }
    }
    let functions: [(&str, Check, Check); 10] = [
        ("is_ipv4", formats::is_ipv4, reference::is_ipv4),
        ("is_ipv6", formats::is_ipv6, reference::is_ipv6),
        ("is_ip", formats::is_ip, reference::is_ip),
        ("is_cidr", formats::is_cidr, reference::is_cidr),
        ("is_uri", formats::is_uri, reference::is_uri),
        ("is_hostname", formats::is_hostname, reference::is_hostname),
        ("is_hex", formats::is_hex, reference::is_hex),
        ("is_base64", formats::is_base64, reference::is_base64),
        ("is_email", formats::is_email, reference::is_email),
        (
            "is_date_time",
            formats::is_date_time,
            reference::is_date_time,
        ),
    ];
    for (name, new, old) in functions {
        if new(s) != old(s) {
            return Err(format!(
                "{name}: {s:?}: new {}, reference {}",
                new(s),
                old(s)
            ));
        }
    }
    Ok(())
}

/// Runs `strategy` for [`cases()`] cases, checking every string against every format;
/// returns the number of cases and how many of them `f` accepted.
fn run(f: Format, kind: &str, strategy: BoxedStrategy<String>) -> (u32, u32) {
    let cases = cases();
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let accepted = std::cell::Cell::new(0u32);
    let result = runner.run(&strategy, |s| {
        agree(&s).map_err(TestCaseError::fail)?;
        if reference::check(f, &s) {
            accepted.set(accepted.get() + 1);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{} ({kind}): {e}", f.name());
    }
    let accepted = accepted.get();
    println!(
        "{:>9} {kind:>9}: {cases} cases, {accepted} accepted",
        f.name()
    );
    (cases, accepted)
}

macro_rules! equivalence_tests {
    ($($name:ident => $format:expr,)*) => {
        mod random {
            use super::*;
            $(#[test]
            fn $name() {
                run($format, "random", random_strings($format));
            })*
        }
        mod mutated {
            use super::*;
            $(#[test]
            fn $name() {
                let (cases, accepted) = run($format, "mutated", mutations($format));
                // The edits must leave a fair share valid and break the rest.
                assert!(accepted > cases / 50 && accepted < cases - cases / 50, "{accepted}");
            })*
        }
        mod shaped {
            use super::*;
            $(#[test]
            fn $name() {
                let (cases, accepted) = run($format, "shaped", shaped($format));
                assert!(accepted > cases / 100, "{accepted}");
            })*
        }
    };
}

equivalence_tests! {
    ipv4 => Format::Ipv4,
    ipv6 => Format::Ipv6,
    ip => Format::Ip,
    cidr => Format::Cidr,
    uri => Format::Uri,
    hostname => Format::Hostname,
    hex => Format::Hex,
    base64 => Format::Base64,
    email => Format::Email,
    date_time => Format::DateTime,
}

/// `(string, accepted)` pairs checked against both implementations.
fn pinned(f: Format, cases: &[(&str, bool)]) {
    for (s, ok) in cases {
        assert_eq!(reference::check(f, s), *ok, "reference {} {s:?}", f.name());
        assert_eq!(f.check(s), *ok, "{} {s:?}", f.name());
        if let Err(e) = agree(s) {
            panic!("{e}");
        }
    }
}

#[test]
fn examples_are_valid() {
    for f in Format::ALL {
        for s in examples(*f) {
            let ok = !matches!(*s, "10.0.0.1" if *f == Format::Ipv6) && *s != "a@b@c.d";
            pinned(*f, &[(s, ok)]);
        }
    }
}

#[test]
fn ip_edges() {
    pinned(
        Format::Ipv4,
        &[
            ("1.2.3.4", true),
            ("01.2.3.4", false),
            ("1.2.3.04", false),
            ("0.0.0.0", true),
            ("00.0.0.0", false),
            ("1.2.3.256", false),
            ("1.2.3.1000", false),
            ("1.2.3", false),
            ("1.2.3.4.", false),
            ("1.2.3.4.5", false),
            (" 1.2.3.4", false),
            ("1.2.3.4 ", false),
            ("１.2.3.4", false),
            ("", false),
        ],
    );
    pinned(
        Format::Ipv6,
        &[
            ("::ffff:1.2.3.4", true),
            ("::ffff:01.2.3.4", false),
            ("::1.2.3.4", true),
            ("1.2.3.4::", false),
            ("1:2:3:4:5:6:7:1.2.3.4", false),
            ("1:2:3:4:5:6::1.2.3.4", false),
            ("1:2:3:4:5::1.2.3.4", true),
            ("fe80::1%eth0", false),
            ("fe80::1%1", false),
            ("::1:2:3:4:5:6:7:8", false),
            ("1::2:3:4:5:6:7:8", false),
            ("1:2:3:4:5:6:7::", true),
            ("1:2:3:4:5:6:7:8::", false),
            (":::", false),
            (":1::", false),
            ("1::2::3", false),
            ("12345::", false),
            ("[::1]", false),
            ("::ffff:1.2.3.4.5", false),
        ],
    );
    pinned(
        Format::Cidr,
        &[
            ("010.0.0.1/8", true),
            ("10.0.0.1/08", true),
            ("10.0.0.1/008", false),
            ("10.0.0.1/32", true),
            ("10.0.0.1/33", false),
            ("10.0.0.1/", false),
            ("10.0.0.1/3a", false),
            ("::1:2:3:4:5:6:7:8/64", true),
            ("::1/0128", false),
            ("::1/128", true),
            ("::1/129", false),
            ("::ffff:010.0.0.1/96", true),
            ("fe80::1%eth0/64", false),
            ("1.2.3.4/24/", false),
        ],
    );
}

#[test]
fn hostname_edges() {
    let label63 = "a".repeat(63);
    let label64 = "a".repeat(64);
    let long253 = format!("{label63}.{label63}.{label63}.{}", "b".repeat(61));
    let long254 = format!("{long253}b");
    pinned(
        Format::Hostname,
        &[
            ("example.com.", false),
            (".example.com", false),
            ("a-.b", false),
            ("a.-b", false),
            ("a_b.c", false),
            ("é.fr", false),
            (&label63, true),
            (&label64, false),
            (&long253, true),
            (&long254, false),
        ],
    );
}

#[test]
fn base64_edges() {
    pinned(
        Format::Base64,
        &[
            ("", true),
            ("a==", false),
            ("QQ=", false),
            ("QR==", false),
            ("QQ==", true),
            ("QUF=", false),
            ("QUE=", true),
            ("QU=E", false),
            ("Q===", false),
            ("====", false),
            ("QQ==QQ==", false),
            ("QUJD\n", false),
            ("QUJD====", false),
            ("QU JD", false),
            ("QUJD-_==", false),
        ],
    );
}

#[test]
fn email_edges() {
    let local64 = "a".repeat(64);
    let local65 = "a".repeat(65);
    pinned(
        Format::Email,
        &[
            ("\"quoted local\"@example.com", true),
            ("\"\"@example.com", false),
            ("用户@例子.广告", true),
            ("é@é.fr", true),
            ("a..b@c.d", false),
            (".a@c.d", false),
            ("a.@c.d", false),
            ("a@-c.d", false),
            ("a@c-.d", false),
            ("a@c.d.", false),
            ("a@c_d.e", true),
            ("a@", false),
            ("@a", false),
            ("a b@c.d", false),
            ("Name <a@b.c>", true),
            ("<a@b.c>", false),
            (&format!("{local64}@x.y"), true),
            (&format!("{local65}@x.y"), false),
        ],
    );
}

#[test]
fn uri_edges() {
    pinned(
        Format::Uri,
        &[
            ("http:", true),
            ("http:a", true),
            ("http:/a", true),
            ("http://", true),
            ("HTTP://A", true),
            ("h-t.t+p:x", true),
            ("1http:x", false),
            ("-http:x", false),
            (":x", false),
            ("http//a", false),
            ("http://a:b", false),
            ("http://a:1:2", false),
            ("http://a:8080", true),
            ("http://a:/", true),
            ("http://%41/", true),
            ("http://%4/", false),
            ("http://a@b/", true),
            ("http://a@b@c/", false),
            ("http://[::1]/", true),
            ("http://[::1/", false),
            ("http://a/%zz", false),
            ("http://a/b c", false),
            ("http://a/é", false),
            ("s://a#b#c", false),
            ("s://a?b?c#d?e/f", true),
            ("s://a/b?c=d&e=f", true),
            ("s://a\\b", false),
        ],
    );
}

/// Around the block boundaries of the byte scans: for valid strings of every length up
/// to 70, each position is replaced by a few bytes that break (or keep) validity.
#[test]
fn every_length_and_position() {
    /// A format, valid strings of a given length, and replacement characters.
    type Family = (Format, fn(usize) -> String, &'static [char]);
    let families: &[Family] = &[
        (
            Format::Hex,
            |n| "a1".repeat(n / 2 + 1)[..n].to_string(),
            &['g', '0', 'F', ' ', 'é'],
        ),
        (
            Format::Base64,
            |n| "Ab+/".repeat(n / 4 + 1)[..n].to_string(),
            &['=', '-', 'A', '.'],
        ),
        (
            Format::Hostname,
            |n| "ab.c".repeat(n / 4 + 1)[..n].to_string(),
            &['.', '-', '_', 'é'],
        ),
        (
            Format::Email,
            |n| {
                format!(
                    "x{}@example.com",
                    "a.b".repeat(n / 3 + 1)[..n].trim_end_matches('.')
                )
            },
            &['@', '.', '-', ' ', '"'],
        ),
        (
            Format::Uri,
            |n| format!("https://h/{}", &"ab/c".repeat(n / 4 + 1)[..n]),
            &['%', ' ', '#', '?', '@', ':'],
        ),
    ];
    let mut checked = 0;
    for (f, make, replacements) in families {
        for n in 0..=70 {
            let base = make(n);
            if let Err(e) = agree(&base) {
                panic!("{e}");
            }
            let chars: Vec<char> = base.chars().collect();
            for i in 0..chars.len() {
                for r in *replacements {
                    let mut c = chars.clone();
                    c[i] = *r;
                    let s: String = c.into_iter().collect();
                    if let Err(e) = agree(&s) {
                        panic!("{} (from {base:?}): {e}", f.name());
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 10_000, "{checked}");
}

#[test]
fn date_time_edges() {
    pinned(
        Format::DateTime,
        &[
            ("2016-12-31T23:59:60Z", true),
            ("2020-04-01T12:34:60Z", true),
            ("2020-04-01T12:34:61Z", false),
            ("2020-04-01t12:00:00z", true),
            ("2020-04-01 12:00:00Z", true),
            ("2020-04-01T12:00:00", false),
            ("2020-04-01T12:00:00.Z", false),
            ("2020-04-01T24:00:00Z", false),
            ("2020-04-01T12:00:00+24:00", false),
            ("2020-04-01T12:00:00+23:59", true),
            ("2020-04-01T12:00:00+0200", false),
            ("2020-04-01T12:00:00+02:60", false),
            ("2020-04-01T12:00:00\u{2212}02:00", true),
            ("2020-04-01T12:00:00UTC", false),
            ("2019-02-29T00:00:00Z", false),
            ("2000-02-29T00:00:00Z", true),
            ("1900-02-29T00:00:00Z", false),
            ("0000-02-29T00:00:00Z", true),
            ("2020-04-31T00:00:00Z", false),
            ("2020-00-01T00:00:00Z", false),
            ("2020-04-00T00:00:00Z", false),
            ("2020-04-01T12:00:00Z ", false),
        ],
    );
}
