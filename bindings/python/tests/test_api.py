"""The Python API: options, errors, pickling, threads, parse_many, doctests."""

from __future__ import annotations

import datetime
import doctest
import json
import pickle
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import vanban
import vanban._errors
import vanban.tables

NEWS = (
    "Sáng 8/7, UBND tỉnh tổ chức hội nghị triển khai nhiệm vụ. "
    "Phó Chủ tịch UBND tỉnh Nguyễn Văn An chủ trì hội nghị. "
    "Đồng chí Lê Thị Hoà - Giám đốc Sở Nội vụ phát biểu."
)
BROKEN = "Hội nghị sơ kết công tác dân vận ".encode() + b"\xff" + "của Ban Dân vận Huyện ủy".encode()


def test_parse_returns_the_json_contract(parser):
    doc = parser.parse(NEWS)
    assert json.loads(parser.parse_json(NEWS)) == doc
    # Lists, never tuples (spans included), and plain JSON types throughout.
    def walk(x):
        assert isinstance(x, (dict, list, str, int, float, bool, type(None))), type(x)
        for v in x.values() if isinstance(x, dict) else x if isinstance(x, list) else ():
            walk(v)
    walk(doc)
    assert isinstance(doc["people"][0]["mentions"][0], list)
    names = [p["name"] for p in doc["people"]]
    assert names == ["Nguyễn Văn An", "Lê Thị Hoà"]
    assert doc["input"]["bytes"] == len(NEWS.encode())


def test_module_functions_use_the_shared_default_parser(parser):
    assert vanban.parse(NEWS) == parser.parse(NEWS)
    assert vanban.parse_bytes(NEWS.encode()) == parser.parse_bytes(NEWS.encode())
    assert vanban.default_parser() is vanban.default_parser()
    assert vanban.default_parser() == vanban.Parser()


def test_reference_year_and_date():
    text = "Sáng 28/12, Huyện ủy tổ chức hội nghị tổng kết."
    assert vanban.parse(text)["meeting"]["date"]["year"] is None
    assert vanban.Parser(reference_year=2024).parse(text)["meeting"]["date"]["year"] == 2024
    for ref in (datetime.date(2021, 1, 5), "2021-01-05", (2021, 1, 5)):
        p = vanban.Parser(reference_date=ref)
        assert p.reference_date == "2021-01-05"
        date = p.parse(text)["meeting"]["date"]
        assert (date["year"], date["year_inferred"]) == (2020, True)
    with pytest.raises(ValueError, match="not both"):
        vanban.Parser(reference_year=2024, reference_date="2024-01-01")
    for bad in ("2024-02-30", "2024-13-01", "yesterday", 20240101):
        with pytest.raises(ValueError):
            vanban.Parser(reference_date=bad)


def test_tone_option():
    text = "Đồng chí Nguyễn Văn An - Chủ tịch Ủy ban nhân dân xã phát biểu về hòa giải."
    role = lambda p: p.parse(text)["people"][0]["roles"][0]["text"]  # noqa: E731
    assert role(vanban.Parser(tone="keep")) == "Chủ tịch Ủy ban nhân dân xã"
    assert role(vanban.Parser(tone="new")) == "Chủ tịch Uỷ ban nhân dân xã"
    assert role(vanban.Parser(tone="old")) == "Chủ tịch Ủy ban nhân dân xã"
    with pytest.raises(ValueError, match="tone"):
        vanban.Parser(tone="newest")


def test_max_input_bytes():
    p = vanban.Parser(max_input_bytes=40)
    with pytest.raises(vanban.TooLargeError) as e:
        p.parse_bytes(NEWS.encode())
    assert (e.value.size, e.value.limit) == (len(NEWS.encode()), 40)
    assert e.value.fields() == {"size": len(NEWS.encode()), "limit": 40}
    doc = p.parse(NEWS)  # text is cut at the limit, with a diagnostic
    assert "input_truncated" in [d["code"] for d in doc["diagnostics"]]


def test_errors_carry_the_rust_fields():
    with pytest.raises(vanban.InvalidUtf8Error) as e:
        vanban.parse_bytes(BROKEN)
    assert (e.value.offset, type(e.value.reason)) == (45, str)
    assert "byte offset 45" in str(e.value)

    with pytest.raises(vanban.BinaryInputError) as e:
        vanban.parse_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    assert e.value.signature == "PDF" and e.value.sampled > 0
    with pytest.raises(vanban.BinaryInputError) as e:
        vanban.parse_bytes(b"abc\x00\x01\x02\x03\x04\x05\x06" * 50)
    assert e.value.signature is None and e.value.control_bytes > 0

    # Short Latin-1 bytes that several legacy encodings read about equally well.
    with pytest.raises(vanban.UnknownEncodingError) as e:
        vanban.parse_bytes("Hội ngh".encode() + b"\xff")
    assert isinstance(e.value, vanban.AmbiguousEncodingError)
    names = [c[0] for c in e.value.candidates]
    assert len(names) >= 2 and all(isinstance(c, tuple) and isinstance(c[1], float) for c in e.value.candidates)

    for cls in (vanban.InvalidUtf8Error, vanban.UnknownEncodingError, vanban.BinaryInputError, vanban.TooLargeError):
        assert issubclass(cls, vanban.Error) and issubclass(cls, ValueError)


