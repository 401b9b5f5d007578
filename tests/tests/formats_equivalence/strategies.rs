//! The strings the property tests feed the checks: an alphabet and valid examples per
//! format, and the strategies built on them (random strings, edited examples, and
//! strings shaped by a regular expression).

use proptest::prelude::*;
use proptest::strategy::BoxedStrategy;
use schemas::formats::Format;

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
pub(crate) fn random_strings(f: Format) -> BoxedStrategy<String> {
    let chars: Vec<char> = alphabet(f).chars().collect();
    prop::collection::vec(prop::sample::select(chars), 0..48)
        .prop_map(String::from_iter)
        .boxed()
}

/// Valid examples of `f`, including the unusual shapes each reference accepts.
pub(crate) fn examples(f: Format) -> &'static [&'static str] {
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
pub(crate) fn mutations(f: Format) -> BoxedStrategy<String> {
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
pub(crate) fn shaped(f: Format) -> BoxedStrategy<String> {
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
