//! Edit mode's Events and phases window: every event and phase of events.toml, moved,
//! removed or opened in a form (title, date or "date not known", description, sources).

use egui::Ui;

use super::form_fields::{Edited, problems_list, sources_editor, text_field};
use crate::app::{AuthorCommand, BackstopApp, Command};
use crate::io::authoring::{TimelineDraft, TimelineKind};

fn author(command: AuthorCommand) -> Command {
    Command::Author(command)
}

/// The window, while it is open.
pub fn timeline_editor(ctx: &egui::Context, app: &BackstopApp, commands: &mut Vec<Command>) {
    if !app.authoring.show_timeline_editor {
        return;
    }
    let mut open = true;
    egui::Window::new("Events and phases")
        .open(&mut open)
        .default_width(480.0)
        .vscroll(true)
        .show(ctx, |ui| {
            let scenario = &app.documents.report.scenario;
            let events: Vec<(String, String)> = scenario
                .events
                .iter()
                .map(|e| (e.id.clone(), format!("{} · {}", e.date, e.title)))
                .collect();
            let phases: Vec<(String, String)> = scenario
                .phases
                .iter()
                .map(|p| {
                    let start = p
                        .start
                        .map_or("date not known".to_owned(), |d| d.to_string());
                    (p.id.clone(), format!("{start} · {}", p.title))
                })
                .collect();
            list(ui, TimelineKind::Event, "Events", &events, commands);
            list(ui, TimelineKind::Phase, "Phases", &phases, commands);
            if let Some(draft) = &app.authoring.timeline {
                ui.separator();
                form(ui, app, draft, commands);
            }
        });
    if !open {
        commands.push(author(AuthorCommand::ShowTimelineEditor(false)));
    }
}

fn list(
    ui: &mut Ui,
    kind: TimelineKind,
    heading: &str,
    items: &[(String, String)],
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.strong(heading);
        if ui
            .button(AuthorCommand::AddTimeline(kind).label())
            .clicked()
        {
            commands.push(author(AuthorCommand::AddTimeline(kind)));
        }
    });
    for (index, (id, text)) in items.iter().enumerate() {
        ui.push_id((heading, id), |ui| {
            ui.horizontal(|ui| {
                let step = |step: isize| AuthorCommand::MoveTimeline {
                    kind,
                    id: id.clone(),
                    step,
                };
                if ui
                    .add_enabled(index > 0, egui::Button::new("⏶").small())
                    .clicked()
                {
                    commands.push(author(step(-1)));
                }
                if ui
                    .add_enabled(index + 1 < items.len(), egui::Button::new("⏷").small())
                    .clicked()
                {
                    commands.push(author(step(1)));
                }
                if ui.small_button("✖").on_hover_text("Remove").clicked() {
                    commands.push(author(AuthorCommand::RemoveTimeline {
                        kind,
                        id: id.clone(),
                    }));
                }
                if ui.link(text).clicked() {
                    commands.push(author(AuthorCommand::EditTimeline {
                        kind,
                        id: id.clone(),
                    }));
                }
            });
        });
    }
}

fn form(ui: &mut Ui, app: &BackstopApp, original: &TimelineDraft, commands: &mut Vec<Command>) {
    let mut draft = original.clone();
    ui.heading(match (draft.kind, &draft.original_id) {
        (TimelineKind::Event, None) => "New event",
        (TimelineKind::Event, Some(_)) => "Edit event",
        (TimelineKind::Phase, None) => "New phase",
        (TimelineKind::Phase, Some(_)) => "Edit phase",
    });
    problems_list(ui, &app.authoring.timeline_problems);
    super::form_fields::saved_line(ui, app.authoring.last_saved.as_deref());
    let mut edited = Edited::default();
    edited.add(text_field(ui, "Event title", &mut draft.title, 1));
    edited.add(text_field(ui, "Event id", &mut draft.id, 1));
    match draft.kind {
        TimelineKind::Event => {
            edited.add(text_field(ui, "Date (YYYY-MM-DD)", &mut draft.date, 1));
        }
        TimelineKind::Phase => {
            let mut unknown = draft.date.trim().is_empty();
            if ui.checkbox(&mut unknown, "Start date not known").changed() {
                if unknown {
                    draft.date.clear();
                }
                edited = Edited::CHOSEN;
            }
            if !unknown || !draft.date.is_empty() {
                edited.add(text_field(ui, "Start (YYYY-MM-DD)", &mut draft.date, 1));
            }
            edited.add(text_field(
                ui,
                "End (YYYY-MM-DD, or empty when not known)",
                &mut draft.end,
                1,
            ));
        }
    }
    edited.add(text_field(
        ui,
        "Event description",
        &mut draft.description,
        3,
    ));
    if draft.kind == TimelineKind::Event {
        edited.add(sources_editor(ui, &mut draft.sources));
    }
    if ui.button("Save").clicked() {
        edited.committed = true;
    }
    if draft != *original {
        commands.push(author(AuthorCommand::SetTimelineDraft(Some(draft))));
    }
    if edited.committed {
        commands.push(author(AuthorCommand::SaveTimeline));
    }
}
