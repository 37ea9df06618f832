//! A page's Markdown as the checks read it: its fenced code blocks apart
//! from its prose.

/// A fenced code block (between two ```` ``` ```` or `~~~` lines).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block<'a> {
    /// The line its fence opens on, from 1.
    pub line: usize,
    /// What follows the opening fence: `rust`, `text,ignore`, or nothing.
    pub info: &'a str,
    /// The lines between the fences.
    pub body: Vec<&'a str>,
    /// Whether a fence closes it before the page ends.
    pub closed: bool,
}

/// The page's lines outside fenced blocks, numbered from 1, and its blocks.
pub fn split(markdown: &str) -> (Vec<(usize, &str)>, Vec<Block<'_>>) {
    let (mut prose, mut blocks) = (Vec::new(), Vec::<Block<'_>>::new());
    let mut open = false;
    for (number, line) in (1..).zip(markdown.lines()) {
        let trimmed = line.trim_start();
        let fence = trimmed.strip_prefix("```").or_else(|| trimmed.strip_prefix("~~~"));
        match (fence, blocks.last_mut()) {
            (Some(_), Some(block)) if open => block.closed = true,
            (Some(info), _) => {
                let info = info.trim();
                blocks.push(Block { line: number, info, body: Vec::new(), closed: false })
            }
            (None, Some(block)) if open => block.body.push(line),
            (None, _) => prose.push((number, line)),
        }
        if fence.is_some() {
            open = !open;
        }
    }
    (prose, blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Prose keeps its line numbers; a block its info and body; a fence
    /// left open is an unclosed block.
    #[test]
    fn splits_prose_from_blocks() {
        let page = "a\n```rust,ignore\nfn f() {}\n```\nb\n~~~\nopen";
        let (prose, blocks) = split(page);
        assert_eq!(prose, [(1, "a"), (5, "b")]);
        assert_eq!(
            blocks,
            [
                Block {
                    line: 2,
                    info: "rust,ignore",
                    body: vec!["fn f() {}"],
                    closed: true
                },
                Block { line: 6, info: "", body: vec!["open"], closed: false },
            ]
        );
    }
}
