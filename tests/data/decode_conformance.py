#!/usr/bin/env python3
"""Generate tests/data/decode_conformance.tsv independently of src/decode.rs.

Tables here are typed from sources other than the ones the Rust tables were written from:
  * TCVN3: the TCVN3 -> Unicode character lists of the ConvertVNI tool (public repository
    backupvietsoft/HRM, ConvertVNI/XtraForm1.cs), VN3 letters only.
  * VNI: the VNI[] table of the xvnkb keyboard driver (public repository lamdao/xvnkb,
    vni.h), order: base, acute, grave, hook, tilde, dot.
  * VIQR: RFC 1456 mnemonics, derived from Python's unicodedata decompositions.
  * Windows-1258: Python's built-in cp1258 codec (expected = NFC of Python's decoding).
  * Mojibake: Python's cp1252 codec (undefined bytes -> C1 controls, as Latin-1).
Columns: encoding, input as hex bytes, expected UTF-8 text.
"""
import codecs
import sys
import unicodedata

NFC = lambda s: unicodedata.normalize("NFC", s)

# --- TCVN3 (from the ConvertVNI lists) --------------------------------------------------
TCVN_CHARS = (
    "µ¸¶·¹" "¨»¾¼½Æ" "©ÇÊÈÉË" "®" "ÌÐÎÏÑ" "ªÒÕÓÔÖ" "×ÝØÜÞ" "ßãáâä" "«åèæçé" "¬êíëìî"
    "ïóñòô" "\xadõøö÷ù" "úýûüþ" "¡¢§£¤¥¦"
)
UNI_CHARS = (
    "àáảãạ" "ăằắẳẵặ" "âầấẩẫậ" "đ" "èéẻẽẹ" "êềếểễệ" "ìíỉĩị" "òóỏõọ" "ôồốổỗộ" "ơờớởỡợ"
    "ùúủũụ" "ưừứửữự" "ỳýỷỹỵ" "ĂÂĐÊÔƠƯ"
)
assert len(TCVN_CHARS) == len(UNI_CHARS) == 74, (len(TCVN_CHARS), len(UNI_CHARS))
TCVN = {u: t.encode("latin-1") for t, u in zip(TCVN_CHARS, UNI_CHARS)}
TCVN_CAP = {"Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦"}


def strip_tone(ch):
    d = unicodedata.normalize("NFD", ch)
    d = "".join(c for c in d if c not in "\u0300\u0301\u0303\u0309\u0323")
    return NFC(d)


def enc_tcvn3(s):
    out = b""
    for ch in NFC(s):
        if ord(ch) < 128:
            out += ch.encode()
        elif ch in TCVN:
            out += TCVN[ch]
        elif ch.lower() in TCVN and ch.isupper():
            base = strip_tone(ch)  # untoned capital
            cap = TCVN_CAP.get(base, base)
            out += cap.encode("latin-1") + TCVN[ch.lower()]
        else:
            raise ValueError(ch)
    return out


# --- VNI (from xvnkb vni.h) --------------------------------------------------------------
VNI_ROWS = [
    ("a", "a", "aù", "aø", "aû", "aõ", "aï"),
    ("â", "aâ", "aá", "aà", "aå", "aã", "aä"),
    ("ă", "aê", "aé", "aè", "aú", "aü", "aë"),
    ("e", "e", "eù", "eø", "eû", "eõ", "eï"),
    ("ê", "eâ", "eá", "eà", "eå", "eã", "eä"),
    ("o", "o", "où", "oø", "oû", "oõ", "oï"),
    ("ô", "oâ", "oá", "oà", "oå", "oã", "oä"),
    ("ơ", "ô", "ôù", "ôø", "ôû", "ôõ", "ôï"),
    ("u", "u", "uù", "uø", "uû", "uõ", "uï"),
    ("ư", "ö", "öù", "öø", "öû", "öõ", "öï"),
    ("i", "i", "í", "ì", "æ", "ó", "ò"),
    ("y", "y", "yù", "yø", "yû", "yõ", "î"),
]
VNI_ROWS_UP = [
    ("A", "A", "AÙ", "AØ", "AÛ", "AÕ", "AÏ"),
    ("Â", "AÂ", "AÁ", "AÀ", "AÅ", "AÃ", "AÄ"),
    ("Ă", "AÊ", "AÉ", "AÈ", "AÚ", "AÜ", "AË"),
    ("E", "E", "EÙ", "EØ", "EÛ", "EÕ", "EÏ"),
    ("Ê", "EÂ", "EÁ", "EÀ", "EÅ", "EÃ", "EÄ"),
    ("O", "O", "OÙ", "OØ", "OÛ", "OÕ", "OÏ"),
    ("Ô", "OÂ", "OÁ", "OÀ", "OÅ", "OÃ", "OÄ"),
    ("Ơ", "Ô", "ÔÙ", "ÔØ", "ÔÛ", "ÔÕ", "ÔÏ"),
    ("U", "U", "UÙ", "UØ", "UÛ", "UÕ", "UÏ"),
    ("Ư", "Ö", "ÖÙ", "ÖØ", "ÖÛ", "ÖÕ", "ÖÏ"),
    ("I", "I", "Í", "Ì", "Æ", "Ó", "Ò"),
    ("Y", "Y", "YÙ", "YØ", "YÛ", "YÕ", "Î"),
]
MARKS = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]  # xvnkb order
VNI = {"đ": "ñ".encode("latin-1"), "Đ": "Ñ".encode("latin-1")}
for rows in (VNI_ROWS, VNI_ROWS_UP):
    for base, *codes in rows:
        for mark, code in zip(MARKS, codes):
            VNI[NFC(base + mark)] = code.encode("latin-1")
