//! Basemap UI: the File and View → Basemap menus, the offline/online status on the map,
//! and the Prepare offline pack window.

use egui::{Color32, RichText};

use crate::app::{BackstopApp, Command};
use crate::tiles::{BasemapChoice, BulkPolicy, MAX_PACK_TILES, NetworkState, PackPlan};

/// The File menu: scenario folders, overlays and tile packs.
pub fn file_menu(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    ui.menu_button("File", |ui| {
        for command in [
            Command::Author(crate::app::AuthorCommand::ShowNewScenarioDialog),
            Command::ShowOpenDialog,
            Command::ReloadScenario,
            Command::ShowAddOverlayDialog,
            Command::ShowOpenTilePackDialog,
        ] {
            let mut button = egui::Button::new(command.label());
            if let Some(shortcut) = command.shortcut() {
                button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
            }
            if ui.add(button).clicked() {
                commands.push(command);
                ui.close();
            }
        }
    });
}

/// View → Basemap: built-in, the online sources, recent packs; open and prepare packs.
pub fn basemap_menu(ui: &mut egui::Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    ui.menu_button("Basemap", |ui| {
        let current = &app.basemaps.choice;
        let mut choices = vec![BasemapChoice::BuiltIn];
        choices.extend(
            app.basemaps
                .sources
                .iter()
                .map(|s| BasemapChoice::Online(s.name.clone())),
        );
        choices.extend(
            app.basemaps
                .recent_packs
                .iter()
                .cloned()
                .map(BasemapChoice::Pack),
        );
        for choice in choices {
            let command = Command::ChooseBasemap(choice.clone());
            let hover = match &choice {
                BasemapChoice::BuiltIn => {
                    "Natural Earth, drawn as vectors; needs no network".to_owned()
                }
                BasemapChoice::Online(name) => app
                    .basemaps
                    .sources
                    .iter()
                    .find(|s| &s.name == name)
                    .map(|s| format!("{} — {}", s.url, s.attribution))
                    .unwrap_or_default(),
                BasemapChoice::Pack(path) => format!("Tile pack {}", path.display()),
            };
            if ui
                .radio(current == &choice, command.label())
                .on_hover_text(hover)
                .clicked()
            {
                commands.push(command);
                ui.close();
            }
        }
        ui.separator();
        for command in [Command::ShowOpenTilePackDialog, Command::ShowPreparePack] {
            if ui.button(command.label()).clicked() {
                commands.push(command);
                ui.close();
            }
        }
        ui.label(
            RichText::new(format!(
                "Your own sources: {}",
                app.basemaps.sources_file.display()
            ))
            .weak()
            .small(),
        )
        .on_hover_text(
            "[[source]] tables with name, url (with {z}/{x}/{y}), attribution, and optionally \
             max_zoom, min_zoom, tile_size, subdomains, headers and bulk_download = true \
             (only if the source's terms allow saving tiles).",
        );
    });
}

/// The line on the map that says what the raster basemap is doing: offline, loading, or a
/// tile that could not be read. Nothing when all is well.
pub fn basemap_status(ui: &mut egui::Ui, app: &BackstopApp, map: egui::Rect) {
    let Some(store) = &app.basemaps.store else {
        return;
    };
    let status = store.status();
    let (text, colour) = match &status.network {
        Some(NetworkState::Offline { reason, next_probe }) => {
            let wait = next_probe
                .saturating_duration_since(std::time::Instant::now())
                .as_secs();
            let retry = if wait == 0 {
                "trying again now".to_owned()
            } else {
                format!("trying again in {wait} s")
            };
            (
                format!(
                    "Offline — showing cached tiles of {} ({reason}; {retry})",
                    status.name
                ),
                Color32::from_rgb(190, 110, 0),
            )
        }
        _ if status.waiting > 0 => (
            format!("Loading {} tiles of {}…", status.waiting, status.name),
            ui.visuals().weak_text_color(),
        ),
        _ => match &status.last_problem {
            Some(problem) => (
                format!("{}: {problem}", status.name),
                Color32::from_rgb(200, 40, 40),
            ),
            None => return,
        },
    };
    if matches!(status.network, Some(NetworkState::Offline { .. })) {
        // The countdown should tick, and the probe's answer show, without input.
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs(1));
    }
    let offline = matches!(status.network, Some(NetworkState::Offline { .. }));
    let mut try_now = false;
    let at = egui::pos2(map.left() + 10.0, map.bottom() - 64.0);
    egui::Area::new(egui::Id::unique("basemap status"))
        .fixed_pos(at)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(map.width() - 40.0);
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(text).color(colour));
                    if offline {
                        try_now = ui
                            .small_button("Try now")
                            .on_hover_text("Ask the server again without waiting")
                            .clicked();
                    }
                });
            });
        });
    if try_now && let Some(http) = &app.basemaps.http {
        http.try_now();
    }
}

