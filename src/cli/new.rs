//! `backstop new DIR [--blank]`: a scenario folder to edit, copied from the built-in
//! scenario or blank.

use std::io::Write;
use std::path::Path;

use crate::io::authoring::{NewScenario, write_new_scenario};

/// Makes the scenario folder `dir`; says what was written, or why not (a folder that
/// exists and is not empty is refused). Returns the exit code.
pub fn new_scenario(dir: &Path, blank: bool, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let kind = if blank {
        NewScenario::Blank
    } else {
        NewScenario::CopyOfBuiltin
    };
    match write_new_scenario(dir, kind) {
        Ok(files) => {
            let what = if blank {
                "a blank scenario"
            } else {
                "a copy of the built-in scenario"
            };
            let _ = writeln!(
                out,
                "{}: {what}, {} files. Open it with `backstop {}`; check it with `backstop check {}`.",
                dir.display(),
                files.len(),
                dir.display(),
                dir.display()
            );
            super::EXIT_OK
        }
        Err(message) => {
            let _ = writeln!(err, "backstop new: {message}");
            super::EXIT_USAGE
        }
    }
}
