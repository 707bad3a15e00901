//! The top bar: title, as-of date, caveat banner and the problems badge.

use egui::{Color32, RichText};

use crate::app::{BackstopApp, Command, Theme};
use crate::io::ProblemCounts;

/// The Export menu.
fn export_menu(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    ui.menu_button("Export", |ui| {
        for command in [
            Command::SaveViewAsPng,
            Command::ShowExportDialog,
            Command::CopyExportToClipboard,
        ] {
            let shortcut = command
                .shortcut()
                .map(|s| ui.ctx().format_shortcut(&s))
                .unwrap_or_default();
            if ui
                .add(egui::Button::new(command.label()).shortcut_text(shortcut))
                .clicked()
            {
                commands.push(command);
                ui.close();
            }
        }
    });
}

/// The View menu: theme, panels, shortcuts.
fn view_menu(ui: &mut egui::Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    ui.menu_button("View", |ui| {
        crate::ui::basemap_menu(ui, app, commands);
        ui.separator();
        for theme in [Theme::Light, Theme::Dark] {
            let command = Command::SetTheme(theme);
            if ui
                .radio(app.state.theme == theme, command.label())
                .clicked()
            {
                commands.push(command);
            }
        }
        ui.separator();
        let grids = [
            (
                app.state.shown.basemap_layers.graticule,
                Command::ToggleGraticule,
            ),
            (
                app.state.shown.basemap_layers.mgrs_grid,
                Command::ToggleMgrsGrid,
            ),
        ];
        for (shown, command) in grids {
            let mut checked = shown;
            if ui.checkbox(&mut checked, command.label()).clicked() {
                commands.push(command);
            }
        }
        ui.separator();
        super::position::format_choices(ui, app.coordinate_format, commands);
        ui.separator();
        let panels = [
            (app.state.show_layers_panel, Command::ToggleLayersPanel),
            (app.state.show_details_panel, Command::ToggleDetailsPanel),
            (
                app.state.show_coalition_panel,
                Command::ToggleCoalitionPanel,
            ),
            (app.state.show_exposure_panel, Command::ToggleExposurePanel),
            (app.state.show_timeline, Command::ToggleTimeline),
            (app.state.show_problems, Command::ToggleProblems),
            (app.live_reload, Command::ToggleLiveReload),
            (app.state.show_slides_panel, Command::ToggleSlidesPanel),
            (app.reduce_motion, Command::ToggleReduceMotion),
        ];
        for (shown, command) in panels {
            let mut checked = shown;
            if ui.checkbox(&mut checked, command.label()).clicked() {
                commands.push(command);
            }
        }
        ui.separator();
        if ui.button(Command::ToggleHelp.label()).clicked() {
            commands.push(Command::ToggleHelp);
            ui.close();
        }
    });
}

/// The caveat banner across the top of the window (kept in the presenter view).
pub fn caveat_banner(ui: &mut egui::Ui, app: &BackstopApp) {
    let scenario = &app.documents.report.scenario;
    if !scenario.caveat.is_empty() {
        egui::Panel::top("caveat_banner")
            .frame(
                egui::Frame::NONE
                    .fill(Color32::from_rgb(150, 30, 30))
                    .inner_margin(4.0),
            )
            .show(ui, |ui| {
                ui.vertical_centered(|ui| {
                    ui.label(
                        RichText::new(&scenario.caveat)
                            .color(Color32::WHITE)
                            .strong(),
                    );
                });
            });
    }
}

/// Title, subtitle, as-of date, the caveat banner and the problems count.
pub fn top_bar(ui: &mut egui::Ui, app: &mut BackstopApp) {
    caveat_banner(ui, app);
    let scenario = &app.documents.report.scenario;
    let counts = ProblemCounts::of(app.all_diagnostics());
    let mut commands = Vec::new();
    let title = scenario.title.clone();
    let as_of = app.as_of_text();
    let subtitle = scenario.subtitle.clone();
    egui::Panel::top("top_bar").show(ui, |ui| {
        // Below this width the title and the tools do not fit on one row (they would
        // overlap): the tools go on a row of their own.
        let narrow = ui.available_width() < NARROW_TOP_BAR;
        let rtl = egui::Layout::right_to_left(egui::Align::Center);
        ui.horizontal(|ui| {
            ui.add(egui::Label::new(RichText::new(title).heading().strong()).truncate());
            if let Some(as_of) = as_of {
                ui.label(RichText::new(format!("as of {as_of}")).strong());
            }
            if !narrow {
                ui.with_layout(rtl, |ui| {
                    tools_row(ui, app, counts, Some(&subtitle), &mut commands)
                });
            }
        });
        if narrow {
            ui.horizontal(|ui| {
                // No room for the subtitle here: the Details panel shows it.
                ui.with_layout(rtl, |ui| tools_row(ui, app, counts, None, &mut commands));
            });
        }
    });
    for command in commands {
        app.queue(command);
    }
}

/// Points below which the top bar's tools take a row of their own.
const NARROW_TOP_BAR: f32 = 1150.0;

/// The top bar's tools, right to left: problems, View, Export, the panels, Reload, File,
/// the search box, and the subtitle (when given) in what room is left.
fn tools_row(
    ui: &mut egui::Ui,
    app: &mut BackstopApp,
    counts: ProblemCounts,
    subtitle: Option<&str>,
    commands: &mut Vec<Command>,
) {
    let text = if counts.errors + counts.warnings == 0 {
        RichText::new("✔ No problems")
    } else {
        let colour = if counts.errors > 0 {
            Color32::from_rgb(200, 40, 40)
        } else {
            Color32::from_rgb(190, 130, 0)
        };
        RichText::new(format!(
            "⚠ {} errors, {} warnings",
            counts.errors, counts.warnings
        ))
        .color(colour)
        .strong()
    };
    if ui
        .selectable_label(app.state.show_problems, text)
        .on_hover_text("Show the Problems panel (Ctrl+Shift+P)")
        .clicked()
    {
        commands.push(Command::ToggleProblems);
    }
    view_menu(ui, app, commands);
    export_menu(ui, commands);
    if ui
        .selectable_label(app.state.show_exposure_panel, "Exposure")
        .on_hover_text("Distances from each hub to the line and the borders (Ctrl+J)")
        .clicked()
    {
        commands.push(Command::ToggleExposurePanel);
    }
    if ui
        .selectable_label(app.state.show_coalition_panel, "Coalition")
        .on_hover_text("Coalition table and personnel chart (Ctrl+K)")
        .clicked()
    {
        commands.push(Command::ToggleCoalitionPanel);
    }
    if ui
        .button("Reload")
        .on_hover_text("Read the scenario's files again (Ctrl+R)")
        .clicked()
    {
        commands.push(Command::ReloadScenario);
    }
    crate::ui::file_menu(ui, commands);
    // Last in a right-to-left row: it takes what room the title leaves.
    crate::ui::search_box(ui, app, commands);
    if let Some(subtitle) = subtitle {
        ui.add(egui::Label::new(RichText::new(subtitle).weak()).truncate());
    }
}
