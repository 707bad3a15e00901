//! The search box in the top bar (Ctrl+F): hubs, countries, overlay features, oblasts
//! and cities; Up/Down choose, Enter flies the map there and selects it.

use egui::{Key, RichText};

use crate::analysis::{Destination, SearchEntry};
use crate::app::{BackstopApp, Command};

/// How many results the list shows.
const RESULTS: usize = 10;

/// The commands that fly to a result and select it.
pub fn go_to(entry: &SearchEntry) -> Vec<Command> {
    let mut commands = vec![match entry.destination {
        Destination::Point { at, zoom } => Command::FocusOn {
            lon: at[0],
            lat: at[1],
            zoom,
        },
        Destination::Bounds(bounds) => Command::ZoomToBounds(bounds),
    }];
    if let Some(selection) = &entry.selection {
        commands.push(Command::Select(selection.clone()));
    }
    commands
}

/// The search field and, while it has focus and text, the list of results below it.
pub fn search_box(ui: &mut egui::Ui, app: &mut BackstopApp, commands: &mut Vec<Command>) {
    let search = &mut app.dialogs.search;
    let field = egui::TextEdit::singleline(&mut search.query)
        .hint_text("Search places, hubs, countries… (Ctrl+F)")
        .desired_width((ui.available_width() - 12.0).clamp(60.0, 280.0));
    let response = ui.add(field);
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::text_edit(true, "", &search.query, "");
        info.label = Some("Search".into());
        info
    });
    if std::mem::take(&mut search.focus_requested) {
        response.request_focus();
    }
    if response.changed() {
        search.highlighted = 0;
    }
    let results = app.documents.search_index.search(&search.query, RESULTS);
    if !response.has_focus() && !response.lost_focus() {
        return;
    }
    let (up, down, enter, escape) = ui.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
            i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
            i.key_pressed(Key::Enter),
            i.key_pressed(Key::Escape),
        )
    });
    if escape {
        search.query.clear();
        response.surrender_focus();
        return;
    }
    if results.is_empty() {
        if !search.query.trim().is_empty() && response.has_focus() {
            popup(ui, &response, |ui| {
                ui.label(RichText::new("No match").weak());
            });
        }
        return;
    }
    if down {
        search.highlighted = (search.highlighted + 1).min(results.len() - 1);
    }
    if up {
        search.highlighted = search.highlighted.saturating_sub(1);
    }
    let highlighted = search.highlighted.min(results.len() - 1);
    // Enter in a single-line field ends editing: the field loses focus that frame.
    if enter && response.lost_focus() {
        commands.extend(go_to(results[highlighted]));
        search.query.clear();
        return;
    }
    let mut chosen = None;
    popup(ui, &response, |ui| {
        for (index, entry) in results.iter().enumerate() {
            let text = format!("{} — {}", entry.name, entry.kind.label());
            let row = ui
                .selectable_label(index == highlighted, text)
                .on_hover_text(&entry.detail);
            if row.clicked() {
                chosen = Some(index);
            }
        }
    });
    if let Some(index) = chosen {
        commands.extend(go_to(results[index]));
        search.query.clear();
    }
}

fn popup(ui: &egui::Ui, anchor: &egui::Response, content: impl FnOnce(&mut egui::Ui)) {
    egui::Area::new(egui::Id::unique("search_results"))
        .order(egui::Order::Foreground)
        .fixed_pos(anchor.rect.left_bottom() + egui::vec2(0.0, 4.0))
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_min_width(anchor.rect.width().max(320.0));
                content(ui);
            });
        });
}
