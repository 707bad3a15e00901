//! The legend panel: the rows of the map's picture, painted as the map paints them.

use crate::app::BackstopApp;

/// Draws the legend of what the map shows now.
pub fn legend(ui: &mut egui::Ui, app: &BackstopApp) {
    crate::map::show_legend(ui, &app.picture.scenario, &app.picture.legend);
}
