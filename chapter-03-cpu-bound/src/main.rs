//! Placeholder: this chapter's lesson is coming in a later chapter issue.

fn main() {
    println!("chapter-03-cpu-bound: coming in a later chapter of the course.");
}
