//! Sentences that rest on a measurement, held to the records they describe.
//!
//! The numbers on the pages are generated, but the sentences around them
//! ("processes were more efficient", "close to the number of cores") are
//! prose: a new `measure.sh` run can make one false without any test
//! noticing. So each such sentence is written down once, in
//! [`crate::sentences`], with the page it is on, the condition it asserts
//! as a function of the records, and, when it holds only on some machines,
//! the condition under which it applies ("with two cores or more"), which
//! the page states with it.
//!
//! [`judge`] judges every sentence against one record set (the book's,
//! `book/results/`, or a side set made on one core or a loaded machine,
//! `book/results/sets/*/`, or the reader's own): confirmed, contradicted,
//! or not applicable there; each with the measured values against the
//! sentence's bound. A set that holds no record of the experiment a
//! sentence rests on (made before the experiment existed, or a reader who
//! ran only some programs) has not measured it: the sentence is named as
//! such, neither confirmed nor broken. `tests/claims.rs` fails on a contradicted sentence or
//! one no longer on its page; `results --claims` prints the same judgement
//! for the reader's runs.
//!
//! Records are looked up by a small query, `"file: key=value key=value"`,
//! for example `"chapter-04-parallelism: experiment=pool variant=threads
//! workers=2"`; exactly one record must match. Each set is its median run
//! ([`crate::merge`]), as the pages show it.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::Duration;

use serde_json::{Map, Value};
use shared::format;

/// One sentence of a page and the condition that makes it true.
#[derive(Debug, Clone, Copy)]
pub struct Claim {
    /// The page, as its file name in `book/src/` (`chapter-04-parallelism.md`).
    pub page: &'static str,
    /// Words of the sentence as the page has them (whitespace and line breaks
    /// are compared loosely): enough to find it, and to name it on failure.
    pub says: &'static str,
    /// When the sentence applies, if not on every machine: the page states
    /// this condition with the sentence.
    pub when: Option<Condition>,
    /// The sentence's condition, read from the records: whether it holds
    /// and the measured values against its bound; `Err` when a record it
    /// needs is missing.
    pub holds: fn(&Records) -> Result<Measured, String>,
}

impl Claim {
    /// A sentence of `page` that holds on every machine.
    pub const fn on(
        page: &'static str,
        says: &'static str,
        holds: fn(&Records) -> Result<Measured, String>,
    ) -> Self {
        Self { page, says, when: None, holds }
    }

    /// The same sentence, said of the machines that meet `condition`.
    pub const fn when(self, condition: Condition) -> Self {
        Self { when: Some(condition), ..self }
    }
}

/// When a sentence applies, as the page words it and as the records tell.
#[derive(Debug, Clone, Copy)]
pub struct Condition {
    /// The page's words for it ("two cores or more").
    pub says: &'static str,
    /// Whether the records' machine met it, and what was measured.
    pub met: fn(&Records) -> Result<Measured, String>,
}

/// A comparison made on the records: whether it came out true, and the
/// values compared, in words ("Python/Rust 2.31 > 1").
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    /// Whether the comparison holds.
    pub holds: bool,
    /// The values against the bound.
    pub why: String,
}

/// How a measured value is shown in a reason: with its unit, as the tables
/// show it (and as the snapshots' timing filters find it).
#[derive(Debug, Clone, Copy)]
pub enum Unit {
    /// A duration, in seconds.
    Seconds,
    /// A ratio (`2.26×`).
    Times,
    /// Cores busy (`1.98 cores`).
    Cores,
    /// A percentage (`1.5 %`).
    Percent,
    /// A whole count.
    Count,
}

impl Unit {
    fn show(self, x: f64) -> String {
        match self {
            Unit::Seconds => format::duration(Duration::from_secs_f64(x.max(0.0))),
            Unit::Times => format!("{x:.2}×"),
            Unit::Cores => format!("{x:.2} cores"),
            Unit::Percent => format!("{x:.1} %"),
            Unit::Count => format!("{x:.0}"),
        }
    }
}

impl Measured {
    /// `what` (a value, named, in `unit`) above `bound`.
    pub fn above(unit: Unit, what: &str, value: f64, bound: f64) -> Self {
        let why = format!("{what} {} > {}", unit.show(value), unit.show(bound));
        Self { holds: value > bound, why }
    }

