//! Reading the files of a scenario: the built-in one embedded in the binary, or a folder.

use std::path::{Component, Path, PathBuf};

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The built-in scenario, embedded so the binary runs from any working directory.
const BUILTIN_FILES: &[(&str, &str)] = &[
    ("scenario.toml", include_str!("../../data/scenario.toml")),
    ("hubs.geojson", include_str!("../../data/hubs.geojson")),
    ("nations.toml", include_str!("../../data/nations.toml")),
    ("events.toml", include_str!("../../data/events.toml")),
    ("slides.toml", include_str!("../../data/slides.toml")),
    (
        "overlays/ceasefire_line.geojson",
        include_str!("../../data/overlays/ceasefire_line.geojson"),
    ),
    (
        "overlays/drone_sectors.geojson",
        include_str!("../../data/overlays/drone_sectors.geojson"),
    ),
    (
        "overlays/satellite_coverage.geojson",
        include_str!("../../data/overlays/satellite_coverage.geojson"),
    ),
    (
        "overlays/air_policing.geojson",
        include_str!("../../data/overlays/air_policing.geojson"),
    ),
    (
        "overlays/black_sea.geojson",
        include_str!("../../data/overlays/black_sea.geojson"),
    ),
];

/// The text of one embedded file of the built-in scenario.
pub(crate) fn builtin_text(name: &str) -> Option<&'static str> {
    BUILTIN_FILES
        .iter()
        .find(|(file, _)| *file == name)
        .map(|(_, text)| *text)
}

/// Where a scenario's files come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScenarioSource {
    /// The scenario shipped inside the binary (the `data/` folder of this crate).
    Builtin,
    /// A scenario folder on disk.
    Folder(PathBuf),
}

impl ScenarioSource {
    /// A short description for messages and the window title.
    pub fn describe(&self) -> String {
        match self {
            ScenarioSource::Builtin => "built-in scenario".to_owned(),
            ScenarioSource::Folder(path) => path.display().to_string(),
        }
    }

    /// The names of the files embedded for the built-in scenario.
    pub fn builtin_file_names() -> impl Iterator<Item = &'static str> {
        BUILTIN_FILES.iter().map(|(name, _)| *name)
    }
}

/// Reads files of one scenario, refusing paths that leave it and files that are too large.
#[derive(Debug, Clone)]
pub struct ScenarioFiles {
    source: ScenarioSource,
    max_bytes: u64,
}

impl ScenarioFiles {
    /// Files of `source`, with the default size limit.
    pub fn new(source: ScenarioSource) -> Self {
        Self {
            source,
            max_bytes: MAX_FILE_BYTES,
        }
    }

    /// The same, with another size limit (tests use a small one).
    pub fn with_max_bytes(mut self, max_bytes: u64) -> Self {
        self.max_bytes = max_bytes;
        self
    }

    /// Where the files come from.
    pub fn source(&self) -> &ScenarioSource {
        &self.source
    }

    /// Reads a file given relative to the scenario folder as UTF-8 text.
    /// The error is a sentence for a data author.
    pub fn read_text(&self, relative: &str) -> Result<String, String> {
        self.read_checked(relative).map_err(|e| e.message)
    }

    /// Like [`ScenarioFiles::read_text`], and says whether the problem is where the path
    /// leads (nothing there, outside the folder, not a file: fixed where the path is
    /// written) or in the file itself (too large, not text).
    pub fn read_checked(&self, relative: &str) -> Result<String, ReadFailure> {
        let (bytes, _) = self.read_bytes_checked(relative)?;
        super::text_of(bytes).map_err(ReadFailure::content)
    }

