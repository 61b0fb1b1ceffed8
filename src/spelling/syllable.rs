//! The Vietnamese syllable validator: onsets, nuclei, codas and tone rules, and the
//! share of valid syllables in a text ([`vietnamese_score`]) that encoding detection
//! and mojibake repair both use.

use unicode_normalization::UnicodeNormalization;

use super::vowels::*;

// Letter units of the validator: ASCII consonants and plain vowels as themselves, the
// modified vowels and đ as digits.
pub(crate) const U_AW: u8 = b'1';
pub(crate) const U_AA: u8 = b'2';
pub(crate) const U_EE: u8 = b'3';
pub(crate) const U_OO: u8 = b'4';
pub(crate) const U_OW: u8 = b'5';
pub(crate) const U_UW: u8 = b'6';
pub(crate) const U_DD: u8 = b'7';
pub(crate) const SKEL_UNIT: [u8; 12] = [b'a', U_AW, U_AA, b'e', U_EE, b'i', b'o', U_OO, U_OW, b'u', U_UW, b'y'];

pub(crate) fn is_vowel_unit(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'1'..=b'6')
}

pub(crate) fn is_modified_unit(b: u8) -> bool {
    matches!(b, b'1'..=b'6')
}

pub(crate) const K_OPEN: u16 = 1;
pub(crate) const K_C: u16 = 2;
pub(crate) const K_CH: u16 = 4;
pub(crate) const K_M: u16 = 8;
pub(crate) const K_N: u16 = 16;
pub(crate) const K_NG: u16 = 32;
pub(crate) const K_NH: u16 = 64;
pub(crate) const K_P: u16 = 128;
pub(crate) const K_T: u16 = 256;
pub(crate) const K_STOPS: u16 = K_C | K_CH | K_P | K_T;

/// Codas a vowel nucleus (including glides) takes; 0 when it is not a nucleus.
pub(crate) fn nucleus_codas(v: &[u8]) -> u16 {
    const ALL: u16 = K_OPEN | K_C | K_CH | K_M | K_N | K_NG | K_NH | K_P | K_T;
    const CMNP: u16 = K_C | K_M | K_N | K_NG | K_P | K_T;
    match v {
        [b'a'] | [b'o', b'a'] => ALL,
        [U_AW] | [U_AA] | [b'o', U_AW] | [U_UW, U_OW] | [b'i', U_EE] => CMNP,
        [b'e'] | [b'o'] | [U_OO] | [b'u'] => K_OPEN | CMNP,
        [U_EE] | [b'i'] => K_OPEN | K_CH | K_M | K_N | K_NH | K_P | K_T,
        [U_OW] => K_OPEN | K_M | K_N | K_P | K_T,
        [U_UW] => K_OPEN | K_C | K_M | K_N | K_NG | K_T,
        [b'o', b'e'] => K_OPEN | K_N | K_T,
        [b'o', b'o'] => K_C | K_NG,
        [b'u', U_AA] => K_N | K_NG | K_T,
        [b'u', U_EE] => K_OPEN | K_CH | K_N | K_NH,
        [b'u', b'y'] => K_OPEN | K_CH | K_N | K_NH | K_P | K_T,
        [b'u', U_OO] => K_C | K_M | K_N | K_NG | K_T,
        [b'y', U_EE] => K_M | K_N | K_T,
        [b'u', b'y', U_EE] => K_N | K_T,
        [b'u', b'y', b'a'] => K_OPEN,
        [b'y']
        | [b'a', b'i']
        | [b'a', b'o']
        | [b'a', b'u']
        | [b'a', b'y']
        | [U_AA, b'u']
        | [U_AA, b'y']
        | [b'e', b'o']
        | [U_EE, b'u']
        | [b'i', b'a']
        | [b'i', b'u']
        | [b'o', b'i']
        | [U_OO, b'i']
        | [U_OW, b'i']
        | [b'u', b'i']
        | [U_UW, b'i']
        | [U_UW, b'u']
        | [b'u', b'a']
        | [U_UW, b'a']
        | [b'u', U_OW]
        | [b'o', b'a', b'i']
        | [b'o', b'a', b'o']
        | [b'o', b'a', b'y']
        | [b'o', b'e', b'o']
        | [b'u', U_AA, b'y']
        | [b'u', U_OO, b'i']
        | [b'u', b'y', b'u']
        | [U_UW, U_OW, b'i']
        | [U_UW, U_OW, b'u']
        | [b'i', U_EE, b'u']
        | [b'y', U_EE, b'u'] => K_OPEN,
        _ => 0,
    }
}

