//! Escaping text for markup (HTML and SVG/XML), in one place: text from the
//! inputs (names, kinds, labels) never becomes markup.

/// Escapes text for element content and attribute values in HTML and XML:
/// `<`, `>`, `&`, both quotes; control characters (which XML cannot hold)
/// become spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
