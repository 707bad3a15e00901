//! The app's part of each frame, around the panels that `ui::show` draws: before them,
//! the theme, shortcuts, dropped files and the picture; after them, the commands the
//! panels queued, the background jobs, saves, toasts and a pending screenshot.

use super::{BackstopApp, Command, PROJECTOR_SCALE, Theme};

impl BackstopApp {
    /// Before the panels draw: the theme, the keyboard's shortcuts, dropped files, and
    /// the picture brought up to date.
    pub fn begin_frame(&mut self, ctx: &egui::Context) {
        self.jobs.repaint.know(ctx);
        if self.applied_theme.is_none() && (ctx.zoom_factor() - PROJECTOR_SCALE).abs() < 1e-3 {
            // The last run ended while presenting (egui remembers the zoom): start normal.
            ctx.set_zoom_factor(1.0);
        }
        if self.applied_theme != Some(self.state.theme) {
            ctx.set_visuals(match self.state.theme {
                Theme::Light => egui::Visuals::light(),
                Theme::Dark => egui::Visuals::dark(),
            });
            self.applied_theme = Some(self.state.theme);
        }
        self.read_shortcuts(ctx);
        self.read_dropped_files(ctx);
        self.refresh_picture();
    }

    /// After the panels drew: apply what they asked for, follow the background work,
    /// and take a pending screenshot once everything is on screen.
    pub fn end_frame(&mut self, ctx: &egui::Context) {
        if self.fit_pending && self.map_rect.is_some() {
            self.fit_pending = false;
            self.commands.push(Command::FitUkraine);
            ctx.request_repaint();
        }
        self.apply_commands(ctx);
        self.advance_play(ctx);
        self.poll_pending_saves(ctx);
        self.finish_view_screenshot(ctx);
        self.poll_export(ctx);
        self.poll_loading(ctx);
        self.poll_opening_pack(ctx);
        self.poll_overlays(ctx);
        self.poll_deck_export();
        self.poll_watch(ctx);
        self.expire_toasts(ctx);
        if !self.fit_pending
            && self.map_rect.is_some()
            && let Some(started) = self.started.take()
        {
            log::info!(
                "first full frame {} ms after start",
                started.elapsed().as_millis()
            );
        }
        let settled = self.map_rect.is_some()
            && self.overlays.is_settled()
            && self.basemaps.is_settled()
            && !self.is_loading();
        if let Some(task) = &mut self.screenshot
            && task.step(ctx, settled)
        {
            self.screenshot = None;
        }
    }

    fn read_shortcuts(&mut self, ctx: &egui::Context) {
        // Only typing owns the keyboard; a focused button does not stop the map's keys.
        if ctx.text_edit_focused() {
            return;
        }
        for command in Command::WITH_SHORTCUTS {
            if let Some(shortcut) = command.shortcut()
                && ctx.input_mut(|i| i.consume_shortcut(&shortcut))
            {
                if matches!(command, Command::NextHub | Command::PreviousHub) {
                    // Tab cycles hubs here, not keyboard focus through the panels.
                    if let Some(focused) = ctx.memory(|m| m.focused()) {
                        ctx.memory_mut(|m| m.surrender_focus(focused));
                    }
                    ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
                }
                self.commands.push(command.clone());
            }
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Y)) {
            self.commands.push(Command::Redo);
        }
        // "?" opens the shortcut list too; on most layouts it needs Shift.
        if ctx.input_mut(|i| {
            i.consume_key(egui::Modifiers::NONE, egui::Key::Questionmark)
                || i.consume_key(egui::Modifiers::SHIFT, egui::Key::Questionmark)
        }) {
            self.commands.push(Command::ToggleHelp);
        }
        // "+" arrives as Equals on many layouts.
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Equals)) {
            self.commands.push(Command::ZoomIn);
        }
    }
}
