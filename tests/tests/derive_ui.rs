//! Compile errors of bad attributes (trybuild): each case under `tests/ui/<kind>/` with
//! its reviewed `.stderr`, grouped by kind of mistake.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    for kind in [
        "unknown_key",
        "duplicate",
        "conflict",
        "malformed",
        "wrong_type",
        "unsupported",
    ] {
        t.compile_fail(format!("ui/{kind}/*.rs"));
    }
}
