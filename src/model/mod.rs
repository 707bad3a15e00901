//! The scenario as plain data: no egui, no files.

mod annotation;
mod date;
mod keywords;
mod numbers;
mod role_category;
mod selection;
mod slide;
mod text;
mod text_limits;

pub use annotation::{Annotation, AnnotationShape, AnnotationStyle, LonLat, translate};
pub use date::{Date, Validity, timestamp_now};
pub use keywords::{HubKind, LayerKind, OverlayKind, Role, Status};
pub use numbers::group_digits;
pub use role_category::RoleCategory;
pub use selection::Selection;
pub use slide::{Deck, Slide, SlideAnnotations, SlideFilters, SlideGrid, SlideLayer};
pub use text::transliterate;
pub use text_limits::{MAX_LABEL_CHARS, MAX_TEXT_CHARS, cut_text};

use geo::Geometry;
use serde::Serialize;

/// A published source for a fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// Who said it and where, e.g. "Reuters".
    pub title: String,
    /// A link, when there is one.
    pub url: Option<String>,
    /// When it was published.
    pub date: Option<Date>,
}

impl Source {
    /// "Title (YYYY-MM-DD)", or the title alone when undated.
    pub fn citation(&self) -> String {
        match self.date {
            Some(date) => format!("{} ({date})", self.title),
            None => self.title.clone(),
        }
    }
}

/// A number of personnel, exact or a range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Personnel {
    /// Lower bound (equal to `max` for an exact number).
    pub min: u32,
    /// Upper bound.
    pub max: u32,
}

impl std::fmt::Display for Personnel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.min == self.max {
            write!(f, "{}", self.min)
        } else {
            write!(f, "{}–{}", self.min, self.max)
        }
    }
}

/// A UK–France military hub (or HQ, or coordination cell).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hub {
    /// Unique id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What it does.
    pub kind: HubKind,
    /// Leading nations, ISO 3166-1 alpha-2.
    pub lead: Vec<String>,
    /// Partner nations, ISO 3166-1 alpha-2.
    pub partners: Vec<String>,
    /// Personnel, when reported.
    pub personnel: Option<Personnel>,
    /// How much is known.
    pub status: Status,
    /// What it rests on.
    pub sources: Vec<Source>,
    /// Free text, including the statement an illustrative site rests on.
    pub description: String,
    /// Start of validity.
    pub valid_from: Option<Validity>,
    /// End of validity.
    pub valid_to: Option<Validity>,
    /// Longitude, degrees east.
    pub lon: f64,
    /// Latitude, degrees north.
    pub lat: f64,
}

/// A country and its reported part in the coalition.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Nation {
    /// ISO 3166-1 alpha-2 code.
    pub iso: String,
    /// Display name.
    pub name: String,
    /// Reported roles.
    pub roles: Vec<Role>,
    /// What was committed, in words.
    pub commitment: String,
    /// Personnel, when reported.
    pub personnel: Option<Personnel>,
    /// How much is known.
    pub status: Status,
    /// What it rests on.
    pub sources: Vec<Source>,
}

/// One feature of a monitoring overlay (line, buffer, sector, area).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OverlayFeature {
    /// Unique id within the scenario.
    pub id: String,
    /// What it shows.
    pub kind: OverlayKind,
    /// Display name.
    pub name: String,
    /// Who runs it (e.g. "United States").
    pub operator: String,
    /// How much is known.
    pub status: Status,
    /// What it rests on.
    pub sources: Vec<Source>,
    /// Free text.
    pub description: String,
    /// Start of validity.
    pub valid_from: Option<Validity>,
    /// End of validity.
    pub valid_to: Option<Validity>,
    /// Geometry in lon/lat degrees.
    #[serde(skip)]
    pub geometry: Geometry<f64>,
}

/// How a layer is drawn.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayerStyle {
    /// Stroke colour, sRGB.
    pub stroke: [u8; 3],
    /// Fill colour, sRGB (areas only).
    pub fill: [u8; 3],
    /// Fill opacity, 0..=1.
    pub fill_opacity: f32,
    /// Stroke width in points.
    pub width: f32,
    /// Dashed stroke.
    pub dashed: bool,
}

impl Default for LayerStyle {
    fn default() -> Self {
        Self {
            stroke: [40, 90, 200],
            fill: [40, 90, 200],
            fill_opacity: 0.15,
            width: 2.0,
            dashed: false,
        }
    }
}

