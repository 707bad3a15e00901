//! One search over hubs, nations, overlay features, cities and oblasts. Names are
//! folded before matching: case, Latin diacritics, Ukrainian Cyrillic (transliterated),
//! doubled letters and the Russian-era spellings still in use ("Odessa", "Kiev") all
//! find the same place.

use std::sync::OnceLock;

use geo::BoundingRect;

use crate::basemap::Basemap;
use crate::model::Scenario;
use crate::model::Selection;

/// What a search result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ResultKind {
    /// A hub of the scenario.
    Hub,
    /// A nation of the coalition.
    Nation,
    /// An overlay feature.
    Feature,
    /// An oblast (or Kyiv city, Sevastopol, Crimea).
    Oblast,
    /// A city or town of the basemap.
    City,
}

impl ResultKind {
    /// Shown beside the result.
    pub fn label(self) -> &'static str {
        match self {
            ResultKind::Hub => "Hub",
            ResultKind::Nation => "Country",
            ResultKind::Feature => "Feature",
            ResultKind::Oblast => "Oblast",
            ResultKind::City => "City",
        }
    }
}

/// Where a result takes the map.
#[derive(Debug, Clone, PartialEq)]
pub enum Destination {
    /// Centre on a point at a zoom.
    Point {
        /// lon, lat.
        at: [f64; 2],
        /// Zoom.
        zoom: f64,
    },
    /// Frame a box: west, south, east, north.
    Bounds([f64; 4]),
}

/// One searchable thing.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchEntry {
    /// The name shown.
    pub name: String,
    /// A second line (Ukrainian name, layer, country).
    pub detail: String,
    /// What it is.
    pub kind: ResultKind,
    /// Where the map goes.
    pub destination: Destination,
    /// What gets selected, if anything.
    pub selection: Option<Selection>,
    /// Folded names to match against.
    keys: Vec<String>,
    /// Larger first among equal matches (population for cities).
    weight: f64,
}

/// Spellings from Russian still met in reports, mapped to today's names.
const ALIASES: &[(&str, &str)] = &[
    ("kiev", "kyiv"),
    ("odessa", "odesa"),
    ("kharkov", "kharkiv"),
    ("lvov", "lviv"),
    ("nikolaev", "mykolaiv"),
    ("nikolayev", "mykolaiv"),
    ("zaporozhye", "zaporizhzhia"),
    ("dnepr", "dnipro"),
    ("dnepropetrovsk", "dnipro"),
    ("chernigov", "chernihiv"),
    ("rovno", "rivne"),
    ("lugansk", "luhansk"),
    ("vinnitsa", "vinnytsia"),
    ("zhitomir", "zhytomyr"),
    ("kirovograd", "kropyvnytskyi"),
];

