//! The Slides panel: the deck as a list (click to show, drag or arrows to reorder), the
//! current slide's title, caption and notes, and the buttons that add, update,
//! duplicate, delete and present.

use egui::RichText;

use crate::app::{BackstopApp, Command, UndoDomain};
use crate::model::SlideAnnotations;

/// The Slides panel, on the left.
pub fn slides_panel(ui: &mut egui::Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    egui::Panel::left("slides_panel")
        .resizable(true)
        .default_size(280.0)
        .min_size(220.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("Slides");
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let present = ui
                        .add_enabled(
                            !app.documents.slides.deck.slides.is_empty(),
                            egui::Button::new(RichText::new("Present").strong()),
                        )
                        .on_hover_text("Full screen from the current slide (F5); Esc leaves");
                    if present.clicked() {
                        commands.push(Command::StartPresenting);
                    }
                });
            });
            ui.horizontal_wrapped(|ui| {
                if ui
                    .button("Add slide")
                    .on_hover_text("The current view, layers, filters and time as a new slide")
                    .clicked()
                {
                    commands.push(Command::AddSlide);
                }
                if ui
                    .add_enabled(app.documents.history.can_undo(), egui::Button::new("Undo"))
                    .clicked()
                {
                    commands.push(Command::Undo);
                }
                if ui
                    .add_enabled(app.documents.history.can_redo(), egui::Button::new("Redo"))
                    .clicked()
                {
                    commands.push(Command::Redo);
                }
            });
            deck_export(ui, app, commands);
            ui.separator();
            slide_list(ui, app, commands);
            ui.separator();
            current_slide(ui, app, commands);
        });
}

/// "Export slides…", or the progress of one under way.
fn deck_export(ui: &mut egui::Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    match &app.jobs.deck {
        Some(deck) => {
            ui.label(format!(
                "Exporting slides to {}",
                deck.target.path().display()
            ));
            let (done, total) = deck.counts();
            ui.horizontal(|ui| {
                ui.add(
                    egui::ProgressBar::new(deck.job.fraction())
                        .text(format!("{done} of {total}"))
                        .desired_width(180.0)
                        .animate(true),
                );
                if ui.button("Cancel").clicked() {
                    commands.push(Command::CancelDeckExport);
                }
            });
        }
        None => {
            use crate::app::{DeckTarget, default_deck_file, default_deck_folder};
            let any = !app.documents.slides.deck.slides.is_empty();
            ui.horizontal_wrapped(|ui| {
                if ui
                    .add_enabled(any, egui::Button::new("Export slides…"))
                    .on_hover_text("One 1920×1080 PNG per slide, in a new folder in Pictures")
                    .clicked()
                {
                    commands.push(Command::ExportSlides(DeckTarget::Pictures(
                        default_deck_folder(&app.folders),
                    )));
                }
                if ui
                    .add_enabled(any, egui::Button::new("PowerPoint…"))
                    .on_hover_text(
                        "Export slides as PowerPoint: one 16:9 slide each, the map full-bleed, \
                         title, caption, caveat and sources as text boxes, notes in the notes \
                         page (a .pptx in Pictures)",
                    )
                    .clicked()
                {
                    commands.push(Command::ExportSlides(DeckTarget::PowerPoint(
                        default_deck_file(&app.folders, "pptx"),
                    )));
                }
                if ui
                    .add_enabled(any, egui::Button::new("PDF handout…"))
                    .on_hover_text(
                        "One A4 page per slide, drawn as vectors; with notes, portrait pages \
                         with the speaker notes under each slide (a .pdf in Pictures)",
                    )
                    .clicked()
                {
                    commands.push(Command::ExportSlides(DeckTarget::Handout {
                        path: default_deck_file(&app.folders, "pdf"),
                        notes: app.dialogs.handout_notes,
                    }));
                }
                let mut notes = app.dialogs.handout_notes;
                if ui
                    .checkbox(&mut notes, "with notes")
                    .on_hover_text(
                        "The handout's pages are portrait, with the speaker notes under each slide",
                    )
                    .changed()
                {
                    commands.push(Command::SetHandoutNotes(notes));
                }
            });
        }
    }
}

