//! The one renderer of measured results: one merged record set
//! ([`crate::merge`]) in, the book's table page (`book/src/results/<name>.md`)
//! and one-value files (`book/src/results/values/<name>/<key>.<field>.txt`,
//! which prose includes inline) out. Nothing is typed by hand and no chapter
//! writes Markdown.
//!
//! Each experiment gets one table, between `ANCHOR: <experiment>` and
//! `ANCHOR_END: <experiment>` markers in HTML comments, so that a page includes
//! it alone with `{{#include results/<name>.md:<experiment>}}`. It is led by its
//! takeaway ([`crate::takeaway`]) and followed by the runs' spread. The columns
//! are the fields present; a field with the same value in every row moves to
//! the line above, which keeps tables narrow; a table of one row is shown as
//! field and value, one per line.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use shared::format;
use shared::record::Record;

use crate::merge::{self, Merged, Spread};
use crate::takeaway;
use crate::text::wrap;

/// The fields in the order the tables show them, with their headers. A
/// field not listed (a newer one) comes after them, named after itself.
const FIELDS: &[(&str, &str)] = &[
    ("experiment", "experiment"),
    ("variant", "variant"),
    ("language", "language"),
    ("workers", "N"),
    ("verdict", "verdict"),
    ("version", "version"),
    ("wall_s", "wall"),
    ("cpu_s", "CPU"),
    ("cores_used", "cores busy"),
    ("cores", "cores"),
    ("calls", "calls"),
    ("limit", "limit"),
    ("fingerprint", "bits"),
    ("ticks", "ticks"),
    ("interval_s", "interval"),
    ("late_ticks", "late"),
    ("max_gap_s", "longest gap"),
    ("worst_lateness_s", "worst lateness"),
    ("step_s", "CPU step"),
    ("startup_s", "start-up"),
    ("speedup", "speedup"),
    ("memory_each_bytes", "memory each"),
    ("steps_started", "steps started"),
    ("steps_finished", "steps finished"),
    ("cpu_after_deadline_ms", "CPU after deadline"),
    ("lost_messages", "lost"),
    ("peak_memory_bytes", "peak memory"),
    ("throughput_per_s", "per second"),
    ("latency_median_ms", "latency median"),
    ("latency_worst_ms", "latency worst"),
    ("failures", "failed"),
    ("bound", "bound"),
];

pub fn header(field: &str) -> String {
    FIELDS.iter().find(|(name, _)| *name == field).map_or_else(
        || field.trim_end_matches("_s").replace('_', " "),
        |(_, h)| h.to_string(),
    )
}

/// A field's value as the programs print it: durations (`_s`, `_ms`) and
/// byte counts with `shared::format`, rates (`_per_s`) as whole numbers,
/// cores busy with two decimals, speedups as `1.95×`, counts and words as
/// they are.
pub fn value(field: &str, value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Number(number) => {
            let Some(x) = number.as_f64() else { return number.to_string() };
            if field.ends_with("_per_s") {
                format!("{x:.0}")
            } else if field.ends_with("_ms") {
                format::duration_ms(x)
            } else if field.ends_with("_s") {
                format::duration_s(x)
            } else if field.ends_with("_bytes") {
                format::bytes(x)
            } else if field == "cores_used" {
                format!("{x:.2}")
            } else if field == "speedup" {
                format!("{x:.2}×")
            } else {
                number.to_string()
            }
        }
        other => other.to_string(),
    }
}

/// The record's fields that are present, by name. A `limit` of 0 is left
/// out: it marks an experiment without the workload (the I/O ones).
fn fields(record: &Record) -> BTreeMap<String, Value> {
    let absent = |name: &str, v: &Value| v.is_null() || (name == "limit" && v == 0);
    match serde_json::to_value(record) {
        Ok(Value::Object(map)) => {
            map.into_iter().filter(|(n, v)| !absent(n, v)).collect()
        }
        _ => BTreeMap::new(),
    }
}

/// `names` in the order of [`FIELDS`], the others after them, sorted.
fn ordered(names: BTreeSet<String>) -> Vec<String> {
    let mut list: Vec<String> = names.into_iter().collect();
    list.sort_by_key(|name| {
        FIELDS.iter().position(|(field, _)| field == name).unwrap_or(FIELDS.len())
    });
    list
}

