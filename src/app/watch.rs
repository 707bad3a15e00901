//! Live reload: the open scenario folder is watched (inotify through `notify`); a change
//! reloads the scenario a moment later, once the burst of writes an editor makes is over.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

/// How long the folder must stay quiet before reloading: editors write a file in
/// several steps, and rapid saves should reload once.
pub const SETTLE: Duration = Duration::from_millis(300);

/// Watches one scenario folder.
pub struct FolderWatch {
    folder: PathBuf,
    _watcher: notify::RecommendedWatcher,
    changes: Receiver<PathBuf>,
    changed_at: Option<Instant>,
    changed: std::collections::BTreeSet<PathBuf>,
}

impl std::fmt::Debug for FolderWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FolderWatch")
            .field("folder", &self.folder)
            .finish()
    }
}

/// Files whose changes are the app's own doing, not the scenario's.
fn is_own_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    name.starts_with(crate::io::ANNOTATIONS_FILE)
        || name.starts_with(&format!(".{}", crate::io::ANNOTATIONS_FILE))
        || name.starts_with("slides.")
        || name.starts_with(".slides.")
}

/// True for the files a scenario is made of.
fn is_scenario_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("toml" | "geojson" | "json")
    ) && !is_own_file(path)
}

impl FolderWatch {
    /// Starts watching `folder`; `None` (with a log line) when the system refuses.
    pub fn start(folder: &Path, repaint: egui::Context) -> Option<Self> {
        let (sender, changes) = channel();
        let handler = move |event: notify::Result<notify::Event>| {
            let Ok(event) = event else { return };
            if event.kind.is_access() {
                return;
            }
            for path in event.paths {
                if is_scenario_file(&path) {
                    let _ = sender.send(path);
                    repaint.request_repaint_after(SETTLE);
                }
            }
        };
        let mut watcher = match notify::recommended_watcher(handler) {
            Ok(watcher) => watcher,
            Err(e) => {
                log::warn!("live reload is off: {e}");
                return None;
            }
        };
        if let Err(e) = watcher.watch(folder, RecursiveMode::Recursive) {
            log::warn!("live reload is off for {}: {e}", folder.display());
            return None;
        }
        Some(Self {
            folder: folder.to_path_buf(),
            _watcher: watcher,
            changes,
            changed_at: None,
            changed: Default::default(),
        })
    }

    /// The folder watched.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// The files that changed, once the changes have settled: time to reload.
    pub fn due(&mut self, ctx: &egui::Context) -> Option<Vec<PathBuf>> {
        while let Ok(path) = self.changes.try_recv() {
            log::debug!("changed: {}", path.display());
            self.changed_at = Some(Instant::now());
            self.changed.insert(path);
        }
        match self.changed_at {
            Some(at) if at.elapsed() >= SETTLE => {
                self.changed_at = None;
                Some(std::mem::take(&mut self.changed).into_iter().collect())
            }
            Some(at) => {
                ctx.request_repaint_after(SETTLE.saturating_sub(at.elapsed()));
                None
            }
            None => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_apps_own_files_do_not_trigger_a_reload() {
        assert!(is_scenario_file(Path::new("/s/hubs.geojson")));
        assert!(is_scenario_file(Path::new("/s/overlays/line.geojson")));
        assert!(!is_scenario_file(Path::new("/s/annotations.geojson")));
        assert!(!is_scenario_file(Path::new(
            "/s/.annotations.geojson.12.tmp"
        )));
        assert!(!is_scenario_file(Path::new("/s/slides.toml")));
        assert!(!is_scenario_file(Path::new("/s/notes.txt")));
    }
}
