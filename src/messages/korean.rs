//! Korean particles that depend on the word before them.
//!
//! A Korean particle changes with the sound that ends the preceding word:
//! 은/는, 이/가, 을/를, 과/와 and 으로/로 (발표는, 사건은; 사건으로, 발표로).
//! The catalogue cannot know the newsroom's own terms in advance, so after a
//! placeholder it writes both forms, the form after a consonant first, as
//! Korean software conventionally does: `{ $event }은(는)`, `(으)로`. This
//! module then picks one from the syllable before it: its final consonant
//! (받침), or for a digit or a Latin letter how it is read aloud.

/// The pairs written in the catalogue: (as written, after a final
/// consonant, after a vowel).
const PAIRS: [(&str, &str, &str); 5] = [
    ("은(는)", "은", "는"),
    ("이(가)", "이", "가"),
    ("을(를)", "을", "를"),
    ("과(와)", "과", "와"),
    ("(으)로", "으로", "로"),
];

/// The final consonant of a Hangul syllable (0 for none, 8 for ㄹ), or how a
/// digit or a Latin letter ends when read aloud; `None` for anything else.
fn final_consonant(c: char) -> Option<u32> {
    let code = u32::from(c);
    if (0xAC00..=0xD7A3).contains(&code) {
        return Some((code - 0xAC00) % 28);
    }
    match c {
        // 영, 일, 삼, 육, 칠, 팔, 십: a consonant; 이, 사, 오, 구: none.
        '0' | '3' | '6' => Some(1),
        '1' | '7' | '8' => Some(8),
        '2' | '4' | '5' | '9' => Some(0),
        // Letters read with a final consonant: L, M, N, R (엘, 엠, 엔, 알).
        'l' | 'L' | 'r' | 'R' => Some(8),
        'm' | 'M' | 'n' | 'N' => Some(1),
        c if c.is_ascii_alphabetic() => Some(0),
        _ => None,
    }
}

/// `text` with every written pair resolved by the word before it. After
/// something that is not a word (a bracket, a space), both forms stay.
pub fn resolve_particles(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'outer: while !rest.is_empty() {
        for (written, consonant, vowel) in PAIRS {
            if let Some(after) = rest.strip_prefix(written) {
                let before = out.chars().next_back().and_then(final_consonant);
                let form = match before {
                    // 으로 after a consonant other than ㄹ; 로 after a vowel or ㄹ.
                    Some(f) if written == "(으)로" => {
                        if f == 0 || f == 8 {
                            vowel
                        } else {
                            consonant
                        }
                    }
                    Some(0) => vowel,
                    Some(_) => consonant,
                    None => written,
                };
                out.push_str(form);
                rest = after;
                continue 'outer;
            }
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            out.push(c);
        }
        rest = chars.as_str();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::resolve_particles as r;

    #[test]
    fn each_particle_follows_the_final_sound() {
        assert_eq!(r("발표은(는) 사건은(는)"), "발표는 사건은");
        assert_eq!(r("발표이(가) 사건이(가)"), "발표가 사건이");
        assert_eq!(r("발표을(를) 사건을(를)"), "발표를 사건을");
        assert_eq!(r("발표과(와) 사건과(와)"), "발표와 사건과");
        assert_eq!(r("발표(으)로 사건(으)로 선거일(으)로"), "발표로 사건으로 선거일로");
    }

    #[test]
    fn digits_and_latin_letters_are_read_aloud() {
        assert_eq!(r("2016은(는)"), "2016은");
        assert_eq!(r("2015은(는)"), "2015는");
        assert_eq!(r("event이(가) 2017(으)로"), "event가 2017로");
        assert_eq!(r("GSOMIA은(는)"), "GSOMIA는");
        assert_eq!(r("UN은(는)"), "UN은");
    }

    #[test]
    fn a_pair_after_no_word_keeps_both_forms_and_other_text_is_untouched() {
        assert_eq!(r("(은(는))"), "(은(는))");
        assert_eq!(r("없음(비율비 0)"), "없음(비율비 0)");
        assert_eq!(r(""), "");
    }
}