/// The list: one row per slide, draggable, with arrows for the keyboard and tests.
fn slide_list(ui: &mut egui::Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    let count = app.documents.slides.deck.slides.len();
    if count == 0 {
        ui.label(RichText::new("No slides yet: frame the map, then Add slide.").weak());
        return;
    }
    egui::ScrollArea::vertical()
        .max_height(280.0)
        .id_salt("slide_list")
        .show(ui, |ui| {
            let mut dropped: Option<(usize, usize)> = None;
            for (index, slide) in app.documents.slides.deck.slides.iter().enumerate() {
                let selected = app.documents.slides.current == Some(index);
                let row = ui.horizontal(|ui| {
                    let handle = ui
                        .dnd_drag_source(ui.scope_id().with(("slide", index)), index, |ui| {
                            grip(ui);
                        })
                        .response;
                    handle.on_hover_text("Drag to reorder");
                    // Arrows first: the title takes what room is left, cut at the edge.
                    let down = ui.add_enabled(index + 1 < count, egui::Button::new("⏷").small());
                    let name = format!("Move slide {} down", index + 1);
                    down.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                    if down.clicked() {
                        commands.push(Command::MoveSlide(index, index + 1));
                    }
                    let up = ui.add_enabled(index > 0, egui::Button::new("⏶").small());
                    let name = format!("Move slide {} up", index + 1);
                    up.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                    if up.clicked() {
                        commands.push(Command::MoveSlide(index, index - 1));
                    }
                    let text = format!("{}. {}", index + 1, slide.title);
                    if ui
                        .selectable_label(selected, text)
                        .on_hover_text(&slide.caption)
                        .clicked()
                    {
                        commands.push(Command::GoToSlide(index));
                    }
                });
                if let Some(from) = row.response.dnd_release_payload::<usize>() {
                    dropped = Some((*from, index));
                }
            }
            if let Some((from, to)) = dropped
                && from != to
            {
                commands.push(Command::MoveSlide(from, to));
            }
        });
}

/// Title, caption and notes of the current slide, and what can be done with it.
fn current_slide(ui: &mut egui::Ui, app: &BackstopApp, commands: &mut Vec<Command>) {
    let Some(index) = app
        .documents
        .slides
        .current
        .filter(|i| *i < app.documents.slides.deck.slides.len())
    else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Update from view")
            .on_hover_text("Give this slide the current view, layers, filters and time")
            .clicked()
        {
            commands.push(Command::UpdateSlide(index));
        }
        if ui.button("Duplicate").clicked() {
            commands.push(Command::DuplicateSlide(index));
        }
        if ui.button("Delete").clicked() {
            commands.push(Command::DeleteSlide(index));
        }
    });
    let slide = app.documents.slides.deck.slides[index].clone();
    let (mut title, mut caption, mut notes) = (slide.title, slide.caption, slide.notes);
    let label = ui.label("Title");
    let title_edit = ui
        .add(egui::TextEdit::singleline(&mut title).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    let label = ui.label("Caption (on the slide)");
    let caption_edit = ui
        .add(
            egui::TextEdit::multiline(&mut caption)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    let label = ui.label("Speaker notes");
    let notes_edit = ui
        .add(
            egui::TextEdit::multiline(&mut notes)
                .desired_rows(4)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    annotations_choice(ui, app, index, commands);
    let edits = [&title_edit, &caption_edit, &notes_edit];
    // One undo step per field edited: taken when typing starts there.
    if edits.iter().any(|e| e.gained_focus()) {
        commands.push(Command::Checkpoint(UndoDomain::Slides));
    }
    if edits.iter().any(|e| e.changed()) {
        commands.push(Command::EditSlideWords {
            index,
            title,
            caption,
            notes,
        });
    }
    if edits.iter().any(|e| e.lost_focus()) {
        commands.push(Command::SaveSlides);
    }
}

/// Which annotations the slide shows: all, none, or those selected now.
fn annotations_choice(
    ui: &mut egui::Ui,
    app: &BackstopApp,
    index: usize,
    commands: &mut Vec<Command>,
) {
    let Some(current) = app
        .documents
        .slides
        .deck
        .slides
        .get(index)
        .map(|s| s.annotations.clone())
    else {
        return;
    };
    let selected = app.documents.annotations.selected.clone();
    ui.label("Annotations on this slide");
    let mut choice = None;
    ui.horizontal_wrapped(|ui| {
        if ui
            .radio(current == SlideAnnotations::All, "All annotations")
            .clicked()
        {
            choice = Some(SlideAnnotations::All);
        }
        if ui
            .radio(current == SlideAnnotations::None, "No annotations")
            .clicked()
        {
            choice = Some(SlideAnnotations::None);
        }
        let only = matches!(current, SlideAnnotations::Only(_));
        let label = format!("Only the {} selected", selected.len());
        if ui
            .add_enabled(
                !selected.is_empty() || only,
                egui::RadioButton::new(only, label),
            )
            .on_hover_text("Select annotations on the map (Select tool, Shift for more) first")
            .clicked()
        {
            choice = Some(SlideAnnotations::Only(selected.clone()));
        }
    });
    if let Some(choice) = choice {
        commands.push(Command::SetSlideAnnotations(index, choice));
    }
}

/// A drag handle: three short bars.
fn grip(ui: &mut egui::Ui) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 16.0), egui::Sense::hover());
    let colour = ui.visuals().weak_text_color();
    for row in 0..3 {
        let y = rect.top() + 4.0 + row as f32 * 4.0;
        ui.painter().line_segment(
            [
                egui::pos2(rect.left() + 2.0, y),
                egui::pos2(rect.right() - 2.0, y),
            ],
            egui::Stroke::new(1.5, colour),
        );
    }
}
