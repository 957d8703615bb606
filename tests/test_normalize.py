"""fold: same length, one-to-one, and its fast path (long texts) equal to the plain one."""

from hypothesis import given
from hypothesis import strategies as st

from analysis.normalize import _LONG, fold

# characters fold maps, characters it keeps, and some outside the BMP / lone surrogates
_ALPHABET = st.sampled_from(
    list("（一）１２，：；！Ａｚ　\u00a0\u200b\ufeff—–−〜．。、“”《》〔〕中国 abc12\n")
    + ["\U0001f600", "\ud800"]
)


def _by_hand(text: str) -> str:
    pairs = {"（": "(", "）": ")", "１": "1", "２": "2", "，": ",", "：": ":", "；": ";"}
    pairs |= {"！": "!", "Ａ": "A", "ｚ": "z", "　": " ", "\u00a0": " ", "\u200b": " "}
    pairs |= {"\ufeff": " ", "—": "-", "–": "-", "−": "-", "〜": "~", "．": "."}
    return "".join(pairs.get(c, c) for c in text)


def test_fold_examples():
    assert fold("（一）２０２３年，罚款１２．５万元") == "(一)2023年,罚款12.5万元"
    assert fold("执法\u3000人员—共计") == "执法 人员-共计"
    assert fold("“七五”普法。") == "“七五”普法。"


@given(st.text(alphabet=_ALPHABET, max_size=3 * _LONG))
def test_fold_matches_the_character_map_at_every_length(text):
    out = fold(text)
    assert len(out) == len(text)
    assert out == _by_hand(text)


def test_long_and_short_paths_agree():
    piece = "（二）共查处案件１２起，罚款３．５万元。\u3000"
    long_text = piece * (_LONG // len(piece) + 2)
    assert len(long_text) >= _LONG
    assert fold(long_text) == "".join(fold(piece) for _ in range(_LONG // len(piece) + 2))