assert len(VNI) == 146, len(VNI)  # 12 bases x 6 x 2 + đ Đ


def enc_vni(s):
    out = b""
    for ch in NFC(s):
        if ord(ch) < 128:
            out += ch.encode()
        else:
            out += VNI[ch]
    return out


# --- VIQR (RFC 1456) ---------------------------------------------------------------------
VIQR_MOD = {"\u0306": "(", "\u0302": "^", "\u031b": "+"}
VIQR_TONE = {"\u0301": "'", "\u0300": "`", "\u0309": "?", "\u0303": "~", "\u0323": "."}


def viqr_letter(ch):
    if ch == "đ":
        return "dd"
    if ch == "Đ":
        return "DD"
    d = unicodedata.normalize("NFD", ch)
    base, marks = d[0], d[1:]
    mod = "".join(VIQR_MOD[m] for m in marks if m in VIQR_MOD)
    tone = "".join(VIQR_TONE[m] for m in marks if m in VIQR_TONE)
    return base + mod + tone


def enc_viqr(s, escape=True):
    out = ""
    prev_letter = False
    for ch in NFC(s):
        if ch.isascii() and not ch.isalpha():
            if escape and prev_letter and ch in "(^+'`?~.":
                out += "\\"
            out += ch
            prev_letter = False
        else:
            out += viqr_letter(ch)
            prev_letter = True
    return out.encode()


# --- CP1258 (Python codec) -----------------------------------------------------------------
CP_TONES = {"\u0300": b"\xcc", "\u0301": b"\xec", "\u0309": b"\xd2", "\u0303": b"\xde", "\u0323": b"\xf2"}


def enc_cp1258(s):
    out = b""
    for ch in NFC(s):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        tones = [m for m in d if m in CP_TONES]
        base = NFC("".join(m for m in d if m not in CP_TONES))
        out += base.encode("cp1258") + b"".join(CP_TONES[t] for t in tones)
    return out


def dec_cp1258(b):
    return NFC(b.decode("cp1258"))


def mojibake(s):
    return "".join(
        bytes([b]).decode("cp1252") if 0x80 <= b < 0xA0 and b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b)
        for b in s.encode("utf-8")
    )


# --- Data ------------------------------------------------------------------------------------
LOWER = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
UPPER = "".join(c.upper() for c in LOWER)
TONED_LOWER = [c for c in LOWER if c not in "aeiouyđ"]
TONED_UPPER = [c.upper() for c in TONED_LOWER]

SENTENCES = [
    "Uỷ ban nhân dân tỉnh Bình Định tổ chức hội nghị sơ kết công tác dân vận.",
    "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam.",
    "Hà Nội, ngày 28 tháng 5 năm 2019",
    "Đồng chí Nguyễn Văn An, Phó Chủ tịch Thường trực Hội đồng nhân dân huyện chủ trì hội nghị.",
    "Sáng ngày 05/7, Ban Thường vụ Huyện ủy họp thường kỳ để đánh giá kết quả thực hiện nhiệm vụ.",
    "Tham dự có các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy, lãnh đạo các sở, ban, ngành.",
    "Hội nghị thống nhất giao Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện.",
    "Đại diện Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội phát biểu ý kiến.",
    "Kết luận của đồng chí Bí thư Huyện ủy tại buổi làm việc với Đảng ủy xã.",
    "Người dân phấn khởi, tin tưởng vào sự lãnh đạo của Đảng.",
    "Thủ tướng Chính phủ yêu cầu các bộ, ngành khẩn trương hoàn thiện hồ sơ.",
    "Quyết định số 1234/QĐ-UBND về việc thành lập Tổ công tác liên ngành.",
    "ĐẢNG BỘ TỈNH BÌNH ĐỊNH",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM - Độc lập - Tự do - Hạnh phúc",
    "Giữa năm, quyền lợi của người lao động được bảo đảm; nhiều khó khăn đã được khắc phục.",
    "Thuở ấy, khuya khoắt, người thợ khoẻ mạnh vẫn miệt mài quét dọn sân trường.",
]

