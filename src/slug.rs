//! Safe, stable file-name slugs for names that come from the data.
//!
//! A group's name comes from an events file (the `kind` prefix) or from a
//! `[groups]` key, that is, from whoever sent the calendar. It is shown as it
//! is in every table and chart, but it never becomes part of a path: each
//! per-group file (`tables/peth_<slug>.csv`, `charts/peri_event_<slug>.svg`,
//! ...) is named with the slug made here, and [`crate::output`] checks every
//! path again before it writes anything.
//!
//! A slug keeps the letters and digits of any script (Hangul stays Hangul),
//! `-` and `_`; every other character becomes `_` (runs of them one `_`), and
//! leading and trailing `_`/`-` are dropped. It is never empty (`group`),
//! never a Windows device name (`CON` becomes `CON_`), and at most
//! [`MAX_SLUG_BYTES`] bytes, cut at a character boundary. Names whose slugs
//! coincide, ignoring case (file systems on Windows and macOS do), all get a
//! suffix made from their own name's SHA-256, so a group's file name depends
//! only on its name and on whether another name slugs alike, never on the
//! order of the groups.

use std::collections::{BTreeMap, BTreeSet};

/// Longest slug, in bytes (UTF-8).
pub const MAX_SLUG_BYTES: usize = 64;

/// Hex digits of the name's SHA-256 in the suffix of slugs that coincide.
const SUFFIX_HEX: usize = 8;

/// Windows device names: a file whose stem is one of these (in any case)
/// cannot be created on Windows.
const DEVICE_NAMES: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// Whether `stem` is a Windows device name (`CON`, `nul`, `COM1`, ...).
pub fn is_device_name(stem: &str) -> bool {
    DEVICE_NAMES.iter().any(|d| d.eq_ignore_ascii_case(stem))
}

/// Whether `c` may stand in a slug.
pub fn is_slug_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// The slug of one name, before uniqueness is settled.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len().min(MAX_SLUG_BYTES));
    let mut replaced = false;
    for c in name.chars() {
        if is_slug_char(c) {
            if replaced && !out.is_empty() {
                out.push('_');
            }
            replaced = false;
            out.push(c);
        } else {
            replaced = true;
        }
    }
    let trimmed = out.trim_matches(|c| c == '_' || c == '-');
    let mut slug = cut(trimmed, MAX_SLUG_BYTES).trim_end_matches(['_', '-']).to_string();
    if slug.is_empty() {
        slug = "group".into();
    }
    if is_device_name(&slug) {
        slug.push('_');
    }
    slug
}

/// The slugs of `names`, in the same order, distinct even ignoring case.
pub fn unique_slugs<S: AsRef<str>>(names: &[S]) -> Vec<String> {
    let bases: Vec<String> = names.iter().map(|n| slug(n.as_ref())).collect();
    let mut alike: BTreeMap<String, usize> = BTreeMap::new();
    for base in &bases {
        *alike.entry(base.to_lowercase()).or_default() += 1;
    }
    let mut slugs: Vec<String> = names
        .iter()
        .zip(&bases)
        .map(|(name, base)| {
            if alike[&base.to_lowercase()] == 1 {
                base.clone()
            } else {
                let digest = crate::digest::sha256_hex(name.as_ref().as_bytes());
                let head = cut(base, MAX_SLUG_BYTES - SUFFIX_HEX - 1);
                format!("{}-{}", head.trim_end_matches(['_', '-']), &digest[..SUFFIX_HEX])
            }
        })
        .collect();
    // Two names alike in their first 32 bits of SHA-256, or a name written to
    // look like another's suffixed slug: count up until every slug is distinct.
    let mut taken: BTreeSet<String> = BTreeSet::new();
    for slug in &mut slugs {
        let mut candidate = slug.clone();
        let mut k = 2u32;
        while taken.contains(&candidate.to_lowercase()) {
            let tail = format!("-{k}");
            candidate = format!("{}{tail}", cut(slug, MAX_SLUG_BYTES - tail.len()));
            k += 1;
        }
        taken.insert(candidate.to_lowercase());
        *slug = candidate;
    }
    slugs
}