/// The Prepare offline pack window.
pub fn prepare_pack_window(ctx: &egui::Context, app: &mut BackstopApp) {
    if !app.basemaps.prepare.open {
        return;
    }
    let mut open = true;
    let mut start = false;
    let mut open_pack = None;
    let source = app.basemaps.http.as_ref().map(|h| h.source().clone());
    let prepare = &mut app.basemaps.prepare;
    egui::Window::new("Prepare offline pack")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(480.0)
        .show(ctx, |ui| {
            let Some(source) = source else {
                ui.label("Choose an online source in View → Basemap first; its tiles for this view are then saved into an MBTiles pack.");
                return;
            };
            ui.label(format!("Saves the tiles of {} for the area now on the map into an MBTiles file for use offline.", source.name));
            if let BulkPolicy::Forbidden(why) = &source.bulk {
                ui.label(RichText::new(format!("Not possible for {}: {why}.", source.name)).color(Color32::from_rgb(200, 40, 40)));
                return;
            }
            let Some(bounds) = prepare.bounds else { return };
            ui.label(format!(
                "Area: {:.2}°E to {:.2}°E, {:.2}°N to {:.2}°N",
                bounds[0], bounds[2], bounds[1], bounds[3]
            ));
            let running = prepare.job.as_ref().is_some_and(|j| j.progress.outcome().is_none());
            ui.add_enabled_ui(!running, |ui| {
                ui.horizontal(|ui| {
                    ui.label("Zoom levels");
                    ui.add(egui::DragValue::new(&mut prepare.from).range(source.min_zoom..=source.max_zoom));
                    ui.label("to");
                    ui.add(egui::DragValue::new(&mut prepare.to).range(prepare.from..=source.max_zoom));
                });
                ui.horizontal(|ui| {
                    let label = ui.label("File");
                    ui.add(egui::TextEdit::singleline(&mut prepare.path).desired_width(340.0))
                        .labelled_by(label.id);
                });
            });
            prepare.to = prepare.to.max(prepare.from);
            let plan = PackPlan { bounds, from: prepare.from, to: prepare.to };
            let count = plan.tile_count();
            let estimate = format!(
                "{count} tiles, about {:.0} MB",
                plan.estimated_bytes() as f64 / 1e6
            );
            let too_many = count > MAX_PACK_TILES;
            ui.label(if too_many {
                RichText::new(format!("{estimate}: more than the {MAX_PACK_TILES} a pack may hold")).color(Color32::from_rgb(200, 40, 40))
            } else {
                RichText::new(estimate)
            });
            if let Some(refusal) = &prepare.refusal {
                ui.label(RichText::new(refusal).color(Color32::from_rgb(200, 40, 40)));
            }
            if let Some(job) = &prepare.job {
                let progress = &job.progress;
                let count = |n: &std::sync::atomic::AtomicU64| n.load(std::sync::atomic::Ordering::Relaxed);
                let (saved, failed, missing) = (count(&progress.saved), count(&progress.failed), count(&progress.missing));
                let mut gaps = Vec::new();
                if missing > 0 {
                    gaps.push(format!("{missing} not on the server"));
                }
                if failed > 0 {
                    gaps.push(format!("{failed} could not be fetched"));
                }
                let gaps = if gaps.is_empty() { String::new() } else { format!(" ({})", gaps.join(", ")) };
                match progress.outcome() {
                    None => {
                        ui.add(egui::ProgressBar::new(progress.fraction()).show_percentage());
                        ui.label(format!("{saved} saved{gaps}"));
                        if ui.button("Cancel").clicked() {
                            progress.cancel();
                        }
                        ui.ctx().request_repaint_after(std::time::Duration::from_millis(200));
                    }
                    Some(Ok(path)) => {
                        ui.label(format!("Saved {saved} tiles to {}{gaps}", path.display()));
                        if ui.button("Use this pack").clicked() {
                            open_pack = Some(path);
                        }
                    }
                    Some(Err(e)) => {
                        ui.label(RichText::new(e).color(Color32::from_rgb(200, 40, 40)));
                    }
                }
            }
            if !running && ui.add_enabled(!too_many, egui::Button::new("Start")).clicked() {
                start = true;
            }
        });
    if start {
        app.queue(Command::StartPreparingPack);
    }
    if let Some(path) = open_pack {
        app.queue(Command::ChooseBasemap(BasemapChoice::Pack(path)));
    }
    if !open {
        app.queue(Command::ClosePreparePack);
    }
}
