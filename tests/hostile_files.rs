//! Files that are not what they seem: a named pipe (opening it blocks forever) or a link
//! to `/dev/zero` (it never ends) wherever Backstop reads a file, and byte-order marks.
//! Each is refused with a message, quickly, and nothing the user has is moved or lost.

mod common;

use std::path::{Path, PathBuf};

use std::time::Duration;

use backstop::io::{ScenarioFiles, ScenarioSource};

/// Runs `work` on a thread and fails the test if it has not finished in 30 s (a hang).
fn within<T: Send + 'static>(what: &str, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(work());
    });
    receiver
        .recv_timeout(Duration::from_secs(30))
        .unwrap_or_else(|_| panic!("{what}: still reading after 30 s"))
}

fn fifo_at(path: &Path) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
    }
    let made = std::process::Command::new("mkfifo").arg(path).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo {}", path.display());
}

fn zero_at(path: &Path) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
    }
    std::os::unix::fs::symlink("/dev/zero", path).unwrap_or_else(|e| panic!("{e}"));
}

/// Plants `plant(path)` at each user file and checks how the app takes it.
fn each_trap(plant: fn(&Path), expected: &'static str) {
    let home = common::TestHome::new();
    let slides = home.folders.data.join("slides.toml");
    let annotations = home.folders.data.join("annotations.geojson");
    let sources = home.folders.tile_sources_file();
    for path in [&slides, &annotations, &sources] {
        plant(path);
    }
    let folders = home.folders.clone();
    let app = within("the app on planted traps", move || {
        let app = backstop::BackstopApp::new(&ScenarioFiles::new(ScenarioSource::Builtin), folders);
        let problems: Vec<String> = app.all_diagnostics().map(ToString::to_string).collect();
        let toasts: Vec<String> = app
            .jobs
            .exports
            .toasts
            .iter()
            .map(|t| t.text.clone())
            .collect();
        let slide_count = app.documents.slides.deck.slides.len();
        (problems, toasts, slide_count)
    });
    let (problems, toasts, slide_count) = app;
    assert_eq!(slide_count, 8, "the shipped briefing stands in");
    for file in ["slides.toml", "tiles.toml", "annotations.geojson"] {
        assert!(
            problems
                .iter()
                .any(|p| p.contains(file) && p.contains(expected)),
            "{file}: {problems:#?}"
        );
    }
    assert!(
        toasts
            .iter()
            .any(|t| t.contains("annotations") && t.contains(expected)),
        "{toasts:#?}"
    );
    // Refused, not moved aside: no backup was made of something that is not a file.
    let backups: Vec<PathBuf> = common::walk(home.root())
        .into_iter()
        .filter(|p| p.to_string_lossy().contains(".bak-"))
        .collect();
    assert!(backups.is_empty(), "{backups:?}");
    for path in [&slides, &annotations, &sources] {
        assert!(
            path.symlink_metadata().is_ok(),
            "{} is gone",
            path.display()
        );
    }
}

#[test]
fn named_pipes_as_slides_annotations_and_tile_sources_are_refused_without_blocking() {
    each_trap(fifo_at, "a named pipe");
}

#[test]
fn links_to_dev_zero_as_slides_annotations_and_tile_sources_are_refused_unread() {
    each_trap(zero_at, "a device");
}

#[test]
fn a_named_pipe_as_an_overlay_or_a_tile_pack_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let overlay = dir.path().join("overlay.geojson");
    let pack = dir.path().join("pack.pmtiles");
    fifo_at(&overlay);
    fifo_at(&pack);
    let loaded = within("an overlay that is a pipe", move || {
        backstop::overlay::load(
            0,
            overlay,
            &Default::default(),
            &backstop::overlay::LoadProgress::default(),
        )
    });
    let problems = loaded.err().unwrap_or_default();
    assert!(
        problems.iter().any(|p| p.message.contains("a named pipe")),
        "{problems:?}"
    );
    let opened = within("a tile pack that is a pipe", move || {
        backstop::tiles::open_pack(&pack).err()
    });
    assert!(
        opened
            .as_deref()
            .is_some_and(|e| e.contains("a named pipe")),
        "{opened:?}"
    );
}

#[test]
fn a_scenario_layer_that_is_a_pipe_is_a_problem_of_that_layer() {
    let dir = common::scenario_folder("base");
    let hubs = dir.path().join("hubs.geojson");
    std::fs::remove_file(&hubs).unwrap_or_else(|e| panic!("{e}"));
    fifo_at(&hubs);
    let folder = dir.path().to_path_buf();
    let report = within("a folder with a piped layer", move || {
        common::load_folder(&folder)
    });
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.to_string().contains("hubs.geojson") && d.message.contains("a named pipe")),
        "{:#?}",
        report.diagnostics
    );
}

#[test]
fn a_byte_order_mark_at_the_start_of_geojson_or_toml_is_accepted() {
    let dir = common::scenario_folder("base");
    for name in ["hubs.geojson", "scenario.toml", "nations.toml"] {
        let path = dir.path().join(name);
        let text = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
        let mut marked = b"\xEF\xBB\xBF".to_vec();
        marked.extend(text);
        std::fs::write(&path, marked).unwrap_or_else(|e| panic!("{e}"));
    }
    let report = common::load_folder(dir.path());
    assert!(!report.has_errors(), "{:#?}", report.diagnostics);
    assert!(!report.scenario.hubs.is_empty());
    // A user overlay too.
    let overlay = dir.path().join("mine.geojson");
    std::fs::write(
        &overlay,
        b"\xEF\xBB\xBF{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[30,50]},\"properties\":{}}]}",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let loaded = backstop::overlay::load(
        0,
        overlay,
        &Default::default(),
        &backstop::overlay::LoadProgress::default(),
    );
    assert!(loaded.is_ok(), "{:?}", loaded.err());
}

#[test]
fn a_pathological_zigzag_overlay_loads_in_bounded_time() {
    // 200,000 vertices jumping half a degree at every step: Douglas–Peucker's worst case.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("zigzag.geojson");
    let coordinates: Vec<String> = (0..200_000)
        .map(|i| {
            format!(
                "[{:.5},{}]",
                30.0 + f64::from(i) * 0.00004,
                47.0 + f64::from(i % 2) * 0.5
            )
        })
        .collect();
    std::fs::write(
        &path,
        format!(
            "{{\"type\":\"FeatureCollection\",\"features\":[{{\"type\":\"Feature\",\"properties\":{{}},\"geometry\":{{\"type\":\"LineString\",\"coordinates\":[{}]}}}}]}}",
            coordinates.join(",")
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut load = backstop::overlay::OverlayLoad::start(0, path, Default::default(), 6.0, || {});
    let deadline = std::time::Instant::now() + Duration::from_secs(120);
    let outcome = loop {
        if let Some(outcome) = load.poll() {
            break outcome;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "still loading after 120 s"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    let layer = outcome.unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(layer.vertices, 200_000);
}