/// A layer of the scenario as listed in scenario.toml, with what loaded into it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Layer {
    /// Unique id.
    pub id: String,
    /// Title shown in the layer list.
    pub title: String,
    /// File relative to the scenario folder (none for computed layers).
    pub file: Option<String>,
    /// What it holds.
    pub kind: LayerKind,
    /// Shown at start.
    pub visible: bool,
    /// How it is drawn.
    pub style: LayerStyle,
    /// Overlay features (for overlay and buffer layers).
    pub features: Vec<OverlayFeature>,
    /// True when its file could not be loaded at all.
    pub failed: bool,
}

/// The buffer zone computed at load from a line feature.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BufferSpec {
    /// The layer that shows it.
    pub layer: String,
    /// The id of the line feature it is computed from.
    pub from_feature: String,
    /// Width on each side of the line, km.
    pub width_km: f64,
}

/// A dated event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// Unique id.
    pub id: String,
    /// When.
    pub date: Date,
    /// Short title.
    pub title: String,
    /// Free text.
    pub description: String,
    /// What it rests on.
    pub sources: Vec<Source>,
}

/// A phase of the scenario, possibly with unknown dates (the ceasefire "D").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Phase {
    /// Unique id, usable in valid_from/valid_to.
    pub id: String,
    /// Short title.
    pub title: String,
    /// Start date when known.
    pub start: Option<Date>,
    /// End date when known.
    pub end: Option<Date>,
    /// Free text.
    pub description: String,
}

/// Where a named ring set is measured from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum RingOrigin {
    /// A fixed place, lon/lat degrees.
    Centre([f64; 2]),
    /// The monitored ceasefire line: a hub is reached when it lies within a radius of it.
    Line,
    /// Nowhere yet: a preset the user places on a hub or a point.
    Preset,
}

/// A named set of ranges (a drone or missile range, planning bands), in km.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RingSet {
    /// Unique id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Radii, km, ascending.
    pub radii_km: Vec<f64>,
    /// Where it is measured from.
    pub origin: RingOrigin,
    /// How much is known.
    pub status: Status,
    /// What the ranges rest on.
    pub description: String,
    /// Sources, when the ranges are published figures.
    pub sources: Vec<Source>,
}

/// The initial map view.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct View {
    /// Centre longitude.
    pub lon: f64,
    /// Centre latitude.
    pub lat: f64,
    /// Web Mercator zoom level.
    pub zoom: f64,
}

impl Default for View {
    fn default() -> Self {
        Self {
            lon: 31.2,
            lat: 48.4,
            zoom: 5.6,
        }
    }
}

/// Everything one scenario folder holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scenario {
    /// Title for the top bar.
    pub title: String,
    /// Subtitle.
    pub subtitle: String,
    /// The date the scenario describes.
    pub as_of: Option<Date>,
    /// The time of day (UTC) of `as_of`, as hours and minutes, for the date-time group.
    pub as_of_time: Option<(u8, u8)>,
    /// Who prepared the briefing, for the picture's margin.
    pub prepared_by: String,
    /// The banner line (classification, caveats).
    pub caveat: String,
    /// Initial view; `None` frames Ukraine at whatever size the window has.
    pub view: Option<View>,
    /// Layers, in drawing order.
    pub layers: Vec<Layer>,
    /// Scenario-wide sources.
    pub sources: Vec<Source>,
    /// Hubs.
    pub hubs: Vec<Hub>,
    /// Nations.
    pub nations: Vec<Nation>,
    /// Events.
    pub events: Vec<Event>,
    /// Phases.
    pub phases: Vec<Phase>,
    /// The computed buffer, when configured.
    pub buffer: Option<BufferSpec>,
    /// Named range ring sets.
    pub ring_sets: Vec<RingSet>,
}

impl Scenario {
    /// The nation with this ISO code.
    pub fn nation(&self, iso: &str) -> Option<&Nation> {
        self.nations
            .iter()
            .find(|n| n.iso.eq_ignore_ascii_case(iso))
    }

    /// The hub with this id.
    pub fn hub(&self, id: &str) -> Option<&Hub> {
        self.hubs.iter().find(|h| h.id == id)
    }

    /// The layer with this id.
    pub fn layer(&self, id: &str) -> Option<&Layer> {
        self.layers.iter().find(|l| l.id == id)
    }

    /// Every overlay feature of every layer, with its layer.
    pub fn overlay_features(&self) -> impl Iterator<Item = (&Layer, &OverlayFeature)> {
        self.layers
            .iter()
            .flat_map(|layer| layer.features.iter().map(move |f| (layer, f)))
    }
}
