//! Joins the Designsystemet CSS package (theme and components, from npm) and our few layout
//! rules into one stylesheet at build time. Run `npm ci` in the repository root first (the
//! `./run` script does).

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let root = manifest.join("../..");
    let pkg = root.join("node_modules/@digdir/designsystemet-css/dist");
    let parts = [
        pkg.join("theme/designsystemet.css"),
        pkg.join("src/index.css"),
        manifest.join("assets/site.css"),
    ];
    let mut css = String::new();
    for p in &parts {
        println!("cargo:rerun-if-changed={}", p.display());
        match std::fs::read_to_string(p) {
            Ok(s) => {
                css.push_str(&s);
                css.push('\n');
            }
            Err(e) => panic!(
                "{} is missing ({e}). The stylesheet comes from the npm package \
                 @digdir/designsystemet-css: run `npm ci` in the repository root (./run does it).",
                p.display()
            ),
        }
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("overens.css");
    if let Err(e) = std::fs::write(&out, css) {
        panic!("cannot write {}: {e}", out.display());
    }
}