rows = []


def add(enc, b, expected, comment=None):
    assert "\t" not in expected and "\n" not in expected
    rows.append((enc, b.hex(), expected))


# TCVN3: every lower-case letter, untoned capitals, toned capitals (pair form), sentences.
for c in LOWER:
    if c in TCVN:
        add("tcvn3", TCVN[c], c)
for c in "ĂÂÊÔƠƯĐ":
    add("tcvn3", TCVN[c], c)
for c in TONED_UPPER:
    if c in "ĂÂÊÔƠƯ":
        continue
    add("tcvn3", enc_tcvn3(c), c)
for s in SENTENCES:
    add("tcvn3", enc_tcvn3(s), s)
# Real-world samples (DOMAIN.md §8.3) and the lower-case-code-alone form of capitals.
add("tcvn3", "Uû ban nh©n d©n".encode("latin-1"), "Uỷ ban nhân dân")
add("tcvn3", "Sè 11-HD/VPTW".encode("latin-1"), "Số 11-HD/VPTW")
add("tcvn3", "Q§".encode("latin-1"), "QĐ")
add("tcvn3", "H¸T".encode("latin-1"), "HÁT")  # lower-case code alone in an all-caps word
add("tcvn3", "NHIÖT ®é 25\xb0C".encode("latin-1"), "NHIỆT độ 25°C")

# VNI: every letter both cases, sentences, and the three-byte "a + â + ù" form.
for c in LOWER + UPPER:
    add("vni", VNI[c], c)
for s in SENTENCES:
    add("vni", enc_vni(s), s)
add("vni", "Xin chaøo caùc baïn".encode("latin-1"), "Xin chào các bạn")
add("vni", "xaâùy".encode("latin-1"), "xấy")

# VIQR: every letter both cases (escaped full stop: strict RFC mode), sentences both ways.
for c in LOWER + UPPER:
    add("viqr", (viqr_letter(c) + "\\.").encode(), c + ".")
for s in SENTENCES:
    add("viqr", enc_viqr(s), s)
add("viqr", b"Vie^.t Nam.", "Việt Nam.")
add("viqr", b"To^i ye^u tie^'ng nu+o+'c to^i tu+` khi mo+'i ra ddo+`i.", "Tôi yêu tiếng nước tôi từ khi mới ra đời.")
add("viqr", b"Thu? DDu+'c, Qui Nho+n, Bi`nh Du+o+ng", "Thủ Đức, Qui Nhơn, Bình Dương")
add("viqr", b"Anh co' khoe? kho^ng?", "Anh có khoẻ không?")
add("viqr", b"Ba.n ddi dda^u?", "Bạn đi đâu?")

# Windows-1258: every letter both cases, sentences.
for c in LOWER + UPPER:
    b = enc_cp1258(c)
    add("windows-1258", b, dec_cp1258(b))
for s in SENTENCES:
    b = enc_cp1258(s)
    assert dec_cp1258(b) == s
    add("windows-1258", b, s)

# UTF-8 / UTF-16 with BOM.
for s in SENTENCES[:4]:
    add("utf-8", s.encode("utf-8"), s)
    add("utf-8", codecs.BOM_UTF8 + s.encode("utf-8"), s)
    add("utf-16le", codecs.BOM_UTF16_LE + s.encode("utf-16-le"), s)
    add("utf-16be", codecs.BOM_UTF16_BE + s.encode("utf-16-be"), s)

# Mojibake (input is the broken string's UTF-8; expected is what repair() returns).
for s in SENTENCES[:8] + ["Nguyễn", "Việt Nam", "đường", "Phạm Minh Chính"]:
    add("cp1252-mojibake", mojibake(s).encode("utf-8"), s)

out = sys.stdout
out.write("# Conformance cases for vanban::decode, generated by gen_conformance.py (decode scratch crate,\n")
out.write("# scripts/) from tables typed independently of src/decode.rs: see that script's docstring.\n")
out.write("# encoding\tinput_hex\texpected\n")
for r in rows:
    out.write("\t".join(r) + "\n")
print(len(rows), file=sys.stderr)
