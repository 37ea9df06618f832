//! What the program prints, every line of it: [`cpu`] for part 1 (a header
//! before each place, a few lines after it, a summary table), [`io`] for
//! part 2 (the places' table, the scale-up's, the files'). Every line fits
//! 80 columns, and the verdict word comes early in its line. Every number
//! and word is read off what `observe` measured; nothing here measures.

pub mod cpu;
pub mod io;

/// `1 call`, `20 calls`.
pub fn count(n: usize, unit: &str) -> String {
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}
