//! Placeholder: this chapter's lesson is coming in a later chapter issue.

fn main() {
    println!("chapter-02-mixed-tasks: coming in a later chapter of the course.");
}
