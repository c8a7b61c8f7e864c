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
    if bytes.starts_with(b"PK\x03\x04") {
        Some("a ZIP archive (an .xlsx or .ods workbook is one): save the sheet as CSV (UTF-8)")
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        Some("an old Excel workbook (.xls): save the sheet as CSV (UTF-8)")
    } else if bytes.starts_with(b"%PDF") {
        Some("a PDF document: northwind reads CSV tables")
    } else {
        None
    }
}

/// Decodes `bytes` (named `file` in messages) to UTF-8.
///
/// # Errors
/// One problem for the whole file: a workbook or a PDF, or text that is
/// neither UTF-8 nor the legacy encoding it most resembles.
pub fn decode<'a>(bytes: &'a [u8], file: &str) -> Result<Decoded<'a>, Problem> {
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
                "is not UTF-8 text; it looks like {} text, which northwind does not guess: save it as CSV (UTF-8)",
                encoding.name()
            ),
        ));
    }
    Ok(Decoded { bytes: Cow::Owned(text.into_owned().into_bytes()), encoding: encoding.name() })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "id,name,announcement_date\nthae-2016,태영호,2016-08-17\nryu-2021,류현우,2021-07-14\n";

    #[test]
    fn utf8_with_or_without_a_bom_is_read_as_it_is() {
        let decoded = decode(TEXT.as_bytes(), "a.csv").unwrap();
        assert!(matches!(decoded.bytes, Cow::Borrowed(_)));
        assert_eq!(decoded.encoding, "UTF-8");
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), TEXT.as_bytes()].concat();
        assert_eq!(decode(&with_bom, "a.csv").unwrap().encoding, "UTF-8");
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
            let decoded = decode(&bytes, "a.csv").unwrap();
            assert_eq!(decoded.encoding, encoding);
            assert_eq!(std::str::from_utf8(&decoded.bytes).unwrap(), TEXT, "{encoding}");
        }
    }

    #[test]
    fn utf8_with_a_stray_bad_byte_is_left_to_the_reader_to_locate() {
        let mut bytes = TEXT.repeat(20).into_bytes();
        bytes.insert(40, 0xFF);
        let decoded = decode(&bytes, "a.csv").unwrap();
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(matches!(decoded.bytes, Cow::Borrowed(_)), "passed through as it is");
    }

    #[test]
    fn a_workbook_or_a_pdf_gets_one_message_saying_what_it_is() {
        let zip = decode(b"PK\x03\x04\x14\x00\x06\x00\xff\xfe docProps/app.xml", "cases.xlsx");
        assert!(zip.unwrap_err().message.contains("ZIP archive"));
        let pdf = decode(b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n", "cases.pdf");
        assert!(pdf.unwrap_err().message.contains("PDF"));
    }
}