/// Initial consonants ("q" only as "qu"; "gi" is also tried as "g" + "i…").
pub(crate) const ONSETS: [&[u8]; 27] = [
    b"ngh", b"ng", b"nh", b"ch", b"gh", b"gi", b"kh", b"ph", b"qu", b"th", b"tr", b"b", b"c", b"d", b"7", b"g", b"h",
    b"k", b"l", b"m", b"n", b"p", b"r", b"s", b"t", b"v", b"x",
];

pub(crate) fn rime_valid(r: &[u8], tone: usize, tpos: usize) -> bool {
    let k = r.iter().take_while(|&&b| is_vowel_unit(b)).count();
    if k == 0 || k > 3 {
        return false;
    }
    let coda = match &r[k..] {
        [] => K_OPEN,
        b"c" => K_C,
        b"ch" => K_CH,
        b"m" => K_M,
        b"n" => K_N,
        b"ng" => K_NG,
        b"nh" => K_NH,
        b"p" => K_P,
        b"t" => K_T,
        _ => return false,
    };
    let v = &r[..k];
    if nucleus_codas(v) & coda == 0 {
        return false;
    }
    // Syllables closed by a stop take only the acute or the dot below.
    if coda & K_STOPS != 0 && tone != TONE_ACUTE && tone != TONE_DOT {
        return false;
    }
    if tone == 0 {
        return true;
    }
    // "khuya" takes no tone.
    if v == [b'u', b'y', b'a'] {
        return false;
    }
    if tpos >= k {
        return false;
    }
    // Where the tone may sit (old and new placement both accepted).
    if v.iter().any(|&b| is_modified_unit(b)) {
        return is_modified_unit(v[tpos]);
    }
    if coda != K_OPEN {
        return tpos == k - 1;
    }
    match k {
        1 => true,
        2 => tpos == 0 || matches!(v, [b'o', b'a'] | [b'o', b'e'] | [b'u', b'y'] | [b'o', b'o']),
        _ => tpos == 1,
    }
}

/// The [`ONSETS`] that start with `b`.
pub(crate) fn onsets_from(b: u8) -> &'static [&'static [u8]] {
    match b {
        b'n' => &[b"ngh", b"ng", b"nh", b"n"],
        b'g' => &[b"gh", b"gi", b"g"],
        b'c' => &[b"ch", b"c"],
        b'k' => &[b"kh", b"k"],
        b'p' => &[b"ph", b"p"],
        b't' => &[b"th", b"tr", b"t"],
        b'q' => &[b"qu"],
        _ => match ONSETS.iter().position(|o| o.len() == 1 && o[0] == b) {
            Some(i) => &ONSETS[i..=i],
            None => &[],
        },
    }
}

pub(crate) fn syllable_units_valid(u: &[u8], tone: usize, tpos: usize) -> bool {
    if rime_valid(u, tone, tpos) {
        return true;
    }
    // Only the onsets that start with the word's first letter can match.
    let onsets = u.first().map_or(&[][..], |&b| onsets_from(b));
    onsets.iter().any(|o| {
        u.len() > o.len()
            && u.starts_with(o)
            && (tone == 0 || tpos >= o.len())
            && rime_valid(&u[o.len()..], tone, tpos.wrapping_sub(o.len()))
    })
}

/// Whether the word (letters only, NFC) is a valid Vietnamese syllable; `None` for an
/// upper-case ASCII acronym that is not one ("UBND", "HĐND") and for a single letter
/// that is not one ("đ", initials), which scoring skips.
pub(crate) fn word_verdict(w: &str) -> Option<bool> {
    let mut units = [0u8; 8];
    let (mut n, mut tone, mut tpos, mut count) = (0usize, 0usize, 0usize, 0usize);
    let mut ok = true;
    let mut acronym = true;
    for c in w.chars() {
        count += 1;
        let unit = if c.is_ascii_alphabetic() {
            if c.is_ascii_lowercase() {
                acronym = false;
            }
            c.to_ascii_lowercase() as u8
        } else if matches!(c, 'đ' | 'ð') {
            acronym = false;
            U_DD
        } else if matches!(c, 'Đ' | 'Ð') {
            U_DD
        } else if let Some((s, t, _)) = vowel_info(c) {
            acronym = false;
            if t > 0 {
                if tone > 0 {
                    ok = false;
                }
                tone = t;
                tpos = n;
            }
            SKEL_UNIT[s]
        } else {
            ok = false;
            acronym = false;
            0
        };
        if n < units.len() {
            units[n] = unit;
            n += 1;
        } else {
            ok = false;
        }
    }
    let valid = ok && syllable_units_valid(&units[..n], tone, tpos);
    // Skipped: acronyms ("UBND") and single letters ("đ" for đồng, initials, "a)").
    if !valid && ((acronym && count >= 2) || count == 1) { None } else { Some(valid) }
}