/// The longest prefix of `text` of at most `max` bytes that ends at a
/// character boundary.
fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_keep_their_letters_in_any_script() {
        assert_eq!(slug("election"), "election");
        assert_eq!(slug("north-korea_tests"), "north-korea_tests");
        assert_eq!(slug("선거"), "선거");
        assert_eq!(slug("Élection"), "Élection");
    }

    #[test]
    fn separators_dots_and_controls_never_survive() {
        assert_eq!(slug("../../../../tmp/escaped"), "tmp_escaped");
        assert_eq!(slug("/etc/passwd"), "etc_passwd");
        assert_eq!(slug("a\\b"), "a_b");
        assert_eq!(slug("a/b"), "a_b");
        assert_eq!(slug("x y*?"), "x_y");
        assert_eq!(slug("a\0b\r\nc"), "a_b_c");
        assert_eq!(slug("."), "group");
        assert_eq!(slug(".."), "group");
        assert_eq!(slug(""), "group");
        assert_eq!(slug("🚀"), "group");
        assert_eq!(slug("C:report"), "C_report");
    }

    #[test]
    fn windows_device_names_are_changed() {
        assert_eq!(slug("CON"), "CON_");
        assert_eq!(slug("nul"), "nul_");
        assert_eq!(slug("com1"), "com1_");
        assert_eq!(slug("CONSOLE"), "CONSOLE");
    }

    #[test]
    fn long_names_are_cut_at_a_character_boundary() {
        let name = "가".repeat(100);
        let s = slug(&name);
        assert!(s.len() <= MAX_SLUG_BYTES && s.len() > MAX_SLUG_BYTES - 3, "{}", s.len());
        assert!(s.chars().all(|c| c == '가'));
        let s = slug(&"x".repeat(300));
        assert_eq!(s.len(), MAX_SLUG_BYTES);
    }

    #[test]
    fn names_that_slug_alike_get_stable_distinct_suffixes() {
        let slugs = unique_slugs(&["a/b", "a b", "c", "A_B"]);
        assert_eq!(slugs[2], "c");
        assert!(slugs[0].starts_with("a_b-") && slugs[1].starts_with("a_b-"), "{slugs:?}");
        assert!(slugs[3].starts_with("A_B-"), "{slugs:?}");
        let lower: std::collections::BTreeSet<String> =
            slugs.iter().map(|s| s.to_lowercase()).collect();
        assert_eq!(lower.len(), 4, "distinct even ignoring case: {slugs:?}");
        // The suffix depends on the name alone, not on the order of the groups.
        let reordered = unique_slugs(&["c", "a b", "A_B", "a/b"]);
        assert_eq!(reordered[3], slugs[0]);
        assert_eq!(reordered[1], slugs[1]);
        // Long names that agree in their first 64 bytes are told apart too.
        let long = [format!("{}1", "y".repeat(300)), format!("{}2", "y".repeat(300))];
        let slugs = unique_slugs(&long);
        assert_ne!(slugs[0], slugs[1]);
        assert!(slugs.iter().all(|s| s.len() <= MAX_SLUG_BYTES));
    }

    #[test]
    fn the_readme_example_holds() {
        assert_eq!(unique_slugs(&["a b", "a/b"]), ["a_b-c8687a08", "a_b-c14cddc0"]);
    }

    #[test]
    fn a_name_that_imitates_a_suffixed_slug_is_still_told_apart() {
        let suffixed = unique_slugs(&["a b", "a/b"]);
        let imitation = suffixed[0].clone();
        let slugs = unique_slugs(&["a b", "a/b", imitation.as_str()]);
        let lower: std::collections::BTreeSet<String> =
            slugs.iter().map(|s| s.to_lowercase()).collect();
        assert_eq!(lower.len(), 3, "{slugs:?}");
    }

    #[test]
    fn every_slug_is_made_of_safe_characters_only() {
        for name in ["../x", "\u{202e}evil", "a\u{0301}", "tab\there", "CON_x", "名前.csv"] {
            let s = slug(name);
            assert!(s.chars().all(is_slug_char), "{name:?} -> {s:?}");
            assert!(!s.is_empty() && s.len() <= MAX_SLUG_BYTES);
        }
    }
}
