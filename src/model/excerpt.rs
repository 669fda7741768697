//! Source text quoted in messages: one line, and short enough to read in an editor's hover or a
//! SARIF result. Several model facts quote the code that decided them (a key's evidence, the
//! comparison a login makes); they quote it the same way.

/// Source text written over several lines, as one line.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// [`one_line`], cut to at most 60 characters (57 and `...`), on a character boundary.
pub fn short(text: &str) -> String {
    let single = one_line(text);
    if single.chars().count() > 60 {
        let cut: String = single.chars().take(57).collect();
        format!("{cut}...")
    } else {
        single
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_code_is_cut_on_a_character_boundary() {
        assert_eq!(one_line("check(\n    a,\n    b)"), "check( a, b)");
        assert_eq!(short("is_admin(user)"), "is_admin(user)");
        let long = "é".repeat(70);
        let cut = short(&long);
        assert_eq!(cut.chars().count(), 60);
        assert!(cut.ends_with("..."));
        assert_eq!(short(&"x".repeat(60)), "x".repeat(60));
    }
}
