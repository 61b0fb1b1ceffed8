"""vanban: reads Vietnamese government texts about meetings (news reports, minutes,
notices, plans) and returns the document as a dict, the JSON contract of the Rust
library (``document_schema()`` gives its JSON Schema).

>>> import vanban
>>> doc = vanban.parse(
...     "HỘI NGHỊ SƠ KẾT\\n\\nChiều ngày 05/7/2019, Ban Dân vận Huyện ủy tổ chức Hội nghị sơ kết. "
...     "Đồng chí Nguyễn Văn An - Phó Chủ tịch UBND huyện chủ trì Hội nghị."
... )
>>> m = doc["meeting"]
>>> (m["date"]["year"], m["date"]["month"], m["date"]["day"])
(2019, 7, 5)
>>> doc["people"][m["chairs"][0]]["roles"][0]["text"]
'Phó Chủ tịch UBND huyện'

To parse many documents, build one ``Parser`` and reuse it; ``parse_many`` parses a list
on several threads with the GIL released. A ``Parser`` pickles (Spark, Dask and Ray ship
it to their workers). ``vanban.tables`` turns documents into Arrow tables.
"""

from __future__ import annotations

import json as _json
from typing import Any, Dict

from ._errors import (
    AmbiguousEncodingError,
    BinaryInputError,
    Error,
    InvalidUtf8Error,
    TooLargeError,
    UnknownEncodingError,
)
from ._vanban import DEFAULT_MAX_INPUT_BYTES, Parser, __version__, parse, parse_bytes
from . import _vanban

__all__ = [
    "Parser",
    "parse",
    "parse_bytes",
    "document_schema",
    "default_parser",
    "DEFAULT_MAX_INPUT_BYTES",
    "Error",
    "InvalidUtf8Error",
    "UnknownEncodingError",
    "AmbiguousEncodingError",
    "BinaryInputError",
    "TooLargeError",
    "__version__",
]


def default_parser() -> Parser:
    """The shared default parser that ``parse`` and ``parse_bytes`` use.

    >>> import vanban
    >>> vanban.default_parser() == vanban.Parser()
    True
    """
    return _vanban.default_parser_object()


def document_schema() -> Dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the document dict, generated from the Rust
    types by schemars (the repository's ``schema/document.schema.json``).

    >>> import vanban
    >>> sorted(vanban.document_schema()["$defs"])[:3]
    ['Attendance', 'Authority', 'AuthorityLine']
    """
    return _json.loads(_vanban.document_schema_json())
