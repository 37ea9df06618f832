//! Sentences that rest on a measurement, held to the records they describe.
//!
//! The numbers on the pages are generated, but the sentences around them
//! ("processes were more efficient", "close to the number of cores") are
//! prose: a new `measure.sh` run can make one false without any test
//! noticing. So each such sentence is written down once, in
//! [`crate::sentences`], with the page it is on, the [`Check`]s the records
//! must pass for it to be true, and, when it holds only on some machines,
//! the [`Condition`] under which it applies ("with two cores or more"),
//! which the page states with it.
//!
//! A check is data: a [`Value`] read from the records (a field of one
//! record, a ratio of two, a value times a constant, the largest of many)
//! above, below or between bounds, or near another value; or a record's
//! verdict words. The few that compute more are a function
//! ([`Claim::computed`]).
//!
//! [`judge`] judges every sentence against one record set (the book's,
//! `book/results/`, or a side set made on one core or a loaded machine,
//! `book/results/sets/*/`, or the reader's own): confirmed, contradicted,
//! or not applicable there; each with the measured values against the
//! sentence's bound. A set that holds no record of the experiment a
//! sentence rests on (made before the experiment existed, or a reader who
//! ran only some programs) has not measured it: the sentence is named as
//! such, neither confirmed nor broken. `tests/claims.rs` fails on a
//! contradicted sentence or one no longer on its page; `results --claims`
//! prints the same judgement for the reader's runs.
//!
//! Records are looked up by a small query, `"file: key=value key=value"`,
//! for example `"chapter-04-parallelism: experiment=pool variant=threads
//! workers=2"`; exactly one record must match. Each set is its median run
//! ([`crate::merge`]), as the pages show it.

use std::collections::BTreeMap;
use std::fs;
use std::ops::{Div, Mul, Sub};
use std::path::Path;
use std::time::Duration;

use serde_json::{Map, Value as Json};
use shared::format;

/// One sentence of a page and the checks that make it true.
#[derive(Debug, Clone)]
pub struct Claim {
    /// The page, as its file name in `book/src/` (`chapter-04-parallelism.md`).
    pub page: &'static str,
    /// Words of the sentence as the page has them (whitespace and line breaks
    /// are compared loosely): enough to find it, and to name it on failure.
    pub says: &'static str,
    /// When the sentence applies, if not on every machine: the page states
    /// this condition with the sentence.
    pub when: Option<Condition>,
    /// What the records must show, every check at once.
    checks: Vec<Check>,
}

impl Claim {
    /// A sentence of `page`: true on every machine when the checks added to
    /// it hold.
    pub fn on(page: &'static str, says: &'static str) -> Self {
        Self { page, says, when: None, checks: Vec::new() }
    }

    /// The same sentence, said of the machines that meet `condition`.
    pub fn when(self, condition: Condition) -> Self {
        Self { when: Some(condition), ..self }
    }

    /// Checks that `value`, named `what` in the report and shown in `unit`,
    /// is above `bound`.
    pub fn above(
        self,
        unit: Unit,
        what: &str,
        value: Value,
        bound: impl Into<Value>,
    ) -> Self {
        self.compare(unit, what, value, Bound::Above(bound.into()))
    }

    /// Checks that `value` is below `bound`.
    pub fn below(
        self,
        unit: Unit,
        what: &str,
        value: Value,
        bound: impl Into<Value>,
    ) -> Self {
        self.compare(unit, what, value, Bound::Below(bound.into()))
    }

    /// Checks that `value` is above `low` and below `high`.
    pub fn between(
        self,
        unit: Unit,
        what: &str,
        value: Value,
        low: impl Into<Value>,
        high: impl Into<Value>,
    ) -> Self {
        self.compare(unit, what, value, Bound::Between(low.into(), high.into()))
    }

    /// Checks that `value` and `other` are within a factor `within` of each
    /// other.
    pub fn near(
        self,
        unit: Unit,
        what: &str,
        value: Value,
        other: Value,
        within: f64,
    ) -> Self {
        self.compare(unit, what, value, Bound::Near(other, within))
    }

