//! How much memory a user overlay may take, so a file too big for this machine is
//! refused before it is read, with a message that says so, rather than ending in an
//! out-of-memory crash half-way.

/// What a loaded overlay costs, at most, per byte of its file while it is read: the
/// file's bytes, its coordinates as `f64` and the meshes of the zoom levels viewed.
/// Measured: the 50 MB stress GeoJSON peaks at about 2 bytes per byte of file.
const BYTES_NEEDED_PER_FILE_BYTE: u64 = 3;

/// The share of the free memory an overlay may take (the rest is the system's and the
/// app's).
const SHARE_OF_FREE: f64 = 0.75;

/// Where `/proc/meminfo` is not there (macOS, Windows), assume this much is free.
const ASSUMED_FREE_BYTES: u64 = 4 << 30;

/// The memory the system says is available now, in bytes.
pub fn available_memory() -> u64 {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|text| mem_available(&text))
        .unwrap_or(ASSUMED_FREE_BYTES)
}

/// `MemAvailable` of a `/proc/meminfo` text, in bytes.
fn mem_available(meminfo: &str) -> Option<u64> {
    let line = meminfo.lines().find(|l| l.starts_with("MemAvailable:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// The largest overlay file that fits in `free` bytes of memory.
pub fn largest_overlay_for(free: u64) -> u64 {
    (free as f64 * SHARE_OF_FREE) as u64 / BYTES_NEEDED_PER_FILE_BYTE
}

/// Why a file of `size` bytes is refused with `free` bytes available, or `None` when it
/// fits.
pub fn too_big_for_memory(size: u64, free: u64) -> Option<String> {
    let largest = largest_overlay_for(free);
    (size > largest).then(|| {
        format!(
            "the file is {}, and loading it needs about {} of memory; {} is free, enough for files up to {} (simplify it first, e.g. with ogr2ogr -simplify, or close other programs)",
            megabytes(size),
            megabytes(size.saturating_mul(BYTES_NEEDED_PER_FILE_BYTE)),
            megabytes(free),
            megabytes(largest),
        )
    })
}

fn megabytes(bytes: u64) -> String {
    if bytes >= 10_000_000_000 {
        format!("{:.0} GB", bytes as f64 / 1e9)
    } else if bytes >= 1_000_000_000 {
        format!("{:.1} GB", bytes as f64 / 1e9)
    } else {
        format!("{:.0} MB", bytes as f64 / 1e6)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_free_memory_is_read_from_meminfo() {
        let text = "MemTotal:       24000000 kB\nMemFree:  100 kB\nMemAvailable:   20000000 kB\n";
        assert_eq!(mem_available(text), Some(20_000_000 * 1024));
        assert_eq!(mem_available("MemTotal: 5 kB\n"), None);
    }

    #[test]
    fn a_file_bigger_than_the_memory_allows_is_refused_with_the_figures() {
        let free = 2_000_000_000;
        assert!(too_big_for_memory(200_000_000, free).is_none());
        let message = too_big_for_memory(1_500_000_000, free).unwrap_or_default();
        assert!(message.contains("1.5 GB"), "{message}");
        assert!(message.contains("2.0 GB is free"), "{message}");
        assert!(message.contains("500 MB"), "{message}");
    }
}
