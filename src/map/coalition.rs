//! Coalition roles as map colours: one category per country, from a colour-blind-safe
//! palette (Okabe and Ito), shared by the map, the legend and the Coalition panel.

use egui::Color32;

use crate::model::RoleCategory;

impl RoleCategory {
    /// Legend label.
    pub fn label(self) -> &'static str {
        match self {
            RoleCategory::Lead => "Leads the force (UK, France)",
            RoleCategory::Contributor => "Troops or trainers offered",
            RoleCategory::Monitoring => "Ceasefire monitoring",
            RoleCategory::SeaAndAir => "Maritime or air",
            RoleCategory::Considering => "Considering troops",
            RoleCategory::NoTroops => "No troops in Ukraine",
            RoleCategory::Attendee => "Attended, no pledge",
            RoleCategory::Host => "Host nation",
            RoleCategory::Adversary => "Rejects the force",
        }
    }

    /// Fill colour (Okabe–Ito), opaque; the map applies its own opacity.
    pub fn colour(self) -> Color32 {
        match self {
            RoleCategory::Lead => Color32::from_rgb(0, 114, 178),
            // Not sky blue: tinted onto land it read as sea.
            RoleCategory::Contributor => Color32::from_rgb(204, 121, 167),
            RoleCategory::Monitoring => Color32::from_rgb(0, 158, 115),
            RoleCategory::SeaAndAir => Color32::from_rgb(230, 159, 0),
            RoleCategory::Considering => Color32::from_rgb(165, 140, 215),
            RoleCategory::NoTroops => Color32::from_rgb(150, 150, 150),
            RoleCategory::Attendee => Color32::from_rgb(200, 200, 200),
            RoleCategory::Host => Color32::from_rgb(240, 228, 66),
            RoleCategory::Adversary => Color32::from_rgb(213, 94, 0),
        }
    }
}

/// The colours of a nation's flag, for the lead strip on hub symbols.
pub fn flag_colours(iso: &str) -> &'static [Color32] {
    const GB: &[Color32] = &[
        Color32::from_rgb(1, 33, 105),
        Color32::WHITE,
        Color32::from_rgb(200, 16, 46),
    ];
    const FR: &[Color32] = &[
        Color32::from_rgb(0, 85, 164),
        Color32::WHITE,
        Color32::from_rgb(239, 65, 53),
    ];
    const US: &[Color32] = &[
        Color32::from_rgb(60, 59, 110),
        Color32::WHITE,
        Color32::from_rgb(178, 34, 52),
    ];
    const UA: &[Color32] = &[
        Color32::from_rgb(0, 87, 183),
        Color32::from_rgb(255, 215, 0),
    ];
    const OTHER: &[Color32] = &[Color32::from_rgb(120, 120, 120)];
    match iso {
        "GB" => GB,
        "FR" => FR,
        "US" => US,
        "UA" => UA,
        _ => OTHER,
    }
}
