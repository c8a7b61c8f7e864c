//! Embedded font subsets for the self-contained HTML report.
//!
//! # Why
//!
//! `index.html` is a single self-contained file: it must render Latin and
//! Hangul text identically on a machine with no system fonts (a fresh CI
//! runner, a reviewer's laptop without Korean fonts). So the report carries
//! the font it uses, NanumGothic Regular and Bold, as `@font-face` rules with
//! `data:` URLs. The full fonts are 4.7 MB each (11,172 Hangul syllables plus
//! hanja); the report needs a few hundred glyphs, so each font is subset to
//! the characters the page actually displays.
//!
//! # Approach: glyphs kept in place
//!
//! A conventional subsetter renumbers the glyphs it keeps and must then
//! rewrite every table that names glyphs (`cmap`, `hmtx`, `kern`, `GPOS`,
//! `GDEF`, ...). This one does not renumber: every glyph keeps its index, and
//! only the outlines are thinned. The glyphs needed for `text` (the glyph of
//! each character through `cmap`, glyph 0 `.notdef`, U+0020 space, and the
//! components of composite glyphs, recursively) keep their `glyf` records
//! byte for byte, hinting instructions included; every other glyph gets an
//! empty outline (a zero-length `loca` entry). `glyf` and `loca` are rebuilt
//! (short `loca` whenever the offsets fit, `head.indexToLocFormat` updated),
//! and the tables that name glyphs by index stay valid unchanged.
//!
//! `cmap` is rebuilt to map *only* the characters of `text` and U+0020 space
//! (those the font has) to their unchanged glyph ids: a (3,1) format 4
//! subtable for the BMP and a (3,10) format 12 subtable for every character.
//! So the emptied glyphs are unreachable, and a character outside the subset
//! is not claimed by the font: the browser draws it with the next font of the
//! CSS `font-family` list, like any character the font lacks. `OS/2`
//! `usFirstCharIndex`/`usLastCharIndex` are set to the first and last mapped
//! character (0xFFFF for one past the BMP).
//!
//! Tables are then filtered:
//!
//! * dropped: `GSUB` and the AAT `morx`/`mort` (a ligature or contextual
//!   substitution could replace a kept glyph with an emptied one, so text
//!   would vanish), `DSIG` (the signature no longer matches), `hdmx`, `LTSH`
//!   and `VDMX` (device metrics caches browsers ignore), and the `TSI*`
//!   tables of Microsoft VTT (hinting *sources*, 360 kB in NanumGothic, never
//!   read by a renderer; OTS rejects the original fonts for their empty
//!   `TSI3`, so browsers would not load them unsubset at all);
//! * `post` format 2 (a name for every glyph) becomes format 3 (its 32-byte
//!   header alone);
//! * `hmtx` stores full metrics (advance and left side bearing) only up to
//!   the last kept glyph: `hhea.numberOfHMetrics` is lowered to its index
//!   plus one, so the glyphs after it, all empty and unmapped, share its
//!   advance and keep only their left side bearings (kept glyphs' metrics are
//!   unchanged);
//! * everything else (`head`, `maxp`, `name`, `cvt `, `fpgm`, `prep`, `gasp`,
//!   `kern`, `GPOS`, `GDEF`, ...) is copied.
//!
//! The result is written with a fresh table directory, 4-byte padding,
//! per-table checksums and `head.checkSumAdjustment`, and is accepted by
//! Chromium's OTS sanitizer.
//!
//! # Cost
//!
//! The per-glyph tables keep an entry for every glyph whatever the text:
//! `loca` (2 bytes a glyph once short) and `hmtx` (2 bytes a glyph, 4 up to
//! the last kept one) cost 80 to 120 kB for NanumGothic's 20,000 glyphs,
//! while the new `cmap` costs at most 20 bytes a character. A typical report
//! text (2,000 characters, 100 distinct Hangul syllables) gives a subset of
//! about 145 kB per weight (87 kB of it `loca` and `hmtx`, 2.4 kB `cmap`),
//! 195 kB as base64, where a renumbering subsetter such as fontTools'
//! `pyftsubset` reaches 55 kB. In exchange the code is short and cannot break
//! glyph references. Without `GSUB` there are no ligatures or contextual
//! forms (NanumGothic has no `GSUB`, and precomposed Hangul syllables need
//! none).
//!
//! Only TrueType-flavoured fonts (`glyf` outlines, sfnt version
//! `0x00010000`) are handled; CFF fonts, collections and variable fonts
//! (`gvar` data is copied whole, not thinned) are out of scope.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// `sfnt` version of TrueType-outline fonts.
const SFNT_TRUETYPE: u32 = 0x0001_0000;
/// `true`: the old Apple TrueType version tag, same layout.
const SFNT_APPLE_TRUE: u32 = 0x7472_7565;
/// `head.magicNumber`.
const HEAD_MAGIC: u32 = 0x5F0F_3CF5;
/// The whole font's checksum, `checkSumAdjustment` included, must equal this.
const CHECKSUM_MAGIC: u32 = 0xB1B0_AFBA;
/// Largest glyph offset a short (`u16` halved) `loca` can hold.
const SHORT_LOCA_MAX: usize = 0xFFFF * 2;

/// Tables left out of a subset (see the module documentation for why).
fn dropped(tag: [u8; 4]) -> bool {
    matches!(&tag, b"GSUB" | b"morx" | b"mort" | b"DSIG" | b"hdmx" | b"LTSH" | b"VDMX")
        || tag.starts_with(b"TSI")
}

