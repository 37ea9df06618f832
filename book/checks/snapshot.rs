//! Reading insta snapshot files.
//!
//! A snapshot file starts with a YAML header between two `---` lines whose
//! length is not fixed (insta writes `source`, then only when present
//! `description`, `expression`, `info`, ...). So the header is skipped by
//! looking for the second `---`, never by counting lines. insta-cmd's body
//! then has `success:`, `exit_code:`, and `----- stdout -----` and
//! `----- stderr -----` sections.

use std::collections::BTreeMap;
use std::path::Path;

/// The body of a snapshot made by insta-cmd: a program's exit and output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandSnapshot {
    pub success: bool,
    pub exit_code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The snapshot's content after its header (after the second `---` line).
pub fn body(text: &str) -> Result<&str, String> {
    let mut lines = text.split_inclusive('\n');
    let separator = |line: &str| line.trim_end() == "---";
    let header = lines.by_ref().filter(|line| separator(line)).take(2).count();
    let rest: usize = lines.map(str::len).sum();
    (header == 2)
        .then(|| &text[text.len() - rest..])
        .ok_or("no header: expected two '---' lines".into())
}

/// Parses an insta-cmd snapshot into exit code, stdout and stderr.
pub fn parse_command(text: &str) -> Result<CommandSnapshot, String> {
    let body = body(text)?;
    let field = |name: &str| {
        body.lines()
            .find_map(|line| line.strip_prefix(name))
            .map(str::trim)
            .ok_or(format!("no '{name}' line"))
    };
    let success = field("success:")? == "true";
    let exit_code =
        field("exit_code:")?.parse().map_err(|_| "exit_code is not a number")?;
    let (_, streams) =
        body.split_once("----- stdout -----\n").ok_or("no stdout section")?;
    let (stdout, stderr) =
        streams.split_once("----- stderr -----\n").ok_or("no stderr section")?;
    Ok(CommandSnapshot {
        success,
        exit_code,
        stdout: stdout.into(),
        stderr: stderr.into(),
    })
}

/// The command an insta-cmd header records (`info:` with `program`, `args`
/// and, when the test set any, `env`). insta-cmd keeps the program's file
/// name only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub program: String,
    pub args: Vec<String>,
    pub env: BTreeMap<String, String>,
}

/// The command recorded in an insta-cmd header; `None` without `program:`.
pub fn recorded(text: &str) -> Option<Recorded> {
    let header = &text[..text.len() - body(text).ok()?.len()];
    let mut program = None;
    let mut args = Vec::new();
    let mut env = BTreeMap::new();
    let mut section = "";
    for line in header.lines() {
        let trimmed = line.trim();
        if let Some(name) = trimmed.strip_prefix("program: ") {
            program = Some(unquote(name));
            section = "";
        } else if trimmed == "args:" || trimmed == "env:" {
            section = trimmed;
        } else if let (true, Some(arg)) = (section == "args:", trimmed.strip_prefix("- "))
        {
            args.push(unquote(arg));
        } else if let (true, Some((name, value))) =
            (section == "env:", trimmed.split_once(": "))
        {
            env.insert(unquote(name), unquote(value));
        } else {
            section = "";
        }
    }
    Some(Recorded { program: program?, args, env })
}

impl Recorded {
    /// The command as a reader types it, in a release build:
    /// `$ cargo run --release -p <program> -- <args>`, preceded by the
    /// environment variables in `env` that are kept. A command longer than
    /// [`COMMAND_WIDTH`] continues on indented lines ending in ` \`, as a
    /// shell reads it, so that the book's block fits its column.
    pub fn command_line(&self, keep_env: impl Fn(&str) -> bool) -> String {
        let mut words = Vec::new();
        for (name, value) in self.env.iter().filter(|(name, _)| keep_env(name)) {
            words.push(format!("{name}={}", shell_word(value)));
        }
        match BOOK_BINS.iter().find(|(bin, _)| *bin == self.program) {
            Some((bin, profile)) => words.extend(
                ["cargo", "run", profile, "-p", "course-book", "--bin", bin]
                    .map(String::from),
            ),
            None => {
                words.extend(["cargo", "run", "--release", "-p"].map(String::from));
                words.push(self.program.clone());
            }
        }
        if !self.args.is_empty() {
            words.push("--".to_string());
            words.extend(self.args.iter().map(|arg| shell_word(arg)));
        }
        wrap_command(&words)
    }
}

