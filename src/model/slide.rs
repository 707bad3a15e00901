//! A slide of a briefing: a map state and what the briefer says over it.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// How one scenario layer looks on a slide.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SlideLayer {
    /// Shown.
    pub visible: bool,
    /// Opacity, 0..=1.
    pub opacity: f32,
}

impl Default for SlideLayer {
    fn default() -> Self {
        Self {
            visible: true,
            opacity: 1.0,
        }
    }
}

/// The filters a slide sets, by keyword, so the file reads like the data files.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SlideFilters {
    /// Nation ISO codes.
    pub nations: BTreeSet<String>,
    /// Hub kind keywords.
    pub hub_kinds: BTreeSet<String>,
    /// Overlay kind keywords.
    pub overlay_kinds: BTreeSet<String>,
    /// Status keywords.
    pub statuses: BTreeSet<String>,
    /// A phase id.
    pub phase: Option<String>,
    /// Filtered-out things hidden rather than dimmed.
    pub hide: bool,
}

/// Which annotations a slide shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlideAnnotations {
    /// Every annotation.
    #[default]
    All,
    /// None.
    None,
    /// Only these (by id).
    Only(BTreeSet<u64>),
}

impl SlideAnnotations {
    /// The annotations of `items` this choice shows; borrowed unless some are left out.
    pub fn pick<'a>(
        &self,
        items: &'a [super::Annotation],
    ) -> std::borrow::Cow<'a, [super::Annotation]> {
        use std::borrow::Cow;
        match self {
            SlideAnnotations::All => Cow::Borrowed(items),
            SlideAnnotations::None => Cow::Borrowed(&[]),
            SlideAnnotations::Only(ids) => Cow::Owned(
                items
                    .iter()
                    .filter(|a| ids.contains(&a.id))
                    .cloned()
                    .collect(),
            ),
        }
    }
}

/// One slide: camera, layers, filters, time, annotations, caption and notes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Slide {
    /// Title, shown large on the slide.
    pub title: String,
    /// One or two lines under the title, shown on the slide.
    pub caption: String,
    /// For the briefer only.
    pub notes: String,
    /// What the slide frames: west, south, east, north (degrees). Fitted to whatever
    /// screen shows it, so a slide made on a laptop frames the same on a projector.
    pub bounds: [f64; 4],
    /// Scenario layers by id; layers not listed keep their scenario default.
    pub layers: BTreeMap<String, SlideLayer>,
    /// Countries coloured by coalition role.
    pub coalition_layer: bool,
    /// Filters.
    pub filters: SlideFilters,
    /// The timeline's "as of": an event or phase id, or none for all times.
    pub as_of: Option<String>,
    /// Which annotations show.
    pub annotations: SlideAnnotations,
    /// Which grids the slide draws; absent keeps whatever the viewer has on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grid: Option<SlideGrid>,
}

/// A slide's grid: none, the latitude/longitude graticule, the MGRS grid, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SlideGrid {
    /// No grid.
    None,
    /// Latitude and longitude lines.
    Latlon,
    /// The MGRS grid.
    Mgrs,
    /// Both.
    Both,
}

impl SlideGrid {
    /// The grid of these toggles (graticule, MGRS).
    pub fn of(graticule: bool, mgrs: bool) -> Self {
        match (graticule, mgrs) {
            (false, false) => SlideGrid::None,
            (true, false) => SlideGrid::Latlon,
            (false, true) => SlideGrid::Mgrs,
            (true, true) => SlideGrid::Both,
        }
    }

    /// Whether it draws the graticule and the MGRS grid.
    pub fn shows(self) -> (bool, bool) {
        match self {
            SlideGrid::None => (false, false),
            SlideGrid::Latlon => (true, false),
            SlideGrid::Mgrs => (false, true),
            SlideGrid::Both => (true, true),
        }
    }
}

impl Default for Slide {
    fn default() -> Self {
        Self {
            title: "New slide".into(),
            caption: String::new(),
            notes: String::new(),
            bounds: [22.1, 44.3, 40.3, 52.4],
            layers: BTreeMap::new(),
            coalition_layer: true,
            filters: SlideFilters::default(),
            as_of: None,
            annotations: SlideAnnotations::All,
            grid: None,
        }
    }
}

/// A briefing: its slides in order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Deck {
    /// The slides.
    pub slides: Vec<Slide>,
}

impl Slide {
    /// A file-name-safe form of "number and title": `03-the-hubs-illustrative`.
    pub fn file_stem(&self, number: usize) -> String {
        let mut slug = String::new();
        for c in super::transliterate(&self.title).chars() {
            if c.is_ascii_alphanumeric() {
                slug.push(c);
            } else if !slug.ends_with('-') {
                slug.push('-');
            }
        }
        let slug = slug.trim_matches('-');
        let slug: String = slug.chars().take(48).collect();
        format!("{number:02}-{}", slug.trim_end_matches('-'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slide_file_name_has_its_number_and_a_plain_title() {
        let slide = Slide {
            title: "Skies: air policing (Türkiye, Sweden)".into(),
            ..Slide::default()
        };
        assert_eq!(slide.file_stem(4), "04-skies-air-policing-turkiye-sweden");
    }

    #[test]
    fn a_deck_round_trips_through_toml() {
        let deck = Deck {
            slides: vec![Slide {
                as_of: Some("D".into()),
                annotations: SlideAnnotations::Only([3, 5].into()),
                ..Slide::default()
            }],
        };
        let text = toml::to_string(&deck).unwrap_or_default();
        let back: Deck = toml::from_str(&text).unwrap_or_default();
        assert_eq!(back, deck);
    }
}
