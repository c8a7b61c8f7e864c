//! The text encoding of an input, found before it is parsed, so that the
//! files people have read as they are: UTF-8 with or without a byte-order
//! mark, UTF-16 with one (Excel's "Unicode text"), and a legacy encoding such
//! as CP949/EUC-KR (what Excel on Korean Windows saves as CSV), detected by
//! chardetng and decoded by encoding_rs (whose EUC-KR is the WHATWG one,
//! CP949's superset). A file that decodes in none of them gets one message,
//! not one per cell; a workbook or a PDF gets one saying what it is.

use std::borrow::Cow;

use crate::error::Problem;

/// An input's bytes as UTF-8, and the encoding they came in.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub bytes: Cow<'a, [u8]>,
    /// `UTF-8`, `UTF-16LE`, `UTF-16BE`, or the legacy encoding's name
    /// (`EUC-KR`, `windows-1252`...).
    pub encoding: &'static str,
}

/// What a binary file that is no text looks like, by its first bytes.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF") {
        Some("a PDF document: northwind reads CSV tables")
    } else {
        None
    }
}

/// Decodes `bytes` (named `file` in messages) to UTF-8: from `encoding`
/// when the settings name one (`[input] encoding`), else as detected.
///
/// # Errors
/// One problem for the whole file: a PDF, text that is not valid in the
/// encoding set, or text that is neither UTF-8 nor the legacy encoding it
/// most resembles.
pub fn decode<'a>(
    bytes: &'a [u8],
    file: &str,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> Result<Decoded<'a>, Problem> {
    // UTF-8 set explicitly is read as detected: the CSV reader then
    // locates each bad byte.
    if let Some(encoding) = encoding.filter(|&e| e != encoding_rs::UTF_8) {
        return decode_as(bytes, file, encoding);
    }
    // A Parquet file is read as it is (its strings are UTF-8).
    if bytes.starts_with(super::parquet::MAGIC) {
        return Ok(Decoded { bytes: Cow::Borrowed(bytes), encoding: "UTF-8" });
    }
    let utf16 = if bytes.starts_with(b"\xFF\xFE") {
        Some(encoding_rs::UTF_16LE)
    } else if bytes.starts_with(b"\xFE\xFF") {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    };
    if let Some(encoding) = utf16 {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[2..]);
        if had_errors {
            return Err(Problem::file(
                file,
                format!(
                    "starts with the byte-order mark of {} but is not valid {0} text: save it again, or as CSV (UTF-8)",
                    encoding.name()
                ),
            ));
        }
        return Ok(Decoded {
            bytes: Cow::Owned(text.into_owned().into_bytes()),
            encoding: encoding.name(),
        });
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(Problem::file(file, format!("is not a CSV file but {kind}")));
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Ok(Decoded { bytes: Cow::Borrowed(bytes), encoding: "UTF-8" });
    }
    // UTF-8 with a few bad bytes (far more valid non-ASCII characters than
    // bad sequences, which a legacy encoding's text never has): the reader
    // locates each bad byte.
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    if valid >= 10 * invalid {
        return Ok(Decoded { bytes: Cow::Borrowed(bytes), encoding: "UTF-8" });
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, false);
    // The legacy encodings of the East Asian spreadsheets, whose text
    // cannot pass for another; a single-byte guess (windows-1252...) would
    // decode anything, so it is named but not trusted.
    let multibyte = [
        encoding_rs::EUC_KR,
        encoding_rs::SHIFT_JIS,
        encoding_rs::EUC_JP,
        encoding_rs::GBK,
        encoding_rs::GB18030,
        encoding_rs::BIG5,
    ];
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors || !multibyte.contains(&encoding) {
        return Err(Problem::file(
            file,
            format!(
                "is not UTF-8 text; it looks like {} text, which northwind does not guess: save it as CSV (UTF-8), or set [input] encoding = \"{}\" if that is what it is",
                encoding.name(),
                encoding.name().to_ascii_lowercase()
            ),
        ));
    }
    Ok(Decoded { bytes: Cow::Owned(text.into_owned().into_bytes()), encoding: encoding.name() })
}

