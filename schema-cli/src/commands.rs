//! `zos-schema schema`, `types` and `export`.

use std::path::Path;

use schemas::export::{ExportOptions, Lang as ExportLang};
use serde_json::Value;

use crate::cli::{ExportArgs, Lang, SchemaArgs};
use crate::inputs::io_message;
use crate::{Catalog, Env, EXIT_ERROR, EXIT_OK};

fn pretty(value: &Value) -> String {
    // A `Value` always serializes.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

fn write_file(env: &mut Env<'_>, dir: &Path, name: &str, contents: &str) -> bool {
    let path = dir.join(name);
    let result = std::fs::create_dir_all(dir).and_then(|()| std::fs::write(&path, contents));
    match result {
        Ok(()) => {
            let _ = writeln!(env.stderr, "wrote {}", path.display());
            true
        }
        Err(e) => {
            let _ = writeln!(
                env.stderr,
                "error: cannot write {}: {}",
                path.display(),
                io_message(&e)
            );
            false
        }
    }
}

fn print(env: &mut Env<'_>, text: &str) -> u8 {
    match env
        .stdout
        .write_all(text.as_bytes())
        .and_then(|()| env.stdout.flush())
    {
        Ok(()) => EXIT_OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_ERROR,
        Err(e) => {
            let _ = writeln!(env.stderr, "error: cannot write: {}", io_message(&e));
            EXIT_ERROR
        }
    }
}

/// `schema NAME`, `schema --all`, with or without `--out DIR`.
pub fn schema(args: &SchemaArgs, catalog: &Catalog, env: &mut Env<'_>) -> u8 {
    if args.all {
        let bundle = pretty(&catalog.bundle());
        let Some(dir) = &args.out else {
            return print(env, &bundle);
        };
        let mut ok = true;
        for t in catalog.types() {
            ok &= write_file(
                env,
                dir,
                &format!("{}.json", t.name()),
                &pretty(&t.schema()),
            );
        }
        ok &= write_file(
            env,
            dir,
            &format!("{}.bundle.json", catalog.title()),
            &bundle,
        );
        return if ok { EXIT_OK } else { EXIT_ERROR };
    }
    let name = args.name.as_deref().unwrap_or_default();
    let Some(info) = catalog.find_loose(name) else {
        let _ = writeln!(
            env.stderr,
            "error: unknown type `{name}`; the types are: {}",
            catalog.names()
        );
        return EXIT_ERROR;
    };
    let text = pretty(&info.schema());
    match &args.out {
        None => print(env, &text),
        Some(dir) => {
            if write_file(env, dir, &format!("{}.json", info.name()), &text) {
                EXIT_OK
            } else {
                EXIT_ERROR
            }
        }
    }
}

/// `types`: one line a type, its name and its description.
pub fn types(catalog: &Catalog, env: &mut Env<'_>) -> u8 {
    let width = catalog
        .types()
        .iter()
        .map(|t| t.name().len())
        .max()
        .unwrap_or(0);
    let mut text = String::new();
    for t in catalog.types() {
        let description = t.description().lines().next().unwrap_or("");
        text.push_str(&format!("{:width$}  {description}\n", t.name()));
    }
    print(env, &text)
}

/// `export --lang L [--out DIR] [--package NAME]`.
pub fn export(args: &ExportArgs, catalog: &Catalog, env: &mut Env<'_>) -> u8 {
    let lang = match args.lang {
        Lang::Typescript => ExportLang::TypeScript,
        Lang::Go => ExportLang::Go,
        Lang::Python => ExportLang::Python,
    };
    let options = ExportOptions {
        package: args.package.clone(),
    };
    let files = match schemas::export::export(lang, &catalog.bundle(), &options) {
        Ok(files) => files,
        Err(e) => {
            let _ = writeln!(env.stderr, "error: {e}");
            return EXIT_ERROR;
        }
    };
    match &args.out {
        Some(dir) => {
            let mut ok = true;
            for f in &files {
                ok &= write_file(env, dir, &f.path, &f.contents);
            }
            if ok {
                EXIT_OK
            } else {
                EXIT_ERROR
            }
        }
        None => {
            let text: String = if files.len() == 1 {
                files.iter().map(|f| f.contents.as_str()).collect()
            } else {
                files
                    .iter()
                    .map(|f| format!("// ---- {} ----\n{}", f.path, f.contents))
                    .collect()
            };
            print(env, &text)
        }
    }
}
