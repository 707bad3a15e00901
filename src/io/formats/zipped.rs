//! Zip archives (a KMZ, a zipped Shapefile), read from memory with every member's
//! unpacked size bounded, so a zip bomb is refused rather than unpacked.

use std::io::{Cursor, Read};

use super::OverlayFormat;
use crate::io::diagnostic::{Diagnostic, Severity};

/// The most a whole archive may unpack to, as much as a file Backstop reads directly.
const MAX_UNPACKED_BYTES: u64 = crate::io::MAX_FILE_BYTES;

/// What a zip holds, from the names in its first bytes: a Shapefile when a `.shp` is
/// named there, a KMZ when a `.kml` is.
pub(super) fn zip_kind(bytes: &[u8]) -> Option<OverlayFormat> {
    let names = member_names(bytes).ok()?;
    let has = |ext: &str| names.iter().any(|n| n.to_lowercase().ends_with(ext));
    if has(".shp") {
        Some(OverlayFormat::ZippedShapefile)
    } else if has(".kml") {
        Some(OverlayFormat::Kmz)
    } else {
        None
    }
}

/// The names of an archive's members.
pub(super) fn member_names(bytes: &[u8]) -> Result<Vec<String>, String> {
    let archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a readable zip archive: {e}"))?;
    Ok(archive
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect())
}

/// Unpacks the member called `name` (case-insensitive), at most the size limit.
pub(super) fn member(bytes: &[u8], name: &str) -> Result<Option<Vec<u8>>, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a readable zip archive: {e}"))?;
    for index in 0..archive.len() {
        let mut entry = archive
            .by_index(index)
            .map_err(|e| format!("member {index} of the archive cannot be read: {e}"))?;
        let matches = entry.name().is_ok_and(|n| n.eq_ignore_ascii_case(name));
        if !matches || entry.is_dir() {
            continue;
        }
        let mut out = Vec::with_capacity(entry.size().min(MAX_UNPACKED_BYTES) as usize);
        (&mut entry)
            .take(MAX_UNPACKED_BYTES + 1)
            .read_to_end(&mut out)
            .map_err(|e| format!("{name} in the archive cannot be unpacked: {e}"))?;
        if out.len() as u64 > MAX_UNPACKED_BYTES {
            return Err(format!(
                "{name} unpacks to more than {} MB; refused",
                MAX_UNPACKED_BYTES / 1_000_000
            ));
        }
        return Ok(Some(out));
    }
    Ok(None)
}

/// The KML document of a KMZ: `doc.kml` when there is one, else the first `.kml` at the
/// top level, else the first anywhere. Images and models beside it are not read.
pub(super) fn kml_of_kmz(file: &str, bytes: &[u8]) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let fail = |message: String| vec![Diagnostic::file(file, Severity::Error, message)];
    let names = member_names(bytes).map_err(fail)?;
    let kml: Vec<&String> = names
        .iter()
        .filter(|n| n.to_lowercase().ends_with(".kml"))
        .collect();
    let chosen = kml
        .iter()
        .find(|n| n.eq_ignore_ascii_case("doc.kml"))
        .or_else(|| kml.iter().find(|n| !n.contains('/')))
        .or_else(|| kml.first())
        .ok_or_else(|| fail("the KMZ holds no .kml document".into()))?;
    member(bytes, chosen)
        .map_err(fail)?
        .ok_or_else(|| fail(format!("{chosen} is listed in the KMZ but cannot be found")))
}
