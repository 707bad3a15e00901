//! `backstop new`, and an edit that changes only the lines it touches.

use std::path::{Path, PathBuf};

use backstop::app::AuthorCommand;

use super::common::{TestHome, data_copy_harness, walk};
use super::{author, changed_lines, settle};

fn relative_files(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walk(folder)
        .into_iter()
        .filter_map(|f| f.strip_prefix(folder).ok().map(Path::to_path_buf))
        .collect();
    files.sort();
    files
}

#[test]
fn backstop_new_copies_the_built_in_scenario_byte_for_byte_and_it_checks_clean() {
    let home = TestHome::new();
    let folder = home.root().join("briefing");
    let made = home.backstop().arg("new").arg(&folder).output();
    let made = made.unwrap_or_else(|e| panic!("backstop new: {e}"));
    assert!(made.status.success(), "{made:?}");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    assert_eq!(relative_files(&folder), relative_files(&data));
    for file in relative_files(&data) {
        assert_eq!(
            std::fs::read(folder.join(&file)).ok(),
            std::fs::read(data.join(&file)).ok(),
            "{} differs from data/",
            file.display()
        );
    }
    let checked = home.backstop().arg("check").arg(&folder).output();
    let checked = checked.unwrap_or_else(|e| panic!("backstop check: {e}"));
    assert_eq!(checked.status.code(), Some(0), "{checked:?}");
}

#[test]
fn a_blank_scenario_checks_clean_with_no_warnings() {
    let home = TestHome::new();
    let folder = home.root().join("blank");
    let made = home
        .backstop()
        .args(["new", "--blank"])
        .arg(&folder)
        .output();
    assert!(made.is_ok_and(|m| m.status.success()));
    let checked = home.backstop().arg("check").arg(&folder).output();
    let checked = checked.unwrap_or_else(|e| panic!("backstop check: {e}"));
    let said = String::from_utf8_lossy(&checked.stdout);
    assert_eq!(checked.status.code(), Some(0), "{said}");
    assert!(said.contains("0 errors, 0 warnings"), "{said}");
    let report = super::common::load_folder(&folder);
    assert!(report.scenario.hubs.is_empty());
    assert_eq!(
        report.scenario.nations.len(),
        super::common::load_folder(Path::new(env!("CARGO_MANIFEST_DIR")).join("data").as_path())
            .scenario
            .nations
            .len()
    );
}

#[test]
fn backstop_new_refuses_a_folder_that_is_not_empty_and_leaves_it_alone() {
    let home = TestHome::new();
    let folder = home.root().join("mine");
    std::fs::create_dir_all(&folder).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(folder.join("notes.txt"), "keep me").unwrap_or_else(|e| panic!("{e}"));
    let refused = home.backstop().arg("new").arg(&folder).output();
    let refused = refused.unwrap_or_else(|e| panic!("backstop new: {e}"));
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("not empty"));
    assert_eq!(relative_files(&folder), [PathBuf::from("notes.txt")]);
}

#[test]
fn renaming_one_hub_changes_only_its_name_line_and_no_toml_file() {
    let (mut harness, folder) = data_copy_harness();
    let read = |name: &str| std::fs::read_to_string(folder.path().join(name)).unwrap_or_default();
    let tomls = [
        "scenario.toml",
        "nations.toml",
        "events.toml",
        "slides.toml",
    ];
    let before_tomls: Vec<String> = tomls.iter().map(|f| read(f)).collect();
    let before = read("hubs.geojson");
    author(
        &mut harness,
        AuthorCommand::EditHub("hub-odesa-area".into()),
    );
    let mut draft = harness
        .state()
        .authoring
        .hub
        .clone()
        .unwrap_or_else(|| panic!("the hub opens in the form"));
    draft.name = "Maritime hub, Odesa".into();
    author(&mut harness, AuthorCommand::SetHubDraft(Some(draft)));
    author(&mut harness, AuthorCommand::SaveHub);
    settle(&mut harness);
    let after = read("hubs.geojson");
    assert_eq!(
        changed_lines(&before, &after),
        [(178, "    \"name\": \"Maritime hub, Odesa\",".to_owned())]
    );
    let after_tomls: Vec<String> = tomls.iter().map(|f| read(f)).collect();
    assert_eq!(before_tomls, after_tomls);
    let scenario = &harness.state().documents.report.scenario;
    assert_eq!(
        scenario.hub("hub-odesa-area").map(|h| h.name.as_str()),
        Some("Maritime hub, Odesa")
    );
}
