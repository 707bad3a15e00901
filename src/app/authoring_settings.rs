//! Edit mode's scenario-wide forms: the settings and layers of scenario.toml (title,
//! caveat, buffer width, each layer's title, style and order) and the events and phases
//! of events.toml. Each save is one write through `edit_file`, one undo step.

use super::{AuthorCommand, BackstopApp, Command};
use crate::io::authoring::{
    LayerStyleDraft, SettingsDraft, TimelineDraft, TimelineKind, check_settings,
    check_timeline_draft,
};

const SCENARIO: &str = "scenario.toml";
const EVENTS: &str = "events.toml";

impl BackstopApp {
    /// Applies the settings, layer and timeline commands.
    pub(super) fn apply_settings_edit(&mut self, command: AuthorCommand) {
        let scenario = self.documents.report.scenario.clone();
        let authoring = &mut self.authoring;
        match command {
            AuthorCommand::ShowSettings(show) => {
                authoring.settings = show.then(|| SettingsDraft::of(&scenario));
                authoring.layer_style = None;
                self.check_settings_draft();
            }
            AuthorCommand::SetSettingsDraft(draft) => {
                authoring.settings = Some(draft);
                self.check_settings_draft();
            }
            AuthorCommand::SaveSettings => self.save_settings(),
            AuthorCommand::SetLayerStyleDraft(draft) => authoring.layer_style = draft,
            AuthorCommand::SaveLayerStyle => self.save_layer_style(),
            AuthorCommand::MoveLayer { id, step } => {
                let retry = Command::Author(AuthorCommand::MoveLayer {
                    id: id.clone(),
                    step,
                });
                self.edit_file(SCENARIO, retry, |text| {
                    crate::io::authoring::move_record(SCENARIO, text, "layers", "id", &id, step)
                });
            }
            AuthorCommand::SaveRingSet(after) => {
                let problems = crate::io::authoring::check_ring_set(&after);
                if let Some(problem) = problems.iter().find(|d| d.is_error()) {
                    self.toast(format!("Ring set not saved: {}", problem.message), true);
                    return;
                }
                let Some(before) = scenario
                    .ring_sets
                    .iter()
                    .find(|s| s.id == after.id)
                    .map(crate::io::authoring::RingSetDraft::of)
                else {
                    return;
                };
                let retry = Command::Author(AuthorCommand::SaveRingSet(after.clone()));
                self.edit_file(SCENARIO, retry, |text| {
                    crate::io::authoring::write_ring_set(text, &before, &after)
                });
            }
            AuthorCommand::ShowTimelineEditor(show) => {
                authoring.show_timeline_editor = show;
                if !show {
                    authoring.timeline = None;
                }
            }
            AuthorCommand::EditTimeline { kind, id } => {
                authoring.timeline = timeline_draft_of(&scenario, kind, &id);
                authoring.last_saved = None;
                self.check_timeline();
            }
            AuthorCommand::AddTimeline(kind) => {
                authoring.timeline = Some(TimelineDraft::blank(kind, &scenario));
                authoring.last_saved = None;
                self.check_timeline();
            }
            AuthorCommand::SetTimelineDraft(draft) => {
                authoring.timeline = draft;
                self.check_timeline();
            }
            AuthorCommand::SaveTimeline => self.save_timeline(),
            AuthorCommand::RemoveTimeline { kind, id } => {
                let retry = Command::Author(AuthorCommand::RemoveTimeline {
                    kind,
                    id: id.clone(),
                });
                if self.edit_file(EVENTS, retry, |text| {
                    crate::io::authoring::remove_record(EVENTS, text, kind.array(), "id", &id)
                }) && self
                    .authoring
                    .timeline
                    .as_ref()
                    .is_some_and(|t| t.original_id.as_deref() == Some(id.as_str()))
                {
                    self.authoring.timeline = None;
                }
            }
            AuthorCommand::MoveTimeline { kind, id, step } => {
                let retry = Command::Author(AuthorCommand::MoveTimeline {
                    kind,
                    id: id.clone(),
                    step,
                });
                self.edit_file(EVENTS, retry, |text| {
                    crate::io::authoring::move_record(EVENTS, text, kind.array(), "id", &id, step)
                });
            }
            other => log::warn!("not an authoring command: {other:?}"),
        }
    }

    fn check_settings_draft(&mut self) {
        let has_buffer = self.documents.report.scenario.buffer.is_some();
        self.authoring.settings_problems = match &self.authoring.settings {
            Some(draft) => check_settings(draft, has_buffer),
            None => Vec::new(),
        };
    }

    fn save_settings(&mut self) {
        self.check_settings_draft();
        let Some(after) = self.authoring.settings.clone() else {
            return;
        };
        if self
            .authoring
            .settings_problems
            .iter()
            .any(|d| d.is_error())
        {
            self.authoring.last_saved = Some("Not saved: see the problems above".into());
            return;
        }
        let before = SettingsDraft::of(&self.documents.report.scenario);
        let retry = Command::Author(AuthorCommand::SaveSettings);
        self.edit_file(SCENARIO, retry, |text| {
            crate::io::authoring::write_settings(text, &before, &after)
        });
    }

    fn save_layer_style(&mut self) {
        let Some(after) = self.authoring.layer_style.clone() else {
            return;
        };
        if after.title.trim().is_empty() {
            self.toast("A layer needs a title", true);
            return;
        }
        let Some(before) = self
            .documents
            .report
            .scenario
            .layer(&after.id)
            .map(LayerStyleDraft::of)
        else {
            return;
        };
        let retry = Command::Author(AuthorCommand::SaveLayerStyle);
        self.edit_file(SCENARIO, retry, |text| {
            crate::io::authoring::write_layer_style(text, &before, &after)
        });
    }

    /// Checks the event or phase draft again.
    pub(super) fn check_timeline(&mut self) {
        self.authoring.timeline_problems = match &self.authoring.timeline {
            Some(draft) => check_timeline_draft(draft, &self.documents.report.scenario),
            None => Vec::new(),
        };
    }

    fn save_timeline(&mut self) {
        self.check_timeline();
        let Some(after) = self.authoring.timeline.clone() else {
            return;
        };
        if self
            .authoring
            .timeline_problems
            .iter()
            .any(|d| d.is_error())
        {
            self.authoring.last_saved = Some("Not saved: see the problems above".into());
            return;
        }
        let scenario = &self.documents.report.scenario;
        let before = after
            .original_id
            .as_deref()
            .and_then(|id| timeline_draft_of(scenario, after.kind, id))
            .unwrap_or_else(|| TimelineDraft::blank(after.kind, scenario));
        let retry = Command::Author(AuthorCommand::SaveTimeline);
        if self.edit_file(EVENTS, retry, |text| {
            crate::io::authoring::write_timeline(text, &before, &after)
        }) {
            let mut written = after;
            written.original_id = Some(written.id.trim().to_owned());
            self.authoring.timeline = Some(written);
        }
    }
}

/// The form's copy of the event or phase `id` of `scenario`.
fn timeline_draft_of(
    scenario: &crate::model::Scenario,
    kind: TimelineKind,
    id: &str,
) -> Option<TimelineDraft> {
    match kind {
        TimelineKind::Event => scenario
            .events
            .iter()
            .find(|e| e.id == id)
            .map(TimelineDraft::of_event),
        TimelineKind::Phase => scenario
            .phases
            .iter()
            .find(|p| p.id == id)
            .map(TimelineDraft::of_phase),
    }
}
