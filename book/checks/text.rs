//! Prose broken into lines, one rule for every text the book's tools write:
//! the results pages and the claims report (80 columns), the `exercises`
//! command (78, a terminal with a margin) and the page stamp (a quote, 76).

/// `text` in lines of at most `width` columns, each ending in a newline,
/// the first led by `first` and the others by `rest`. A unit or a lone sign
/// moves with the word before it: a number keeps its unit, and no Markdown
/// line starts with a `-`, `*` or `>` that the text did not mean as a list
/// or a quote. Only such a group longer than a whole line passes `width`.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    let mut out = String::new();
    let mut line = first.to_string();
    let mut empty = true;
    for group in groups(text) {
        if !empty && line.chars().count() + 1 + group.chars().count() > width {
            out.push_str(&line);
            out.push('\n');
            line = rest.to_string();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(&group);
        empty = false;
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// The words of `text`, each glued word joined to the one before it.
fn groups(text: &str) -> Vec<String> {
    let mut groups: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match groups.last_mut() {
            Some(last) if glued(word) => {
                last.push(' ');
                last.push_str(word);
            }
            _ => groups.push(word.to_string()),
        }
    }
    groups
}

/// A unit, a lone sign (`×`, `<`, `–`) or a word that would open a
/// Markdown quote at the start of a line.
fn glued(word: &str) -> bool {
    let bare = word.trim_end_matches(|c: char| c.is_ascii_punctuation());
    matches!(bare, "s" | "ms" | "µs" | "ns" | "KiB" | "MiB" | "GiB" | "bytes")
        || !word.chars().any(char::is_alphanumeric)
        || word.starts_with('>')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fit_and_keep_every_word() {
        let text = "word ".repeat(40);
        let wrapped = wrap(&text, 78, "", "  ");
        assert!(wrapped.lines().all(|line| line.chars().count() <= 78), "{wrapped}");
        assert!(wrapped.lines().skip(1).all(|line| line.starts_with("  word")));
        assert_eq!(wrapped.split_whitespace().count(), 40);
        assert!(wrapped.ends_with("word\n"));
    }

    #[test]
    fn a_number_keeps_its_unit_and_a_sign_its_word() {
        let wrapped = wrap("it took 1.5 ms, then - a sign", 10, "> ", "> ");
        assert_eq!(wrapped, "> it took\n> 1.5 ms,\n> then - a\n> sign\n");
    }
}
