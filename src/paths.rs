//! Path helpers every layer shares. They sit below `walk`, `model`, `deps` and the user's
//! configuration, so that none of those has to reach into another for them.

use std::path::{Component, Path, PathBuf};

/// `path` made absolute against the working directory, with `.` and `..` folded lexically
/// (symlinks stay as they are, as the walker leaves them, so names follow the paths the user
/// gave). An empty path is the working directory.
pub fn absolute(path: &Path) -> PathBuf {
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    let joined = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    // `std::path::absolute` keeps `..`; fold it so `a/../b` and `b` are one path.
    let mut folded = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::ParentDir => {
                folded.pop();
            }
            Component::CurDir => {}
            other => folded.push(other),
        }
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::absolute;
    use std::path::Path;

    #[test]
    fn folds_dots_and_anchors_at_the_working_directory() {
        let cwd = std::env::current_dir().expect("a working directory");
        assert_eq!(absolute(Path::new("")), cwd);
        assert_eq!(absolute(Path::new("a/./b/../c")), cwd.join("a/c"));
        assert_eq!(absolute(Path::new("/x/y/../z")), Path::new("/x/z"));
    }
}