/// Returns a TrueType font with the outlines of only the glyphs needed to
/// display every character of `text`, and a `cmap` mapping only those
/// characters.
///
/// Kept: glyph 0 (`.notdef`), the glyph `cmap` maps each character of
/// `text` (and U+0020 space) to, and the components of composite glyphs,
/// recursively; their `glyf` records are copied byte for byte. Every other
/// glyph keeps its index but has an empty outline, so `kern` and `GPOS` stay
/// valid unchanged. The new `cmap` maps exactly the characters of `text` and
/// space that the font has, to their original glyph ids; every other
/// character is left to a fallback font. `GSUB`, `DSIG`, `hdmx`, `LTSH`,
/// `VDMX`, AAT `morx`/`mort` and VTT `TSI*` tables are dropped, `post`
/// format 2 becomes format 3, and `hmtx` keeps full metrics only up to the
/// last kept glyph. The output is deterministic.
///
/// # Errors
///
/// Returns a description if `font` is not a well-formed TrueType font with
/// `glyf` outlines (truncated data, missing table, unsupported `cmap`,
/// a collection or a CFF font, ...), or if `text` has so many scattered BMP
/// characters (several thousand) that they do not fit a format 4 `cmap`
/// subtable. Never panics.
pub fn subset(font: &[u8], text: &str) -> Result<Vec<u8>, String> {
    let sfnt = Sfnt::parse(font)?;
    let head = sfnt.require(*b"head")?;
    if head.len() < 54 {
        return Err(format!("head table is {} bytes, expected 54", head.len()));
    }
    if read_u32(head, 12)? != HEAD_MAGIC {
        return Err("head table has a bad magic number".to_owned());
    }
    let long_loca = match read_u16(head, 50)? {
        0 => false,
        1 => true,
        other => return Err(format!("head.indexToLocFormat is {other}, expected 0 or 1")),
    };
    let num_glyphs = usize::from(read_u16(sfnt.require(*b"maxp")?, 4)?);
    if num_glyphs == 0 {
        return Err("maxp.numGlyphs is 0".to_owned());
    }
    let glyphs =
        Glyphs::parse(sfnt.require(*b"glyf")?, sfnt.require(*b"loca")?, long_loca, num_glyphs)?;
    let chars = mapped_chars(&Cmap::parse(sfnt.require(*b"cmap")?)?, text, num_glyphs)?;

    let keep = needed_glyphs(&glyphs, &chars)?;
    let (mut glyf, mut loca, long_out) = rebuild_glyf(&glyphs, &keep)?;
    let mut cmap = build_cmap(&chars)?;
    // Glyph 0 is always kept.
    let last_kept = keep.iter().rposition(|&kept| kept).unwrap_or(0);
    let metrics = match (sfnt.table(*b"hhea")?, sfnt.table(*b"hmtx")?) {
        (Some(hhea), Some(hmtx)) => trimmed_hmtx(hhea, hmtx, num_glyphs, last_kept),
        _ => None,
    };

    let mut tables: Vec<([u8; 4], Vec<u8>)> = Vec::with_capacity(sfnt.tables.len());
    for record in &sfnt.tables {
        if dropped(record.tag) {
            continue;
        }
        let data = sfnt.data(record)?;
        let out = match (&record.tag, &metrics) {
            (b"glyf", _) => std::mem::take(&mut glyf),
            (b"loca", _) => std::mem::take(&mut loca),
            (b"cmap", _) => std::mem::take(&mut cmap),
            (b"head", _) => {
                let mut head = data.to_vec();
                // Zeroed for the checksums, filled in once the font is assembled.
                put_u32(&mut head, 8, 0)?;
                put_u16(&mut head, 50, u16::from(long_out))?;
                head
            }
            (b"hhea", Some((long_metrics, _))) => {
                let mut hhea = data.to_vec();
                put_u16(&mut hhea, 34, *long_metrics)?;
                hhea
            }
            (b"hmtx", Some((_, hmtx))) => hmtx.clone(),
            (b"OS/2", _) => os2_char_range(data, &chars)?,
            (b"post", _) => post_format3(data)?,
            _ => data.to_vec(),
        };
        tables.push((record.tag, out));
    }
    assemble(tables)
}

/// Returns two `@font-face` rules for `family`, weight 400 from `regular` and
/// weight 700 from `bold`, each embedding [`subset`]`(font, text)` as a
/// base64 `data:font/ttf` URL.
///
/// `text` should be everything the page displays in `family`: a character
/// missing from `text` is not in the subset's `cmap`, so the browser draws it
/// with the next font of the CSS `font-family` list. The family name is
/// written as a CSS string, escaped so that it cannot end the string or the
/// enclosing `<style>` element. The output is deterministic.
///
/// # Errors
///
/// Returns the [`subset`] error of either font, prefixed with its weight.
pub fn font_face_css(
    family: &str,
    regular: &[u8],
    bold: &[u8],
    text: &str,
) -> Result<String, String> {
    let family = css_string(family);
    let mut css = String::new();
    for (weight, font) in [(400, regular), (700, bold)] {
        let data = subset(font, text).map_err(|e| format!("font weight {weight}: {e}"))?;
        // Writing to a String cannot fail.
        let _ = write!(
            css,
            "@font-face {{\n  font-family: {family};\n  font-style: normal;\n  \
             font-weight: {weight};\n  src: url(data:font/ttf;base64,{}) format(\"truetype\");\n}}\n",
            base64(&data)
        );
    }
    Ok(css)
}

// ---------------------------------------------------------------------------
// Bounds-checked big-endian reads and writes.

fn bytes(data: &[u8], offset: usize, len: usize) -> Result<&[u8], String> {
    offset.checked_add(len).and_then(|end| data.get(offset..end)).ok_or_else(|| {
        format!(
            "truncated font data: {len} bytes at offset {offset}, only {} available",
            data.len()
        )
    })
}

fn array<const N: usize>(data: &[u8], offset: usize) -> Result<[u8; N], String> {
    bytes(data, offset, N)?.try_into().map_err(|_| "internal: slice length mismatch".to_owned())
}

fn read_u16(data: &[u8], offset: usize) -> Result<u16, String> {
    array(data, offset).map(u16::from_be_bytes)
}

fn read_i16(data: &[u8], offset: usize) -> Result<i16, String> {
    array(data, offset).map(i16::from_be_bytes)
}

fn read_u32(data: &[u8], offset: usize) -> Result<u32, String> {
    array(data, offset).map(u32::from_be_bytes)
}

fn read_usize(data: &[u8], offset: usize) -> Result<usize, String> {
    read_u32(data, offset).and_then(to_usize)
}

fn to_usize(value: u32) -> Result<usize, String> {
    usize::try_from(value).map_err(|_| format!("offset {value} does not fit this platform"))
}

fn put<const N: usize>(data: &mut [u8], offset: usize, value: [u8; N]) -> Result<(), String> {
    let len = data.len();
    offset
        .checked_add(N)
        .and_then(|end| data.get_mut(offset..end))
        .ok_or_else(|| format!("internal: write of {N} bytes at {offset} past {len}"))?
        .copy_from_slice(&value);
    Ok(())
}

fn put_u16(data: &mut [u8], offset: usize, value: u16) -> Result<(), String> {
    put(data, offset, value.to_be_bytes())
}

fn put_u32(data: &mut [u8], offset: usize, value: u32) -> Result<(), String> {
    put(data, offset, value.to_be_bytes())
}

fn tag_name(tag: [u8; 4]) -> String {
    tag.iter()
        .map(|&b| if b.is_ascii_graphic() || b == b' ' { char::from(b) } else { '?' })
        .collect()
}

// ---------------------------------------------------------------------------
// The table directory.

#[derive(Debug, Clone, Copy)]
struct TableRecord {
    tag: [u8; 4],
    offset: usize,
    length: usize,
}

struct Sfnt<'a> {
    font: &'a [u8],
    tables: Vec<TableRecord>,
}

impl<'a> Sfnt<'a> {
    fn parse(font: &'a [u8]) -> Result<Self, String> {
        let version = read_u32(font, 0).map_err(|_| "not a font: fewer than 4 bytes".to_owned())?;
        match version {
            SFNT_TRUETYPE | SFNT_APPLE_TRUE => {}
            0x7474_6366 => return Err("font collections (ttcf) are not supported".to_owned()),
            0x4F54_544F => return Err("CFF-flavoured fonts (OTTO) are not supported".to_owned()),
            0x774F_4646 | 0x774F_4632 => return Err("WOFF input is not supported".to_owned()),
            other => return Err(format!("not a TrueType font (sfnt version {other:#010x})")),
        }
        let num_tables = usize::from(read_u16(font, 4)?);
        if num_tables == 0 {
            return Err("font has no tables".to_owned());
        }
        let mut tables: Vec<TableRecord> = Vec::with_capacity(num_tables);
        for i in 0..num_tables {
            let at = 12 + 16 * i;
            let tag = array::<4>(font, at)?;
            let offset = read_usize(font, at + 8)?;
            let length = read_usize(font, at + 12)?;
            bytes(font, offset, length)
                .map_err(|_| format!("table {} lies outside the font", tag_name(tag)))?;
            tables.push(TableRecord { tag, offset, length });
        }
        let mut tags: Vec<[u8; 4]> = tables.iter().map(|t| t.tag).collect();
        tags.sort_unstable();
        if let Some(pair) = tags.windows(2).find(|pair| pair[0] == pair[1]) {
            return Err(format!("table {} appears twice", tag_name(pair[0])));
        }
        Ok(Self { font, tables })
    }

