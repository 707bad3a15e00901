//! Online tile sources: the two built in (OpenStreetMap, OpenTopoMap) and the user's own
//! from `tiles.toml` in the config folder.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::io::{Diagnostic, Location, Severity};

use super::TileKey;

/// Whether a source's terms allow saving many of its tiles for offline use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BulkPolicy {
    /// The user says the terms allow it (`bulk_download = true` in tiles.toml).
    Allowed,
    /// The terms forbid it; the text says which terms.
    Forbidden(String),
}

/// A server of raster tiles addressed by z/x/y.
#[derive(Debug, Clone, PartialEq)]
pub struct TileSource {
    /// Name shown in the basemap picker; also names its cache folder.
    pub name: String,
    /// URL template with `{z}`, `{x}`, `{y}` and optionally `{s}` (a subdomain).
    pub url: String,
    /// Subdomains taken in turn for `{s}`.
    pub subdomains: Vec<String>,
    /// Attribution required by the source's licence, shown on the map and every export.
    pub attribution: String,
    /// Shallowest zoom served.
    pub min_zoom: u8,
    /// Deepest zoom served; deeper views enlarge these tiles.
    pub max_zoom: u8,
    /// Tile width in pixels (256 or 512).
    pub tile_size: u32,
    /// Extra request headers (an API key, say).
    pub headers: BTreeMap<String, String>,
    /// May tiles be saved in bulk into a pack?
    pub bulk: BulkPolicy,
}

impl TileSource {
    /// The URL of one tile.
    pub fn tile_url(&self, key: TileKey) -> String {
        let subdomain = if self.subdomains.is_empty() {
            ""
        } else {
            let index = (key.x as usize + key.y as usize) % self.subdomains.len();
            self.subdomains[index].as_str()
        };
        self.url
            .replace("{z}", &key.z.to_string())
            .replace("{x}", &key.x.to_string())
            .replace("{y}", &key.y.to_string())
            .replace("{s}", subdomain)
    }

    /// The folder name of its disk cache: the name reduced to letters, digits and dashes.
    pub fn cache_name(&self) -> String {
        let mut slug: String = self
            .name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        slug.truncate(60);
        let slug = slug.trim_matches('-').to_owned();
        if slug.is_empty() {
            "source".into()
        } else {
            slug
        }
    }
}

/// OpenStreetMap's standard tiles and OpenTopoMap.
pub fn builtin_sources() -> Vec<TileSource> {
    vec![
        TileSource {
            name: "OpenStreetMap".into(),
            url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png".into(),
            subdomains: Vec::new(),
            attribution: "© OpenStreetMap contributors".into(),
            min_zoom: 0,
            max_zoom: 19,
            tile_size: 256,
            headers: BTreeMap::new(),
            bulk: BulkPolicy::Forbidden(
                "its tile usage policy forbids bulk downloading (operations.osmfoundation.org/policies/tiles)".into(),
            ),
        },
        TileSource {
            name: "OpenTopoMap".into(),
            url: "https://{s}.tile.opentopomap.org/{z}/{x}/{y}.png".into(),
            subdomains: vec!["a".into(), "b".into(), "c".into()],
            attribution: "© OpenStreetMap contributors, SRTM · style © OpenTopoMap (CC-BY-SA)".into(),
            min_zoom: 0,
            max_zoom: 17,
            tile_size: 256,
            headers: BTreeMap::new(),
            bulk: BulkPolicy::Forbidden(
                "its terms ask not to download tiles in bulk (opentopomap.org/about)".into(),
            ),
        },
    ]
}

/// How tiles.toml spells one source.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceEntry {
    name: String,
    url: String,
    attribution: String,
    #[serde(default)]
    subdomains: Vec<String>,
    #[serde(default)]
    min_zoom: Option<u8>,
    #[serde(default)]
    max_zoom: Option<u8>,
    #[serde(default)]
    tile_size: Option<u32>,
    #[serde(default)]
    headers: BTreeMap<String, String>,
    #[serde(default)]
    bulk_download: bool,
}

#[derive(Deserialize)]
struct SourcesFile {
    #[serde(default)]
    source: Vec<toml::Value>,
}

/// A tiles.toml larger than this is not a hand-written list of sources.
const MAX_SOURCES_BYTES: u64 = 1 << 20;