/// The book's own commands, which the book may show too, with the profile
/// a reader runs them in: they are binaries of `course-book`, not packages.
const BOOK_BINS: &[(&str, &str)] =
    &[("exercises", "-q"), ("compare", "--release"), ("results", "--release")];

/// Whether an environment variable of a recorded command belongs in the
/// command a reader sees: the course's own test settings (`COURSE_*`: the
/// core count pinned, a progress file kept apart) do not.
pub fn shown_env(name: &str) -> bool {
    !name.starts_with("COURSE_")
}

/// The widest line of a command in the book (an output block shows 80).
pub const COMMAND_WIDTH: usize = 78;

/// `$ ` and the words, broken before a word that would pass
/// [`COMMAND_WIDTH`]; continued lines end in ` \` and the next is indented.
fn wrap_command(words: &[String]) -> String {
    let mut lines = vec![String::from("$")];
    for word in words {
        let last = lines.last_mut().expect("one line at least");
        if last.len() + 1 + word.len() + 2 > COMMAND_WIDTH && last.trim() != "$" {
            last.push_str(" \\");
            lines.push(format!("    {word}"));
        } else {
            last.push(' ');
            last.push_str(word);
        }
    }
    lines.join("\n")
}

/// `word` quoted for a POSIX shell when it needs quoting.
fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word.chars().all(|c| c.is_ascii_alphanumeric() || "-_.,/:=@%+".contains(c));
    if plain { word.to_string() } else { format!("'{}'", word.replace('\'', "'\\''")) }
}

fn unquote(value: &str) -> String {
    let value = value.trim();
    value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .map_or_else(|| value.to_string(), |v| v.replace("\\\"", "\""))
}

/// The book's name for a snapshot: the part of the file name after `__`
/// (insta names files `<test file>__<snapshot name>.snap`).
pub fn short_name(path: &Path) -> String {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    match stem.split_once("__") {
        Some((_, name)) => name.to_string(),
        None => stem.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WITH_INFO: &str = "---\nsource: tests/cli.rs\ninfo:\n  program: x\n  args:\n    - \"--ticks\"\n---\nsuccess: true\nexit_code: 0\n----- stdout -----\nhello\n\n----- stderr -----\nnote\n";

    /// The header is skipped however many lines it has; a file without one
    /// is an error, not an empty snapshot.
    #[test]
    fn parses_a_snapshot_with_a_multi_line_header() {
        let snap = CommandSnapshot {
            success: true,
            exit_code: 0,
            stdout: "hello\n\n".into(),
            stderr: "note\n".into(),
        };
        assert_eq!(parse_command(WITH_INFO), Ok(snap));
        assert!(parse_command("exit_code: 0\n").is_err());
    }

    /// The command line is rebuilt from the header's program and args, and
    /// the environment the test set is read too.
    #[test]
    fn rebuilds_the_command_line() {
        let with_env = WITH_INFO.replace(
            "---\nsuccess",
            "  env:\n    DIE_AFTER: \"2\"\n    COURSE_CORES: \"2\"\n---\nsuccess",
        );
        let recorded = recorded(&with_env).unwrap();
        assert_eq!(recorded.args, ["--ticks"]);
        assert_eq!(recorded.env.get("DIE_AFTER").map(String::as_str), Some("2"));
        assert_eq!(
            recorded.command_line(|name| name != "COURSE_CORES"),
            "$ DIE_AFTER=2 cargo run --release -p x -- --ticks"
        );
        let spaced = Recorded { args: vec!["a b".into()], ..recorded };
        assert_eq!(spaced.command_line(|_| false), "$ cargo run --release -p x -- 'a b'");
        let long = Recorded {
            program: "chapter-02-mixed-tasks".into(),
            args: ["--runtime", "tokio-multi-thread", "--interval", "50ms", "--limit"]
                .into_iter()
                .chain(["100000", "--only-ticks", "--ticks", "4"])
                .map(String::from)
                .collect(),
            env: Default::default(),
        };
        assert_eq!(
            long.command_line(|_| false),
            "$ cargo run --release -p chapter-02-mixed-tasks -- --runtime \\\n    \
             tokio-multi-thread --interval 50ms --limit 100000 --only-ticks --ticks 4"
        );
        assert_eq!(super::recorded("---\nsource: a\n---\nbody"), None);
    }

    /// Short names drop the test file's prefix.
    #[test]
    fn short_names_drop_the_test_file() {
        assert_eq!(short_name(Path::new("a/cli__tokio.snap")), "tokio");
        assert_eq!(short_name(Path::new("a/plain.snap")), "plain");
    }
}