    /// `what` (a value, named, in `unit`) below `bound`.
    pub fn below(unit: Unit, what: &str, value: f64, bound: f64) -> Self {
        let why = format!("{what} {} < {}", unit.show(value), unit.show(bound));
        Self { holds: value < bound, why }
    }

    /// Every part holds; the reasons joined.
    pub fn all(parts: impl IntoIterator<Item = Measured>) -> Self {
        let parts: Vec<Measured> = parts.into_iter().collect();
        Self {
            holds: parts.iter().all(|part| part.holds),
            why: parts
                .iter()
                .map(|part| part.why.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}

/// How one sentence fared against one record set.
#[derive(Debug, Clone, PartialEq)]
pub enum Judged {
    /// The records bear it out.
    Confirmed(String),
    /// The records contradict it.
    Contradicted(String),
    /// Its condition was not met there: it says nothing about this machine.
    NotApplicable(String),
    /// The set holds no record of an experiment it rests on (`file` the
    /// record set, e.g. `chapter-05-cancellation-and-backpressure`).
    Unmeasured {
        /// The record set that lacks the experiment.
        file: String,
        /// What is missing, in words.
        why: String,
    },
    /// A record it needs is missing.
    Unchecked(String),
}

/// How [`Records`] says that a set holds no record of an experiment at all,
/// so that [`judge`] tells it from a record that is there but lacks a field.
const NOT_MEASURED: &str = "not measured in these runs: ";

/// Every committed record, by file (`chapter-03-cpu-bound` for
/// `book/results/chapter-03-cpu-bound.jsonl`), as JSON objects.
#[derive(Debug, Clone, Default)]
pub struct Records {
    files: BTreeMap<String, Vec<Map<String, Value>>>,
}

impl Records {
    /// The records the pages show: every record set under `dir`
    /// (`book/results`), its runs merged into the median run ([`crate::merge`])
    /// ([`crate::records::merged`]).
    pub fn load(dir: &Path) -> Result<Self, String> {
        let mut records = Records::default();
        for (name, merged) in crate::records::merged(dir)? {
            let text: String = merged
                .records
                .iter()
                .map(|record| record.to_json_line() + "\n")
                .collect();
            records.add(&name, &text)?;
        }
        Ok(records)
    }

    /// Adds the JSON lines `text` as the records of `file`.
    pub fn add(&mut self, file: &str, text: &str) -> Result<(), String> {
        let rows = self.files.entry(file.to_string()).or_default();
        for (number, line) in
            text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty())
        {
            match serde_json::from_str::<Value>(line) {
                Ok(Value::Object(object)) => rows.push(object),
                _ => {
                    return Err(format!(
                        "{file}.jsonl line {}: not a JSON object",
                        number + 1
                    ));
                }
            }
        }
        Ok(())
    }

    /// Sets `field` of the one record `query` finds: how a test makes the
    /// records contradict a sentence.
    pub fn set(&mut self, query: &str, field: &str, value: f64) -> Result<(), String> {
        let (file, wanted) = parse(query)?;
        let rows = self.files.get_mut(file).ok_or(format!("no records named {file}"))?;
        let mut found: Vec<_> =
            rows.iter_mut().filter(|row| matches(row, &wanted)).collect();
        match found.as_mut_slice() {
            [row] => {
                row.insert(field.to_string(), Value::from(value));
                Ok(())
            }
            _ => Err(format!("{query}: {} records match, not one", found.len())),
        }
    }

    /// The number in `field` of the one record `query` finds.
    pub fn num(&self, query: &str, field: &str) -> Result<f64, String> {
        let row = self.one(query)?;
        row.get(field)
            .and_then(Value::as_f64)
            .ok_or(format!("{query}: no number in field {field}"))
    }

    /// The words in `field` (a verdict) of the one record `query` finds.
    pub fn text(&self, query: &str, field: &str) -> Result<String, String> {
        let row = self.one(query)?;
        row.get(field)
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or(format!("{query}: no words in field {field}"))
    }

    /// Every record `query` finds (none is not an error, unless the set has
    /// no record of the query's file or of its `experiment` at all: then it
    /// did not measure it).
    pub fn all(&self, query: &str) -> Result<Vec<&Map<String, Value>>, String> {
        let (file, wanted) = parse(query)?;
        let rows = self
            .files
            .get(file)
            .ok_or(format!("{NOT_MEASURED}{file}: no records named {file}"))?;
        if let Some((_, experiment)) = wanted.iter().find(|(key, _)| *key == "experiment")
            && !rows.iter().any(|row| matches(row, &[("experiment", experiment)]))
        {
            return Err(format!(
                "{NOT_MEASURED}{file}: no record of {file}'s {experiment}"
            ));
        }
        Ok(rows.iter().filter(|row| matches(row, &wanted)).collect())
    }

    /// The cores of the records' machine: the largest `cores` any record
    /// gives (1 pinned with `taskset -c 0`).
    pub fn cores(&self) -> Result<f64, String> {
        self.files
            .values()
            .flatten()
            .filter_map(|row| row.get("cores").and_then(Value::as_f64))
            .reduce(f64::max)
            .ok_or("no record gives its cores".to_string())
    }

    fn one(&self, query: &str) -> Result<&Map<String, Value>, String> {
        match self.all(query)?.as_slice() {
            [row] => Ok(row),
            found => Err(format!("{query}: {} records match, not one", found.len())),
        }
    }
}

/// A parsed query: the file, and the `key=value` pairs a record must have.
type Query<'a> = (&'a str, Vec<(&'a str, &'a str)>);

/// `"file: key=value key=value"` into the file and the pairs.
fn parse(query: &str) -> Result<Query<'_>, String> {
    let (file, rest) = query.split_once(':').ok_or(format!("{query}: no `file:`"))?;
    let pairs = rest
        .split_whitespace()
        .map(|pair| {
            pair.split_once('=').ok_or(format!("{query}: {pair} is not key=value"))
        })
        .collect::<Result<_, _>>()?;
    Ok((file.trim(), pairs))
}

