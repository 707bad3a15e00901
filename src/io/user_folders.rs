//! Where Backstop keeps the user's own files: data (the built-in scenario's slides and
//! annotations, prepared packs), config (`tiles.toml`), cache (online tiles) and the
//! Pictures folder exports go to. Read from the environment in exactly one place,
//! `UserFolders::from_env`, so that everything else (and every test) is handed its
//! folders and never reaches a user's real ones by accident.

use std::path::{Path, PathBuf};

use super::files::{ScenarioFiles, ScenarioSource};

/// Backstop's folders for one user (or one test).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserFolders {
    /// `$XDG_DATA_HOME/backstop`.
    pub data: PathBuf,
    /// `$XDG_CONFIG_HOME/backstop`.
    pub config: PathBuf,
    /// `$XDG_CACHE_HOME/backstop`.
    pub cache: PathBuf,
    /// Where exported pictures go by default (`$XDG_PICTURES_DIR`, `~/Pictures`, `~`).
    pub pictures: PathBuf,
}

impl UserFolders {
    /// The folders the XDG base directory variables name, falling back to `$HOME`.
    pub fn from_env() -> Self {
        let home = std::env::var_os("HOME").map(PathBuf::from);
        let pictures = std::env::var_os("XDG_PICTURES_DIR")
            .map(PathBuf::from)
            .or_else(|| {
                home.as_ref()
                    .map(|h| h.join("Pictures"))
                    .filter(|p| p.is_dir())
            })
            .or_else(|| home.clone())
            .unwrap_or_else(|| PathBuf::from("."));
        Self {
            data: xdg_backstop_folder("XDG_DATA_HOME", ".local/share", home.as_deref()),
            config: xdg_backstop_folder("XDG_CONFIG_HOME", ".config", home.as_deref()),
            cache: xdg_backstop_folder("XDG_CACHE_HOME", ".cache", home.as_deref()),
            pictures,
        }
    }

    /// The folders `from_env` gives when `XDG_DATA_HOME` is `root/data`,
    /// `XDG_CONFIG_HOME` is `root/config`, `XDG_CACHE_HOME` is `root/cache` and
    /// `XDG_PICTURES_DIR` is `root/pictures`: a home of its own for each test.
    pub fn inside(root: &Path) -> Self {
        Self {
            data: root.join("data/backstop"),
            config: root.join("config/backstop"),
            cache: root.join("cache/backstop"),
            pictures: root.join("pictures"),
        }
    }

    /// Where a scenario's slides are kept: its folder, or for the built-in scenario the
    /// data folder (the shipped briefing is the default until the user edits it).
    pub fn slides_path(&self, files: &ScenarioFiles) -> PathBuf {
        self.beside_scenario(files, super::SLIDES_FILE)
    }

    /// Where a scenario's annotations are kept, like its slides.
    pub fn annotations_path(&self, files: &ScenarioFiles) -> PathBuf {
        self.beside_scenario(files, super::ANNOTATIONS_FILE)
    }

    /// Where new scenario folders are offered by default (a copy of the built-in one
    /// made for editing, File → New scenario).
    pub fn scenarios_folder(&self) -> PathBuf {
        self.data.join("scenarios")
    }

    /// The user's raster tile sources.
    pub fn tile_sources_file(&self) -> PathBuf {
        self.config.join("tiles.toml")
    }

    /// Where online tiles are cached, one folder per source below it.
    pub fn tile_cache(&self) -> PathBuf {
        self.cache.join("tiles")
    }

    /// A new file name in the Pictures folder, e.g. `backstop-view-20260110-093000.png`.
    pub fn new_picture_path(&self, kind: &str) -> PathBuf {
        self.pictures.join(format!(
            "backstop-{kind}-{}.png",
            crate::model::timestamp_now()
        ))
    }

    fn beside_scenario(&self, files: &ScenarioFiles, name: &str) -> PathBuf {
        match files.source() {
            ScenarioSource::Folder(folder) => folder.join(name),
            ScenarioSource::Builtin => self.data.join(name),
        }
    }
}

/// `$variable/backstop`, else `$HOME/<under_home>/backstop`, else `./backstop`.
fn xdg_backstop_folder(variable: &str, under_home: &str, home: Option<&Path>) -> PathBuf {
    std::env::var_os(variable)
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| home.map(|h| h.join(under_home)))
        .unwrap_or_else(|| PathBuf::from("."))
        .join("backstop")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_scenario_keeps_its_slides_and_annotations_in_its_folder() {
        let folders = UserFolders::inside(Path::new("/tmp/user"));
        let files = ScenarioFiles::new(ScenarioSource::Folder(PathBuf::from("/s")));
        assert_eq!(folders.slides_path(&files), Path::new("/s/slides.toml"));
        assert_eq!(
            folders.annotations_path(&files),
            Path::new("/s/annotations.geojson")
        );
        let builtin = ScenarioFiles::new(ScenarioSource::Builtin);
        assert_eq!(
            folders.slides_path(&builtin),
            Path::new("/tmp/user/data/backstop/slides.toml")
        );
    }
}
