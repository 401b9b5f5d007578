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

use proptest::prelude::*;
use proptest::strategy::BoxedStrategy;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use schemas::formats::{self, Format};

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

/// Characters that turn up in every alphabet: separators of other formats, spaces,
/// controls and non-ASCII text (a Latin-1 letter, CJK, a fullwidth digit, an Arabic-Indic
/// digit, the minus sign U+2212, an emoji).
const NOISE: &str = " \t\n\0/:.@%=+-_[]#?\"\\<>éé日１٣−🦀";

/// The alphabet random strings of format `f` are drawn from.
fn alphabet(f: Format) -> String {
    let own = match f {
        Format::Ipv4 => "0123456789012345678901234567890123456789.....",
        Format::Ipv6 => "0123456789abcdefABCDEF::::::::::::....0000ffff",
        Format::Ip => "0123456789abcdefABCDEF::::::......",
        Format::Cidr => "0123456789abcdefABCDEF:::::......//////",
        Format::Uri => "abcdefghijklmnopqrstuvwxyzHTTPS0123456789:::////??##@[]!$&'()*+,;=-._~%%%%",
        Format::Hostname => "abcdefghijklmnopqrstuvwxyzABC0123456789------......",
        Format::Hex => "0123456789abcdefABCDEF0123456789abcdefABCDEFgGxX",
        Format::Base64 => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/====",
        Format::Email => {
            "abcdefghijklmnopqrstuvwxyz0123456789.....@@@@-_+!#$&'*/=?^`{|}~\"\"\"\\()<>[]   ,;:"
        }
        Format::DateTime => "0123456789012345678901234567890123456789----::::TtZz..+ ",
    };
    format!("{own}{own}{NOISE}")
}

/// (a) Random strings over `f`'s alphabet, up to 48 characters.
fn random_strings(f: Format) -> BoxedStrategy<String> {
    let chars: Vec<char> = alphabet(f).chars().collect();
    prop::collection::vec(prop::sample::select(chars), 0..48)
        .prop_map(String::from_iter)
        .boxed()
}

/// Valid examples of `f`, including the unusual shapes each reference accepts.
fn examples(f: Format) -> &'static [&'static str] {
    match f {
        Format::Ipv4 => &[
            "10.0.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "192.168.100.200",
            "1.22.133.4",
        ],
        Format::Ipv6 | Format::Ip => &[
            "2001:db8::1",
            "::",
            "::1",
            "1::",
            "fe80::1:2",
            "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7::",
            "::2:3:4:5:6:7:8",
            "::ffff:1.2.3.4",
            "1:2:3:4:5:6:1.2.3.4",
            "1:2:3:4:5::1.2.3.4",
            "0000:ffff:FFFF:0:00:000:a:B",
            "10.0.0.1",
        ],
        Format::Cidr => &[
            "10.1.1.5/24",
            "0.0.0.0/0",
            "255.255.255.255/32",
            "010.001.0.00/08",
            "2001:db8::/32",
            "::/0",
            "::1/128",
            "::1:2:3:4:5:6:7:8/64",
            "1::2:3:4:5:6:7:8/064",
            "::ffff:001.2.3.4/96",
            "1:2:3:4:5:6:1.2.3.4/128",
        ],
        Format::Uri => &[
            "https://hub.grid.tf/a.flist",
            "http://example.com:8080/p/a/t/h?query=1&b=2#frag",
            "http://user:pw@host:80/p",
            "http://[::1]:80/",
            "http://[v7.abc:x]/",
            "http://[1:2:3:4:5:6:1.2.3.4]/",
            "http://1.2.3.4/",
            "file:///etc/hosts",
            "mailto:ops@example.com",
            "urn:isbn:0451450523",
            "a+b-c.d:x/%20y?%41#%7e",
            "s:",
            "s://",
            "s://:/?#",
        ],
        Format::Hostname => &[
            "hub.grid.tf",
            "a",
            "a-b.c-d",
            "xn--bcher-kva.example",
            "0.0.0.0",
            "123",
            "A1.B2.C3",
        ],
        Format::Hex => &["", "deadbeef", "DEADbeef00", "0123456789abcdefABCDEF"],
        Format::Base64 => &[
            "",
            "QQ==",
            "QUE=",
            "QUJD",
            "L+V9o0fNYkMVKNqsX7spBzD/9oSvxM/C7ZCZX1jLO3Q=",
            "AAAA////++++",
            "Zm9vYmFy",
            "Zm9vYg==",
        ],
        Format::Email => &[
            "ops@example.com",
            "a.b+c@sub.example.co",
            "x@y",
            "!#$%&'*+-/=?^_`{|}~@a_b.c",
            "\"quoted local\"@example.com",
            "\"a\\\"b\"@example.com",
            "user@[192.168.0.1]",
            "user@[IPv6:2001:db8::1]",
            "Name <a@b.c>",
            "\"Quoted Name\" <a@b.c>",
            "用户@例子.广告",
            "é@é.fr",
            "a@b@c.d",
        ],
        Format::DateTime => &[
            "2020-04-01T12:00:00Z",
            "2020-04-01t12:00:00z",
            "2020-04-01 12:00:00+02:00",
            "2016-12-31T23:59:60Z",
            "2020-01-01T00:00:60.5-01:30",
            "2020-02-29T00:00:00.123456789123+05:30",
            "2000-02-29T23:59:59.1Z",
            "0000-02-29T00:00:00-23:59",
            "9999-12-31T23:59:59.999999999+23:59",
            "1999-12-31T23:59:59.5\u{2212}01:00",
        ],
    }
}