/// Decodes `bytes` from the encoding the settings name (a byte-order mark
/// still wins, as in a browser).
fn decode_as<'a>(
    bytes: &'a [u8],
    file: &str,
    encoding: &'static encoding_rs::Encoding,
) -> Result<Decoded<'a>, Problem> {
    let (text, used, had_errors) = encoding.decode(bytes);
    if had_errors {
        return Err(Problem::file(
            file,
            format!(
                "is not valid {} text, the encoding [input] encoding names: remove the setting to let northwind detect the encoding, or save the file as CSV (UTF-8)",
                used.name()
            ),
        ));
    }
    let bytes = match text {
        Cow::Borrowed(text) => Cow::Borrowed(text.as_bytes()),
        Cow::Owned(text) => Cow::Owned(text.into_bytes()),
    };
    Ok(Decoded { bytes, encoding: used.name() })
}

/// The encoding a setting names (`cp949`, `euc-kr`, `utf-16le`, `latin1`...,
/// the WHATWG labels), or `None` for a name encoding_rs does not know.
pub fn encoding_for_label(label: &str) -> Option<&'static encoding_rs::Encoding> {
    // Windows' code-page names, which Excel users know, beside the WHATWG
    // labels: each decodes as the WHATWG superset of that code page.
    let label = label.trim().to_ascii_lowercase();
    let windows = match label.as_str() {
        "cp949" | "uhc" | "ms949" => Some(encoding_rs::EUC_KR),
        "cp932" | "ms932" => Some(encoding_rs::SHIFT_JIS),
        "cp936" | "ms936" => Some(encoding_rs::GBK),
        "cp950" | "ms950" => Some(encoding_rs::BIG5),
        "utf16" | "utf-16" => Some(encoding_rs::UTF_16LE),
        _ => None,
    };
    windows.or_else(|| encoding_rs::Encoding::for_label(label.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "id,name,announcement_date\nthae-2016,태영호,2016-08-17\nryu-2021,류현우,2021-07-14\n";

    #[test]
    fn utf8_with_or_without_a_bom_is_read_as_it_is() {
        let decoded = decode(TEXT.as_bytes(), "a.csv", None).unwrap();
        assert!(matches!(decoded.bytes, Cow::Borrowed(_)));
        assert_eq!(decoded.encoding, "UTF-8");
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), TEXT.as_bytes()].concat();
        assert_eq!(decode(&with_bom, "a.csv", None).unwrap().encoding, "UTF-8");
    }

    #[test]
    fn utf16_with_a_bom_and_cp949_become_the_same_utf8_text() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(TEXT.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(TEXT.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let (cp949, _, unmappable) = encoding_rs::EUC_KR.encode(TEXT);
        assert!(!unmappable);
        for (bytes, encoding) in
            [(le, "UTF-16LE"), (be, "UTF-16BE"), (cp949.into_owned(), "EUC-KR")]
        {
            let decoded = decode(&bytes, "a.csv", None).unwrap();
            assert_eq!(decoded.encoding, encoding);
            assert_eq!(std::str::from_utf8(&decoded.bytes).unwrap(), TEXT, "{encoding}");
        }
    }

    #[test]
    fn utf8_with_a_stray_bad_byte_is_left_to_the_reader_to_locate() {
        let mut bytes = TEXT.repeat(20).into_bytes();
        bytes.insert(40, 0xFF);
        let decoded = decode(&bytes, "a.csv", None).unwrap();
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(matches!(decoded.bytes, Cow::Borrowed(_)), "passed through as it is");
    }

    #[test]
    fn an_encoding_set_in_the_settings_is_used_and_checked() {
        // Latin-1 text that chardetng would only guess at.
        let latin1 = b"id,name\nk1,Jos\xe9\n";
        assert!(decode(latin1, "a.csv", None).is_err(), "a single-byte guess is not trusted");
        let set = decode(latin1, "a.csv", encoding_for_label("latin1")).unwrap();
        assert_eq!(set.encoding, "windows-1252");
        assert_eq!(std::str::from_utf8(&set.bytes).unwrap(), "id,name\nk1,Jos\u{e9}\n");
        let (cp949, _, _) = encoding_rs::EUC_KR.encode(TEXT);
        assert_eq!(
            decode(&cp949, "a.csv", encoding_for_label("cp949")).unwrap().encoding,
            "EUC-KR"
        );
        let wrong = decode(&[0x81, 0x20, 0xFF], "a.csv", encoding_for_label("shift_jis"));
        assert!(wrong.unwrap_err().message.contains("is not valid Shift_JIS text"));
        assert_eq!(encoding_for_label("no-such-encoding"), None);
    }

    #[test]
    fn a_pdf_gets_one_message_saying_what_it_is() {
        let pdf = decode(b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n", "cases.pdf", None);
        assert!(pdf.unwrap_err().message.contains("PDF"));
    }
}
