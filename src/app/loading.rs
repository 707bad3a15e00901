//! Opening and reloading a scenario: the files are read, checked and prepared for
//! drawing (scene, exposure, timeline, search) on a worker, so a large folder never
//! freezes the window; the app then shows the result in one step.

use std::sync::Arc;

use walkers::lon_lat;

use super::BackstopApp;
use crate::analysis::{HubExposure, SearchIndex, Timeline};
use crate::basemap::Basemap;
use crate::io::{LoadReport, ScenarioFiles, keep_last_good, load_scenario};
use crate::job::{Job, Polled};
use crate::scene::Scene;

/// A scenario read and prepared, ready to be shown.
pub struct PreparedScenario {
    /// Where it was read from.
    pub files: ScenarioFiles,
    /// What loaded, and every problem.
    pub report: LoadReport,
    /// Ready for drawing.
    pub scene: Arc<Scene>,
    /// Each hub's distances to the line and the borders.
    pub exposures: Vec<HubExposure>,
    /// Its events and phases on one axis.
    pub timeline: Timeline,
    /// Everything the search box finds.
    pub search_index: SearchIndex,
}

/// Reads `files` and prepares them; with `previous` (the report shown now, of the same
/// folder) a file that now has errors keeps its last good version.
pub fn prepare_scenario(
    files: ScenarioFiles,
    previous: Option<&LoadReport>,
    basemap: &Basemap,
) -> PreparedScenario {
    let mut report = load_scenario(&files);
    if let Some(previous) = previous {
        report = keep_last_good(report, previous);
    }
    for diagnostic in &report.diagnostics {
        log::warn!("{diagnostic}");
    }
    PreparedScenario {
        scene: Arc::new(Scene::build(&report.scenario)),
        exposures: super::exposures_of(&report.scenario, basemap),
        timeline: Timeline::of(&report.scenario),
        search_index: SearchIndex::build(&report.scenario, basemap),
        files,
        report,
    }
}

impl BackstopApp {
    /// Starts reading the scenario `files` names, in place of the current one, on a
    /// worker; a load already under way is dropped for it.
    pub fn load(&mut self, files: ScenarioFiles) {
        let previous = (files.source() == self.documents.files.source())
            .then(|| self.documents.report.clone());
        let basemap = self.basemap.clone();
        let repaint = self.jobs.repaint.clone();
        self.jobs.loading = Some(Job::spawn(
            "scenario-load",
            move || repaint.wake(),
            move |_| Ok(prepare_scenario(files, previous.as_ref(), &basemap)),
        ));
    }

    /// True while a scenario is being read.
    pub fn is_loading(&self) -> bool {
        self.jobs.loading.is_some()
    }

    /// Shows a scenario that finished loading.
    pub(super) fn poll_loading(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.jobs.loading else {
            return;
        };
        match job.poll() {
            Polled::Running => ctx.request_repaint_after(std::time::Duration::from_millis(50)),
            Polled::Finished(prepared) => {
                self.jobs.loading = None;
                self.show_scenario(prepared);
            }
            Polled::Failed(e) => {
                self.jobs.loading = None;
                self.report_job_failure("read the scenario", &e);
            }
        }
    }

    /// Replaces the scenario with `prepared`; layer choices are kept for layers of the
    /// same id, and the view stays where it is on a reload.
    pub(super) fn show_scenario(&mut self, prepared: PreparedScenario) {
        let PreparedScenario {
            files,
            report,
            scene,
            exposures,
            timeline,
            search_index,
        } = prepared;
        let mut settings = self.settings();
        if files.source() != self.documents.files.source() {
            self.open_documents_of(&files);
            settings.camera = None;
            self.state.selection = None;
            self.fit_pending = report.scenario.view.is_none();
            if let Some(view) = report.scenario.view {
                self.map_memory.center_at(lon_lat(view.lon, view.lat));
                let _ = self.map_memory.set_zoom(view.zoom);
            }
        }
        self.state.shown.visible = report.scenario.layers.iter().map(|l| l.visible).collect();
        self.state.shown.opacity = vec![1.0; report.scenario.layers.len()];
        if self
            .state
            .shown
            .as_of
            .is_some_and(|s| s >= timeline.stops.len())
        {
            self.state.shown.as_of = None;
        }
        (
            self.documents.scene,
            self.documents.exposures,
            self.documents.timeline,
        ) = (scene, exposures, timeline);
        self.documents.search_index = search_index;
        self.documents.report = report;
        self.documents.files = files;
        self.apply_settings(&settings);
        self.refresh_picture();
        self.after_scenario_shown();
    }

    /// Another scenario's slides and annotations: what was typed goes to the old files
    /// first, and undo never reaches back into them.
    fn open_documents_of(&mut self, files: &ScenarioFiles) {
        self.flush_pending_saves();
        let (slides, problems) = super::Slides::load(self.folders.slides_path(files), files);
        self.documents.slides = slides;
        for problem in problems {
            self.toast(problem.message, true);
        }
        let (mut annotations, problems) =
            super::Annotations::load(self.folders.annotations_path(files));
        (annotations.tool, annotations.style) = (
            self.documents.annotations.tool,
            self.documents.annotations.style,
        );
        self.documents.annotations = annotations;
        for problem in problems {
            self.toast(problem, true);
        }
        self.documents.history = super::UndoHistory::default();
    }
}