/// Whether `row` has every `key=value` (numbers compared as numbers).
fn matches(row: &Map<String, Value>, wanted: &[(&str, &str)]) -> bool {
    wanted.iter().all(|(key, value)| match row.get(*key) {
        Some(Value::String(text)) => text == value,
        Some(Value::Number(number)) => {
            value.parse::<f64>().is_ok_and(|v| number.as_f64() == Some(v))
        }
        _ => false,
    })
}

/// Whether `page_text` contains `says`, comparing whitespace loosely.
pub fn page_says(page_text: &str, says: &str) -> bool {
    let squeeze = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    squeeze(page_text).contains(&squeeze(says))
}

impl Judged {
    /// Its place in the report (confirmed first) and its reason.
    fn group(&self) -> (usize, &String) {
        match self {
            Judged::Confirmed(why) => (0, why),
            Judged::Contradicted(why) => (1, why),
            Judged::NotApplicable(why) => (2, why),
            Judged::Unmeasured { why, .. } => (3, why),
            Judged::Unchecked(why) => (4, why),
        }
    }

    /// A record that could not be read: unmeasured when the set has none of
    /// its experiment, unchecked otherwise.
    fn missing(err: String) -> Self {
        match err.strip_prefix(NOT_MEASURED).and_then(|rest| rest.split_once(": ")) {
            Some((file, what)) => {
                Judged::Unmeasured { file: file.to_string(), why: what.to_string() }
            }
            None => Judged::Unchecked(err),
        }
    }
}

/// Judges `claim` against `records`: first its condition, then the claim.
pub fn judge(claim: &Claim, records: &Records) -> Judged {
    if let Some(when) = claim.when {
        match (when.met)(records) {
            Ok(met) if !met.holds => {
                return Judged::NotApplicable(format!("not {}: {}", when.says, met.why));
            }
            Ok(_) => {}
            Err(err) => return Judged::missing(err),
        }
    }
    match (claim.holds)(records) {
        Ok(measured) if measured.holds => Judged::Confirmed(measured.why),
        Ok(measured) => Judged::Contradicted(measured.why),
        Err(err) => Judged::missing(err),
    }
}