    fn data(&self, record: &TableRecord) -> Result<&'a [u8], String> {
        bytes(self.font, record.offset, record.length)
    }

    fn table(&self, tag: [u8; 4]) -> Result<Option<&'a [u8]>, String> {
        self.tables.iter().find(|t| t.tag == tag).map(|t| self.data(t)).transpose()
    }

    fn require(&self, tag: [u8; 4]) -> Result<&'a [u8], String> {
        self.table(tag)?.ok_or_else(|| format!("font has no {} table", tag_name(tag)))
    }
}

// ---------------------------------------------------------------------------
// glyf and loca.

struct Glyphs<'a> {
    glyf: &'a [u8],
    /// `num_glyphs + 1` increasing byte offsets into `glyf` (the last may
    /// lie past its end: each glyph's range is checked when read).
    offsets: Vec<usize>,
}

impl<'a> Glyphs<'a> {
    fn parse(glyf: &'a [u8], loca: &[u8], long: bool, num_glyphs: usize) -> Result<Self, String> {
        let offsets = (0..=num_glyphs)
            .map(|i| {
                if long {
                    read_usize(loca, 4 * i)
                } else {
                    read_u16(loca, 2 * i).map(|half| 2 * usize::from(half))
                }
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(|_| format!("loca table too short for {num_glyphs} glyphs"))?;
        // Increasing offsets (as OTS also demands) keep the copied outlines
        // within the size of the original glyf, whatever the input.
        if let Some(gid) = offsets.windows(2).position(|pair| pair[0] > pair[1]) {
            return Err(format!("loca offsets decrease at glyph {gid}"));
        }
        Ok(Self { glyf, offsets })
    }

    fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// The `glyf` record of glyph `gid` (empty for a glyph without outline).
    fn glyph(&self, gid: usize) -> Result<&'a [u8], String> {
        let bad = || format!("glyph {gid}: bad loca entry");
        let start = *self.offsets.get(gid).ok_or_else(bad)?;
        let end = *self.offsets.get(gid + 1).ok_or_else(bad)?;
        if start > end {
            return Err(bad());
        }
        bytes(self.glyf, start, end - start).map_err(|_| format!("glyph {gid} lies outside glyf"))
    }
}

const ARG_1_AND_2_ARE_WORDS: u16 = 0x0001;
const WE_HAVE_A_SCALE: u16 = 0x0008;
const MORE_COMPONENTS: u16 = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE: u16 = 0x0040;
const WE_HAVE_A_TWO_BY_TWO: u16 = 0x0080;

/// The glyph ids a composite glyph record refers to (none for a simple or
/// empty glyph).
fn components(glyph: &[u8]) -> Result<Vec<u16>, String> {
    if glyph.is_empty() || read_i16(glyph, 0)? >= 0 {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    let mut at = 10; // past numberOfContours and the bounding box
    loop {
        let flags = read_u16(glyph, at)?;
        out.push(read_u16(glyph, at + 2)?);
        at += 4 + if flags & ARG_1_AND_2_ARE_WORDS != 0 { 4 } else { 2 };
        at += if flags & WE_HAVE_A_SCALE != 0 {
            2
        } else if flags & WE_HAVE_AN_X_AND_Y_SCALE != 0 {
            4
        } else if flags & WE_HAVE_A_TWO_BY_TWO != 0 {
            8
        } else {
            0
        };
        // The arguments and transform must be present too.
        bytes(glyph, 0, at)?;
        if flags & MORE_COMPONENTS == 0 {
            return Ok(out);
        }
    }
}

/// The characters of `text` and U+0020 space that `cmap` maps to a glyph
/// other than `.notdef`, with their glyph ids.
fn mapped_chars(
    cmap: &Cmap<'_>,
    text: &str,
    num_glyphs: usize,
) -> Result<BTreeMap<char, u16>, String> {
    let mut chars = BTreeMap::new();
    for c in text.chars().chain([' ']) {
        if chars.contains_key(&c) {
            continue;
        }
        let gid = cmap.glyph(c)?;
        if usize::from(gid) >= num_glyphs {
            return Err(format!(
                "cmap maps U+{:04X} to glyph {gid}, past numGlyphs {num_glyphs}",
                u32::from(c)
            ));
        }
        if gid != 0 {
            chars.insert(c, gid);
        }
    }
    Ok(chars)
}

/// Marks the glyphs to keep: `.notdef`, the glyphs of `chars`, and
/// composite components, recursively.
fn needed_glyphs(glyphs: &Glyphs<'_>, chars: &BTreeMap<char, u16>) -> Result<Vec<bool>, String> {
    let mut keep = vec![false; glyphs.len()];
    let mut pending: Vec<usize> = vec![0];
    pending.extend(chars.values().map(|&gid| usize::from(gid)));
    while let Some(gid) = pending.pop() {
        match keep.get_mut(gid) {
            Some(kept) if !*kept => *kept = true,
            Some(_) => continue,
            None => {
                return Err(format!("component glyph {gid} past numGlyphs {}", glyphs.len()));
            }
        }
        let glyph = glyphs.glyph(gid)?;
        let parts = components(glyph).map_err(|e| format!("composite glyph {gid}: {e}"))?;
        pending.extend(parts.into_iter().map(usize::from));
    }
    Ok(keep)
}

/// Rebuilds `glyf` with only the kept outlines, each padded to 4 bytes, and
/// the matching `loca`: short if the offsets fit, else long.
fn rebuild_glyf(glyphs: &Glyphs<'_>, keep: &[bool]) -> Result<(Vec<u8>, Vec<u8>, bool), String> {
    let mut glyf = Vec::new();
    let mut offsets = Vec::with_capacity(keep.len() + 1);
    for (gid, &kept) in keep.iter().enumerate() {
        offsets.push(glyf.len());
        if kept {
            glyf.extend_from_slice(glyphs.glyph(gid)?);
            glyf.resize(glyf.len().next_multiple_of(4), 0);
        }
    }
    offsets.push(glyf.len());
    let long = glyf.len() > SHORT_LOCA_MAX;
    let mut loca = Vec::with_capacity(offsets.len() * if long { 4 } else { 2 });
    for offset in offsets {
        if long {
            let offset = u32::try_from(offset).map_err(|_| "glyf exceeds 4 GiB".to_owned())?;
            loca.extend_from_slice(&offset.to_be_bytes());
        } else {
            let half = u16::try_from(offset / 2).map_err(|_| "internal: short loca overflow")?;
            loca.extend_from_slice(&half.to_be_bytes());
        }
    }
    Ok((glyf, loca, long))
}

// ---------------------------------------------------------------------------
// cmap.

#[derive(Clone, Copy)]
enum Cmap<'a> {
    /// Format 4 subtable (BMP segments).
    Format4(&'a [u8]),
    /// Format 12 subtable (sequential groups over all planes).
    Format12(&'a [u8]),
}

impl<'a> Cmap<'a> {
    /// Picks the subtable: (3,10) format 12, else (3,1) format 4, else a
    /// Unicode-platform (0,x) format 12 or 4 one.
    fn parse(cmap: &'a [u8]) -> Result<Self, String> {
        let count = usize::from(read_u16(cmap, 2)?);
        let mut best: Option<(u8, Cmap<'a>)> = None;
        for i in 0..count {
            let at = 4 + 8 * i;
            let platform = read_u16(cmap, at)?;
            let encoding = read_u16(cmap, at + 2)?;
            let offset = read_usize(cmap, at + 4)?;
            let format = read_u16(cmap, offset)?;
            let rank = match (platform, encoding, format) {
                (3, 10, 12) => 0,
                (3, 1, 4) => 1,
                (0, _, 12) => 2,
                (0, _, 4) => 3,
                _ => continue,
            };
            if best.as_ref().is_some_and(|(r, _)| *r <= rank) {
                continue;
            }
            best = Some((rank, Cmap::subtable(cmap, offset)?));
        }
        best.map(|(_, sub)| sub).ok_or_else(|| {
            "cmap has no Unicode subtable of format 4 or 12 (3,10 / 3,1 / 0,x)".to_owned()
        })
    }

    /// The format 4 or 12 subtable at `offset` in `cmap`, its header and
    /// segment or group arrays checked to lie within the table.
    fn subtable(cmap: &'a [u8], offset: usize) -> Result<Self, String> {
        match read_u16(cmap, offset)? {
            12 => {
                let length = read_usize(cmap, offset + 4)?;
                let data = bytes(cmap, offset, length)?;
                let groups = read_usize(data, 12)?;
                groups
                    .checked_mul(12)
                    .and_then(|n| n.checked_add(16))
                    .filter(|&n| n <= data.len())
                    .ok_or("cmap format 12 subtable: groups past its end")?;
                Ok(Cmap::Format12(data))
            }
            4 => {
                let length = usize::from(read_u16(cmap, offset + 2)?);
                // Some fonts understate the length of a large format 4
                // subtable; glyphIdArray reads are bounds-checked against
                // the rest of the table anyway.
                let data = cmap.get(offset..).ok_or("cmap subtable outside table")?;
                let seg_count_x2 = usize::from(read_u16(data, 6)?);
                if seg_count_x2 % 2 != 0 || length < 16 {
                    return Err("cmap format 4 subtable: bad header".to_owned());
                }
                bytes(data, 0, 16 + 4 * seg_count_x2)
                    .map_err(|_| "cmap format 4 subtable: segments past its end")?;
                Ok(Cmap::Format4(data))
            }
            other => Err(format!("cmap subtable format {other}, expected 4 or 12")),
        }
    }

    /// The glyph id of `c`, 0 if the font lacks it.
    fn glyph(&self, c: char) -> Result<u16, String> {
        let c = u32::from(c);
        match *self {
            Cmap::Format12(data) => {
                let groups = read_usize(data, 12)?;
                let (mut lo, mut hi) = (0, groups);
                while lo < hi {
                    let mid = lo + (hi - lo) / 2;
                    let at = 16 + 12 * mid;
                    let start = read_u32(data, at)?;
                    let end = read_u32(data, at + 4)?;
                    if c < start {
                        hi = mid;
                    } else if c > end {
                        lo = mid + 1;
                    } else {
                        let gid = read_u32(data, at + 8)?.wrapping_add(c - start);
                        return u16::try_from(gid).map_err(|_| {
                            format!("cmap maps U+{c:04X} to glyph {gid}, past 65535")
                        });
                    }
                }
                Ok(0)
            }
            Cmap::Format4(data) => {
                let Ok(c) = u16::try_from(c) else { return Ok(0) };
                let seg_x2 = usize::from(read_u16(data, 6)?);
                let segs = seg_x2 / 2;
                let end_codes = 14;
                let start_codes = end_codes + seg_x2 + 2;
                let deltas = start_codes + seg_x2;
                let range_offsets = deltas + seg_x2;
                // Segments are sorted by endCode: find the first ending at or after c.
                let (mut lo, mut hi) = (0, segs);
                while lo < hi {
                    let mid = lo + (hi - lo) / 2;
                    if read_u16(data, end_codes + 2 * mid)? < c {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                if lo == segs {
                    return Ok(0);
                }
                let start = read_u16(data, start_codes + 2 * lo)?;
                if c < start {
                    return Ok(0);
                }
                let delta = read_u16(data, deltas + 2 * lo)?;
                let range_at = range_offsets + 2 * lo;
                let range = usize::from(read_u16(data, range_at)?);
                if range == 0 {
                    return Ok(c.wrapping_add(delta));
                }
                let at = range_at + range + 2 * usize::from(c - start);
                let gid = read_u16(data, at).map_err(|_| "cmap format 4: glyph index past end")?;
                Ok(if gid == 0 { 0 } else { gid.wrapping_add(delta) })
            }
        }
    }
}

fn push_u16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_be_bytes());
}

fn push_u32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_be_bytes());
}

/// A `cmap` table mapping exactly `chars`: a (3,1) format 4 subtable for the
/// BMP characters and a (3,10) format 12 subtable for all of them (left out
/// if `chars` is empty: OTS rejects a format 12 subtable without groups).
fn build_cmap(chars: &BTreeMap<char, u16>) -> Result<Vec<u8>, String> {
    let mut subtables = vec![(1u16, cmap_format4(chars)?)];
    if !chars.is_empty() {
        subtables.push((10, cmap_format12(chars)?));
    }
    let mut out = Vec::new();
    push_u16(&mut out, 0); // version
    push_u16(&mut out, u16::try_from(subtables.len()).map_err(|_| "internal: subtable count")?);
    let mut offset = 4 + 8 * subtables.len();
    for (encoding, data) in &subtables {
        push_u16(&mut out, 3); // Windows platform
        push_u16(&mut out, *encoding);
        push_u32(&mut out, u32::try_from(offset).map_err(|_| "cmap exceeds 4 GiB")?);
        offset += data.len();
    }
    for (_, data) in &subtables {
        out.extend_from_slice(data);
    }
    Ok(out)
}

/// One format 4 segment: the codes `start..=end` map to glyph
/// `code + id_delta` (modulo 65536) or, if `glyphs` is not empty, to the
/// glyph ids of its entries, written to `glyphIdArray`.
struct Segment<'a> {
    start: u16,
    end: u16,
    id_delta: u16,
    glyphs: &'a [(u32, u16)],
}

/// A format 4 subtable for the BMP characters of `chars` except U+FFFF (the
/// code of the required final segment, and a noncharacter).
///
/// Each run of consecutive code points is one segment: one with consecutive
/// glyph ids maps through `idDelta` alone, any other through `glyphIdArray`
/// (with `idDelta` 0), and the `0xFFFF` segment (`idDelta` 1, so glyph 0)
/// ends the list.
fn cmap_format4(chars: &BTreeMap<char, u16>) -> Result<Vec<u8>, String> {
    let bmp: Vec<(u32, u16)> =
        chars.iter().map(|(&c, &gid)| (u32::from(c), gid)).filter(|&(c, _)| c < 0xFFFF).collect();
    let mut segments: Vec<Segment<'_>> = Vec::new();
    for run in bmp.chunk_by(|a, b| b.0 == a.0 + 1) {
        let (Some(&(first, first_gid)), Some(&(last, _))) = (run.first(), run.last()) else {
            continue;
        };
        let start = u16::try_from(first).map_err(|_| "internal: non-BMP code in format 4")?;
        let end = u16::try_from(last).map_err(|_| "internal: non-BMP code in format 4")?;
        if run.windows(2).all(|w| w[1].1 == w[0].1.wrapping_add(1)) {
            let id_delta = first_gid.wrapping_sub(start);
            segments.push(Segment { start, end, id_delta, glyphs: &[] });
        } else {
            segments.push(Segment { start, end, id_delta: 0, glyphs: run });
        }
    }
    segments.push(Segment { start: 0xFFFF, end: 0xFFFF, id_delta: 1, glyphs: &[] });

    let seg_count = segments.len();
    let array_len: usize = segments.iter().map(|s| s.glyphs.len()).sum();
    let length = 16 + 8 * seg_count + 2 * array_len;
    let too_large = || {
        format!(
            "text has too many scattered BMP characters ({}) for a cmap format 4 subtable: \
             {length} bytes, at most 65535",
            bmp.len()
        )
    };
    let length16 = u16::try_from(length).map_err(|_| too_large())?;
    // Fits: 2 * seg_count < length.
    let seg_x2 = u16::try_from(2 * seg_count).map_err(|_| too_large())?;
    let mut power = 1u16;
    let mut selector = 0u16;
    while usize::from(power) * 2 <= seg_count {
        power *= 2;
        selector += 1;
    }
    let search_range = 2 * power;

    let mut out = Vec::with_capacity(length);
    for field in [4, length16, 0, seg_x2, search_range, selector, seg_x2 - search_range] {
        push_u16(&mut out, field);
    }
    for seg in &segments {
        push_u16(&mut out, seg.end);
    }
    push_u16(&mut out, 0); // reservedPad
    for seg in &segments {
        push_u16(&mut out, seg.start);
    }
    for seg in &segments {
        push_u16(&mut out, seg.id_delta);
    }
    // An idRangeOffset counts bytes from its own position to the segment's
    // first glyphIdArray entry, which follows the idRangeOffset array.
    let mut array_at = 0;
    for (i, seg) in segments.iter().enumerate() {
        if seg.glyphs.is_empty() {
            push_u16(&mut out, 0);
        } else {
            let offset = 2 * (seg_count - i) + 2 * array_at;
            push_u16(&mut out, u16::try_from(offset).map_err(|_| too_large())?);
            array_at += seg.glyphs.len();
        }
    }
    for seg in &segments {
        for &(_, gid) in seg.glyphs {
            push_u16(&mut out, gid);
        }
    }
    if out.len() != length {
        return Err("internal: cmap format 4 length mismatch".to_owned());
    }
    Ok(out)
}

/// A format 12 subtable for all of `chars`: one group per run of consecutive
/// code points with consecutive glyph ids.
fn cmap_format12(chars: &BTreeMap<char, u16>) -> Result<Vec<u8>, String> {
    let all: Vec<(u32, u32)> =
        chars.iter().map(|(&c, &gid)| (u32::from(c), u32::from(gid))).collect();
    let groups: Vec<&[(u32, u32)]> =
        all.chunk_by(|a, b| b.0 == a.0 + 1 && b.1 == a.1 + 1).collect();
    let count = u32::try_from(groups.len()).map_err(|_| "internal: cmap group count")?;
    let length = count
        .checked_mul(12)
        .and_then(|n| n.checked_add(16))
        .ok_or("internal: cmap format 12 length")?;
    let mut out = Vec::new();
    push_u16(&mut out, 12);
    push_u16(&mut out, 0); // reserved
    push_u32(&mut out, length);
    push_u32(&mut out, 0); // language
    push_u32(&mut out, count);
    for group in groups {
        if let (Some(&(start, gid)), Some(&(end, _))) = (group.first(), group.last()) {
            push_u32(&mut out, start);
            push_u32(&mut out, end);
            push_u32(&mut out, gid);
        }
    }
    Ok(out)
}

/// `OS/2` with `usFirstCharIndex` and `usLastCharIndex` set to the first and
/// last character of `chars` (0xFFFF for one past the BMP, as the
/// specification asks); unchanged if `chars` is empty or the table too short.
fn os2_char_range(os2: &[u8], chars: &BTreeMap<char, u16>) -> Result<Vec<u8>, String> {
    let mut out = os2.to_vec();
    if let (Some(&first), Some(&last)) = (chars.keys().next(), chars.keys().next_back()) {
        if out.len() >= 68 {
            let index = |c: char| u16::try_from(u32::from(c)).unwrap_or(0xFFFF);
            put_u16(&mut out, 64, index(first))?;
            put_u16(&mut out, 66, index(last))?;
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// hmtx.

/// `hmtx` with full metrics only for glyphs `0..=last_kept`, and the
/// matching `hhea.numberOfHMetrics`; `None` if that would not shrink it or
/// the original tables are malformed (then both are copied unchanged).
///
/// Glyphs at or past `numberOfHMetrics` take the advance of the last full
/// entry and keep only a left side bearing. Every kept glyph is at or before
/// `last_kept`, so its advance and side bearing are unchanged; the glyphs
/// after it are empty, absent from the new `cmap` and, with `GSUB` dropped,
/// never displayed, so their advance does not matter. Their side bearings
/// are copied all the same.
fn trimmed_hmtx(
    hhea: &[u8],
    hmtx: &[u8],
    num_glyphs: usize,
    last_kept: usize,
) -> Option<(u16, Vec<u8>)> {
    let long = usize::from(read_u16(hhea, 34).ok()?);
    if long == 0 || long > num_glyphs {
        return None;
    }
    bytes(hmtx, 0, 4 * long + 2 * (num_glyphs - long)).ok()?;
    let new_long = long.min(last_kept.checked_add(1)?);
    if new_long == long {
        return None;
    }
    let mut out = Vec::with_capacity(4 * new_long + 2 * (num_glyphs - new_long));
    out.extend_from_slice(bytes(hmtx, 0, 4 * new_long).ok()?);
    for gid in new_long..num_glyphs {
        let at = if gid < long { 4 * gid + 2 } else { 4 * long + 2 * (gid - long) };
        out.extend_from_slice(bytes(hmtx, at, 2).ok()?);
    }
    Some((u16::try_from(new_long).ok()?, out))
}

// ---------------------------------------------------------------------------
// post, assembly, checksums.

/// `post` format 2 or 2.5 (glyph names) as format 3 (header only); other
/// formats unchanged.
fn post_format3(post: &[u8]) -> Result<Vec<u8>, String> {
    let version = read_u32(post, 0)?;
    if matches!(version, 0x0002_0000 | 0x0002_5000) {
        let mut out = bytes(post, 0, 32)?.to_vec();
        put_u32(&mut out, 0, 0x0003_0000)?;
        Ok(out)
    } else {
        Ok(post.to_vec())
    }
}

/// The OpenType checksum: the wrapping sum of big-endian `u32` words, the
/// last one zero-padded.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// Writes the font: directory sorted by tag, tables 4-byte aligned, table
/// checksums, then `head.checkSumAdjustment`.
fn assemble(mut tables: Vec<([u8; 4], Vec<u8>)>) -> Result<Vec<u8>, String> {
    tables.sort_by_key(|t| t.0);
    // 16 * numTables must fit the u16 fields searchRange and rangeShift.
    let num_tables = u16::try_from(tables.len())
        .ok()
        .filter(|&n| n <= 0xFFFF / 16)
        .ok_or_else(|| format!("{} tables, at most 4095 supported", tables.len()))?;
    let mut power = 1u16;
    let mut selector = 0u16;
    while power * 2 <= num_tables {
        power *= 2;
        selector += 1;
    }
    let search_range = power * 16;

    let dir_len = 12 + 16 * tables.len();
    let total = dir_len + tables.iter().map(|(_, d)| d.len().next_multiple_of(4)).sum::<usize>();
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(&SFNT_TRUETYPE.to_be_bytes());
    for field in [num_tables, search_range, selector, num_tables * 16 - search_range] {
        out.extend_from_slice(&field.to_be_bytes());
    }
    let mut offset = dir_len;
    let mut head_at = None;
    let to_u32 = |n: usize| u32::try_from(n).map_err(|_| "font exceeds 4 GiB".to_owned());
    for (tag, data) in &tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&to_u32(offset)?.to_be_bytes());
        out.extend_from_slice(&to_u32(data.len())?.to_be_bytes());
        if tag == b"head" {
            head_at = Some(offset);
        }
        offset += data.len().next_multiple_of(4);
    }
    for (_, data) in &tables {
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    let head_at = head_at.ok_or("internal: head table missing")?;
    let adjustment = CHECKSUM_MAGIC.wrapping_sub(checksum(&out));
    put_u32(&mut out, head_at + 8, adjustment)?;
    Ok(out)
}

// ---------------------------------------------------------------------------
// CSS.

/// `s` as a double-quoted CSS string; `"`, `\`, `<`, `>` and control
/// characters written as hex escapes.
fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if c.is_control() || matches!(c, '"' | '\\' | '<' | '>') {
            let _ = write!(out, "\\{:x} ", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}

/// Standard base64 (RFC 4648 alphabet, `=` padding, no line breaks).
fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for (i, shift) in [18u32, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    static REGULAR: &[u8] = include_bytes!("../../assets/fonts/NanumGothic.ttf");
    static BOLD: &[u8] = include_bytes!("../../assets/fonts/NanumGothicBold.ttf");

    const TEXT: &str = "태영호 2016 Announcements";

    fn parsed(font: &[u8]) -> (Sfnt<'_>, Glyphs<'_>, Cmap<'_>) {
        let sfnt = Sfnt::parse(font).unwrap();
        let head = sfnt.require(*b"head").unwrap();
        let long = read_u16(head, 50).unwrap() == 1;
        let n = usize::from(read_u16(sfnt.require(*b"maxp").unwrap(), 4).unwrap());
        let glyphs = Glyphs::parse(
            sfnt.require(*b"glyf").unwrap(),
            sfnt.require(*b"loca").unwrap(),
            long,
            n,
        )
        .unwrap();
        let cmap = Cmap::parse(sfnt.require(*b"cmap").unwrap()).unwrap();
        (sfnt, glyphs, cmap)
    }

    /// Same bytes, up to the (< 4) zero bytes of padding the subset adds.
    fn same_outline(original: &[u8], kept: &[u8]) -> bool {
        kept.starts_with(original)
            && kept.len() - original.len() < 4
            && kept[original.len()..].iter().all(|&b| b == 0)
    }

    /// The subtables of a font's `cmap`, by (platform, encoding).
    fn cmap_subtables(font: &[u8]) -> Vec<((u16, u16), Cmap<'_>)> {
        let cmap = Sfnt::parse(font).unwrap().require(*b"cmap").unwrap();
        (0..usize::from(read_u16(cmap, 2).unwrap()))
            .map(|i| {
                let at = 4 + 8 * i;
                let id = (read_u16(cmap, at).unwrap(), read_u16(cmap, at + 2).unwrap());
                (id, Cmap::subtable(cmap, read_usize(cmap, at + 4).unwrap()).unwrap())
            })
            .collect()
    }

    /// The (3,1) format 4 and (3,10) format 12 subtables, checked to be the
    /// only ones.
    fn new_cmap(font: &[u8]) -> (Cmap<'_>, Cmap<'_>) {
        match cmap_subtables(font)[..] {
            [((3, 1), bmp @ Cmap::Format4(_)), ((3, 10), all @ Cmap::Format12(_))] => (bmp, all),
            _ => panic!("expected exactly (3,1) format 4 and (3,10) format 12 subtables"),
        }
    }

    /// Advance width and left side bearing of `gid`, through
    /// `hhea.numberOfHMetrics`.
    fn metrics(font: &[u8], gid: usize) -> (u16, i16) {
        let sfnt = Sfnt::parse(font).unwrap();
        let long = usize::from(read_u16(sfnt.require(*b"hhea").unwrap(), 34).unwrap());
        let hmtx = sfnt.require(*b"hmtx").unwrap();
        if gid < long {
            (read_u16(hmtx, 4 * gid).unwrap(), read_i16(hmtx, 4 * gid + 2).unwrap())
        } else {
            let lsb = read_i16(hmtx, 4 * long + 2 * (gid - long)).unwrap();
            (read_u16(hmtx, 4 * (long - 1)).unwrap(), lsb)
        }
    }

    #[test]
    fn subset_is_much_smaller() {
        for (name, font) in [("regular", REGULAR), ("bold", BOLD)] {
            let out = subset(font, TEXT).unwrap();
            assert!(
                out.len() * 10 < font.len(),
                "{name}: subset {} bytes, original {} bytes",
                out.len(),
                font.len()
            );
            assert_eq!(read_u32(&out, 0).unwrap(), SFNT_TRUETYPE);
        }
    }

    #[test]
    fn kept_glyphs_are_mapped_and_identical() {
        let out = subset(REGULAR, TEXT).unwrap();
        let (_, orig_glyphs, orig_cmap) = parsed(REGULAR);
        let (_, sub_glyphs, sub_cmap) = parsed(&out);
        assert_eq!(orig_glyphs.len(), sub_glyphs.len());
        for c in TEXT.chars() {
            let gid = orig_cmap.glyph(c).unwrap();
            assert_ne!(gid, 0, "{c:?} missing from the font");
            assert_eq!(sub_cmap.glyph(c).unwrap(), gid, "{c:?}");
            let original = orig_glyphs.glyph(usize::from(gid)).unwrap();
            let kept = sub_glyphs.glyph(usize::from(gid)).unwrap();
            if c == ' ' {
                assert!(kept.is_empty() && original.is_empty());
                continue;
            }
            assert!(!original.is_empty(), "{c:?} has no outline in the original");
            assert!(same_outline(original, kept), "{c:?}: outline differs");
        }
        // .notdef is kept too.
        assert!(same_outline(orig_glyphs.glyph(0).unwrap(), sub_glyphs.glyph(0).unwrap()));
    }

    #[test]
    fn unneeded_glyphs_are_empty() {
        let out = subset(REGULAR, TEXT).unwrap();
        let (_, orig_glyphs, cmap) = parsed(REGULAR);
        let (_, sub_glyphs, sub_cmap) = parsed(&out);
        for c in ['한', '귀', 'Z', '9'] {
            assert!(!TEXT.contains(c));
            let gid = usize::from(cmap.glyph(c).unwrap());
            assert!(!orig_glyphs.glyph(gid).unwrap().is_empty());
            assert!(sub_glyphs.glyph(gid).unwrap().is_empty(), "{c:?} kept");
            // Not mapped either: a fallback font displays it.
            assert_eq!(sub_cmap.glyph(c).unwrap(), 0, "{c:?} mapped");
        }
        let kept =
            (0..sub_glyphs.len()).filter(|&g| !sub_glyphs.glyph(g).unwrap().is_empty()).count();
        assert!(kept <= TEXT.chars().count() + 1, "{kept} outlines kept");
    }

    #[test]
    fn cmap_maps_only_the_text() {
        for font in [REGULAR, BOLD] {
            let out = subset(font, TEXT).unwrap();
            let (_, _, orig) = parsed(font);
            let (bmp, all) = new_cmap(&out);
            let astral = ['\u{10000}', '\u{1F600}', '\u{2A6D6}', '\u{10FFFF}'];
            for c in ('\0'..='\u{FFFF}').chain(astral) {
                let want = if TEXT.contains(c) || c == ' ' { orig.glyph(c).unwrap() } else { 0 };
                let bmp_want = if c == '\u{FFFF}' || u32::from(c) > 0xFFFF { 0 } else { want };
                assert_eq!(bmp.glyph(c).unwrap(), bmp_want, "format 4, {c:?}");
                assert_eq!(all.glyph(c).unwrap(), want, "format 12, {c:?}");
            }
            // Each subtable is a few hundred bytes, not 52 kB.
            let sfnt = Sfnt::parse(&out).unwrap();
            assert!(sfnt.require(*b"cmap").unwrap().len() < 1000);
            // usFirstCharIndex and usLastCharIndex: space and 호 (U+D638).
            let os2 = sfnt.require(*b"OS/2").unwrap();
            assert_eq!((read_u16(os2, 64).unwrap(), read_u16(os2, 66).unwrap()), (0x20, 0xD638));
        }
    }

    #[test]
    fn cmap_subtables_map_exactly_the_chars() {
        // Every kind of run: consecutive codes and glyphs (idDelta, also
        // wrapping past 65535), consecutive codes with scattered glyphs
        // (glyphIdArray), isolated codes, U+FFFF, and supplementary planes.
        let mut chars = BTreeMap::new();
        for (i, c) in ('A'..='Z').enumerate() {
            chars.insert(c, 36 + i as u16);
        }
        for (i, c) in ('가'..='갛').enumerate() {
            chars.insert(c, [900, 17, 4000, 18][i % 4] + i as u16);
        }
        chars.insert('\u{FFF0}', 5);
        chars.insert('\u{FFF1}', 6);
        chars.insert('\u{FFFD}', 65000);
        chars.insert('\u{FFFF}', 7);
        chars.insert('~', 1);
        chars.insert('\u{10000}', 300);
        chars.insert('\u{10001}', 301);
        chars.insert('\u{1F600}', 2);
        chars.insert('\u{10FFFF}', 65535);
        let cmap = build_cmap(&chars).unwrap();
        let bmp = Cmap::subtable(&cmap, read_usize(&cmap, 8).unwrap()).unwrap();
        let all = Cmap::subtable(&cmap, read_usize(&cmap, 16).unwrap()).unwrap();
        assert!(matches!((bmp, all), (Cmap::Format4(_), Cmap::Format12(_))));
        assert_eq!(Cmap::parse(&cmap).unwrap().glyph('\u{1F600}').unwrap(), 2);
        let astral = ('\u{10000}'..='\u{10010}').chain(['\u{1F600}', '\u{10FFFF}']);
        for c in ('\0'..='\u{FFFF}').chain(astral) {
            let want = chars.get(&c).copied().unwrap_or(0);
            let bmp_want = if c == '\u{FFFF}' || u32::from(c) > 0xFFFF { 0 } else { want };
            assert_eq!(bmp.glyph(c).unwrap(), bmp_want, "format 4, {c:?}");
            assert_eq!(all.glyph(c).unwrap(), want, "format 12, {c:?}");
        }
        // Format 4 header fields: segCountX2, searchRange, entrySelector,
        // rangeShift, and the final 0xFFFF segment.
        let Cmap::Format4(data) = bmp else { unreachable!() };
        let seg_x2 = usize::from(read_u16(data, 6).unwrap());
        let power = 1usize << read_u16(data, 10).unwrap();
        assert!(power * 2 <= seg_x2 && power * 4 > seg_x2);
        assert_eq!(usize::from(read_u16(data, 8).unwrap()), power * 2);
        assert_eq!(usize::from(read_u16(data, 12).unwrap()), seg_x2 - power * 2);
        assert_eq!(read_u16(data, 14 + seg_x2 - 2).unwrap(), 0xFFFF);
        // The format 12 subtable follows right after.
        let format4_len = read_usize(&cmap, 16).unwrap() - read_usize(&cmap, 8).unwrap();
        assert_eq!(usize::from(read_u16(data, 2).unwrap()), format4_len);
        // No characters: format 4 with only the final segment, no format 12.
        let empty = build_cmap(&BTreeMap::new()).unwrap();
        assert_eq!(read_u16(&empty, 2).unwrap(), 1);
        assert_eq!(Cmap::parse(&empty).unwrap().glyph(' ').unwrap(), 0);
    }

    #[test]
    fn format4_overflow_is_an_error() {
        // Every other code point from U+4E00: a segment each, 8 bytes apiece.
        let chars: BTreeMap<char, u16> =
            (0..9000u32).map(|i| (char::from_u32(0x4E00 + 2 * i).unwrap(), 1 + i as u16)).collect();
        assert!(build_cmap(&chars).unwrap_err().contains("format 4"));
        let fewer: BTreeMap<char, u16> = chars.into_iter().take(8000).collect();
        let cmap = build_cmap(&fewer).unwrap();
        let bmp = Cmap::subtable(&cmap, read_usize(&cmap, 8).unwrap()).unwrap();
        assert_eq!(bmp.glyph('\u{4E00}').unwrap(), 1);
        assert_eq!(bmp.glyph(char::from_u32(0x4E00 + 2 * 7999).unwrap()).unwrap(), 8000);
        assert_eq!(bmp.glyph('\u{4E01}').unwrap(), 0);
    }

    #[test]
    fn kept_glyph_metrics_are_unchanged() {
        for text in [TEXT, "A", ""] {
            let out = subset(REGULAR, text).unwrap();
            let (_, glyphs, _) = parsed(&out);
            let last_kept =
                (0..glyphs.len()).rev().find(|&g| !glyphs.glyph(g).unwrap().is_empty()).unwrap();
            let sfnt = Sfnt::parse(&out).unwrap();
            let long = usize::from(read_u16(sfnt.require(*b"hhea").unwrap(), 34).unwrap());
            // Space (glyph 1) has no outline but is kept: last_kept >= 1.
            assert_eq!(long, last_kept.max(1) + 1, "{text:?}");
            let hmtx = sfnt.require(*b"hmtx").unwrap();
            assert_eq!(hmtx.len(), 4 * long + 2 * (glyphs.len() - long));
            for gid in 0..glyphs.len() {
                let (orig_advance, orig_lsb) = metrics(REGULAR, gid);
                let (advance, lsb) = metrics(&out, gid);
                assert_eq!(lsb, orig_lsb, "glyph {gid}");
                if gid < long {
                    assert_eq!(advance, orig_advance, "glyph {gid}");
                }
            }
        }
    }

    #[test]
    fn composite_components_are_kept() {
        // NanumGothic builds some Hangul syllables from components.
        let (_, glyphs, cmap) = parsed(REGULAR);
        let (c, gid) = ('가'..='힣')
            .map(|c| (c, usize::from(cmap.glyph(c).unwrap())))
            .find(|&(_, gid)| !components(glyphs.glyph(gid).unwrap()).unwrap().is_empty())
            .expect("a composite Hangul syllable");
        let out = subset(REGULAR, &c.to_string()).unwrap();
        let (_, sub_glyphs, _) = parsed(&out);
        // The composite and everything it refers to, recursively, is kept.
        let mut pending = vec![gid];
        let mut seen = 0;
        while let Some(g) = pending.pop() {
            seen += 1;
            let original = glyphs.glyph(g).unwrap();
            assert!(!original.is_empty(), "glyph {g} has no outline");
            assert!(same_outline(original, sub_glyphs.glyph(g).unwrap()), "glyph {g}");
            pending.extend(components(original).unwrap().into_iter().map(usize::from));
        }
        assert!(seen >= 3, "{c:?}: only {seen} glyphs");
    }

    #[test]
    fn checksums_verify() {
        for font in [REGULAR, BOLD] {
            let out = subset(font, TEXT).unwrap();
            assert_eq!(out.len() % 4, 0);
            let sfnt = Sfnt::parse(&out).unwrap();
            let n = sfnt.tables.len();
            assert_eq!(read_u16(&out, 4).unwrap() as usize, n);
            let search_range = usize::from(read_u16(&out, 6).unwrap());
            assert!(search_range / 16 <= n && search_range / 16 * 2 > n);
            assert_eq!(1usize << read_u16(&out, 8).unwrap(), search_range / 16);
            assert_eq!(usize::from(read_u16(&out, 10).unwrap()), n * 16 - search_range);
            assert!(sfnt.tables.windows(2).all(|w| w[0].tag < w[1].tag), "tags unsorted");
            for (i, t) in sfnt.tables.iter().enumerate() {
                assert_eq!(t.offset % 4, 0);
                let mut data = out[t.offset..(t.offset + t.length).next_multiple_of(4)].to_vec();
                if &t.tag == b"head" {
                    data[8..12].fill(0);
                }
                assert_eq!(
                    checksum(&data),
                    read_u32(&out, 12 + 16 * i + 4).unwrap(),
                    "{:?}",
                    t.tag
                );
            }
            assert_eq!(checksum(&out), CHECKSUM_MAGIC);
            for tag in [*b"GSUB", *b"DSIG", *b"TSI0", *b"TSI1"] {
                assert!(sfnt.table(tag).unwrap().is_none());
            }
            for tag in [*b"cmap", *b"hmtx", *b"hhea", *b"maxp", *b"name", *b"OS/2", *b"post"] {
                assert!(sfnt.table(tag).unwrap().is_some());
            }
            // Short loca and head agree.
            let head = sfnt.require(*b"head").unwrap();
            let glyphs = usize::from(read_u16(sfnt.require(*b"maxp").unwrap(), 4).unwrap());
            let loca = sfnt.require(*b"loca").unwrap();
            let long = read_u16(head, 50).unwrap() == 1;
            assert_eq!(loca.len(), (glyphs + 1) * if long { 4 } else { 2 });
        }
    }

    #[test]
    fn long_loca_when_needed() {
        // Every Hangul syllable: far more than 128 kB of outlines.
        let text: String = ('가'..='힣').collect();
        let out = subset(REGULAR, &text).unwrap();
        let (sfnt, glyphs, cmap) = parsed(&out);
        assert_eq!(read_u16(sfnt.require(*b"head").unwrap(), 50).unwrap(), 1);
        let (_, orig, _) = parsed(REGULAR);
        for c in ['가', '한', '힣'] {
            let gid = usize::from(cmap.glyph(c).unwrap());
            assert!(same_outline(orig.glyph(gid).unwrap(), glyphs.glyph(gid).unwrap()));
        }
        assert_eq!(checksum(&out), CHECKSUM_MAGIC);
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(subset(&[], TEXT).is_err());
        assert!(subset(&[0, 1, 0, 0], TEXT).is_err());
        assert!(subset(b"OTTO\0\0\0\0\0\0\0\0", TEXT).is_err());
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for len in [1, 7, 12, 100, 4096] {
            let mut junk: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            assert!(subset(&junk, TEXT).is_err());
            if junk.len() >= 4 {
                junk[..4].copy_from_slice(&SFNT_TRUETYPE.to_be_bytes());
                assert!(subset(&junk, TEXT).is_err());
            }
        }
        for len in [4, 12, 100, 331, 5000, 200_000, REGULAR.len() / 2, REGULAR.len() - 1] {
            assert!(subset(&REGULAR[..len], TEXT).is_err(), "truncated to {len}");
        }
        // Corrupted fonts (a small subset, mutated) may give Ok or Err, never a panic.
        let small = subset(REGULAR, TEXT).unwrap();
        for _ in 0..300 {
            let mut font = small.clone();
            let region = if next() % 2 == 0 { 400 } else { font.len() };
            for _ in 0..1 + next() % 8 {
                let at = (next() as usize) % region;
                font[at] = next() as u8;
            }
            let _ = subset(&font, "가한태영호 AZaz09fi");
        }
    }

    #[test]
    fn deterministic() {
        assert_eq!(subset(REGULAR, TEXT).unwrap(), subset(REGULAR, TEXT).unwrap());
        let a = font_face_css("NW", REGULAR, BOLD, TEXT).unwrap();
        assert_eq!(a, font_face_css("NW", REGULAR, BOLD, TEXT).unwrap());
        assert_eq!(a.matches("@font-face").count(), 2);
        assert!(a.contains("font-weight: 400;") && a.contains("font-weight: 700;"));
        assert!(a.contains("src: url(data:font/ttf;base64,AAEAAA"));
    }

    #[test]
    fn css_family_is_escaped() {
        assert_eq!(css_string("Nanum Gothic"), "\"Nanum Gothic\"");
        assert_eq!(css_string("a\"b\\</style>"), "\"a\\22 b\\5c \\3c /style\\3e \"");
    }

    #[test]
    fn base64_matches_rfc4648() {
        for (input, want) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), want);
        }
        assert_eq!(base64(&[0xFF, 0xFE, 0xFD]), "//79");
    }

    /// Writes /tmp/fs/test.html for a manual look in a browser:
    /// `cargo test font_subset -- --ignored`, then a headless screenshot.
    /// Characters outside the subset must fall back to the next font (or
    /// show as missing-glyph boxes), never as blank space.
    #[test]
    #[ignore]
    fn write_browser_page() {
        let text = "태영호 2016 Announcements, 귀순";
        let css = font_face_css("NWTest", REGULAR, BOLD, text).unwrap();
        let page = format!(
            "<!doctype html><meta charset=utf-8><style>{css}\
             body{{font-family:NWTest,serif;font-size:28px;margin:12px}}</style>\
             <p>{text}</p><p><b>{text}</b></p>\
             <p>not in subset, fallback: [한국] [Zebra] [9] [€] [xyz]</p>\
             <p style=\"font-family:serif\">serif only: [한국] [Zebra] [9] [€] [xyz]</p>"
        );
        std::fs::create_dir_all("/tmp/fs").unwrap();
        std::fs::write("/tmp/fs/test.html", page).unwrap();
    }
}
