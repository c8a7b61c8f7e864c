//! The summary as a document of sections: written once, rendered as
//! `summary.md` (the sections' Markdown in order) and as `index.html` (each
//! section's heading by the page, its body by the Markdown renderer), so the
//! page never edits rendered HTML as text.

use std::fmt;

/// What a section is, for the page to place and style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    /// "Since the last run", highlighted on the page.
    SinceLastRun,
    /// Any other section.
    Plain,
}

/// One `##` section: its kind, heading and Markdown body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub kind: SectionKind,
    pub heading: String,
    /// The Markdown after the heading line and its blank line.
    pub body: String,
}

/// The summary: the text before the first section (title and inputs), then
/// the sections.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub head: String,
    pub sections: Vec<Section>,
}

impl Document {
    /// Starts a section; what is written next goes into its body.
    pub fn section(&mut self, kind: SectionKind, heading: &str) {
        self.sections.push(Section { kind, heading: heading.to_string(), body: String::new() });
    }

    /// The whole summary as Markdown (`summary.md`): the head, then each
    /// section's heading line, a blank line and its body. (A body ends with
    /// the blank line its writer left before the next heading.)
    pub fn to_markdown(&self) -> String {
        let mut md = self.head.clone();
        for section in &self.sections {
            md.push_str("## ");
            md.push_str(&section.heading);
            md.push_str("\n\n");
            md.push_str(&section.body);
        }
        md
    }
}

impl fmt::Write for Document {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        match self.sections.last_mut() {
            Some(section) => section.body.push_str(s),
            None => self.head.push_str(s),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    #[test]
    fn the_markdown_is_the_head_then_each_heading_and_body() {
        let mut doc = Document::default();
        let _ = writeln!(doc, "# Title\n");
        doc.section(SectionKind::SinceLastRun, "A");
        let _ = writeln!(doc, "a\n");
        doc.section(SectionKind::Plain, "B");
        let _ = writeln!(doc, "b\n");
        doc.section(SectionKind::Plain, "C");
        assert_eq!(doc.to_markdown(), "# Title\n\n## A\n\na\n\n## B\n\nb\n\n## C\n\n");
        assert_eq!(doc.sections[0].body, "a\n\n");
    }
}