/// The Markdown fragment for one merged record set: the provenance line,
/// then one table per experiment, in the order the experiments first appear,
/// each led by its takeaway and followed by its spread.
pub fn markdown(set: &str, merged: &Merged, provenance: &str) -> String {
    let mut text = format!("Measured on {provenance}.\n");
    // A spread per experiment, in the order the experiments first appear.
    for spread in &merged.spreads {
        let experiment = spread.experiment.as_str();
        let records: Vec<&Record> =
            merged.records.iter().filter(|r| r.experiment == experiment).collect();
        let rows: Vec<BTreeMap<String, Value>> =
            records.iter().map(|record| fields(record)).collect();
        text.push_str(&format!("\n<!-- ANCHOR: {experiment} -->\n"));
        if let Some(line) = takeaway::line(experiment, &records) {
            text.push_str(&wrap(&format!("**In short:** {line}"), 80, "", ""));
            text.push('\n');
        }
        text.push_str(&group(experiment, &rows));
        text.push_str(&spread_line(set, merged, spread));
        // A blank line first: the comment must not read as a table row.
        text.push_str(&format!("\n<!-- ANCHOR_END: {experiment} -->\n"));
    }
    text
}

/// How the rows were chosen and how far the runs spread, in one line.
fn spread_line(set: &str, merged: &Merged, spread: &Spread) -> String {
    if merged.runs < 2 {
        return "\nOne run: its spread is not known.\n".to_string();
    }
    let line = format!(
        "Every row, and the page's pictures, come from run {} of {}: the one with the \
         median total wall time. The runs' wall times spread by at most {:.1} % \
         ((max − min) / median). Held to the {:.0} % bound, each row's spread of \
         the cores it kept busy if CPU-bound, else of its wall time: at most {:.1} %.",
        merged.run,
        merged.runs,
        spread.wall * 100.0,
        merge::bound(set, &spread.experiment) * 100.0,
        spread.spread * 100.0,
    );
    format!("\n{}", wrap(&line, 80, "", ""))
}

/// One experiment's rows: the shared values in a line, then the table.
fn group(experiment: &str, rows: &[BTreeMap<String, Value>]) -> String {
    let names = ordered(
        rows.iter()
            .flat_map(|row| row.keys().cloned())
            .filter(|n| n != "experiment")
            .collect(),
    );
    let shown = |row: &BTreeMap<String, Value>, name: &String| {
        row.get(name).map_or_else(|| "–".to_string(), |v| value(name, v))
    };
    if let [row] = rows {
        let lines: Vec<Vec<String>> =
            names.iter().map(|name| vec![header(name), shown(row, name)]).collect();
        let field_value = ["field".to_string(), "value".to_string()];
        return format!("`{experiment}`:\n\n{}", table(&field_value, &lines));
    }
    let constant = |name: &&String| {
        let first = rows[0].get(*name);
        first.is_some() && rows.iter().all(|row| row.get(*name) == first)
    };
    let (shared, columns): (Vec<&String>, Vec<&String>) =
        names.iter().partition(constant);
    let shared: Vec<String> = shared
        .iter()
        .map(|name| format!("{} {}", header(name), shown(&rows[0], name)))
        .collect();
    let intro = if shared.is_empty() {
        ":".to_string()
    } else {
        format!(", every row: {}.", shared.join(", "))
    };
    let headers: Vec<String> = columns.iter().map(|name| header(name)).collect();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| columns.iter().map(|name| shown(row, name)).collect())
        .collect();
    format!("`{experiment}`{intro}\n\n{}", table(&headers, &cells))
}

