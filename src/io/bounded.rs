//! The one way Backstop opens a file to read: regular files only (a FIFO would block
//! forever, a device such as `/dev/zero` never ends), the size checked before reading,
//! and the read itself bounded, so a file that grows while it is read cannot take
//! unbounded memory.

use std::io::Read;
use std::path::Path;

/// Why a file could not be read; `Display` is a sentence for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Nothing is there.
    NotFound,
    /// Something is there, but not a regular file.
    NotAFile(&'static str),
    /// Larger than the limit, before or while reading.
    TooLarge {
        /// Its size when it was found too large.
        bytes: u64,
        /// The limit.
        limit: u64,
        /// True when it grew past the limit while being read.
        grew: bool,
    },
    /// The system said no.
    Io(String),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotFound => write!(f, "file not found"),
            ReadError::NotAFile(kind) => {
                write!(f, "not a regular file (it is {kind}); refused")
            }
            ReadError::TooLarge {
                limit, grew: true, ..
            } => {
                write!(
                    f,
                    "the file grew past the limit of {limit} bytes while being read"
                )
            }
            ReadError::TooLarge { bytes, limit, .. } => {
                write!(
                    f,
                    "refused: file is {bytes} bytes, over the limit of {limit} bytes"
                )
            }
            ReadError::Io(e) => write!(f, "cannot read it: {e}"),
        }
    }
}

/// What kind of thing, other than a regular file, the metadata describes.
fn kind_of(metadata: &std::fs::Metadata) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    let kind = metadata.file_type();
    if kind.is_file() {
        None
    } else if kind.is_dir() {
        Some("a folder")
    } else if kind.is_fifo() {
        Some("a named pipe")
    } else if kind.is_char_device() || kind.is_block_device() {
        Some("a device")
    } else if kind.is_socket() {
        Some("a socket")
    } else {
        Some("not a file")
    }
}

/// Checks that `path` (after links) is a regular file of at most `limit` bytes, without
/// opening it; returns its size.
pub fn check_regular_file(path: &Path, limit: u64) -> Result<u64, ReadError> {
    let metadata = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(e.to_string()),
    })?;
    if let Some(kind) = kind_of(&metadata) {
        return Err(ReadError::NotAFile(kind));
    }
    if metadata.len() > limit {
        return Err(ReadError::TooLarge {
            bytes: metadata.len(),
            limit,
            grew: false,
        });
    }
    Ok(metadata.len())
}

/// Opens `path` for reading once it is known to be a regular file of at most `limit`
/// bytes (and checks the opened file again, in case it was swapped meanwhile).
pub fn open_regular_file(path: &Path, limit: u64) -> Result<std::fs::File, ReadError> {
    check_regular_file(path, limit)?;
    let file = std::fs::File::open(path).map_err(|e| ReadError::Io(e.to_string()))?;
    let metadata = file.metadata().map_err(|e| ReadError::Io(e.to_string()))?;
    if let Some(kind) = kind_of(&metadata) {
        return Err(ReadError::NotAFile(kind));
    }
    Ok(file)
}

/// Reads the whole of a regular file of at most `limit` bytes; reads at most `limit + 1`
/// bytes whatever happens to the file meanwhile.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_regular_file(path, limit)?;
    let expected = file.metadata().map_or(0, |m| m.len());
    let mut bytes = Vec::with_capacity(expected.min(limit) as usize);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Io(e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            bytes: bytes.len() as u64,
            limit,
            grew: true,
        });
    }
    Ok(bytes)
}

/// [`read_bounded`] as UTF-8 text; a byte-order mark at the start is dropped (RFC 8259
/// lets a JSON reader ignore it, and TOML files from Windows editors carry one).
pub fn read_text_bounded(path: &Path, limit: u64) -> Result<String, String> {
    let bytes = read_bounded(path, limit).map_err(|e| e.to_string())?;
    text_of(bytes)
}

/// Bytes as UTF-8 text without a leading byte-order mark; the error says where the first
/// invalid byte is.
pub fn text_of(bytes: Vec<u8>) -> Result<String, String> {
    let mut text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "file is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fifo(dir: &Path) -> std::path::PathBuf {
        let path = dir.join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo failed");
        path
    }

    #[test]
    fn a_named_pipe_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let pipe = fifo(dir.path());
        assert_eq!(
            read_bounded(&pipe, 1000),
            Err(ReadError::NotAFile("a named pipe"))
        );
    }

    #[test]
    fn a_link_to_a_device_is_refused_before_reading_it() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let link = dir.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            read_bounded(&link, 1000),
            Err(ReadError::NotAFile("a device"))
        );
    }

    #[test]
    fn a_file_over_the_limit_is_refused_and_one_within_is_read() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("f");
        std::fs::write(&path, b"12345").unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            read_bounded(&path, 4),
            Err(ReadError::TooLarge { bytes: 5, .. })
        ));
        assert_eq!(read_bounded(&path, 5), Ok(b"12345".to_vec()));
        assert_eq!(
            read_bounded(&dir.path().join("none"), 5),
            Err(ReadError::NotFound)
        );
    }

    #[test]
    fn a_byte_order_mark_is_dropped_from_text() {
        assert_eq!(text_of(b"\xEF\xBB\xBF{}".to_vec()), Ok("{}".to_owned()));
        assert!(text_of(b"\xFF".to_vec()).is_err_and(|e| e.contains("offset 0")));
    }
}