    /// Checks that the one record `prefix rest` finds gives the verdict
    /// `words` (`what`: its name in the report).
    pub fn verdict(
        mut self,
        what: &str,
        prefix: &str,
        rest: &str,
        words: &'static str,
    ) -> Self {
        let (what, query) = (what.to_string(), query(prefix, rest));
        self.checks.push(Check::Verdict { what, query, words });
        self
    }

    /// Checks what a comparison cannot say (a query made from the machine's
    /// cores, a fold over pool sizes): `measure` computes it.
    pub fn computed(mut self, measure: fn(&Records) -> Result<Measured, String>) -> Self {
        self.checks.push(Check::Computed(measure));
        self
    }

    fn compare(mut self, unit: Unit, what: &str, value: Value, is: Bound) -> Self {
        self.checks.push(Check::Compare { what: what.to_string(), unit, value, is });
        self
    }

    /// Every check made on `records`; `Err` when a record it needs is missing.
    fn measure(&self, records: &Records) -> Result<Measured, String> {
        let parts: Result<Vec<Measured>, String> =
            self.checks.iter().map(|check| check.measure(records)).collect();
        Ok(Measured::all(parts?))
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

/// A number read from the records. Build one with [`field`], [`most`],
/// [`least`] or [`sum`], a constant (`0.5`), and `/`, `*`, `-` between them.
#[derive(Debug, Clone)]
pub enum Value {
    /// A number written in the sentence's entry.
    Constant(f64),
    /// The number in a field of the one record a query finds.
    Field(String, &'static str),
    /// A field of every record a query finds (each must have it), folded
    /// into one number: the largest, the smallest or the sum.
    Every(String, &'static str, fn(f64, f64) -> f64),
    /// Two values combined (`a / b`).
    Of(Box<Value>, fn(f64, f64) -> f64, Box<Value>),
}

/// `name` of the one record the query `prefix rest` finds (`prefix`: the
/// file and the pairs many queries share, `"chapter-03-cpu-bound:
/// experiment=calls"`; `rest`: `"variant=loop"`).
pub fn field(prefix: &str, rest: &str, name: &'static str) -> Value {
    Value::Field(query(prefix, rest), name)
}

/// The largest `name` of every record `prefix rest` finds.
pub fn most(prefix: &str, rest: &str, name: &'static str) -> Value {
    Value::Every(query(prefix, rest), name, f64::max)
}

/// The smallest `name` of every record `prefix rest` finds.
pub fn least(prefix: &str, rest: &str, name: &'static str) -> Value {
    Value::Every(query(prefix, rest), name, f64::min)
}

/// The sum of `name` over every record `prefix rest` finds.
pub fn sum(prefix: &str, rest: &str, name: &'static str) -> Value {
    Value::Every(query(prefix, rest), name, |a, b| a + b)
}

/// The query `prefix rest` (`rest` may be empty).
fn query(prefix: &str, rest: &str) -> String {
    format!("{prefix} {rest}").trim_end().to_string()
}

impl Value {
    /// The number, read from `records`; `Err` when a record is missing.
    pub fn read(&self, records: &Records) -> Result<f64, String> {
        Ok(match self {
            Value::Constant(x) => *x,
            Value::Field(query, name) => records.num(query, name)?,
            Value::Every(query, name, fold) => {
                records.each(query, name)?.into_iter().reduce(fold).unwrap_or_default()
            }
            Value::Of(a, op, b) => op(a.read(records)?, b.read(records)?),
        })
    }

    /// The larger of the two.
    pub fn max(self, other: Value) -> Value {
        Value::Of(Box::new(self), f64::max, Box::new(other))
    }

    /// The smaller of the two.
    pub fn min(self, other: Value) -> Value {
        Value::Of(Box::new(self), f64::min, Box::new(other))
    }
}

impl From<f64> for Value {
    fn from(x: f64) -> Self {
        Value::Constant(x)
    }
}

/// `a / b`, `a * b` and `a - b` of two values (or a value and a number).
macro_rules! operator {
    ($trait:ident, $method:ident, $op:tt) => {
        impl<T: Into<Value>> $trait<T> for Value {
            type Output = Value;
            fn $method(self, other: T) -> Value {
                Value::Of(Box::new(self), |a, b| a $op b, Box::new(other.into()))
            }
        }
    };
}
operator!(Div, div, /);
operator!(Mul, mul, *);
operator!(Sub, sub, -);

impl Mul<Value> for f64 {
    type Output = Value;
    fn mul(self, value: Value) -> Value {
        Value::from(self) * value
    }
}

/// One thing the records must show for a sentence to be true, added to it
/// by [`Claim::above`], [`Claim::below`], [`Claim::between`],
/// [`Claim::near`], [`Claim::verdict`] or [`Claim::computed`].
#[derive(Debug, Clone)]
enum Check {
    /// A value, named `what` in the report and shown in `unit`, against its
    /// bounds.
    Compare { what: String, unit: Unit, value: Value, is: Bound },
    /// The one record a query finds gives the verdict `words`.
    Verdict { what: String, query: String, words: &'static str },
    /// A check that computes more than a comparison can say (a query made
    /// from the machine's cores, a fold over pool sizes).
    Computed(fn(&Records) -> Result<Measured, String>),
}

/// Where a compared value must lie.
#[derive(Debug, Clone)]
enum Bound {
    /// Above this value.
    Above(Value),
    /// Below this value.
    Below(Value),
    /// Above the first, below the second.
    Between(Value, Value),
    /// Within a factor of this value (the larger over the smaller).
    Near(Value, f64),
}

impl Check {
    /// The check made on `records`: whether it holds, and the values.
    fn measure(&self, records: &Records) -> Result<Measured, String> {
        let (what, unit, value, is) = match self {
            Check::Compare { what, unit, value, is } => (what, *unit, value, is),
            Check::Verdict { what, query, words } => {
                let said = records.text(query, "verdict")?;
                let not = if said == *words {
                    String::new()
                } else {
                    format!(", not \"{words}\"")
                };
                let why = format!("{what}: verdict \"{said}\"{not}");
                return Ok(Measured { holds: said == *words, why });
            }
            Check::Computed(measure) => return measure(records),
        };
        let x = value.read(records)?;
        Ok(match is {
            Bound::Above(bound) => Measured::above(unit, what, x, bound.read(records)?),
            Bound::Below(bound) => Measured::below(unit, what, x, bound.read(records)?),
            Bound::Between(low, high) => Measured::all([
                Measured::above(unit, what, x, low.read(records)?),
                Measured::below(unit, what, x, high.read(records)?),
            ]),
            Bound::Near(other, within) => {
                Measured::near(unit, what, x, other.read(records)?, *within)
            }
        })
    }
}

/// A comparison made on the records: whether it came out true, and the
/// values compared, in words ("Python/Rust 2.31× > 1.00×").
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
    /// A whole count.
    Count,
}

impl Unit {
    fn show(self, x: f64) -> String {
        match self {
            Unit::Seconds => format::duration(Duration::from_secs_f64(x.max(0.0))),
            Unit::Times => format!("{x:.2}×"),
            Unit::Cores => format!("{x:.2} cores"),
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

    /// `a` and `b` (named `what`, in `unit`) within a factor `within`.
    pub fn near(unit: Unit, what: &str, a: f64, b: f64, within: f64) -> Self {
        let apart = a.max(b) / a.min(b);
        let (a, b) = (unit.show(a), unit.show(b));
        let (apart_x, within_x) = (Unit::Times.show(apart), Unit::Times.show(within));
        let why = format!("{what}: {a} and {b}, apart {apart_x} < {within_x}");
        Self { holds: apart < within, why }
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
    files: BTreeMap<String, Vec<Map<String, Json>>>,
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
            match serde_json::from_str::<Json>(line) {
                Ok(Json::Object(object)) => rows.push(object),
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
                row.insert(field.to_string(), Json::from(value));
                Ok(())
            }
            _ => Err(format!("{query}: {} records match, not one", found.len())),
        }
    }

    /// The number in `field` of the one record `query` finds.
    pub fn num(&self, query: &str, field: &str) -> Result<f64, String> {
        let row = self.one(query)?;
        row.get(field)
            .and_then(Json::as_f64)
            .ok_or(format!("{query}: no number in field {field}"))
    }

    /// The words in `field` (a verdict) of the one record `query` finds.
    pub fn text(&self, query: &str, field: &str) -> Result<String, String> {
        let row = self.one(query)?;
        row.get(field)
            .and_then(Json::as_str)
            .map(str::to_string)
            .ok_or(format!("{query}: no words in field {field}"))
    }

    /// Every record `query` finds (none is not an error, unless the set has
    /// no record of the query's file or of its `experiment` at all: then it
    /// did not measure it).
    pub fn all(&self, query: &str) -> Result<Vec<&Map<String, Json>>, String> {
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
            .filter_map(|row| row.get("cores").and_then(Json::as_f64))
            .reduce(f64::max)
            .ok_or("no record gives its cores".to_string())
    }

    /// The number in `field` of every record `query` finds: at least one,
    /// and each must have it.
    pub fn each(&self, query: &str, field: &str) -> Result<Vec<f64>, String> {
        let rows = self.all(query)?;
        let values: Vec<f64> =
            rows.iter().filter_map(|row| row.get(field)?.as_f64()).collect();
        if values.is_empty() || values.len() != rows.len() {
            return Err(format!("{query}: not every record has {field}"));
        }
        Ok(values)
    }

    fn one(&self, query: &str) -> Result<&Map<String, Json>, String> {
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
fn matches(row: &Map<String, Json>, wanted: &[(&str, &str)]) -> bool {
    wanted.iter().all(|(key, value)| match row.get(*key) {
        Some(Json::String(text)) => text == value,
        Some(Json::Number(number)) => {
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
    match claim.measure(records) {
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
                     {\"experiment\":\"pool\",\"workers\":4,\"variant\":\"threads\",\"wall_s\":1.9}\n\
                     {\"experiment\":\"cancel\",\"verdict\":\"ran on\"}\n";
        records.add("c4", lines).unwrap();
        records
    }

    fn wall(workers: &str) -> Value {
        field("c4:", workers, "wall_s")
    }

    /// A query finds one record by text and number fields, or says why not.
    #[test]
    fn queries_find_one_record() {
        let records = records();
        assert_eq!(records.num("c4: variant=threads workers=2", "wall_s"), Ok(2.0));
        let err = |query, field| records.num(query, field).unwrap_err();
        assert!(err("c4: variant=threads", "wall_s").contains("2 records"));
        assert!(err("c9: workers=2", "wall_s").contains("no records"));
        assert!(err("c4: workers=2", "cpu_s").contains("no number"));
    }

    /// Values combine as written; a fold reads every record the query finds.
    #[test]
    fn values_read_and_combine() {
        let records = records();
        let read = |value: Value| value.read(&records).unwrap();
        assert_eq!(read(3.0 * wall("workers=2") - wall("workers=2") / 4.0), 5.5);
        assert_eq!(read(most("c4:", "variant=threads", "wall_s")), 2.0);
        assert_eq!(read(least("c4:", "variant=threads", "wall_s")), 1.9);
        assert_eq!(read(sum("c4:", "experiment=pool", "workers")), 6.0);
        assert!(most("c4:", "", "workers").read(&records).is_err());
    }

    /// A sentence is confirmed or contradicted with the values against its
    /// bound, and says nothing on a machine outside its condition.
    #[test]
    fn judges_a_sentence_with_its_values_and_condition() {
        let mut records = records();
        let fast = Claim::on("p.md", "threads at 2 are faster")
            .below(Unit::Seconds, "wall", wall("workers=2"), 2.4)
            .when(Condition {
                says: "two cores or more",
                met: |r| Ok(Measured::above(Unit::Count, "cores", r.cores()?, 1.0)),
            });
        let judged = |records: &Records| judge(&fast, records);
        let unchecked = Judged::Unchecked("no record gives its cores".into());
        assert_eq!(judged(&records), unchecked);
        records.set("c4: workers=2", "cores", 2.0).unwrap();
        assert_eq!(judged(&records), Judged::Confirmed("wall 2.000 s < 2.400 s".into()));
        records.set("c4: workers=2", "wall_s", 3.0).unwrap();
        let contradicted = Judged::Contradicted("wall 3.000 s < 2.400 s".into());
        assert_eq!(judged(&records), contradicted);
        records.set("c4: workers=2", "cores", 1.0).unwrap();
        let not = Judged::NotApplicable("not two cores or more: cores 1 > 1".into());
        assert_eq!(judged(&records), not);
        let report = report(&[fast], &records);
        assert!(report.contains("Not applicable here"), "{report}");
        assert!(report.ends_with("1 sentences: 0 confirmed, 0 contradicted,\n1 not applicable, 0 not measured, 0 not checked.\n"), "{report}");
        assert!(report.lines().all(|line| line.chars().count() <= 80), "{report}");
    }

    /// Every kind of check says its values; a verdict names the words it
    /// wanted; the claim holds when every check does.
    #[test]
    fn every_kind_of_check_says_its_values() {
        let records = records();
        let claim = Claim::on("p.md", "w")
            .between(Unit::Times, "w", wall("workers=2"), 1.0, 3.0)
            .near(Unit::Times, "w", wall("workers=2"), wall("workers=4"), 1.01)
            .verdict("cancel", "c4:", "experiment=cancel", "stopped");
        let measured = claim.measure(&records).unwrap();
        assert!(!measured.holds);
        let why = "w 2.00× > 1.00×; w 2.00× < 3.00×; w: 2.00× and 1.90×, apart 1.05× < \
                   1.01×; cancel: verdict \"ran on\", not \"stopped\"";
        assert_eq!(measured.why, why);
    }

    /// A set with no record of a sentence's program or experiment has not
    /// measured it: the sentence is named apart, not broken; a record that
    /// is there but lacks a field is still a failure to check.
    #[test]
    fn a_set_without_the_experiment_has_not_measured_it() {
        let records = records();
        let claim = |says, prefix, rest| {
            Claim::on("p.md", says).above(Unit::Count, "n", field(prefix, rest, "n"), 0.0)
        };
        let claims = [
            claim("c5", "c5:", "experiment=cut"),
            claim("cut", "c4:", "experiment=cut"),
            claim("field", "c4:", "workers=2"),
        ];
        let unmeasured_in = |file: &str, why: &str| Judged::Unmeasured {
            file: file.into(),
            why: why.into(),
        };
        assert_eq!(
            judge(&claims[0], &records),
            unmeasured_in("c5", "no records named c5")
        );
        assert_eq!(
            judge(&claims[1], &records),
            unmeasured_in("c4", "no record of c4's cut")
        );
        assert!(matches!(judge(&claims[2], &records), Judged::Unchecked(_)));
        let named = |file: &str, says| (file.to_string(), format!("p.md: \"{says}\""));
        assert_eq!(
            unmeasured(&claims, &records),
            [named("c5", "c5"), named("c4", "cut")]
        );
        let pages = tempfile::tempdir().unwrap();
        fs::write(pages.path().join("p.md"), "c5, cut, field").unwrap();
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
        let says = "processes were more efficient";
        assert!(page_says("processes were\n  more efficient", says));
        assert!(!page_says("processes were less efficient", says));
    }
}
