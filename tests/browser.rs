//! The seed's HTML page in a real browser: headless Chromium loads the page that
//! `vanban::render::html` writes, and the test reads back from the browser's DOM that
//! every person and date of the seed is in a `<mark>` of the right kind, drawn with a
//! background of its own; a screenshot is saved as `target/browser/seed.png`.
//!
//! The browser is `$VANBAN_CHROMIUM`, else the first of `chromium-headless-shell`,
//! `chromium`, `chromium-browser`, `google-chrome` on the PATH (`.ci/install-browser.sh`
//! installs one from the distribution's packages). Without one the test says so and
//! skips, unless `VANBAN_REQUIRE_BROWSER=1` (set by `.ci/run` after installing), when it
//! fails.

use std::path::{Path, PathBuf};
use std::process::Command;

fn browser() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("VANBAN_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium-headless-shell", "chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
}

/// Run the browser headless on `url` with `args`; its stdout.
fn run(bin: &Path, args: &[&str], url: &str) -> String {
    let profile = std::env::temp_dir().join(format!("vanban-chromium-{}", std::process::id()));
    let out = Command::new(bin)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars"])
        .arg(format!("--user-data-dir={}", profile.display()))
        // Nothing from the network: the page must not need it.
        .args(["--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=2000"])
        .args(args)
        .arg(url)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", bin.display()));
    assert!(out.status.success(), "{} failed: {}", bin.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 DOM")
}

/// Reads the marks from the DOM as the browser built it: kind, text and the computed
/// background of each, as JSON in `<pre id="vanban-check">`. Only in the test's copy of
/// the page: the page itself has no script.
const PROBE: &str = r#"<script>
addEventListener('load', () => {
  const marks = [...document.querySelectorAll('pre mark[data-kind]')].map(m => ({
    kind: m.dataset.kind, text: m.textContent, title: m.title, bg: getComputedStyle(m).backgroundColor }));
  const pre = document.createElement('pre');
  pre.id = 'vanban-check';
  pre.textContent = JSON.stringify(marks);
  document.body.appendChild(pre);
});
</script>"#;

#[test]
fn seed_page_in_headless_chromium() {
    let Some(bin) = browser() else {
        let msg = "skipped: no Chromium found (set VANBAN_CHROMIUM or run .ci/install-browser.sh)";
        assert!(std::env::var_os("VANBAN_REQUIRE_BROWSER").is_none(), "{msg}, and VANBAN_REQUIRE_BROWSER is set");
        eprintln!("{msg}");
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let input = std::fs::read_to_string(root.join("fixtures/hoi-nghi-so-ket-dan-van-2019.txt")).unwrap();
    let doc = vanban::parse(&input);
    let page = vanban::render::html(&doc, &input);
    let dir = root.join("target/browser");
    std::fs::create_dir_all(&dir).unwrap();
    let page_path = dir.join("seed.html");
    std::fs::write(&page_path, &page).unwrap();
    let probe_path = dir.join("seed-probe.html");
    std::fs::write(&probe_path, page.replace("</body>", &format!("{PROBE}\n</body>"))).unwrap();

    let dom = run(&bin, &["--dump-dom"], &format!("file://{}", probe_path.display()));
    let json = dom
        .split_once("<pre id=\"vanban-check\">")
        .and_then(|(_, rest)| rest.split_once("</pre>"))
        .map(|(json, _)| json.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
        .unwrap_or_else(|| panic!("the probe did not run; DOM:\n{dom}"));
    let marks: Vec<serde_json::Value> = serde_json::from_str(&json).expect("probe JSON");
    let found = |kind: &str, text: &str| {
        marks
            .iter()
            .find(|m| m["kind"] == kind && m["text"] == text)
            .map(|m| m["bg"].as_str().unwrap_or("").to_string())
    };

    let chairs = &doc.meeting.as_ref().unwrap().chairs;
    let mut backgrounds = std::collections::BTreeMap::new();
    assert_eq!(doc.people.len(), 8);
    for p in &doc.people {
        let kind = if chairs.contains(&p.id) { "chair" } else { "person" };
        for m in &p.mentions {
            let text = m.slice(&input).unwrap();
            let bg = found(kind, text).unwrap_or_else(|| panic!("{text:?} is not highlighted as {kind}"));
            backgrounds.insert(kind, bg);
        }
    }
    let m = doc.meeting.as_ref().unwrap();
    let mut dates = vec![m.date.as_ref().unwrap().span];
    dates.extend(m.period.iter().map(|p| p.span));
    for s in dates {
        let text = s.slice(&input).unwrap();
        let bg = found("date", text).unwrap_or_else(|| panic!("date {text:?} is not highlighted"));
        backgrounds.insert("date", bg);
    }
    for kind in ["role", "organization", "task"] {
        let bg = marks.iter().find(|m| m["kind"] == kind).unwrap_or_else(|| panic!("no {kind} mark"))["bg"]
            .as_str()
            .unwrap()
            .to_string();
        backgrounds.insert(kind, bg);
    }
    // Drawn: each kind has a background, and no two kinds the same one.
    for (kind, bg) in &backgrounds {
        assert!(!bg.is_empty() && bg != "rgba(0, 0, 0, 0)" && bg != "transparent", "{kind}: {bg}");
    }
    let distinct: std::collections::BTreeSet<_> = backgrounds.values().collect();
    assert_eq!(distinct.len(), backgrounds.len(), "{backgrounds:?}");

    let shot = dir.join("seed.png");
    let _ = std::fs::remove_file(&shot);
    run(
        &bin,
        &["--window-size=1400,1800", &format!("--screenshot={}", shot.display())],
        &format!("file://{}", page_path.display()),
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000, "{} bytes", png.len());
    eprintln!("screenshot: {}", shot.display());
}
