//! The legend panel: the rows of what the map shows in its view now, painted as the map
//! paints them.

use crate::app::BackstopApp;
use crate::map::MapStyle;

/// Draws the legend of what the map shows now.
pub fn legend(ui: &mut egui::Ui, app: &BackstopApp) {
    let view = app.world_view().map(|v| v.visible_world(0.0));
    let entries = app.picture.legend_in(view);
    if entries.is_empty() {
        ui.weak("Nothing of the scenario is in view.");
    }
    let style = MapStyle::for_theme(app.state.theme);
    crate::map::show_legend(
        ui,
        &app.picture.scenario,
        &app.picture.user_overlays,
        &style,
        &entries,
    );
}
