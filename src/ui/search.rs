//! The search box in the top bar (Ctrl+F): hubs, countries, overlay features, oblasts
//! and cities, and positions in any format (MGRS, UTM, DMS, decimal degrees); Up/Down
//! choose, Enter flies the map there and selects it (or drops a marker on a position).

use egui::{Key, RichText};

use crate::analysis::{Destination, SearchEntry};
use crate::app::{BackstopApp, Command};
use crate::geometry::position::{
    CoordinateFormat, ParsedPosition, PositionError, format_position, parse_position,
};

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
        .hint_text("Search places, hubs, or a position: 36U UA 123 456… (Ctrl+F)")
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
    let (places, refusal) = positions_in(&search.query);
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
    let rows = places.len() + results.len();
    if rows == 0 {
        if !search.query.trim().is_empty() && response.has_focus() {
            popup(ui, &response, |ui| {
                match &refusal {
                    Some(reason) => {
                        ui.label(RichText::new(reason).color(ui.visuals().warn_fg_color))
                    }
                    None => ui.label(RichText::new("No match").weak()),
                };
            });
        }
        return;
    }
    if down {
        search.highlighted = (search.highlighted + 1).min(rows - 1);
    }
    if up {
        search.highlighted = search.highlighted.saturating_sub(1);
    }
    let highlighted = search.highlighted.min(rows - 1);
    let choose = |index: usize| -> Vec<Command> {
        match places.get(index) {
            Some(place) => go_to_position(place),
            None => go_to(results[index - places.len()]),
        }
    };
    // Enter in a single-line field ends editing: the field loses focus that frame.
    if enter && response.lost_focus() {
        commands.extend(choose(highlighted));
        search.query.clear();
        return;
    }
    let mut chosen = None;
    popup(ui, &response, |ui| {
        if let Some(reason) = &refusal {
            ui.label(RichText::new(reason).color(ui.visuals().warn_fg_color));
        }
        for (index, place) in places.iter().enumerate() {
            let text = format!(
                "{} → {}",
                place.understood,
                format_position(place.lat, place.lon, CoordinateFormat::Decimal)
            );
            let row = ui
                .selectable_label(index == highlighted, RichText::new(text).monospace())
                .on_hover_text("Fly there and drop a marker");
            if row.clicked() {
                chosen = Some(index);
            }
        }
        for (offset, entry) in results.iter().enumerate() {
            let index = places.len() + offset;
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
        commands.extend(choose(index));
        search.query.clear();
    }
}

/// The positions a query can be read as, and why it cannot be one when it looks like
/// one but is not (an uneven MGRS reference, a latitude of 95°).
fn positions_in(query: &str) -> (Vec<ParsedPosition>, Option<String>) {
    match parse_position(query) {
        Ok(readings) => (readings, None),
        Err(PositionError::NotAPosition) => (Vec::new(), None),
        Err(PositionError::Invalid(reason)) => {
            (Vec::new(), Some(format!("Not a position: {reason}")))
        }
    }
}

/// The commands that fly to a typed position and drop a marker there.
pub fn go_to_position(place: &ParsedPosition) -> Vec<Command> {
    vec![
        Command::FocusOn {
            lon: place.lon,
            lat: place.lat,
            zoom: 10.0,
        },
        Command::DropMarker {
            at: [place.lon, place.lat],
            label: place.understood.clone(),
        },
    ]
}

fn popup(ui: &egui::Ui, anchor: &egui::Response, content: impl FnOnce(&mut egui::Ui)) {
    egui::Area::new(egui::Id::unique("search_results"))
        .order(egui::Order::Foreground)
        .fixed_pos(anchor.rect.left_bottom() + egui::vec2(0.0, 4.0))
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                // Wide enough for "MGRS 36U UA 12345 67890 → 50.2334°N 30.3687°E".
                ui.set_min_width(anchor.rect.width().max(420.0));
                content(ui);
            });
        });
}
