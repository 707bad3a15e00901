//! The window: panels and the map view around the app. Each panel reads the app and
//! queues Commands; `show` draws a whole frame.

mod annotation_bar;
mod basemap;
mod coalition;
mod details;
mod edit_bar;
mod export_dialog;
mod exposure;
mod feature_form;
mod filters;
mod form_fields;
mod help;
mod hub_form;
mod layers;
mod legend;
mod map_handles;
mod map_input;
mod map_view;
mod nation_form;
mod open_dialog;
mod overlay_points;
mod point_handles;
mod position;
mod presenter;
mod problems;
mod search;
mod settings_window;
mod slides;
mod timeline;
mod timeline_editor;
mod toasts;
mod top_bar;
mod vertex_handles;
mod window;

pub use annotation_bar::{annotation_bar, annotation_editor};
pub use basemap::{basemap_menu, basemap_status, file_menu, prepare_pack_window};
pub use coalition::coalition_panel;
pub use details::details_panel;
pub use edit_bar::{authoring_windows, edit_bar};
pub use export_dialog::export_dialog;
pub use exposure::{exposure_panel, km_text};
pub use feature_form::feature_form;
pub use filters::{filter_chips, filters_section};
pub use help::help_overlay;
pub use hub_form::hub_form;
pub use layers::layers_panel;
pub use legend::legend;
pub use map_view::map_view;
pub use nation_form::nation_form;
pub use open_dialog::open_dialog;
pub use presenter::{presenter_overlay, speaker_notes};
pub use problems::problems_panel;
pub use search::{go_to, search_box};
pub use settings_window::settings_window;
pub use slides::slides_panel;
pub use timeline::timeline_panel;
pub use timeline_editor::timeline_editor;
pub use toasts::toasts;
pub use top_bar::{caveat_banner, top_bar};
pub use window::{Window, show};

use egui::{Color32, RichText};

use crate::analysis::SortOrder;
use crate::model::Status;

/// A sortable column's header: its title, with an arrow when sorted by it; a click sorts.
pub fn sort_header<S: SortOrder>(ui: &mut egui::Ui, sort: &mut S, column: S::Column, title: &str) {
    let arrow = match (sort.column() == column, sort.descending()) {
        (false, _) => "",
        (true, true) => " ⏷",
        (true, false) => " ⏶",
    };
    if ui
        .button(RichText::new(format!("{title}{arrow}")).strong())
        .on_hover_text(format!("Sort by {}", title.to_lowercase()))
        .clicked()
    {
        sort.click(column);
    }
}

/// A coloured badge for a status, the same everywhere.
pub fn status_badge(status: Status) -> RichText {
    let (background, text) = match status {
        Status::Announced => (Color32::from_rgb(30, 110, 50), Color32::WHITE),
        Status::Reported => (Color32::from_rgb(40, 80, 160), Color32::WHITE),
        Status::Analyst => (Color32::from_rgb(150, 100, 20), Color32::WHITE),
        Status::Illustrative => (Color32::from_rgb(120, 120, 120), Color32::WHITE),
    };
    RichText::new(format!(" {} ", status.label().to_uppercase()))
        .background_color(background)
        .color(text)
        .strong()
        .small()
}