def test_errors_pickle_with_their_fields():
    try:
        vanban.parse_bytes(BROKEN)
    except vanban.Error as e:
        back = pickle.loads(pickle.dumps(e))
        assert type(back) is vanban.InvalidUtf8Error
        assert (back.offset, back.reason, str(back)) == (e.offset, e.reason, str(e))


def test_parser_pickles_as_its_options():
    p = vanban.Parser(reference_date="2021-01-05", tone="new", max_input_bytes=1000)
    q = pickle.loads(pickle.dumps(p))
    assert q == p and hash(q) == hash(p) and q is not p
    assert (q.reference_date, q.tone, q.max_input_bytes) == ("2021-01-05", "new", 1000)
    text = "Sáng 28/12, Uỷ ban nhân dân huyện tổ chức hội nghị tổng kết."
    assert q.parse(text) == p.parse(text)
    assert "reference_date='2021-01-05'" in repr(q)
    assert pickle.loads(pickle.dumps(vanban.Parser())) == vanban.Parser()


def test_parser_is_shared_by_threads(parser, fixture_texts):
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in fixture_texts]
    expected = [parser.parse(t) for t in texts]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(parser.parse, texts * 3))
    assert got == expected * 3


def test_parse_releases_the_gil(parser, fixture_texts):
    # A long document (every fixture, several times); while it is parsed, another Python
    # thread must keep running. With the GIL held it could not run inside the call.
    # Long enough that the parse takes a while on this machine, however fast: doubled
    # until one parse takes 0.2 s (at most 64 MB).
    base = "\n\n".join(f.read_text(encoding="utf-8", errors="replace") for f in fixture_texts)
    text = base
    while len(text) < (64 << 20):
        t0 = time.perf_counter()
        parser.parse(text)
        if time.perf_counter() - t0 >= 0.2:
            break
        text += "\n\n" + text
    stamps: list[float] = []
    stop = threading.Event()

    def tick():
        while not stop.is_set() and len(stamps) < 1_000_000:
            stamps.append(time.perf_counter())
            time.sleep(0.001)

    t = threading.Thread(target=tick)
    t.start()
    time.sleep(0.02)
    t0 = time.perf_counter()
    parser.parse(text)
    t1 = time.perf_counter()
    stop.set()
    t.join()
    assert t1 - t0 > 0.05, f"the parse took {t1 - t0:.3f} s: too short to tell"
    inside = [s for s in stamps if t0 + 0.2 * (t1 - t0) < s < t1 - 0.2 * (t1 - t0)]
    assert len(inside) >= 3, f"the other thread ran {len(inside)} times in a {t1 - t0:.2f} s parse"


def test_parse_many_keeps_order_and_isolates_errors(parser, fixture_texts):
    items: list = []
    for i, f in enumerate(fixture_texts):
        items.append(f.read_bytes() if i % 2 else f.read_text(encoding="utf-8", errors="replace"))
        if i % 5 == 0:
            items.append(BROKEN)
    items.append(b"\x7fELF\x02\x01\x01\x00" + bytes(100))
    one = parser.parse_many(items, threads=1)
    many = parser.parse_many(items, threads=4)
    default = parser.parse_many(items)
    assert len(one) == len(many) == len(default) == len(items)
    for item, a, b, c in zip(items, one, many, default):
        if item is BROKEN:
            assert all(type(x) is vanban.InvalidUtf8Error and x.offset == 45 for x in (a, b, c))
        elif item.startswith(b"\x7fELF") if isinstance(item, bytes) else False:
            assert all(type(x) is vanban.BinaryInputError for x in (a, b, c))
        else:
            want = parser.parse(item) if isinstance(item, str) else parser.parse_bytes(item)
            assert a == b == c == want
    assert parser.parse_many([]) == []
    with pytest.raises(TypeError, match="item 1 is int"):
        parser.parse_many(["a", 3])
    with pytest.raises(ValueError):
        parser.parse_many(["a"], threads=0)


def test_parse_bytes_json_matches_parse_bytes(parser):
    data = NEWS.encode("utf-16")
    assert json.loads(parser.parse_bytes_json(data)) == parser.parse_bytes(data)
    assert parser.parse_bytes(data)["input"]["encoding"] == "utf-16le"
    with pytest.raises(vanban.InvalidUtf8Error):
        parser.parse_bytes_json(BROKEN)


def _run_doctests(obj, name):
    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner()
    attempted = 0
    for test in finder.find(obj, name, globs={}):
        r = runner.run(test)
        assert r.failed == 0, f"doctest of {name} failed"
        attempted += r.attempted
    return attempted


def test_docstring_examples_run():
    attempted = 0
    for mod in (vanban, vanban._errors, vanban.tables):
        r = doctest.testmod(mod)
        assert r.failed == 0, mod.__name__
        attempted += r.attempted
    native = {
        "Parser": vanban.Parser,
        "Parser.parse": vanban.Parser.parse,
        "Parser.parse_bytes": vanban.Parser.parse_bytes,
        "Parser.parse_json": vanban.Parser.parse_json,
        "Parser.parse_many": vanban.Parser.parse_many,
        "parse": vanban.parse,
        "parse_bytes": vanban.parse_bytes,
    }
    counts = {name: _run_doctests(obj, name) for name, obj in native.items()}
    assert all(n > 0 for n in counts.values()), counts
    assert attempted + sum(counts.values()) > 30


def test_stubs_and_marker_ship_with_the_package():
    from pathlib import Path

    pkg = Path(vanban.__file__).parent
    assert (pkg / "py.typed").is_file() and (pkg / "_vanban.pyi").is_file()
