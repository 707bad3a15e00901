//! A user overlay's own controls: colour its points by a property (with a legend on the
//! map), what its date column does, zoom levels being prepared, and (in Filters) hide
//! features by a property's values.

use std::collections::BTreeSet;

use egui::RichText;

use crate::app::Command;
use crate::overlay::{ShownOverlay, value_label};

/// Colour by, the date column and background preparation, under the layer's row.
pub(super) fn point_controls(
    ui: &mut egui::Ui,
    overlay: &ShownOverlay,
    commands: &mut Vec<Command>,
) {
    let layer = &overlay.layer;
    let properties = overlay.categorical_properties();
    if !properties.is_empty() {
        let current = overlay.points.colour_by.clone();
        let shown = current.clone().unwrap_or_else(|| "layer colour".into());
        let mut chosen = current.clone();
        ui.horizontal(|ui| {
            ui.label(RichText::new("Colour by").small());
            egui::ComboBox::from_id_salt(("colour-by", layer.id))
                .selected_text(shown)
                .width(120.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut chosen, None, "layer colour");
                    for (key, values) in &properties {
                        ui.selectable_value(
                            &mut chosen,
                            Some(key.clone()),
                            format!("{key} ({values})"),
                        );
                    }
                });
        });
        if chosen != current {
            commands.push(Command::SetPointColour {
                id: layer.id,
                by: chosen,
            });
        }
    }
    if let Some(dates) = &layer.dates {
        let range = dates
            .range
            .map(|(first, last)| format!(" {first} – {last}"))
            .unwrap_or_default();
        ui.label(
            RichText::new(format!(
                "Dated by {}{range}: the timeline shows what happened up to its date",
                dates.key
            ))
            .small()
            .weak(),
        );
    }
    if layer.is_preparing() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(RichText::new("Preparing this zoom level…").small().weak());
        });
    }
}

/// For each overlay with properties of few values: pick one, and untick values to hide.
pub(super) fn property_filters(
    ui: &mut egui::Ui,
    overlays: &[ShownOverlay],
    commands: &mut Vec<Command>,
) {
    for overlay in overlays {
        let properties = overlay.categorical_properties();
        if properties.is_empty() {
            continue;
        }
        let layer = &overlay.layer;
        egui::CollapsingHeader::new(format!("{} by property", layer.name))
            .id_salt(("property-filter", layer.id))
            .show(ui, |ui| {
                let current = overlay.points.filter.clone();
                let mut key = current.as_ref().map(|(k, _)| k.clone());
                let before = key.clone();
                egui::ComboBox::from_id_salt(("filter-property", layer.id))
                    .selected_text(key.clone().unwrap_or_else(|| "choose a property".into()))
                    .width(150.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut key, None, "no filter");
                        for (name, _) in &properties {
                            ui.selectable_value(&mut key, Some(name.clone()), name);
                        }
                    });
                if key != before {
                    commands.push(Command::SetPointFilter {
                        id: layer.id,
                        filter: key.map(|k| (k, BTreeSet::new())),
                    });
                    return;
                }
                let Some((key, hidden)) = current else {
                    return;
                };
                let mut edited = hidden.clone();
                for (value, count) in layer.features.categories(&key).unwrap_or_default() {
                    let label = value_label(value);
                    let mut shown = !hidden.contains(&label);
                    if ui
                        .checkbox(&mut shown, format!("{label} ({count})"))
                        .changed()
                    {
                        if shown {
                            edited.remove(&label);
                        } else {
                            edited.insert(label);
                        }
                    }
                }
                if edited != hidden {
                    commands.push(Command::SetPointFilter {
                        id: layer.id,
                        filter: Some((key, edited)),
                    });
                }
            });
    }
}
