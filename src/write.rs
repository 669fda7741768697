//! Writing files so that no run can leave one half-written: `--fix`, `-o` and `--write-baseline`
//! go through here.
//!
//! The new contents go to a temporary file in the target's own directory (so the final rename
//! never crosses a file system), which is flushed to disk and then renamed over the target: a
//! reader sees the old file or the new one, never a truncated mix, whether the run is killed, the
//! disk fills up or the machine loses power. The target keeps its permission bits. A symlink is
//! written through: its target gets the new contents and the link itself stays a link. A target
//! that is not a regular file (`/dev/null`, `/dev/stdout`, a named pipe) is written to directly:
//! replacing it would put a regular file where the device was.
//!
//! What a rename cannot keep: the owner (the new file belongs to whoever runs flasklint) and
//! other hard links to the old file (they keep the old contents), as with any editor that saves
//! this way.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Symlink chains longer than this are refused, as the kernel refuses them (`ELOOP`).
const MAX_SYMLINK_HOPS: usize = 40;

/// Why a write did not happen.
#[derive(Debug)]
pub enum WriteError {
    /// The file no longer holds the contents the new ones were computed from (an editor saved it,
    /// a formatter ran): it was left alone, since writing would throw that change away.
    Changed,
    Io(io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Changed => write!(f, "the file changed since it was read"),
            WriteError::Io(error) => error.fmt(f),
        }
    }
}

impl From<io::Error> for WriteError {
    fn from(error: io::Error) -> WriteError {
        WriteError::Io(error)
    }
}

/// Replaces the contents of `path` (created when missing) with `contents`, atomically.
pub fn replace(path: &Path, contents: &[u8]) -> io::Result<()> {
    match write_atomically(path, contents, None) {
        Ok(()) => Ok(()),
        Err(WriteError::Io(error)) => Err(error),
        // Only reachable with an expected content, which this function never passes.
        Err(WriteError::Changed) => Err(io::Error::other("the file changed since it was read")),
    }
}

/// Like `replace`, but only while `path` still holds `expected`: the bytes a fix was computed
/// from. The check runs after the new contents are safely on disk and right before the rename,
/// which leaves the smallest window a portable program can: POSIX has no "rename if unchanged".
pub fn replace_if_unchanged(
    path: &Path,
    contents: &[u8],
    expected: &[u8],
) -> Result<(), WriteError> {
    write_atomically(path, contents, Some(expected))
}

fn write_atomically(
    path: &Path,
    contents: &[u8],
    expected: Option<&[u8]>,
) -> Result<(), WriteError> {
    let target = resolve_symlinks(path)?;
    let existing = match fs::metadata(&target) {
        Ok(metadata) if metadata.is_dir() => {
            return Err(io::Error::new(io::ErrorKind::IsADirectory, "is a directory").into());
        }
        // `-o /dev/null`, `-o /dev/stdout`, a named pipe: not a file that can be replaced. A
        // rename would put a regular file where the device was (as root, `/dev/null` itself),
        // so the contents are written to it as they are.
        Ok(metadata) if !metadata.is_file() => {
            let mut device = fs::OpenOptions::new().write(true).open(&target)?;
            device.write_all(contents)?;
            device.flush()?;
            return Ok(());
        }
        Ok(metadata) => Some(metadata),
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(error) => return Err(error.into()),
    };
    let dir = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut builder = tempfile::Builder::new();
    // Hidden and recognisable, should a crash between creating and renaming ever leave one.
    let prefix = format!(".{name}.");
    builder.prefix(&prefix).suffix(".flasklint-tmp");
    #[cfg(unix)]
    if existing.is_none() {
        use std::os::unix::fs::PermissionsExt;
        // The mode `std::fs::write` creates files with, narrowed by the umask as usual
        // (tempfile's own default, 0600, would hide a new report from the rest of a team).
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    // Dropping `temp` on any early return below deletes the temporary file.
    let mut temp = builder.tempfile_in(dir)?;
    temp.write_all(contents)?;
    temp.flush()?;
    if let Some(metadata) = &existing {
        // Set on the open file, after creation, so the umask does not narrow them.
        temp.as_file().set_permissions(metadata.permissions())?;
    }
    temp.as_file().sync_all()?;
    if let Some(expected) = expected {
        let now = fs::read(&target)?;
        if now != expected {
            return Err(WriteError::Changed);
        }
    }
    temp.persist(&target).map_err(|error| error.error)?;
    sync_directory(dir);
    Ok(())
}

/// The file a write to `path` should replace: `path` itself, or the end of its symlink chain
/// (which may not exist yet: writing through a dangling link creates its target, as
/// `std::fs::write` does).
fn resolve_symlinks(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_SYMLINK_HOPS {
        match fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let link = fs::read_link(&current)?;
                current = if link.is_absolute() {
                    link
                } else {
                    current
                        .parent()
                        .map_or_else(|| link.clone(), |parent| parent.join(&link))
                };
            }
            Ok(_) => return Ok(current),
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(current),
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::other(format!(
        "more than {MAX_SYMLINK_HOPS} levels of symbolic links"
    )))
}