/// One edit of a string: insert, delete or replace the character at a position.
#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, char),
    Delete(usize),
    Replace(usize, char),
}

fn apply(s: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    for edit in edits {
        match *edit {
            Edit::Insert(i, c) => chars.insert(i % (chars.len() + 1), c),
            Edit::Delete(i) if !chars.is_empty() => {
                let i = i % chars.len();
                chars.remove(i);
            }
            Edit::Replace(i, c) if !chars.is_empty() => {
                let i = i % chars.len();
                chars[i] = c;
            }
            Edit::Delete(_) | Edit::Replace(..) => {}
        }
    }
    chars.into_iter().collect()
}

/// (b) Valid examples of `f` with one to three edits (one edit in half the cases),
/// with characters from `f`'s alphabet.
fn mutations(f: Format) -> BoxedStrategy<String> {
    let chars: Vec<char> = alphabet(f).chars().collect();
    let c = prop::sample::select(chars);
    let edit = prop_oneof![
        (any::<usize>(), c.clone()).prop_map(|(i, c)| Edit::Insert(i, c)),
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), c).prop_map(|(i, c)| Edit::Replace(i, c)),
    ];
    let count = prop_oneof![Just(1usize), 1usize..=3];
    let edits = count.prop_flat_map(move |n| prop::collection::vec(edit.clone(), n));
    (prop::sample::select(examples(f)), edits)
        .prop_map(|(s, edits)| apply(s, &edits))
        .boxed()
}

/// (c) Strings shaped like `f`, with field widths and values just around its limits.
fn shaped(f: Format) -> BoxedStrategy<String> {
    let pattern = match f {
        Format::Ipv4 | Format::Ip => {
            r"(0|[1-9][0-9]?|1[0-9]{2}|2[0-5][0-9]|0[0-9]|[0-9]{4})(\.(0|[1-9][0-9]?|1[0-9]{2}|2[0-5][0-9]|0[0-9]|[0-9]{4}|)){2,4}"
        }
        Format::Ipv6 => {
            r"(:|::)?([0-9a-fA-F]{0,5}(:|::)){0,8}([0-9a-fA-F]{0,5}|[0-9]{1,3}(\.[0-9]{1,3}){2,3})"
        }
        Format::Cidr => {
            r"((0|[1-9][0-9]?|1[0-9]{2}|2[0-5][0-9]|00?[0-9]|[0-9]{4})(\.(0|[1-9][0-9]?|2[0-5][0-9]|00?[0-9]|[0-9]{4}|)){2,4}|(:|::)?([0-9a-fA-F]{0,5}(:|::)){0,8}([0-9a-fA-F]{0,4}|[0-9]{1,3}(\.[0-9]{1,3}){3}))/(0?[0-9]|[12][0-9]|3[0-3]|0[0-9]{2}|1[0-2][0-9]|13[0-9]|[0-9]{4}|)"
        }
        Format::Uri => {
            r"[a-zA-Z0-9+.-]{0,5}:(//([a-z0-9.~-]{0,6}@)?([a-z0-9.%-]{0,8}|\[[0-9a-fA-F:.v]{0,12}\])(:[0-9a-z]{0,4})?)?(/[a-z0-9.:@%!$&'()*+,;=~_-]{0,6}){0,3}(\?[a-z/?:@%=&]{0,6})?(#[a-z/?:@%#]{0,6})?"
        }
        Format::Hostname => {
            r"([a-zA-Z0-9-]{0,4}\.){0,4}[a-zA-Z0-9-]{0,4}|[a-z]{60,66}(\.[a-z]{60,66}){0,4}"
        }
        Format::Hex => r"[0-9a-fA-F]{0,40}[g\s]?",
        Format::Base64 => r"([A-Za-z0-9+/]{4}){0,4}[A-Za-z0-9+/]{0,4}={0,3}[A-Za-z0-9+/=]?",
        Format::Email => {
            r#"(([a-z0-9!#$%&'*+/=?^_`{|}~-]{0,4}\.?){0,3}|"[a-z @\\"]{0,5}")@(\[[0-9a-zA-Z.:\]\[]{0,12}\]|([a-z0-9_-]{0,4}\.?){0,4})|[A-Za-z "]{0,6}<[a-z.]{0,3}@[a-z.]{0,4}>?|[a-z]{62,66}@[a-z]{1,2}\.[a-z]{61,65}|a@([a-z]{60,63}\.){3,4}[a-z]{1,15}"#
        }
        Format::DateTime => {
            r"[0-9]{4}-(0[0-9]|1[0-3])-([0-2][0-9]|3[0-2])[Tt ]([01][0-9]|2[0-5]):[0-6][0-9]:[0-6][0-9](\.[0-9]{0,12})?([Zz]|[+−-]([01][0-9]|2[0-5]):[0-6][0-9]|[+-][0-9]{2}:?[0-9]{0,3}|UTC|)"
        }
    };
    match proptest::string::string_regex(pattern) {
        Ok(s) => s.boxed(),
        Err(e) => panic!("bad pattern for {}: {e}", f.name()),
    }
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
