//! Placeholder: this chapter's lesson is coming in a later chapter issue.

fn main() {
    println!("chapter-04-parallelism: coming in a later chapter of the course.");
}