/// Reads the user's sources from `path`: the built-in ones first, then each valid entry.
/// A missing file is no problem; every other problem names the file, the entry and the field.
pub fn load_sources(path: &Path) -> (Vec<TileSource>, Vec<Diagnostic>) {
    let mut sources = builtin_sources();
    let mut problems = Vec::new();
    let file = path.display().to_string();
    let text = match crate::io::read_bounded(path, MAX_SOURCES_BYTES) {
        Ok(bytes) => match crate::io::text_of(bytes) {
            Ok(text) => text,
            Err(e) => {
                problems.push(Diagnostic::file(&file, Severity::Error, e));
                return (sources, problems);
            }
        },
        Err(crate::io::ReadError::NotFound) => return (sources, problems),
        Err(e) => {
            problems.push(Diagnostic::file(&file, Severity::Error, e.to_string()));
            return (sources, problems);
        }
    };
    let parsed: SourcesFile = match toml::from_str(&text) {
        Ok(parsed) => parsed,
        Err(e) => {
            problems.push(Diagnostic::file(
                &file,
                Severity::Error,
                format!("not valid TOML: {}", e.message()),
            ));
            return (sources, problems);
        }
    };
    for (index, value) in parsed.source.into_iter().enumerate() {
        let id = value
            .get("name")
            .and_then(|n| n.as_str())
            .map(str::to_owned);
        let problem = |field: Option<&str>, message: String| Diagnostic {
            file: file.clone(),
            location: Location::Record {
                what: "source",
                index,
                id: id.clone(),
                field: field.map(str::to_owned),
            },
            severity: Severity::Error,
            message,
        };
        let entry: SourceEntry = match value.try_into() {
            Ok(entry) => entry,
            Err(e) => {
                let message = e.message().to_owned();
                let field = [
                    "name",
                    "url",
                    "attribution",
                    "subdomains",
                    "min_zoom",
                    "max_zoom",
                    "tile_size",
                    "headers",
                    "bulk_download",
                ]
                .into_iter()
                .find(|f| message.contains(&format!("`{f}`")));
                problems.push(problem(
                    field,
                    format!("{message}; the source was left out"),
                ));
                continue;
            }
        };
        match validate(entry) {
            Ok(source) if sources.iter().any(|s| s.name == source.name) => problems.push(problem(
                Some("name"),
                format!(
                    "a source called \"{}\" already exists; this one was left out",
                    source.name
                ),
            )),
            Ok(source) => sources.push(source),
            Err((field, message)) => problems.push(problem(
                Some(field),
                format!("{message}; the source was left out"),
            )),
        }
    }
    (sources, problems)
}

fn validate(entry: SourceEntry) -> Result<TileSource, (&'static str, String)> {
    if entry.name.trim().is_empty() {
        return Err(("name", "the name is empty".into()));
    }
    let scheme_ok = entry.url.starts_with("https://") || entry.url.starts_with("http://");
    if !scheme_ok {
        return Err(("url", format!("\"{}\" is not an http(s) URL", entry.url)));
    }
    for needed in ["{z}", "{x}", "{y}"] {
        if !entry.url.contains(needed) {
            return Err(("url", format!("the URL template has no {needed}")));
        }
    }
    if entry.url.contains("{s}") && entry.subdomains.is_empty() {
        return Err((
            "subdomains",
            "the URL has {s} but no subdomains are listed".into(),
        ));
    }
    if entry.attribution.trim().is_empty() {
        return Err((
            "attribution",
            "the attribution is empty; the source's licence needs it shown".into(),
        ));
    }
    let tile_size = entry.tile_size.unwrap_or(256);
    if !matches!(tile_size, 256 | 512) {
        return Err(("tile_size", format!("{tile_size} is not 256 or 512")));
    }
    let (min_zoom, max_zoom) = (entry.min_zoom.unwrap_or(0), entry.max_zoom.unwrap_or(19));
    if max_zoom > 22 || min_zoom > max_zoom {
        return Err((
            "max_zoom",
            format!("zooms {min_zoom}–{max_zoom} are not a range within 0–22"),
        ));
    }
    Ok(TileSource {
        name: entry.name.trim().to_owned(),
        url: entry.url,
        subdomains: entry.subdomains,
        attribution: entry.attribution,
        min_zoom,
        max_zoom,
        tile_size,
        headers: entry.headers,
        bulk: if entry.bulk_download {
            BulkPolicy::Allowed
        } else {
            BulkPolicy::Forbidden(
                "its entry in tiles.toml does not say bulk_download = true (set it only if the source's terms allow saving tiles)".into(),
            )
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_template_fills_in_zoom_column_row_and_subdomain() {
        let sources = builtin_sources();
        let topo = &sources[1];
        let url = topo.tile_url(TileKey { z: 6, x: 37, y: 22 });
        assert_eq!(url, "https://c.tile.opentopomap.org/6/37/22.png");
    }

    #[test]
    fn user_sources_are_added_and_bad_ones_named_by_entry_and_field() {
        let folder = std::env::temp_dir().join(format!("backstop-sources-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&folder);
        let path = folder.join("tiles.toml");
        let text = r#"
[[source]]
name = "Local"
url = "http://127.0.0.1:8080/{z}/{x}/{y}.png"
attribution = "Test tiles"
max_zoom = 12
bulk_download = true
headers = { "X-Api-Key" = "secret" }

[[source]]
name = "No rows"
url = "http://127.0.0.1/{z}/{x}.png"
attribution = "x"

[[source]]
name = "Typo"
url = "http://127.0.0.1/{z}/{x}/{y}.png"
attribution = "x"
max_zom = 3
"#;
        let _ = std::fs::write(&path, text);
        let (sources, problems) = load_sources(&path);
        let _ = std::fs::remove_dir_all(&folder);
        assert_eq!(sources.len(), 3);
        assert_eq!(sources[2].bulk, BulkPolicy::Allowed);
        assert_eq!(
            sources[2].headers.get("X-Api-Key").map(String::as_str),
            Some("secret")
        );
        assert_eq!(problems.len(), 2, "{problems:?}");
        let first = problems[0].to_string();
        assert!(
            first.contains("source 1")
                && first.contains("\"No rows\"")
                && first.contains("\"url\"")
                && first.contains("{y}"),
            "{first}"
        );
        let second = problems[1].to_string();
        assert!(second.contains("max_zom"), "{second}");
    }
}