/// Checks `claims` against `records` and the pages in `pages_dir`: one line
/// per broken claim (not on its page, contradicted, or not checkable),
/// naming its page and sentence. A claim the records did not measure is not
/// broken: [`unmeasured`] names those.
pub fn broken(claims: &[Claim], records: &Records, pages_dir: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for claim in claims {
        let page = fs::read_to_string(pages_dir.join(claim.page)).unwrap_or_default();
        let named = format!("{}: \"{}\"", claim.page, claim.says);
        if !page_says(&page, claim.says) {
            problems.push(format!(
                "{named}: not on the page (edit the claim with the prose)"
            ));
            continue;
        }
        if let Some(when) = claim.when
            && !page_says(&page.to_lowercase(), &when.says.to_lowercase())
        {
            problems.push(format!("{named}: the page does not state \"{}\"", when.says));
        }
        match judge(claim, records) {
            Judged::Confirmed(_)
            | Judged::NotApplicable(_)
            | Judged::Unmeasured { .. } => {}
            Judged::Contradicted(why) => {
                problems.push(format!("{named}: the records contradict it ({why})"));
            }
            Judged::Unchecked(err) => {
                problems.push(format!("{named}: cannot be checked: {err}"));
            }
        }
    }
    problems
}

/// The claims `records` did not measure, as `(record set, "page:
/// \"sentence\"")`: the set has no record of an experiment they rest on.
pub fn unmeasured(claims: &[Claim], records: &Records) -> Vec<(String, String)> {
    claims
        .iter()
        .filter_map(|claim| match judge(claim, records) {
            Judged::Unmeasured { file, .. } => {
                Some((file, format!("{}: \"{}\"", claim.page, claim.says)))
            }
            _ => None,
        })
        .collect()
}

