//! The fields the Edit mode's forms share: labelled text, keyword choices, nation
//! pickers, sources, validity, and the checks' messages. Each reports whether its value
//! changed (the draft is checked again) and whether the edit is committed (a field left,
//! a choice made: the draft is written, one undo step).

use egui::{Color32, RichText, Ui};

use crate::io::authoring::SourceDraft;
use crate::io::{Diagnostic, Severity};
use crate::model::Scenario;

/// What a field did this frame.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Edited {
    /// The value changed.
    pub changed: bool,
    /// The edit is finished: write it.
    pub committed: bool,
}

impl Edited {
    /// Both at once (a choice from a list).
    pub const CHOSEN: Edited = Edited {
        changed: true,
        committed: true,
    };

    /// Adds what `other` did.
    pub fn add(&mut self, other: Edited) {
        self.changed |= other.changed;
        self.committed |= other.committed;
    }
}

/// A labelled one-line (or several-line) text field, committed when it is left.
pub fn text_field(ui: &mut Ui, label: &str, text: &mut String, lines: usize) -> Edited {
    let caption = ui.label(label);
    // A field's id is its label, so focus stays in it when the form around it changes.
    let edit = if lines > 1 {
        egui::TextEdit::multiline(text).desired_rows(lines)
    } else {
        egui::TextEdit::singleline(text)
    }
    .id_salt(label);
    let response = ui
        .add(edit.desired_width(f32::INFINITY))
        .labelled_by(caption.id);
    Edited {
        changed: response.changed(),
        committed: response.lost_focus(),
    }
}

/// A labelled choice among keywords (kind, status).
pub fn keyword_choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    label: &str,
    value: &mut T,
    all: &[T],
    name: impl Fn(T) -> &'static str,
) -> Edited {
    let mut edited = Edited::default();
    ui.horizontal(|ui| {
        let caption = ui.label(label);
        let response = egui::ComboBox::from_id_salt(label)
            .selected_text(name(*value))
            .show_ui(ui, |ui| {
                for option in all {
                    if ui
                        .selectable_label(*option == *value, name(*option))
                        .clicked()
                        && *option != *value
                    {
                        *value = *option;
                        edited = Edited::CHOSEN;
                    }
                }
            });
        response.response.labelled_by(caption.id);
    });
    edited
}

/// What every feature's form starts with: "{noun} name", "{noun} id", "{noun} kind",
/// "{noun} status".
pub fn identity_fields<K: Copy + PartialEq>(
    ui: &mut Ui,
    noun: &str,
    (name, id): (&mut String, &mut String),
    (kind, kinds, kind_label): (&mut K, &[K], fn(K) -> &'static str),
    status: &mut crate::model::Status,
) -> Edited {
    let mut edited = text_field(ui, &format!("{noun} name"), name, 1);
    edited.add(text_field(ui, &format!("{noun} id"), id, 1));
    edited.add(keyword_choice(
        ui,
        &format!("{noun} kind"),
        kind,
        kinds,
        kind_label,
    ));
    edited.add(keyword_choice(
        ui,
        &format!("{noun} status"),
        status,
        crate::model::Status::ALL,
        crate::model::Status::label,
    ));
    edited
}

/// A labelled choice of nations from nations.toml, as a menu of checkboxes.
pub fn nations_choice(
    ui: &mut Ui,
    label: &str,
    codes: &mut Vec<String>,
    scenario: &Scenario,
) -> Edited {
    let mut edited = Edited::default();
    ui.horizontal_wrapped(|ui| {
        ui.label(label);
        let shown = if codes.is_empty() {
            "none".to_owned()
        } else {
            codes.join(", ")
        };
        ui.menu_button(format!("{shown} ⏷"), |ui| {
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    for nation in &scenario.nations {
                        let mut on = codes.contains(&nation.iso);
                        let text = format!("{} ({})", nation.name, nation.iso);
                        if ui.checkbox(&mut on, text).changed() {
                            if on {
                                codes.push(nation.iso.clone());
                            } else {
                                codes.retain(|c| c != &nation.iso);
                            }
                            edited = Edited::CHOSEN;
                        }
                    }
                });
        })
        .response
        .on_hover_text(format!("{label}: chosen from nations.toml"));
    });
    edited
}

