//! Applying what the user chose to see: the time (and Play stepping through it), filters,
//! basemap layers, and how the tables sort.

use std::time::{Duration, Instant};

use super::{BackstopApp, Command};

/// How long Play rests on each stop.
pub const PLAY_STEP: Duration = Duration::from_millis(1400);

impl BackstopApp {
    /// Applies a choice command (the others are applied in `apply_command`).
    pub(super) fn apply_choice(&mut self, command: Command) {
        match command {
            Command::SetAsOf(stop) => {
                self.state.shown.as_of = stop.filter(|s| *s < self.documents.timeline.stops.len());
                self.state.playing = false;
            }
            Command::TogglePlay => {
                let playing = !self.state.playing;
                self.state.playing = playing;
                let at_end = self
                    .state
                    .shown
                    .as_of
                    .is_none_or(|s| s + 1 >= self.documents.timeline.stops.len());
                if playing && at_end {
                    self.state.shown.as_of = Some(0);
                }
                self.last_play_step = Some(Instant::now());
            }
            Command::SetFilters(filters) => self.state.shown.filters = filters,
            Command::SetBasemapLayers(layers) => self.state.shown.basemap_layers = layers,
            Command::SortCoalition(sort) => self.dialogs.coalition_sort = sort,
            Command::SortExposure(sort) => self.dialogs.exposure_sort = sort,
            other => log::warn!("not a choice command: {}", other.label()),
        }
    }

    /// While playing, moves the "as of" cursor to the next stop every [`PLAY_STEP`], and
    /// stops at the last.
    pub(super) fn advance_play(&mut self, ctx: &egui::Context) {
        if !self.state.playing {
            return;
        }
        if self.last_play_step.is_none_or(|t| t.elapsed() >= PLAY_STEP) {
            let next = self.state.shown.as_of.map_or(0, |s| s + 1);
            if next >= self.documents.timeline.stops.len() {
                self.state.playing = false;
                return;
            }
            self.state.shown.as_of = Some(next);
            self.last_play_step = Some(Instant::now());
        }
        ctx.request_repaint_after(PLAY_STEP / 4);
    }
}
