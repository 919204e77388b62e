//! Joins the Designsystemet CSS package (theme and components, from npm), the @font-face rules of
//! its typeface Inter (from npm, the font files copied beside the stylesheet) and our few layout
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
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    css.push_str(&fonts(&root, &out_dir));
    let out = out_dir.join("overens.css");
    if let Err(e) = std::fs::write(&out, css) {
        panic!("cannot write {}: {e}", out.display());
    }
}

/// The subsets of Inter (Designsystemet's typeface; npm package @fontsource-variable/inter, SIL
/// Open Font License) that Swedish and the names of a Nordic civil society need: Latin (å, ä, ö,
/// é, ü…) and Latin Extended (Polish, Turkish, Sami letters…). Copies each font file next to the
/// stylesheet (the server embeds them under /static/fonts/) and returns their @font-face rules,
/// taken from the package's own CSS with the file URLs pointed at the server. A browser fetches
/// a subset only when a page holds a character of its range.
fn fonts(root: &std::path::Path, out_dir: &std::path::Path) -> String {
    let pkg = root.join("node_modules/@fontsource-variable/inter");
    let faces = pkg.join("wght.css");
    println!("cargo:rerun-if-changed={}", faces.display());
    let css = std::fs::read_to_string(&faces).unwrap_or_else(|e| {
        panic!(
            "{} is missing ({e}). The typeface comes from the npm package @fontsource-variable/inter: \
             run `npm ci` in the repository root (./run does it).",
            faces.display()
        )
    });
    let mut rules = String::new();
    for subset in ["latin", "latin-ext"] {
        let file = format!("inter-{subset}-wght-normal.woff2");
        let marker = format!("/* inter-{subset}-wght-normal */");
        let Some(start) = css.find(&marker) else {
            panic!("{} has no rule for {subset}", faces.display())
        };
        let Some(len) = css[start..].find('}') else {
            panic!("{} has an unfinished rule for {subset}", faces.display())
        };
        rules.push_str(&css[start..start + len + 1].replace("url(./files/", "url(/static/fonts/"));
        rules.push('\n');
        let from = pkg.join("files").join(&file);
        println!("cargo:rerun-if-changed={}", from.display());
        if let Err(e) = std::fs::copy(&from, out_dir.join(&file)) {
            panic!("cannot copy {}: {e}", from.display());
        }
    }
    rules
}