/// A Markdown table: the header row, the separator, a line per row.
fn table(header: &[String], rows: &[Vec<String>]) -> String {
    let mut text =
        format!("| {} |\n|{}\n", header.join(" | "), "---|".repeat(header.len()));
    for row in rows {
        text.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    text
}

/// The one-value files of a file's records: `(<key>.<field>.txt, value)`,
/// where `<key>` is the experiment, then the variant and the workers when
/// set, then the language when the records hold more than one language.
/// The second list names keys that more than one record has (the last one
/// wins).
pub fn values(records: &[Record]) -> (BTreeMap<String, String>, Vec<String>) {
    let languages: BTreeSet<&str> = records.iter().map(|r| r.language.as_str()).collect();
    let mut files = BTreeMap::new();
    let mut seen = BTreeSet::new();
    let mut repeated = Vec::new();
    for record in records {
        let key =
            if languages.len() > 1 { merge::key(record) } else { merge::place(record) };
        if !seen.insert(key.clone()) {
            repeated.push(key.clone());
        }
        for (name, v) in fields(record) {
            files.insert(format!("{key}.{name}.txt"), value(&name, &v));
        }
    }
    (files, repeated)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::read_records;
    use serde_json::json;

    const LINES: &str = r#"
{"experiment":"mixed_tasks","language":"rust","version":"1.88.0","wall_s":10.5,"cpu_s":10.2,"cores_used":0.971,"cores":2,"limit":100000,"ticks":5,"worst_lateness_s":1.5612,"variant":"tokio-on-loop","verdict":"late","late_ticks":4}
{"experiment":"mixed_tasks","language":"rust","version":"1.88.0","wall_s":10.1,"cpu_s":10.0,"cores_used":0.99,"cores":2,"limit":100000,"ticks":5,"worst_lateness_s":0.0004,"variant":"tokio-offload","verdict":"on time","late_ticks":0}
{"experiment":"one_call","language":"rust","version":"1.88.0","wall_s":0.0871,"cpu_s":0.087,"cores_used":1.0,"cores":2,"limit":100000}
"#;

    fn one_run(lines: &str) -> Merged {
        merge::merge(&[read_records(lines).unwrap()]).unwrap()
    }

    /// The whole page of one run: the provenance, then per experiment, between
    /// anchors of its name, its takeaway, the fields equal in every row on a
    /// line, the varying ones as columns with human headers in the programs'
    /// formats (a table of one row as field and value), and the spread.
    #[test]
    fn renders_one_anchored_table_per_experiment() {
        let text = markdown("test", &one_run(LINES), "2 cores, release build");
        assert_eq!(
            text,
            "Measured on 2 cores, release build.\n\
             \n\
             <!-- ANCHOR: mixed_tasks -->\n\
             **In short:** with the CPU steps on the loop, the ticks ran late on the one\n\
             runtime, by up to 1.561 s; with the steps moved off it, on time on the one\n\
             runtime, within 400 µs.\n\
             \n\
             `mixed_tasks`, every row: language rust, version 1.88.0, cores 2, limit 100000, ticks 5.\n\
             \n\
             | variant | verdict | wall | CPU | cores busy | late | worst lateness |\n\
             |---|---|---|---|---|---|---|\n\
             | tokio-on-loop | late | 10.500 s | 10.200 s | 0.97 | 4 | 1.561 s |\n\
             | tokio-offload | on time | 10.100 s | 10.000 s | 0.99 | 0 | 400 µs |\n\
             \n\
             One run: its spread is not known.\n\
             \n\
             <!-- ANCHOR_END: mixed_tasks -->\n\
             \n\
             <!-- ANCHOR: one_call -->\n\
             `one_call`:\n\
             \n\
             | field | value |\n\
             |---|---|\n\
             | language | rust |\n\
             | version | 1.88.0 |\n\
             | wall | 87.1 ms |\n\
             | CPU | 87.0 ms |\n\
             | cores busy | 1.00 |\n\
             | cores | 2 |\n\
             | limit | 100000 |\n\
             \n\
             One run: its spread is not known.\n\
             \n\
             <!-- ANCHOR_END: one_call -->\n"
        );
    }

    /// Over several runs, a table ends with the spread of the wall times
    /// and the spread its bound holds.
    #[test]
    fn ends_with_the_spread_of_several_runs() {
        let run = |scale: f64| {
            let mut records = read_records(LINES).unwrap();
            records.iter_mut().for_each(|r| r.wall_s *= scale);
            records
        };
        let merged = merge::merge(&[run(1.0), run(1.04), run(0.98)]).unwrap();
        let text = markdown("test", &merged, "here");
        let mixed = crate::include::anchor(&text, "mixed_tasks").unwrap();
        assert!(
            mixed.trim_end().ends_with(
                "Every row, and the page's pictures, come from run 1 of 3: the one with the\n\
                 median total wall time. The runs' wall times spread by at most 6.0 % ((max −\n\
                 min) / median). Held to the 10 % bound, each row's spread of the cores it kept\n\
                 busy if CPU-bound, else of its wall time: at most 5.9 %."
            ),
            "{mixed}"
        );
    }

    /// A scale-up has no workload, so no limit; start-up per connection
    /// reads as a duration, memory per connection in KiB.
    #[test]
    fn renders_the_scale_up_with_units() {
        let lines = r#"
{"experiment":"io_scale","language":"rust","version":"1.95.0","wall_s":0.752529,"cpu_s":0.653242,"cores_used":0.868,"cores":2,"calls":10000,"limit":0,"variant":"tasks","verdict":"0 failed","startup_s":0.000036489,"memory_each_bytes":1406.5664}
{"experiment":"io_scale","language":"python","version":"3.11.7","wall_s":2.199312,"cpu_s":3.066872,"cores_used":1.394,"cores":2,"calls":10000,"limit":0,"variant":"threads","verdict":"0 failed","startup_s":0.000121757,"memory_each_bytes":9034.5472}
"#;
        let text = markdown("test", &one_run(lines), "here");
        assert_eq!(
            text,
            "Measured on here.\n\
             \n\
             <!-- ANCHOR: io_scale -->\n\
             **In short:** 10000 connections, each one took: Rust's task 36.5 µs to start and\n\
             1.37 KiB of memory (0 failed); Python's thread 122 µs to start and 8.82 KiB of\n\
             memory (0 failed).\n\
             \n\
             `io_scale`, every row: verdict 0 failed, cores 2, calls 10000.\n\
             \n\
             | variant | language | version | wall | CPU | cores busy | start-up | memory each |\n\
             |---|---|---|---|---|---|---|---|\n\
             | tasks | rust | 1.95.0 | 753 ms | 653 ms | 0.87 | 36.5 µs | 1.37 KiB |\n\
             | threads | python | 3.11.7 | 2.199 s | 3.067 s | 1.39 | 122 µs | 8.82 KiB |\n\
             \n\
             One run: its spread is not known.\n\
             \n\
             <!-- ANCHOR_END: io_scale -->\n"
        );
        let (files, _) = values(&read_records(lines).unwrap());
        let file = |key: &str| files.get(key).map(String::as_str);
        assert_eq!(file("io_scale.tasks.rust.memory_each_bytes.txt"), Some("1.37 KiB"));
        assert_eq!(file("io_scale.threads.python.startup_s.txt"), Some("122 µs"));
    }

    /// Each field of each record becomes one value file, keyed by the
    /// experiment, variant and workers (and the language when the records
    /// hold two: the scale-up's test); a key two records share is reported.
    #[test]
    fn writes_one_value_per_field() {
        let records = read_records(LINES).unwrap();
        let (files, repeated) = values(&records);
        let file = |key: &str| files.get(key).map(String::as_str);
        assert_eq!(
            file("mixed_tasks.tokio-on-loop.worst_lateness_s.txt"),
            Some("1.561 s")
        );
        assert_eq!(file("one_call.cores_used.txt"), Some("1.00"));
        assert_eq!(file("mixed_tasks.tokio-offload.verdict.txt"), Some("on time"));
        assert!(repeated.is_empty());
        let twice = [records[0].clone(), records[0].clone()];
        assert_eq!(values(&twice).1, ["mixed_tasks.tokio-on-loop"]);
    }

    /// Each kind of field reads as the programs print it: durations in
    /// seconds and milliseconds, bytes, a rate as a whole number (not as
    /// seconds), speedups and counts; and under its header, an unknown
    /// field named after itself.
    #[test]
    fn formats_values_and_headers() {
        for (field, raw, shown) in [
            ("startup_s", json!(0.0031), "3.10 ms"),
            ("cpu_after_deadline_ms", json!(156.463), "156 ms"),
            ("latency_worst_ms", json!(2150.534), "2.151 s"),
            ("memory_each_bytes", json!(1406.5664), "1.37 KiB"),
            ("throughput_per_s", json!(8496.6), "8497"),
            ("speedup", json!(1.954), "1.95×"),
            ("calls", json!(20), "20"),
        ] {
            assert_eq!(value(field, &raw), shown, "{field}");
        }
        for (field, shown) in [
            ("startup_s", "start-up"),
            ("memory_each_bytes", "memory each"),
            ("throughput_per_s", "per second"),
            ("cpu_after_deadline_ms", "CPU after deadline"),
            ("queue_wait_s", "queue wait"),
        ] {
            assert_eq!(header(field), shown);
        }
    }
}