pub(crate) fn word_is_valid(w: &str) -> bool {
    word_verdict(w) == Some(true)
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Stats {
    pub(crate) words: u32,
    pub(crate) valid: u32,
    /// Words with a non-ASCII letter.
    pub(crate) words_na: u32,
    pub(crate) valid_na: u32,
    /// Non-ASCII symbols glued to letters ("nh©n", "tr\u{AD}êng").
    pub(crate) glued: u32,
}

impl Stats {
    /// Share of valid syllables among the words an encoding decides; `None` without any.
    pub(crate) fn evidence(&self) -> Option<f32> {
        let d = self.words_na + self.glued;
        if d == 0 { None } else { Some(self.valid_na as f32 / d as f32) }
    }
    pub(crate) fn invalid(&self) -> u32 {
        self.words - self.valid + self.glued
    }
}

pub(crate) fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// 0 = not suspect, 1 = suspect next to a letter, 2 = suspect only between letters.
pub(crate) fn glue_class(c: char) -> u8 {
    match c {
        '“' | '”' | '‘' | '’' | '„' | '‚' | '–' | '—' | '…' | '•' | '′' | '″' | '€' | '₫' | '™' | '°' | '²' | '³' => {
            0
        }
        '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' => 0, // invisible format characters
        '«' | '»' | '‹' | '›' => 2,
        _ if c.is_ascii() || super::is_alphabetic(c) || c.is_whitespace() || is_combining_mark(c) => 0,
        _ => 1,
    }
}

pub(crate) fn analyze(s: &str) -> Stats {
    let mut stats = Stats::default();
    let mut word: Option<(usize, bool, bool)> = None; // (start, has non-ASCII, has combining)
    let mut prev_alpha = false;
    fn finish(stats: &mut Stats, w: &str, na: bool, comb: bool) {
        let verdict = if comb { word_verdict(&w.nfc().collect::<String>()) } else { word_verdict(w) };
        if let Some(v) = verdict {
            stats.words += 1;
            stats.valid += v as u32;
            if na {
                stats.words_na += 1;
                stats.valid_na += v as u32;
            }
        }
    }
    // A single word of letters (what the scrambled-diacritics check passes): one verdict.
    if !s.is_empty() && s.chars().all(super::is_alphabetic) {
        finish(&mut stats, s, !s.is_ascii(), false);
        return stats;
    }
    for (i, c) in s.char_indices() {
        let alpha = super::is_alphabetic(c);
        if alpha || (word.is_some() && is_combining_mark(c)) {
            let w = word.get_or_insert((i, false, false));
            w.1 |= !c.is_ascii();
            w.2 |= !alpha;
        } else {
            if let Some((ws, na, comb)) = word.take() {
                finish(&mut stats, &s[ws..i], na, comb);
            }
            let class = glue_class(c);
            if class != 0 {
                let next_alpha = s[i + c.len_utf8()..].chars().next().is_some_and(super::is_alphabetic);
                if (class == 1 && (prev_alpha || next_alpha)) || (class == 2 && prev_alpha && next_alpha) {
                    stats.glued += 1;
                }
            }
        }
        prev_alpha = alpha;
    }
    if let Some((ws, na, comb)) = word {
        finish(&mut stats, &s[ws..], na, comb);
    }
    stats
}

/// Share of word tokens (runs of letters, lower-case folded) that are valid Vietnamese
/// syllables, 0..=1: initial consonant cluster + vowel nucleus (with glides) + final
/// consonant, with legal tone placement and only the acute or dot-below tone after a
/// final stop (c, ch, p, t). Upper-case acronyms and single letters that are not
/// syllables ("UBND", "đ") are skipped; a non-ASCII symbol glued to a letter ("nh©n")
/// counts as one invalid token. 0.0 when there is no word.
///
/// ```
/// use vanban::decode::vietnamese_score;
/// assert_eq!(vietnamese_score("Hội nghị sơ kết công tác dân vận"), 1.0);
/// assert_eq!(vietnamese_score("Héi nghÞ s¬ kÕt"), 0.0);
/// assert!(vietnamese_score("The quick brown fox") < 0.3);
/// ```
pub fn vietnamese_score(s: &str) -> f32 {
    score_of(analyze(s))
}

pub(crate) fn score_of(stats: Stats) -> f32 {
    let d = stats.words + stats.glued;
    if d == 0 { 0.0 } else { stats.valid as f32 / d as f32 }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn onsets_from_lists_every_onset_by_first_letter() {
        for b in 0..=255u8 {
            let mut want: Vec<&[u8]> = ONSETS.iter().copied().filter(|o| o[0] == b).collect();
            let mut got = onsets_from(b).to_vec();
            want.sort();
            got.sort();
            assert_eq!(got, want, "{}", b as char);
        }
    }

    const SYLLABLES: &str = "của và các có là được trong cho người những một không đã với này để khi đến về năm \
        từ theo như thì ra nhiều tại phải nhà làm cũng sự đồng chí hội nghị tỉnh huyện xã ủy ban nhân dân chủ tịch \
        phó bí thư thường trực vụ công tác kết luận chỉ đạo thực hiện nhiệm kỳ tổ chức đảng bộ cơ sở quyết định số \
        việc triển khai kế hoạch đánh giá quả báo cáo trình bày ý kiến thống nhất giao văn phòng dõi đôn đốc mặt \
        trận quốc đoàn thể chính trị phát biểu lãnh ngành quận phường thị trấn ấp thôn bản khóm sáng chiều tối ngày \
        tháng hôm qua nay mai tuần quý đầu cuối giữa lần thứ hai ba bốn sáu bảy tám chín mười trăm nghìn triệu tỷ \
        giảm tăng khuyến khích nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý khoẻ khỏe hoà \
        hòa thuỷ thủy uỷ dân phấn khởi tin tưởng lực lượng vững mạnh ổn an ninh kinh tế giáo dục đào tạo y môi \
        trường tài nguyên nông nghiệp sản lâm thông vận tải xây dựng khoa học kỹ thuật truyền hoá thao du lịch lao \
        động thương binh nội tư pháp ngoại ngân hàng thanh tra khuya khuỷu ngoẹo oẳn oái quằn xoắn thuở huơ khuây \
        ngoáy rượu bướu hươu cừu cứu lưu gửi ngửi khuyết tuyết nguyện chuyện thuyền yêu yên ấy ở ẩm ướt uống oan \
        em êm ích ốc ăn ơn ưng quạ gì già gỗ ghế nghề kẻ xoong boong ừ ạ ế ỉ ẽ ũ ỹ ỗ ỡ ữ ễ ĩ õ ã ệ ộ ợ ự ụ ọ \
        ẹ ị ỵ ề ồ ờ ừ ỳ ò è ù ì à ể ổ ở ử ủ ỏ ẻ ả ỷ ế ố ớ ứ ú ó é í á ý đi lẵng lẫn mặc thật \
        bằng ầm thẳng ẩn chắc ấm";

    pub(crate) fn syllables() -> Vec<&'static str> {
        SYLLABLES.split_whitespace().collect()
    }

    #[test]
    fn syllable_validator() {
        for w in syllables() {
            assert!(word_is_valid(w), "{w} should be valid");
            let up = w.to_uppercase();
            assert!(word_is_valid(&up), "{up} should be valid");
        }
        for w in [
            "uûy", "héi", "nghÞ", "s", "kÕt", "cac", "viet", "bâ", "ăn'", "qúy", "đâủ", "thĩêu", "ngươ", "ab", "str",
            "xyz", "kiểmm", "hoạa", "lủâ",
        ] {
            assert!(!word_is_valid(w), "{w} should be invalid");
        }
        assert_eq!(word_verdict("UBND"), None);
        assert_eq!(word_verdict("HĐND"), None);
        assert_eq!(word_verdict("HOA"), Some(true));
        assert_eq!(vietnamese_score(""), 0.0);
        assert_eq!(vietnamese_score("UBND tỉnh Bình Định"), 1.0);
        assert!(vietnamese_score("Ban ChÊp hµnh Trung ¬ng") < 0.5);
    }
}