/// The reader's report: every sentence, judged against `records`, with the
/// measured values against its bound, grouped as confirmed, contradicted,
/// not applicable, not measured and unchecked, then the count of each.
/// Lines fit 80 columns.
pub fn report(claims: &[Claim], records: &Records) -> String {
    let judged: Vec<(&Claim, Judged)> =
        claims.iter().map(|claim| (claim, judge(claim, records))).collect();
    let titles = [
        "Confirmed by these runs",
        "Contradicted by these runs",
        "Not applicable here (the sentence states its condition)",
        "Not measured in these runs (run the program that measures it)",
        "Not checked (a record is missing)",
    ];
    let mut text = String::new();
    let mut counts = Vec::new();
    for (group, title) in titles.iter().enumerate() {
        let members: Vec<(&Claim, &String)> = judged
            .iter()
            .filter_map(|(claim, j)| {
                let (at, why) = j.group();
                (at == group).then_some((*claim, why))
            })
            .collect();
        counts.push(members.len());
        if members.is_empty() {
            continue;
        }
        text.push_str(&format!("\n{title}:\n"));
        for (claim, why) in members {
            let says = claim.says.split_whitespace().collect::<Vec<_>>().join(" ");
            let when =
                claim.when.map_or(String::new(), |c| format!(" (condition: {})", c.says));
            let line = format!("{}: \"{says}\"{when}", claim.page);
            text.push_str(&crate::text::wrap(&line, 80, "- ", "  "));
            // One comparison a line, unwrapped: a number's width never
            // moves a line break.
            why.split("; ").for_each(|part| text.push_str(&format!("    {part}\n")));
        }
    }
    text.push_str(&format!(
        "\n{} sentences: {} confirmed, {} contradicted,\n{} not applicable, {} not \
         measured, {} not checked.\n",
        claims.len(),
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        counts[4]
    ));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records() -> Records {
        let mut records = Records::default();
        let lines = "{\"experiment\":\"pool\",\"workers\":2,\"variant\":\"threads\",\"wall_s\":2.0}\n\
                     {\"experiment\":\"pool\",\"workers\":4,\"variant\":\"threads\",\"wall_s\":1.9}\n";
        records.add("c4", lines).unwrap();
        records
    }

    /// A query finds one record by text and number fields, or says why not.
    #[test]
    fn queries_find_one_record() {
        let records = records();
        assert_eq!(records.num("c4: variant=threads workers=2", "wall_s"), Ok(2.0));
        assert!(
            records
                .num("c4: variant=threads", "wall_s")
                .unwrap_err()
                .contains("2 records")
        );
        assert!(
            records.num("c9: workers=2", "wall_s").unwrap_err().contains("no records")
        );
        assert!(records.num("c4: workers=2", "cpu_s").unwrap_err().contains("no number"));
    }

    const FAST: Claim = Claim {
        page: "p.md",
        says: "threads at 2 are faster",
        when: Some(Condition {
            says: "two cores or more",
            met: |r| Ok(Measured::above(Unit::Count, "cores", r.cores()?, 1.0)),
        }),
        holds: |r| {
            Ok(Measured::below(
                Unit::Seconds,
                "wall",
                r.num("c4: workers=2", "wall_s")?,
                r.num("c4: workers=4", "wall_s")? + 0.5,
            ))
        },
    };

    /// A sentence is confirmed or contradicted with the values against its
    /// bound, and says nothing on a machine outside its condition.
    #[test]
    fn judges_a_sentence_with_its_values_and_condition() {
        let mut records = records();
        assert_eq!(
            judge(&FAST, &records),
            Judged::Unchecked("no record gives its cores".into())
        );
        records.set("c4: workers=2", "cores", 2.0).unwrap();
        assert_eq!(
            judge(&FAST, &records),
            Judged::Confirmed("wall 2.000 s < 2.400 s".into())
        );
        records.set("c4: workers=2", "wall_s", 3.0).unwrap();
        assert_eq!(
            judge(&FAST, &records),
            Judged::Contradicted("wall 3.000 s < 2.400 s".into())
        );
        records.set("c4: workers=2", "cores", 1.0).unwrap();
        assert_eq!(
            judge(&FAST, &records),
            Judged::NotApplicable("not two cores or more: cores 1 > 1".into())
        );
        let report = report(&[FAST], &records);
        assert!(report.contains("Not applicable here"), "{report}");
        assert!(report.ends_with("1 sentences: 0 confirmed, 0 contradicted,\n1 not applicable, 0 not measured, 0 not checked.\n"), "{report}");
        assert!(report.lines().all(|line| line.chars().count() <= 80), "{report}");
    }

    /// A set with no record of a sentence's program or experiment has not
    /// measured it: the sentence is named apart, not broken; a record that
    /// is there but lacks a field is still a failure to check.
    #[test]
    fn a_set_without_the_experiment_has_not_measured_it() {
        let records = records();
        let missing_file = Claim::on("p.md", "c5", |r| {
            Ok(Measured::above(
                Unit::Count,
                "n",
                r.num("c5: experiment=cancel", "n")?,
                0.0,
            ))
        });
        let missing_experiment = Claim::on("p.md", "cancel", |r| {
            Ok(Measured::above(
                Unit::Count,
                "n",
                r.num("c4: experiment=cancel", "n")?,
                0.0,
            ))
        });
        let missing_field = Claim::on("p.md", "field", |r| {
            Ok(Measured::above(Unit::Count, "n", r.num("c4: workers=2", "n")?, 0.0))
        });
        assert_eq!(
            judge(&missing_file, &records),
            Judged::Unmeasured { file: "c5".into(), why: "no records named c5".into() }
        );
        assert_eq!(
            judge(&missing_experiment, &records),
            Judged::Unmeasured {
                file: "c4".into(),
                why: "no record of c4's cancel".into()
            }
        );
        assert!(matches!(judge(&missing_field, &records), Judged::Unchecked(_)));
        let claims = [missing_file, missing_experiment, missing_field];
        assert_eq!(
            unmeasured(&claims, &records),
            [
                ("c5".to_string(), "p.md: \"c5\"".to_string()),
                ("c4".to_string(), "p.md: \"cancel\"".to_string())
            ]
        );
        let pages = tempfile::tempdir().unwrap();
        fs::write(pages.path().join("p.md"), "c5, cancel, field").unwrap();
        let broken = broken(&claims, &records, pages.path());
        assert_eq!(broken.len(), 1, "{broken:?}");
        assert!(
            broken[0].starts_with("p.md: \"field\": cannot be checked"),
            "{broken:?}"
        );
        assert!(report(&claims, &records).ends_with(
            "3 sentences: 0 confirmed, 0 contradicted,\n0 not applicable, 2 not measured, 1 not checked.\n"
        ));
    }

    /// Whitespace and line breaks do not hide a sentence.
    #[test]
    fn sentences_are_found_across_line_breaks() {
        assert!(page_says(
            "processes were\n  more efficient",
            "processes were more efficient"
        ));
        assert!(!page_says(
            "processes were less efficient",
            "processes were more efficient"
        ));
    }
}