/// "Valid from"/"Valid to": a phase or event from events.toml, or a date typed.
pub fn validity_field(ui: &mut Ui, label: &str, text: &mut String, scenario: &Scenario) -> Edited {
    let mut edited = Edited::default();
    ui.horizontal(|ui| {
        let caption = ui.label(label);
        let response = ui
            .add(
                egui::TextEdit::singleline(text)
                    .hint_text("YYYY-MM-DD or a phase")
                    .desired_width(150.0),
            )
            .labelled_by(caption.id);
        edited.changed = response.changed();
        edited.committed = response.lost_focus();
        ui.menu_button("⏷", |ui| {
            let choices = std::iter::once(("", "None".to_owned()))
                .chain(
                    scenario
                        .phases
                        .iter()
                        .map(|p| (p.id.as_str(), format!("{} ({})", p.title, p.id))),
                )
                .chain(
                    scenario
                        .events
                        .iter()
                        .map(|e| (e.id.as_str(), format!("{} ({})", e.title, e.id))),
                );
            for (id, shown) in choices {
                if ui.button(shown).clicked() {
                    *text = id.to_owned();
                    edited = Edited::CHOSEN;
                    ui.close();
                }
            }
        })
        .response
        .on_hover_text(format!("{label}: a phase or event of events.toml"));
    });
    edited
}

/// The sources of a record: each with title, link and date; add, remove, reorder.
pub fn sources_editor(ui: &mut Ui, sources: &mut Vec<SourceDraft>) -> Edited {
    let mut edited = Edited::default();
    ui.strong("Sources");
    if sources.is_empty() {
        ui.label(RichText::new("none yet").weak());
    }
    let mut action = None;
    let count = sources.len();
    for (index, source) in sources.iter_mut().enumerate() {
        ui.push_id(("source", index), |ui| {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                let number = index + 1;
                edited.add(text_field(
                    ui,
                    &format!("Source {number} title"),
                    &mut source.title,
                    1,
                ));
                edited.add(text_field(
                    ui,
                    &format!("Source {number} link"),
                    &mut source.url,
                    1,
                ));
                edited.add(text_field(
                    ui,
                    &format!("Source {number} date"),
                    &mut source.date,
                    1,
                ));
                ui.horizontal(|ui| {
                    if ui.add_enabled(index > 0, egui::Button::new("⏶")).clicked() {
                        action = Some((index, -1));
                    }
                    if ui
                        .add_enabled(index + 1 < count, egui::Button::new("⏷"))
                        .clicked()
                    {
                        action = Some((index, 1));
                    }
                    if ui.button(format!("Remove source {number}")).clicked() {
                        action = Some((index, 0));
                    }
                });
            });
        });
    }
    match action {
        Some((index, 0)) => {
            sources.remove(index);
            edited = Edited::CHOSEN;
        }
        Some((index, step)) => {
            let other = index.saturating_add_signed(step);
            sources.swap(index, other);
            edited = Edited::CHOSEN;
        }
        None => {}
    }
    if ui.button("Add source").clicked() {
        sources.push(SourceDraft::default());
        // A new, empty source is not written until its title is typed.
        edited.changed = true;
    }
    edited
}

/// The checks' messages for a form, errors first; "ready" when there are none.
pub fn problems_list(ui: &mut Ui, problems: &[Diagnostic]) {
    if problems.is_empty() {
        ui.label(RichText::new("✔ Passes every check").color(Color32::from_rgb(30, 130, 60)));
        return;
    }
    let mut sorted: Vec<&Diagnostic> = problems.iter().collect();
    sorted.sort_by_key(|d| !d.is_error());
    for problem in sorted {
        let (mark, colour) = match problem.severity {
            Severity::Error => ("✖", Color32::from_rgb(200, 40, 40)),
            Severity::Warning => ("⚠", Color32::from_rgb(190, 130, 0)),
        };
        let field = match &problem.location {
            crate::io::Location::Record {
                field: Some(field), ..
            } => format!("{field}: "),
            _ => String::new(),
        };
        ui.label(RichText::new(format!("{mark} {field}{}", problem.message)).color(colour));
    }
}

/// The checks' messages in a block of steady height, so the fields below do not jump
/// while typing makes a message come or go.
pub fn checks_block(ui: &mut Ui, problems: &[Diagnostic]) {
    ui.allocate_ui_with_layout(
        egui::vec2(ui.available_width(), 0.0),
        egui::Layout::top_down(egui::Align::Min),
        |ui| {
            ui.set_min_height(66.0);
            ui.strong("Checks");
            problems_list(ui, problems);
        },
    );
}

/// The last save's outcome, on a line that is always there.
pub fn saved_line(ui: &mut Ui, last_saved: Option<&str>) {
    ui.label(RichText::new(last_saved.unwrap_or(" ")).weak());
}