/// [`transliterate`](crate::model::transliterate)d, with single spaces, doubled letters collapsed and old spellings
/// replaced: the form names are matched in.
pub fn fold(text: &str) -> String {
    let latin = crate::model::transliterate(text);
    let mut out = String::with_capacity(latin.len());
    let mut previous = ' ';
    for c in latin.chars() {
        let c = if c.is_alphanumeric() { c } else { ' ' };
        if c == previous {
            continue;
        }
        out.push(c);
        previous = c;
    }
    let folded = out.trim().to_owned();
    for (old, new) in ALIASES {
        if folded.split(' ').any(|w| w == fold_plain(old)) {
            return folded
                .split(' ')
                .map(|w| {
                    if w == fold_plain(old) {
                        fold_plain(new)
                    } else {
                        w.to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join(" ");
        }
    }
    folded
}

/// Collapses doubled letters of an already plain lower-case word.
fn fold_plain(word: &str) -> String {
    let mut out = String::new();
    let mut previous = ' ';
    for c in word.chars() {
        if c != previous {
            out.push(c);
        }
        previous = c;
    }
    out
}

/// How well a folded query matches a folded name: lower is better.
fn score(query: &str, key: &str) -> Option<u8> {
    if key == query {
        Some(0)
    } else if key.starts_with(query) {
        Some(1)
    } else if key.split(' ').any(|w| w.starts_with(query)) {
        Some(2)
    } else if key.contains(query) {
        Some(3)
    } else {
        None
    }
}

/// Everything searchable in a scenario and the basemap.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    entries: Vec<SearchEntry>,
}

fn entry(
    name: &str,
    detail: String,
    kind: ResultKind,
    destination: Destination,
    selection: Option<Selection>,
    other_names: &[&str],
    weight: f64,
) -> SearchEntry {
    let keys = std::iter::once(name)
        .chain(other_names.iter().copied())
        .filter(|n| !n.is_empty())
        .map(fold)
        .collect();
    SearchEntry {
        name: name.to_owned(),
        detail,
        kind,
        destination,
        selection,
        keys,
        weight,
    }
}

impl SearchIndex {
    /// Indexes the scenario's hubs, nations and features, and the basemap's places and
    /// Ukraine's oblasts.
    pub fn build(scenario: &Scenario, basemap: &Basemap) -> Self {
        let mut entries = Vec::new();
        for hub in &scenario.hubs {
            entries.push(entry(
                &hub.name,
                format!("{} · {}", hub.kind.label(), hub.status.label()),
                ResultKind::Hub,
                Destination::Point {
                    at: [hub.lon, hub.lat],
                    zoom: 9.0,
                },
                Some(Selection::Hub(hub.id.clone())),
                &[&hub.id],
                0.0,
            ));
        }
        for nation in &scenario.nations {
            let Some((lon, lat)) = basemap.country_anchor(&nation.iso) else {
                continue;
            };
            entries.push(entry(
                &nation.name,
                nation.iso.clone(),
                ResultKind::Nation,
                Destination::Point {
                    at: [lon, lat],
                    zoom: 5.0,
                },
                Some(Selection::Nation(nation.iso.clone())),
                &[&nation.iso],
                0.0,
            ));
        }
        for (layer, feature) in scenario.overlay_features() {
            let Some(bounds) = feature.geometry.bounding_rect() else {
                continue;
            };
            entries.push(entry(
                &feature.name,
                layer.title.clone(),
                ResultKind::Feature,
                Destination::Bounds([
                    bounds.min().x,
                    bounds.min().y,
                    bounds.max().x,
                    bounds.max().y,
                ]),
                Some(Selection::Feature {
                    layer: layer.id.clone(),
                    id: feature.id.clone(),
                }),
                &[&feature.id],
                0.0,
            ));
        }
        for oblast in oblasts() {
            entries.push(entry(
                &oblast.name,
                oblast.name_uk.clone(),
                ResultKind::Oblast,
                Destination::Bounds(oblast.bounds),
                None,
                &[&oblast.name_uk],
                0.0,
            ));
        }
        for place in &basemap.labels {
            let uk = place.name_uk.clone().unwrap_or_default();
            entries.push(entry(
                &place.name,
                uk.clone(),
                ResultKind::City,
                Destination::Point {
                    at: [place.lon_lat.0, place.lon_lat.1],
                    zoom: 9.0,
                },
                None,
                &[&uk],
                place.population,
            ));
        }
        Self { entries }
    }

    /// The best matches for `query`, best first, at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<&SearchEntry> {
        let query = fold(query);
        if query.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<(u8, &SearchEntry)> = self
            .entries
            .iter()
            .filter_map(|e| Some((e.keys.iter().filter_map(|k| score(&query, k)).min()?, e)))
            .collect();
        found.sort_by(|(sa, a), (sb, b)| {
            sa.cmp(sb)
                .then(a.kind.cmp(&b.kind))
                .then(b.weight.total_cmp(&a.weight))
                .then(a.name.cmp(&b.name))
        });
        found.into_iter().take(limit).map(|(_, e)| e).collect()
    }
}

/// An oblast's names and bounding box.
#[derive(Debug, Clone)]
struct Oblast {
    name: String,
    name_uk: String,
    bounds: [f64; 4],
}

/// Ukraine's oblasts from the embedded Natural Earth file, read once on first search.
fn oblasts() -> &'static [Oblast] {
    static OBLASTS: OnceLock<Vec<Oblast>> = OnceLock::new();
    OBLASTS.get_or_init(|| {
        let text = include_str!("../../assets/basemap/admin1_ukraine.geojson");
        let Ok(serde_json::Value::Object(root)) = serde_json::from_str(text) else {
            log::warn!("admin1_ukraine.geojson does not parse: oblasts are not searchable");
            return Vec::new();
        };
        let features = root
            .get("features")
            .and_then(serde_json::Value::as_array)
            .cloned()
            .unwrap_or_default();
        features
            .iter()
            .filter_map(|feature| {
                let properties = feature.get("properties")?;
                let text = |key: &str| {
                    properties
                        .get(key)
                        .and_then(serde_json::Value::as_str)
                        .unwrap_or("")
                        .to_owned()
                };
                let (geometry, _) = crate::io::parse_geometry(feature.get("geometry")?).ok()?;
                let rect = geometry.bounding_rect()?;
                Some(Oblast {
                    name: text("name_en"),
                    name_uk: text("name_uk"),
                    bounds: [rect.min().x, rect.min().y, rect.max().x, rect.max().y],
                })
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_diacritics_doubled_letters_and_old_spellings() {
        assert_eq!(fold("Odesa"), fold("ODESSA"));
        assert_eq!(fold("Kiev"), "kyiv");
        assert_eq!(fold("Zaporizhzhia"), fold("Zaporozhye"));
        assert_eq!(fold("Türkiye"), "turkiye");
        assert_eq!(fold("Київ"), "kyiv");
        assert_eq!(fold("Одеса"), "odesa");
        assert_eq!(fold("Харків"), "kharkiv");
        assert_eq!(fold("Ivano-Frankivsk"), "ivano frankivsk");
    }

    #[test]
    fn a_query_ranks_exact_then_prefix_then_word_then_anywhere() {
        assert_eq!(score("kyiv", "kyiv"), Some(0));
        assert_eq!(score("kyi", "kyiv oblast"), Some(1));
        assert_eq!(score("obl", "kyiv oblast"), Some(2));
        assert_eq!(score("blast", "kyiv oblast"), Some(3));
        assert_eq!(score("lviv", "kyiv"), None);
    }
}
