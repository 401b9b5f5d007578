//! The valid and invalid example strings the generator writes for each `format`.

/// Valid and invalid examples of each format.
pub(super) fn format_pool(format: &str) -> (&'static [&'static str], &'static [&'static str]) {
    match format {
        "ipv4" => (
            &["10.0.0.1", "192.168.1.254", "0.0.0.0"],
            &["10.0.0.256", "1.2.3", "::1", ""],
        ),
        "ipv6" => (
            &["2001:db8::1", "::1", "fe80::a:b"],
            &["2001:db8::g", "10.0.0.1", ""],
        ),
        "ip" => (&["10.1.2.3", "2001:db8::5"], &["10.1.2", "hello", ""]),
        "cidr" => (
            &["10.0.0.0/16", "10.1.1.5/24", "2001:db8::/32", "0.0.0.0/0"],
            &["10.0.0.0", "10.0.0.0/33", "300.1.1.1/8", ""],
        ),
        "uri" => (
            &[
                "https://hub.grid.tf/a.flist",
                "redis://host:6379/chan",
                "urn:x:y",
            ],
            &["hub.grid.tf/a.flist", "http://a b", ""],
        ),
        "hostname" => (
            &["hub.grid.tf", "a", "node-1.example.com"],
            &["-bad.example", "a..b", "under_score", ""],
        ),
        "hex" => (&["deadbeef", "00", "", "0A1b"], &["abc", "zz", "0x12"]),
        "base64" => (
            &["L+V9o0fNYkMVKNqsX7spBzD/9oSvxM/C7ZCZX1jLO3Q=", "", "YWJj"],
            &["not base64!", "YWJ", "===="],
        ),
        "email" => (
            &["ops@example.com", "a.b@c.io"],
            &["ops.example.com", "@x", ""],
        ),
        "date-time" => (
            &["2020-04-01T12:00:00Z", "2020-04-01T12:00:00.5+02:00"],
            &["2020-04-01 12:00", "2020-13-01T00:00:00Z", ""],
        ),
        _ => (&["x"], &[]),
    }
}