    /// Reads a file's bytes, with the same checks as [`ScenarioFiles::read_checked`], and
    /// where it is on disk (`None` for the built-in scenario), for formats that read
    /// files beside it (a Shapefile's .dbf) or open it themselves (a GeoPackage).
    pub fn read_bytes_checked(
        &self,
        relative: &str,
    ) -> Result<(Vec<u8>, Option<PathBuf>), ReadFailure> {
        check_relative(relative).map_err(ReadFailure::path)?;
        match &self.source {
            ScenarioSource::Builtin => BUILTIN_FILES
                .iter()
                .find(|(name, _)| *name == relative)
                .map(|(_, text)| (text.as_bytes().to_vec(), None))
                .ok_or_else(|| ReadFailure::path("file not found in the built-in scenario")),
            ScenarioSource::Folder(folder) => self
                .read_from_folder(folder, relative)
                .map(|(bytes, path)| (bytes, Some(path))),
        }
    }

    /// Where an edit of `relative` is written: inside the folder (links that lead out
    /// are refused), never in the built-in scenario, which is read-only.
    pub fn writable_path(&self, relative: &str) -> Result<PathBuf, String> {
        check_relative(relative)?;
        let ScenarioSource::Folder(folder) = &self.source else {
            return Err("the built-in scenario is read-only".into());
        };
        let path = folder.join(relative);
        let inside = |p: &Path| {
            let folder = folder.canonicalize().ok()?;
            Some(p.canonicalize().ok()?.starts_with(folder))
        };
        let existing = if path.exists() {
            path.clone()
        } else {
            path.parent().map(Path::to_path_buf).unwrap_or_default()
        };
        match inside(&existing) {
            Some(true) => Ok(path),
            Some(false) => Err(format!(
                "refused: {relative} leads outside the scenario folder (through a link)"
            )),
            None => Err(format!("cannot reach {} in the scenario folder", relative)),
        }
    }

    fn read_from_folder(
        &self,
        folder: &Path,
        relative: &str,
    ) -> Result<(Vec<u8>, PathBuf), ReadFailure> {
        let path = folder.join(relative);
        let canonical_folder = folder
            .canonicalize()
            .map_err(|e| ReadFailure::path(format!("cannot open the scenario folder: {e}")))?;
        let canonical = match path.canonicalize() {
            Ok(canonical) => canonical,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(ReadFailure::path("file not found"));
            }
            Err(e) => return Err(ReadFailure::path(format!("cannot open file: {e}"))),
        };
        if !canonical.starts_with(&canonical_folder) {
            return Err(ReadFailure::content(
                "refused: the path leads outside the scenario folder (through a link)",
            ));
        }
        let bytes = super::read_bounded(&canonical, self.max_bytes).map_err(|e| match e {
            super::ReadError::NotFound | super::ReadError::NotAFile(_) => {
                ReadFailure::path(e.to_string())
            }
            _ => ReadFailure::content(e.to_string()),
        })?;
        Ok((bytes, canonical))
    }
}

/// Why a scenario file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadFailure {
    /// The sentence for the data author.
    pub message: String,
    /// True when the path is what is wrong (fix it where it is written), false when the
    /// file is (fix the file).
    pub in_path: bool,
}

impl ReadFailure {
    fn path(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            in_path: true,
        }
    }

    fn content(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            in_path: false,
        }
    }
}

/// Refuses absolute paths and `..`, before anything is opened.
fn check_relative(relative: &str) -> Result<(), String> {
    let path = Path::new(relative);
    if relative.is_empty() {
        return Err("empty file name".to_owned());
    }
    for component in path.components() {
        match component {
            Component::Normal(_) | Component::CurDir => {}
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => {
                return Err(
                    "refused: the path leaves the scenario folder (use a path inside it)".into(),
                );
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_folder_are_refused_before_reading() {
        assert!(check_relative("../secret.geojson").is_err());
        assert!(check_relative("/etc/passwd").is_err());
        assert!(check_relative("overlays/line.geojson").is_ok());
    }

    #[test]
    fn every_builtin_file_can_be_read() {
        let files = ScenarioFiles::new(ScenarioSource::Builtin);
        for name in ScenarioSource::builtin_file_names() {
            assert!(files.read_text(name).is_ok(), "{name}");
        }
    }
}
