//! Annotations the user draws on the map. Geo-referenced (lon/lat), so they stay in place
//! when the map moves; saved as GeoJSON.

use serde::{Deserialize, Serialize};

/// A position, longitude and latitude in degrees.
pub type LonLat = [f64; 2];

/// What an annotation is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AnnotationShape {
    /// A text label.
    Text {
        /// Where the text starts.
        at: LonLat,
    },
    /// An arrow from one place to another.
    Arrow {
        /// Tail.
        from: LonLat,
        /// Head.
        to: LonLat,
    },
    /// A polyline.
    Line {
        /// Its points.
        points: Vec<LonLat>,
    },
    /// A rectangle between two corners.
    Rectangle {
        /// One corner.
        a: LonLat,
        /// The opposite corner.
        b: LonLat,
    },
    /// A circle with a radius on the ground.
    Circle {
        /// Centre.
        centre: LonLat,
        /// Radius, km (geodesic).
        radius_km: f64,
    },
    /// A freehand stroke.
    Freehand {
        /// Its points.
        points: Vec<LonLat>,
    },
    /// A numbered callout marker.
    Callout {
        /// Where.
        at: LonLat,
        /// Its number.
        number: u32,
    },
    /// A broad translucent highlighter stroke.
    Highlight {
        /// Its points.
        points: Vec<LonLat>,
    },
}

impl AnnotationShape {
    /// Every position, for moving and bounds.
    pub fn positions_mut(&mut self) -> Vec<&mut LonLat> {
        match self {
            AnnotationShape::Text { at } | AnnotationShape::Callout { at, .. } => vec![at],
            AnnotationShape::Arrow { from, to } => vec![from, to],
            AnnotationShape::Rectangle { a, b } => vec![a, b],
            AnnotationShape::Circle { centre, .. } => vec![centre],
            AnnotationShape::Line { points }
            | AnnotationShape::Freehand { points }
            | AnnotationShape::Highlight { points } => points.iter_mut().collect(),
        }
    }

    /// The kind's name, as written in files.
    pub fn kind(&self) -> &'static str {
        match self {
            AnnotationShape::Text { .. } => "text",
            AnnotationShape::Arrow { .. } => "arrow",
            AnnotationShape::Line { .. } => "line",
            AnnotationShape::Rectangle { .. } => "rectangle",
            AnnotationShape::Circle { .. } => "circle",
            AnnotationShape::Freehand { .. } => "freehand",
            AnnotationShape::Callout { .. } => "callout",
            AnnotationShape::Highlight { .. } => "highlight",
        }
    }
}

/// How an annotation looks.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnnotationStyle {
    /// Colour, sRGB.
    pub colour: [u8; 3],
    /// Stroke width, points.
    pub width: f32,
    /// Text size, points.
    pub font_size: f32,
    /// Fill closed shapes (translucent).
    pub fill: bool,
}

impl Default for AnnotationStyle {
    fn default() -> Self {
        Self {
            colour: [200, 30, 30],
            width: 3.0,
            font_size: 16.0,
            fill: false,
        }
    }
}

/// One annotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    /// Unique within the file.
    pub id: u64,
    /// What and where.
    pub shape: AnnotationShape,
    /// Look.
    pub style: AnnotationStyle,
    /// Text (labels, callouts; a caption for the others).
    pub text: String,
}

/// Moves every position by a lon/lat offset.
pub fn translate(shape: &mut AnnotationShape, d_lon: f64, d_lat: f64) {
    for position in shape.positions_mut() {
        position[0] += d_lon;
        position[1] = (position[1] + d_lat).clamp(-85.0, 85.0);
    }
}
