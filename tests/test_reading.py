"""Tests for analysis.reading: encodings, line endings, and errors that name the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.reading import ReportReadError, read_report

RAW_DIR = Path(__file__).resolve().parents[1] / "data" / "raw"
SEEDS = sorted(RAW_DIR.glob("*.txt"))

SAMPLE = "一、总体情况\n（一）加强领导。全年办理案件8879件。\n"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("gbk"), "gb18030"),
        (SAMPLE.encode("utf-16"), "utf-16-le"),  # Python writes a little-endian BOM
        (b"\xfe\xff" + SAMPLE.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_encodings_are_detected(tmp_path: Path, data: bytes, encoding: str) -> None:
    text, enc = read_report(_write(tmp_path, "r.txt", data))
    assert text == SAMPLE
    assert enc == encoding
    assert not text.startswith("\ufeff")


def test_short_gb18030_text_that_is_also_valid_utf8(tmp_path: Path) -> None:
    # 一 in GB18030 is D2 BB, which is also valid UTF-8 (Cyrillic 'һ').
    text, enc = read_report(_write(tmp_path, "r.txt", "一".encode("gb18030")))
    assert (text, enc) == ("一", "gb18030")


def test_line_endings_are_normalized(tmp_path: Path) -> None:
    data = "第一行\r\n第二行\r第三行\n".encode()
    text, _ = read_report(_write(tmp_path, "r.txt", data))
    assert text == "第一行\n第二行\n第三行\n"


def test_text_is_otherwise_unchanged(tmp_path: Path) -> None:
    original = "\u3000\u3000（一）全角，\u00a0半角,  尾随空格  \n\n\n末行"
    text, _ = read_report(_write(tmp_path, "r.txt", original.encode("utf-8")))
    assert text == original


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n"])
def test_empty_file_names_the_file(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path, "empty_report.txt", data)
    with pytest.raises(ReportReadError) as info:
        read_report(path)
    assert "empty_report.txt" in str(info.value)
    assert info.value.path == path
    assert isinstance(info.value, ValueError)


def test_undecodable_file_names_the_file_and_says_what_to_do(tmp_path: Path) -> None:
    # Latin-1 text: not UTF-8, and not GB18030 either (0xE9 followed by a space).
    path = _write(tmp_path, "latin1_report.txt", "café résumé".encode("latin-1"))
    with pytest.raises(ReportReadError) as info:
        read_report(path)
    message = str(info.value)
    assert "latin1_report.txt" in message
    assert "UTF-8" in message


def test_gb18030_with_control_characters_is_rejected(tmp_path: Path) -> None:
    # b'\x81\x30\x81\x30' is valid GB18030 for U+0080, a control character.
    data = "法治政府建设".encode("gb18030") + b"\x81\x30\x81\x30"
    path = _write(tmp_path, "odd.txt", data)
    with pytest.raises(ReportReadError, match="odd.txt"):
        read_report(path)


def test_gb18030_without_chinese_is_rejected(tmp_path: Path) -> None:
    # Full-width Latin letters in GB18030: not UTF-8, decodes, but has no Chinese at all.
    path = _write(tmp_path, "latin.txt", "ＡＢＣＤＥＦ ＧＨＩ".encode("gb18030"))
    with pytest.raises(ReportReadError, match="latin.txt"):
        read_report(path)


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(ReportReadError, match="nowhere.txt"):
        read_report(tmp_path / "nowhere.txt")


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_seeds_in_other_encodings_read_the_same(tmp_path: Path, seed: Path, encoding: str) -> None:
    original = seed.read_bytes().decode("utf-8")
    text, enc = read_report(_write(tmp_path, seed.name, original.encode(encoding)))
    assert text == original.replace("\r\n", "\n")
    assert enc.startswith(encoding.split("-sig")[0].replace("utf-16", "utf-16"))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seeds_read_as_utf8(seed: Path) -> None:
    text, enc = read_report(seed)
    assert enc == "utf-8"
    assert "\r" not in text
    assert len(text) > 1000


_WORDS = [
    "法治政府",
    "建设",
    "年度报告",
    "城市管理局",
    "一、",
    "（一）",
    "(二)",
    "1.",
    "，",
    ",",
    "。",
    "：",
    "“七五”",
    "8879件",
    "92.16%",
    " ",
    "\u3000",
    "\n",
    "\r\n",
    "\r",
]


def _mostly_chinese(s: str) -> bool:
    """Realistic report text: at least 4 Chinese characters, a third of what is visible."""
    visible = [c for c in s if not c.isspace()]
    cjk = [c for c in visible if "\u4e00" <= c <= "\u9fff"]
    return len(cjk) >= 4 and len(cjk) >= len(visible) / 3


_chinese = (
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40).map("".join).filter(_mostly_chinese)
)


@settings(max_examples=60, deadline=None)
@given(text=_chinese, encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_roundtrip_any_chinese_text(tmp_path_factory, text: str, encoding: str) -> None:
    path = tmp_path_factory.mktemp("rt") / "r.txt"
    path.write_bytes(text.encode(encoding))
    decoded, _ = read_report(path)
    assert decoded == text.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=80, deadline=None)
@given(data=st.binary(max_size=64))
def test_arbitrary_bytes_decode_or_raise_report_read_error(tmp_path_factory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("bin") / "b.txt"
    path.write_bytes(data)
    try:
        text, _ = read_report(path)
    except ReportReadError as err:
        assert "b.txt" in str(err)
    else:
        assert text.strip()
        assert "\r" not in text


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00", "Word (.docx)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "Word (.doc)"),
    ],
)
def test_a_document_that_is_not_text_says_so(tmp_path: Path, data: bytes, kind: str) -> None:
    # a PDF or Word file named .txt: say what it is and how to convert it, not "re-save as UTF-8"
    path = _write(tmp_path, "report.txt", data)
    with pytest.raises(ReportReadError) as info:
        read_report(path)
    message = str(info.value)
    assert "report.txt" in message and kind in message and "pdftotext" in message


# ------------------------------------------------------------------ garbled text (mojibake)
def _cp1252_sloppy(data: bytes) -> str:
    """Bytes read as Windows-1252 the way careless tools do: its five undefined bytes kept."""
    return "".join(
        chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252") for b in data
    )


@pytest.mark.parametrize(
    ("data", "codec", "misread"),
    [
        # UTF-8 read as Latin-1, saved as UTF-8: 一 (E4 B8 80) becomes 'ä¸\x80'
        (SAMPLE.encode().decode("latin-1").encode(), "UTF-8", "Latin-1"),
        # the same, saved with a BOM, or as UTF-16 (Notepad's "Unicode")
        (b"\xef\xbb\xbf" + SAMPLE.encode().decode("latin-1").encode(), "UTF-8", "Latin-1"),
        (SAMPLE.encode().decode("latin-1").encode("utf-16"), "UTF-8", "Latin-1"),
        # read as Windows-1252: 0x80 becomes '€'
        (_cp1252_sloppy(SAMPLE.encode()).encode(), "UTF-8", "Windows-1252"),
        # GBK read as Latin-1: 一 (D2 BB) becomes 'Ò»'
        (SAMPLE.encode("gbk").decode("latin-1").encode(), "GBK", "Latin-1"),
    ],
    ids=["utf8-latin1", "utf8-latin1-bom", "utf8-latin1-utf16", "utf8-cp1252", "gbk-latin1"],
)
def test_a_latin1_round_trip_is_refused_and_says_how_to_undo_it(
    tmp_path: Path, data: bytes, codec: str, misread: str
) -> None:
    # Before: accepted (as GB18030 or UTF-8), its garbage going into every table.
    path = _write(tmp_path, "garbled.txt", data)
    with pytest.raises(ReportReadError) as info:
        read_report(path)
    message = str(info.value)
    assert message.startswith(str(path))
    assert f"it is {codec} Chinese that was once read as {misread}" in message
    assert "一、总体情况" in message  # what the report says, undone for the user to see
    assert "get the original file again" in message


def test_a_garbled_line_is_refused_but_a_stray_latin_pair_is_kept(tmp_path: Path) -> None:
    # 'Ã©' is é garbled, but one such pair is no reason to refuse a Chinese report ...
    text = SAMPLE + "附件：Ã©tude.pdf\n"
    assert read_report(_write(tmp_path, "r.txt", text.encode())) == (text, "utf-8")
    # ... while a report whose Chinese is mostly garbled is refused (二 E4 BA 8C: 'äº\x8c')
    garbled = "一" + "二、工作措施（二）".encode().decode("latin-1") * 3
    with pytest.raises(ReportReadError, match="where the report says “二、工作措施"):
        read_report(_write(tmp_path, "g.txt", garbled.encode()))


# Characters a wrong decoding draws: none of them among the 100 commonest.
RARE = "娉曟鏀垮簻寤鸿鍛婏紝鍏瓒勾鍔炵悊妗堜欢銆傘"  # 21 characters


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_chinese_made_of_rare_characters_is_refused_as_garbled(
    tmp_path: Path, encoding: str
) -> None:
    at_floor = RARE * 4 + RARE[:11] + "的的的的的\n"  # 95 rare + 5 common: 5%, accepted
    assert read_report(_write(tmp_path, "a.txt", at_floor.encode(encoding)))[0] == at_floor
    short = RARE * 4 + RARE[:15] + "\n"  # 99 Chinese characters: too few to judge
    assert read_report(_write(tmp_path, "b.txt", short.encode(encoding)))[0] == short
    # 96 rare + 4 common (的) = 100 Chinese characters: 4% common, under the 5% floor.
    text = RARE * 4 + RARE[:12] + "的的的的\n"
    path = _write(tmp_path, "rare.txt", text.encode(encoding))
    with pytest.raises(ReportReadError) as info:
        read_report(path)
    message = str(info.value)
    assert "rare.txt" in message
    assert "garbled (mojibake)" in message and "only 4 of its 100 Chinese characters" in message
    assert "re-save it as UTF-8" not in message  # the encoding is known; the text is wrong


def test_text_full_of_replacement_characters_is_refused(tmp_path: Path) -> None:
    # GBK opened as UTF-8 and saved: each unreadable byte became U+FFFD
    text = "一、总体情况\n" + "\ufffd" * 12 + "2023\ufffd\ufffd\n"
    path = _write(tmp_path, "lost.txt", text.encode())
    with pytest.raises(ReportReadError, match=r"lost\.txt: the text is garbled: 14 of its"):
        read_report(path)


def test_binary_data_is_called_binary_not_an_encoding(tmp_path: Path) -> None:
    path = _write(tmp_path, "data.txt", bytes(range(256)) * 4)
    with pytest.raises(ReportReadError) as info:
        read_report(path)
    message = str(info.value)
    assert "data.txt: this looks like a binary file, not text" in message
    assert "re-save it as UTF-8" not in message
