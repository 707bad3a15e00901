//! Records of a TOML file's arrays of tables (`[[events]]`, `[[phases]]`, `[[layers]]`)
//! edited in place with toml_edit: a field set or removed, a record added, removed or
//! moved, and nothing else touched.

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

/// What to do with one field of a record.
#[derive(Debug, Clone)]
pub enum FieldChange {
    /// Leave it as it is.
    Keep,
    /// Take it out.
    Remove,
    /// Set it (its old comment kept).
    Set(Value),
    /// Set it to an item made elsewhere (a list of sources, say).
    SetItem(Item),
}

impl FieldChange {
    /// Set to `text`, or removed when it is empty, if `changed`.
    pub fn text(changed: bool, text: &str) -> Self {
        match (changed, text.trim()) {
            (false, _) => FieldChange::Keep,
            (true, "") => FieldChange::Remove,
            (true, text) => FieldChange::Set(Value::from(text)),
        }
    }
}

/// Parses `text` as TOML to edit; the error names `file`.
pub fn parse_document(file: &str, text: &str) -> Result<DocumentMut, String> {
    text.parse()
        .map_err(|e| format!("{file} cannot be edited: {e}"))
}

fn records_mut<'d>(
    document: &'d mut DocumentMut,
    array: &str,
) -> Result<&'d mut ArrayOfTables, String> {
    if !document.contains_key(array) {
        document.insert(array, Item::ArrayOfTables(ArrayOfTables::new()));
    }
    document
        .get_mut(array)
        .and_then(Item::as_array_of_tables_mut)
        .ok_or_else(|| format!("\"{array}\" is not a list of [[{array}]] tables"))
}

fn position_of(records: &ArrayOfTables, key: &str, id: &str) -> Option<usize> {
    records
        .iter()
        .position(|t| t.get(key).and_then(Item::as_str) == Some(id))
}

/// Applies `changes` to the record of `array` whose `key` is `id`, or to a new record
/// at the end when `id` is `None`.
pub fn edit_record(
    file: &str,
    text: &str,
    array: &str,
    key: &str,
    id: Option<&str>,
    changes: Vec<(&str, FieldChange)>,
) -> Result<String, String> {
    let mut document = parse_document(file, text)?;
    let records = records_mut(&mut document, array)?;
    let table: &mut Table = match id {
        Some(id) => {
            let index = position_of(records, key, id)
                .ok_or_else(|| format!("{file} no longer has a [[{array}]] \"{id}\""))?;
            records
                .get_mut(index)
                .ok_or_else(|| format!("{file}: [[{array}]] \"{id}\" cannot be edited"))?
        }
        None => {
            let mut table = Table::new();
            table.decor_mut().set_prefix("\n");
            records.push(table);
            let last = records.len().saturating_sub(1);
            records
                .get_mut(last)
                .ok_or_else(|| format!("{file}: the new [[{array}]] could not be added"))?
        }
    };
    for (field, change) in changes {
        match change {
            FieldChange::Keep => {}
            FieldChange::Remove => {
                table.remove(field);
            }
            FieldChange::Set(value) => super::toml_values::set_value(table, field, value),
            FieldChange::SetItem(item) => {
                table.insert(field, item);
            }
        }
    }
    Ok(document.to_string())
}

/// `text` without the record of `array` whose `key` is `id`.
pub fn remove_record(
    file: &str,
    text: &str,
    array: &str,
    key: &str,
    id: &str,
) -> Result<String, String> {
    let mut document = parse_document(file, text)?;
    let records = records_mut(&mut document, array)?;
    let index = position_of(records, key, id)
        .ok_or_else(|| format!("{file} has no [[{array}]] \"{id}\""))?;
    records.remove(index);
    Ok(document.to_string())
}

/// `text` with the record of `array` whose `key` is `id` moved `step` places (−1 up,
/// +1 down) among its kind; each record takes its comments with it.
pub fn move_record(
    file: &str,
    text: &str,
    array: &str,
    key: &str,
    id: &str,
    step: isize,
) -> Result<String, String> {
    let mut document = parse_document(file, text)?;
    let records = records_mut(&mut document, array)?;
    let index = position_of(records, key, id)
        .ok_or_else(|| format!("{file} has no [[{array}]] \"{id}\""))?;
    let other = index
        .checked_add_signed(step)
        .filter(|o| *o < records.len())
        .ok_or_else(|| format!("[[{array}]] \"{id}\" cannot move further"))?;
    let mut tables: Vec<Table> = records.iter().cloned().collect();
    // Where each table sits in the document, and the comment above it, stay with the
    // place, not the table: other tables between the records stay where they were, and
    // a section's heading comment stays at the top of the section.
    let (a, b) = (tables[index].position(), tables[other].position());
    let (a_decor, b_decor) = (tables[index].decor().clone(), tables[other].decor().clone());
    tables.swap(index, other);
    tables[index].set_position(a);
    tables[other].set_position(b);
    *tables[index].decor_mut() = a_decor;
    *tables[other].decor_mut() = b_decor;
    records.clear();
    for table in tables {
        records.push(table);
    }
    Ok(document.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# top\n\n[[phases]]\nid = \"a\" # first\ntitle = \"A\"\n\n# about b\n[[phases]]\nid = \"b\"\ntitle = \"B\"\n";

    #[test]
    fn a_field_set_keeps_everything_else_byte_for_byte() {
        let changes = vec![("title", FieldChange::text(true, "Bee"))];
        let edited = edit_record("events.toml", TEXT, "phases", "id", Some("b"), changes);
        assert_eq!(edited, Ok(TEXT.replace("title = \"B\"", "title = \"Bee\"")));
    }

    #[test]
    fn a_moved_record_leaves_the_comments_above_the_places_where_they_were() {
        let moved = move_record("events.toml", TEXT, "phases", "id", "b", -1);
        assert_eq!(
            moved,
            Ok("# top\n\n[[phases]]\nid = \"b\"\ntitle = \"B\"\n\n# about b\n[[phases]]\nid = \"a\" # first\ntitle = \"A\"\n".to_owned())
        );
    }

    #[test]
    fn a_record_cannot_move_past_the_end() {
        assert!(move_record("events.toml", TEXT, "phases", "id", "b", 1).is_err());
    }
}
