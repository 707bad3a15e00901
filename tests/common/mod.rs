//! Helpers shared by the integration tests.

use std::fs;
use std::path::{Path, PathBuf};

/// The broken-data fixtures.
#[allow(dead_code)]
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Every file below `dir`.
pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        if entry.path().is_dir() {
            out.extend(walk(&entry.path()));
        } else {
            out.push(entry.path());
        }
    }
    out
}

/// Copies a folder, leaving out the fixtures' `expected.txt`.
#[allow(dead_code)]
pub fn copy_dir(from: &Path, to: &Path) {
    for file in walk(from) {
        let relative = file.strip_prefix(from).unwrap_or(&file);
        if relative.as_os_str() == "expected.txt" {
            continue;
        }
        let target = to.join(relative);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)
                .unwrap_or_else(|e| panic!("create {}: {e}", parent.display()));
        }
        fs::copy(&file, &target).unwrap_or_else(|e| panic!("copy {}: {e}", file.display()));
    }
}

/// The built-in scenario (data/, its briefing included) copied into a folder of its
/// own, so what a test saves goes there.
#[allow(dead_code)]
pub fn data_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
        dir.path(),
    );
    dir
}

/// The app on a copy of the built-in scenario's folder, in a harness, with the folder.
#[allow(dead_code)]
pub fn data_copy_harness() -> (AppHarness, tempfile::TempDir) {
    let folder = data_copy();
    let harness = harness(&backstop::io::ScenarioFiles::new(
        backstop::io::ScenarioSource::Folder(folder.path().to_path_buf()),
    ));
    (harness, folder)
}

/// The base fixture with a variant's files laid over it, in a temporary folder.
#[allow(dead_code)]
pub fn scenario_folder(variant: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    copy_dir(&fixtures().join("base"), dir.path());
    if variant != "base" {
        copy_dir(&fixtures().join(variant), dir.path());
    }
    dir
}

/// Loads the scenario in a folder.
#[allow(dead_code)] // Not every test binary that includes this module loads folders.
pub fn load_folder(folder: &Path) -> backstop::io::LoadReport {
    backstop::io::load_scenario(&backstop::io::ScenarioFiles::new(
        backstop::io::ScenarioSource::Folder(folder.to_path_buf()),
    ))
}

/// Presses or releases the primary button at `pos`.
#[allow(dead_code)]
pub fn button(
    harness: &egui_kittest::Harness<'_, backstop::BackstopApp>,
    pos: egui::Pos2,
    pressed: bool,
) {
    harness.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    });
}

/// A full click (move, press, release) at `pos`.
#[allow(dead_code)]
pub fn click(harness: &mut egui_kittest::Harness<'_, backstop::BackstopApp>, pos: egui::Pos2) {
    harness.event(egui::Event::PointerMoved(pos));
    harness.step();
    button(harness, pos, true);
    harness.step();
    button(harness, pos, false);
    harness.run_steps(2);
}

/// A test's own home: data, config, cache and Pictures folders in a temporary folder
/// that is removed when the test ends. Every app and every `backstop` process a test
/// starts gets one, so the suite never reads or writes a user's real files.
#[allow(dead_code)]
pub struct TestHome {
    dir: tempfile::TempDir,
    /// The folders the app is given.
    pub folders: backstop::io::UserFolders,
}

#[allow(dead_code)]
impl TestHome {
    /// A new, empty home.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let folders = backstop::io::UserFolders::inside(dir.path());
        Self { dir, folders }
    }

    /// The temporary folder holding it all.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// The `backstop` binary with this home as `$HOME` and its XDG folders.
    pub fn backstop(&self) -> std::process::Command {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_backstop"));
        let root = self.dir.path();
        command
            .env("HOME", root)
            .env("XDG_DATA_HOME", root.join("data"))
            .env("XDG_CONFIG_HOME", root.join("config"))
            .env("XDG_CACHE_HOME", root.join("cache"))
            .env("XDG_PICTURES_DIR", root.join("pictures"))
            .env_remove("XDG_RUNTIME_DIR");
        command
    }

    /// The app on `files`, with this home's folders.
    pub fn app(&self, files: &backstop::io::ScenarioFiles) -> backstop::BackstopApp {
        backstop::BackstopApp::new(files, self.folders.clone())
    }

    /// The built-in scenario's app, with this home's folders.
    pub fn builtin_app(&self) -> backstop::BackstopApp {
        self.app(&backstop::io::ScenarioFiles::new(
            backstop::io::ScenarioSource::Builtin,
        ))
    }
}

