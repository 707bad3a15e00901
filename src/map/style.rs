//! Every colour and width the map uses, in one place.

use egui::Color32;

use crate::model::{LayerStyle, RoleCategory, Status};

/// Light or dark; both legible on a projector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Theme {
    /// Light map and panels.
    #[default]
    Light,
    /// Dark map and panels.
    Dark,
}

/// The map's palette. One per theme; the light one is the default.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapStyle {
    /// Sea and lakes.
    pub water: Color32,
    /// Land of countries other than those emphasised.
    pub land: Color32,
    /// Ukraine.
    pub ukraine: Color32,
    /// Russia and Belarus.
    pub adversary_land: Color32,
    /// Country borders.
    pub country_border: Color32,
    /// Ukraine's outline drawn over the borders.
    pub ukraine_border: Color32,
    /// Oblast borders.
    pub oblast_border: Color32,
    /// Coastline.
    pub coastline: Color32,
    /// Rivers.
    pub river: Color32,
    /// Label text.
    pub label: Color32,
    /// The halo behind label text.
    pub label_halo: Color32,
    /// Attribution and scale bar ink.
    pub ink: Color32,
}

impl MapStyle {
    /// The light palette, legible on a projector.
    pub const LIGHT: MapStyle = MapStyle {
        water: Color32::from_rgb(174, 205, 226),
        land: Color32::from_rgb(238, 235, 227),
        ukraine: Color32::from_rgb(255, 247, 214),
        adversary_land: Color32::from_rgb(226, 221, 214),
        country_border: Color32::from_rgb(120, 110, 100),
        ukraine_border: Color32::from_rgb(70, 70, 70),
        oblast_border: Color32::from_rgb(160, 140, 110),
        coastline: Color32::from_rgb(100, 145, 180),
        river: Color32::from_rgb(120, 170, 210),
        label: Color32::from_rgb(35, 35, 35),
        label_halo: Color32::from_rgba_premultiplied(250, 250, 245, 220),
        ink: Color32::from_rgb(40, 40, 40),
    };

    /// The dark palette: dark land, muted water, light ink.
    pub const DARK: MapStyle = MapStyle {
        water: Color32::from_rgb(28, 42, 58),
        land: Color32::from_rgb(52, 54, 58),
        ukraine: Color32::from_rgb(78, 74, 52),
        adversary_land: Color32::from_rgb(44, 44, 46),
        country_border: Color32::from_rgb(150, 150, 150),
        ukraine_border: Color32::from_rgb(225, 215, 170),
        oblast_border: Color32::from_rgb(120, 115, 95),
        coastline: Color32::from_rgb(90, 120, 150),
        river: Color32::from_rgb(70, 110, 150),
        label: Color32::from_rgb(235, 235, 235),
        label_halo: Color32::from_rgba_premultiplied(20, 20, 22, 220),
        ink: Color32::from_rgb(230, 230, 230),
    };

    /// The palette of a theme.
    pub fn for_theme(theme: Theme) -> MapStyle {
        match theme {
            Theme::Light => MapStyle::LIGHT,
            Theme::Dark => MapStyle::DARK,
        }
    }

    /// True for the dark palette.
    pub fn is_dark(&self) -> bool {
        self.water == MapStyle::DARK.water
    }

    /// Fill colour for a country by ISO code.
    pub fn country_fill(&self, iso: &str) -> Color32 {
        match iso {
            "UA" => self.ukraine,
            "RU" | "BY" => self.adversary_land,
            _ => self.land,
        }
    }

    /// The colour a country's land is drawn in: its own base, washed with its coalition
    /// role's colour (`category`, when the coalition layer is on). Ukraine keeps its own
    /// highlight. The legend's swatches are painted with this too, so they match the map.
    pub fn nation_land(&self, iso: &str, category: Option<RoleCategory>) -> Color32 {
        let base = self.country_fill(iso);
        match category {
            Some(category) if iso != "UA" => {
                // The lead nations' blue is stronger, so their land never reads as sea.
                let strength = match (category, self.is_dark()) {
                    (RoleCategory::Lead, _) => 0.58,
                    (_, true) => 0.35,
                    (_, false) => 0.32,
                };
                lerp_colour(base, category.colour(), strength)
            }
            _ => base,
        }
    }

    /// The land colour of a role as the map draws it, on a country typical of the role.
    pub fn role_land(&self, category: RoleCategory) -> Color32 {
        let iso = match category {
            RoleCategory::Host => "UA",
            RoleCategory::Adversary => "RU",
            _ => "",
        };
        self.nation_land(iso, Some(category))
    }
}

/// Mixes `b` into `a` by `t` (0 = a, 1 = b), in sRGB.
fn lerp_colour(a: Color32, b: Color32, t: f32) -> Color32 {
    let mix = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgb(mix(a.r(), b.r()), mix(a.g(), b.g()), mix(a.b(), b.b()))
}

/// Colour from a scenario layer's sRGB triple and an opacity.
pub fn layer_colour(rgb: [u8; 3], opacity: f32) -> Color32 {
    Color32::from_rgba_unmultiplied(
        rgb[0],
        rgb[1],
        rgb[2],
        (opacity.clamp(0.0, 1.0) * 255.0) as u8,
    )
}

/// The stroke of a feature given its layer style and its status: guessed things are drawn
/// lighter and dashed so they can never be mistaken for announced ones.
pub fn status_stroke(style: &LayerStyle, status: Status) -> (Color32, f32, bool) {
    let (opacity, dashed) = match status {
        Status::Announced | Status::Reported => (1.0, style.dashed),
        Status::Analyst => (0.9, true),
        Status::Illustrative => (0.75, true),
    };
    (layer_colour(style.stroke, opacity), style.width, dashed)
}

/// Hub symbol colours: frame and fill (friendly blue), ghosted when illustrative.
pub fn hub_colours(status: Status) -> (Color32, Color32) {
    match status {
        Status::Announced | Status::Reported => (
            Color32::from_rgb(20, 50, 110),
            Color32::from_rgb(128, 170, 230),
        ),
        Status::Analyst => (
            Color32::from_rgb(20, 50, 110),
            Color32::from_rgb(170, 200, 240),
        ),
        Status::Illustrative => (
            Color32::from_rgba_unmultiplied(20, 50, 110, 230),
            Color32::from_rgba_unmultiplied(200, 215, 240, 200),
        ),
    }
}

/// Highlight for the selected feature.
pub const SELECTION: Color32 = Color32::from_rgb(255, 140, 0);

/// Highlight for the feature under the pointer.
pub const HOVER: Color32 = Color32::from_rgba_premultiplied(255, 200, 0, 200);