/// Makes the rename itself durable. The contents are already synced and the rename has
/// happened, so a failure here (some file systems refuse to sync a directory) loses nothing
/// a reader can see: it is not reported.
fn sync_directory(dir: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = fs::File::open(dir) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .expect("readable")
            .flatten()
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".flasklint-tmp"))
            .collect()
    }

    #[test]
    fn replaces_contents_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("report.txt");
        fs::write(&path, "old contents, longer than the new ones").expect("write");
        replace(&path, b"new").expect("replaced");
        assert_eq!(fs::read(&path).expect("read"), b"new");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn creates_a_missing_file() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("new.sarif");
        replace(&path, b"{}").expect("created");
        assert_eq!(fs::read(&path).expect("read"), b"{}");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn keeps_the_permission_bits_and_gives_new_files_the_usual_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tmp");
        let script = dir.path().join("manage.py");
        fs::write(&script, "old").expect("write");
        fs::set_permissions(&script, fs::Permissions::from_mode(0o751)).expect("chmod");
        replace(&script, b"new").expect("replaced");
        let mode = fs::metadata(&script).expect("stat").permissions().mode() & 0o7777;
        assert_eq!(mode, 0o751);

        // A new file gets what `std::fs::write` would give it under the same umask.
        let reference = dir.path().join("reference");
        fs::write(&reference, "x").expect("write");
        let created = dir.path().join("created");
        replace(&created, b"x").expect("created");
        let mode_of = |path: &Path| fs::metadata(path).expect("stat").permissions().mode() & 0o777;
        assert_eq!(mode_of(&created), mode_of(&reference));
    }

    #[cfg(unix)]
    #[test]
    fn writes_through_a_symlink_and_keeps_the_link() {
        let dir = tempfile::tempdir().expect("tmp");
        fs::create_dir(dir.path().join("real")).expect("mkdir");
        let target = dir.path().join("real/app.py");
        fs::write(&target, "old").expect("write");
        let link = dir.path().join("app.py");
        std::os::unix::fs::symlink("real/app.py", &link).expect("symlink");
        replace(&link, b"new").expect("replaced");
        assert!(
            fs::symlink_metadata(&link)
                .expect("stat")
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            fs::read_link(&link).expect("link"),
            Path::new("real/app.py")
        );
        assert_eq!(fs::read(&target).expect("read"), b"new");
        assert!(leftovers(dir.path()).is_empty());
        assert!(leftovers(&dir.path().join("real")).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_is_an_error_not_a_hang() {
        let dir = tempfile::tempdir().expect("tmp");
        let a = dir.path().join("a");
        let b = dir.path().join("b");
        std::os::unix::fs::symlink(&b, &a).expect("symlink");
        std::os::unix::fs::symlink(&a, &b).expect("symlink");
        assert!(replace(&a, b"x").is_err());
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_left_alone() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("app.py");
        fs::write(&path, "edited by someone else").expect("write");
        let result = replace_if_unchanged(&path, b"fixed", b"what was read");
        assert!(matches!(result, Err(WriteError::Changed)), "{result:?}");
        assert_eq!(fs::read(&path).expect("read"), b"edited by someone else");
        assert!(leftovers(dir.path()).is_empty());
        replace_if_unchanged(&path, b"fixed", b"edited by someone else").expect("unchanged");
        assert_eq!(fs::read(&path).expect("read"), b"fixed");
    }

    #[test]
    fn a_directory_is_refused() {
        let dir = tempfile::tempdir().expect("tmp");
        assert!(replace(dir.path(), b"x").is_err());
        assert!(leftovers(dir.path()).is_empty());
    }
}