/// A kittest harness that owns the temporary home of the app it drives; it derefs to
/// the harness.
#[allow(dead_code)] // Not every test binary reads the home.
pub struct AppHarness {
    harness: egui_kittest::Harness<'static, backstop::BackstopApp>,
    /// The app's home (dropped after the harness).
    pub home: TestHome,
}

impl std::ops::Deref for AppHarness {
    type Target = egui_kittest::Harness<'static, backstop::BackstopApp>;
    fn deref(&self) -> &Self::Target {
        &self.harness
    }
}

impl std::ops::DerefMut for AppHarness {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.harness
    }
}

/// `app` in a kittest harness of `size` points, after its first frames.
#[allow(dead_code)]
pub fn harness_of(app: backstop::BackstopApp, home: TestHome, size: egui::Vec2) -> AppHarness {
    let mut harness = egui_kittest::Harness::builder()
        .with_size(size)
        .build_ui_state(
            |ui, app: &mut backstop::BackstopApp| backstop::ui::show(ui, app),
            app,
        );
    // The map may animate (inertia); a fixed number of frames never panics.
    harness.run_steps(4);
    AppHarness { harness, home }
}

/// The app on `files` in a 1400×900 kittest harness with a home of its own.
#[allow(dead_code)]
pub fn harness(files: &backstop::io::ScenarioFiles) -> AppHarness {
    let home = TestHome::new();
    let app = home.app(files);
    harness_of(app, home, egui::vec2(1400.0, 900.0))
}

/// The built-in scenario in a kittest harness.
#[allow(dead_code)]
pub fn builtin() -> AppHarness {
    harness(&backstop::io::ScenarioFiles::new(
        backstop::io::ScenarioSource::Builtin,
    ))
}

/// Steps the app until `done` says so, for up to a generous 60 s of wall time (background
/// work runs on other threads); panics naming `what` if it never happens.
#[allow(dead_code)]
pub fn run_until(
    harness: &mut egui_kittest::Harness<'_, backstop::BackstopApp>,
    what: &str,
    done: impl Fn(&backstop::BackstopApp) -> bool,
) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !done(harness.state()) {
        assert!(
            std::time::Instant::now() < deadline,
            "{what}: not done after 60 s"
        );
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run_steps(2);
}

/// How many pixels of `image` pass `test`.
#[allow(dead_code)]
pub fn count_pixels(image: &image::RgbaImage, test: impl Fn([u8; 4]) -> bool) -> usize {
    image.pixels().filter(|p| test(p.0)).count()
}

/// The caveat banner's red across the picture's first rows, the basemap's sea, and (when
/// `hubs`) the dark blue of hub frames: a briefing picture, not a blank or broken one.
#[allow(dead_code)]
pub fn assert_is_briefing_picture(image: &image::RgbaImage, what: &str, hubs: bool) {
    let (width, height) = image.dimensions();
    let banner_row = (0..width)
        .filter(|x| image.get_pixel(*x, 2).0[..3] == [150, 30, 30])
        .count();
    assert!(
        banner_row > width as usize / 2,
        "{what}: no caveat banner at the top ({banner_row} of {width} red pixels)"
    );
    let sea = count_pixels(image, |p| p[..3] == [174, 205, 226]);
    assert!(
        sea > (width * height) as usize / 100,
        "{what}: hardly any sea ({sea} pixels)"
    );
    if hubs {
        let frames = count_pixels(image, |[r, g, b, _]| {
            r < 70 && g < 90 && b > 90 && u16::from(b) > u16::from(r) + 40
        });
        assert!(frames > 20, "{what}: no hub frames ({frames} pixels)");
    }
}

/// Where the map's centre is, lon and lat.
#[allow(dead_code)]
pub fn map_centre(harness: &egui_kittest::Harness<'_, backstop::BackstopApp>) -> (f64, f64) {
    let view = harness
        .state()
        .world_view()
        .unwrap_or_else(|| panic!("no map"));
    backstop::geometry::world_to_lon_lat(view.center)
}
