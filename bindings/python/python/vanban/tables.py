"""Arrow tables of parsed documents, with schemas derived from the JSON Schema of the
document (``vanban.document_schema()``, generated from the Rust types): written once,
used by the Spark job (``mapInArrow``), the Dask job (``map_partitions``) and anyone who
wants Parquet. Needs ``pyarrow``.

Tables (one row per ...):

- ``documents``: document; ``doc_id``, ``error`` (the exception's message for a document
  that could not be read, else null), ``error_type``, then every field of the document;
- ``people``: person; ``doc_id``, then the ``Person`` fields but ``roles``;
- ``roles``: role of a person; ``doc_id``, ``person`` (the person's id), ``name``, then the
  ``Role`` fields;
- ``meetings``: document that reports a meeting; ``doc_id``, then the ``Meeting`` fields.

A type that holds itself (``Task.subtasks``, ``Signature.co_signers``) cannot be an
Arrow type: there the column holds the JSON text of the value.

>>> import vanban, vanban.tables as vt
>>> docs = vanban.Parser().parse_many(["Sáng 8/7/2024, UBND xã tổ chức hội nghị. "
...     "Đồng chí Nguyễn Văn An - Chủ tịch UBND xã chủ trì hội nghị."])
>>> t = vt.to_tables(["a"], docs)
>>> t["people"].column("name").to_pylist(), t["roles"].column("title").to_pylist()
(['Nguyễn Văn An'], ['Chủ tịch'])
>>> t["meetings"].schema.field("date").type.get_field_index("year") >= 0
True
"""

from __future__ import annotations

import json
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple, Union

import pyarrow as pa

from . import Error, document_schema

__all__ = ["TABLES", "arrow_schema", "to_tables", "to_table"]

TABLES = ("documents", "people", "roles", "meetings")

# A value converter, or None where the value goes to Arrow as it is.
_Conv = Optional[Callable[[Any], Any]]


class _Builder:
    """Arrow types (and the converters their values need) from the JSON Schema."""

    def __init__(self, schema: Dict[str, Any]) -> None:
        self.schema = schema
        self.defs: Dict[str, Any] = schema.get("$defs", {})

    def ref(self, ref: str, stack: Tuple[str, ...]) -> Tuple[pa.DataType, _Conv]:
        name = ref.rsplit("/", 1)[-1]
        if name in stack:
            # A type holding itself: its JSON text.
            return pa.string(), _dumps
        return self.node(self.defs[name], stack + (name,))

    def node(self, node: Dict[str, Any], stack: Tuple[str, ...]) -> Tuple[pa.DataType, _Conv]:
        if "$ref" in node:
            return self.ref(node["$ref"], stack)
        for key in ("anyOf", "oneOf"):
            if key in node:
                options = [o for o in node[key] if o.get("type") != "null"]
                if all(o.get("type") == "string" or "const" in o or "enum" in o for o in options):
                    return pa.string(), None
                if len(options) == 1:
                    return self.node(options[0], stack)
                raise ValueError(f"no Arrow type for a union of {options}")
        kind = node.get("type")
        if isinstance(kind, list):
            kinds = [k for k in kind if k != "null"]
            if len(kinds) != 1:
                raise ValueError(f"no Arrow type for {kind}")
            kind = kinds[0]
        if kind == "string" or "enum" in node:
            return pa.string(), None
        if kind == "integer":
            return pa.int64(), None
        if kind == "number":
            return pa.float64(), None
        if kind == "boolean":
            return pa.bool_(), None
        if kind == "array":
            if "prefixItems" in node:  # a span: [start, end]
                items = node["prefixItems"]
                types = {str(self.node(i, stack)[0]) for i in items}
                if len(types) != 1:
                    raise ValueError(f"no Arrow type for a tuple of {types}")
                return pa.list_(self.node(items[0], stack)[0]), None
            item_type, conv = self.node(node["items"], stack)
            return pa.list_(item_type), (None if conv is None else _each(conv))
        if kind == "object":
            return self.struct(node, stack)
        raise ValueError(f"no Arrow type for {node}")

    def struct(
        self, node: Dict[str, Any], stack: Tuple[str, ...], drop: Sequence[str] = ()
    ) -> Tuple[pa.DataType, _Conv]:
        fields, convs = self.fields(node, stack, drop)
        return pa.struct(fields), _fields(convs)

    def fields(
        self, node: Dict[str, Any], stack: Tuple[str, ...], drop: Sequence[str] = ()
    ) -> Tuple[List[pa.Field], Dict[str, Callable[[Any], Any]]]:
        fields, convs = [], {}
        for name, sub in node.get("properties", {}).items():
            if name in drop:
                continue
            t, conv = self.node(sub, stack)
            fields.append(pa.field(name, t, nullable=True))
            if conv is not None:
                convs[name] = conv
        return fields, convs

    def table(self, name: str) -> Tuple[pa.Schema, Dict[str, Callable[[Any], Any]]]:
        """The schema of table `name` and the converters of its columns."""
        key = [pa.field("doc_id", pa.string(), nullable=False)]
        if name == "documents":
            fields, convs = self.fields(self.schema, ("Document",))
            errors = [pa.field("error", pa.string()), pa.field("error_type", pa.string())]
            return pa.schema(key + errors + fields), convs
        if name == "people":
            fields, convs = self.fields(self.defs["Person"], ("Person",), drop=("roles",))
            return pa.schema(key + fields), convs
        if name == "roles":
            fields, convs = self.fields(self.defs["Role"], ("Role",))
            person = [pa.field("person", pa.int64(), nullable=False), pa.field("name", pa.string())]
            return pa.schema(key + person + fields), convs
        if name == "meetings":
            fields, convs = self.fields(self.defs["Meeting"], ("Meeting",))
            return pa.schema(key + fields), convs
        raise ValueError(f"no table {name!r}: the tables are {', '.join(TABLES)}")


def _dumps(value: Any) -> Any:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _each(conv: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda xs: None if xs is None else [conv(x) for x in xs]


def _fields(convs: Dict[str, Callable[[Any], Any]]) -> _Conv:
    if not convs:
        return None

    def conv(obj: Any) -> Any:
        if obj is None:
            return None
        out = dict(obj)
        for k, c in convs.items():
            out[k] = c(obj.get(k))
        return out

    return conv


_CACHE: Dict[Tuple[str, Optional[Tuple[str, ...]]], Tuple[pa.Schema, Dict[str, Callable[[Any], Any]]]] = {}


def _table(
    name: str, columns: Optional[Sequence[str]] = None
) -> Tuple[pa.Schema, Dict[str, Callable[[Any], Any]]]:
    key = (name, None if columns is None else tuple(columns))
    if key not in _CACHE:
        schema, convs = _Builder(document_schema()).table(name)
        if columns is not None:
            missing = [c for c in columns if c not in schema.names]
            if missing:
                raise ValueError(f"table {name!r} has no column {', '.join(missing)}")
            schema = pa.schema([schema.field(c) for c in columns])
            convs = {c: f for c, f in convs.items() if c in columns}
        _CACHE[key] = (schema, convs)
    return _CACHE[key]


def arrow_schema(name: str, columns: Optional[Sequence[str]] = None) -> pa.Schema:
    """The Arrow schema of table `name` (one of ``TABLES``): the published schema; with
    `columns`, of those columns only, in that order.

    >>> import vanban.tables as vt
    >>> vt.arrow_schema("people").names
    ['doc_id', 'honorifics', 'id', 'mentions', 'name']
    >>> str(vt.arrow_schema("people").field("mentions").type)
    'list<item: list<item: int64>>'
    """
    return _table(name, columns)[0]


Doc = Union[Dict[str, Any], BaseException]


def _rows(name: str, ids: Sequence[Any], docs: Sequence[Doc]) -> Iterable[Dict[str, Any]]:
    for doc_id, doc in zip(ids, docs):
        doc_id = str(doc_id)
        if name == "documents":
            if isinstance(doc, BaseException):
                yield {"doc_id": doc_id, "error": str(doc), "error_type": type(doc).__name__}
            else:
                yield {"doc_id": doc_id, **doc}
        elif isinstance(doc, BaseException):
            continue
        elif name == "people":
            for p in doc["people"]:
                yield {"doc_id": doc_id, **p}
        elif name == "roles":
            for p in doc["people"]:
                for r in p["roles"]:
                    yield {"doc_id": doc_id, "person": p["id"], "name": p["name"], **r}
        elif name == "meetings":
            if doc.get("meeting") is not None:
                yield {"doc_id": doc_id, **doc["meeting"]}


def to_table(
    name: str, ids: Sequence[Any], docs: Sequence[Doc], columns: Optional[Sequence[str]] = None
) -> pa.Table:
    """Table `name` of the documents `docs` (dicts from ``Parser.parse``, or the
    exceptions ``parse_many`` puts in place of documents it could not read), which have
    the ids `ids`; with `columns`, those columns only (``arrow_schema(name, columns)``).

    >>> import vanban, vanban.tables as vt
    >>> t = vt.to_table("documents", ["x"], [vanban.parse("Huyện ủy họp.")], columns=["doc_id", "kind"])
    >>> t.to_pylist()
    [{'doc_id': 'x', 'kind': 'news_report'}]
    """
    if len(ids) != len(docs):
        raise ValueError(f"{len(ids)} ids for {len(docs)} documents")
    schema, convs = _table(name, columns)
    columns: Dict[str, List[Any]] = {f: [] for f in schema.names}
    for row in _rows(name, ids, docs):
        for f, col in columns.items():
            v = row.get(f)
            c = convs.get(f)
            col.append(v if c is None else c(v))
    return pa.Table.from_pydict(columns, schema=schema)


def to_tables(ids: Sequence[Any], docs: Sequence[Doc]) -> Dict[str, pa.Table]:
    """Every table (``TABLES``) of the documents `docs` with the ids `ids`."""
    return {name: to_table(name, ids, docs) for name in TABLES}


def parse_batch(
    parser: Any, ids: Sequence[Any], items: Sequence[Union[str, bytes]], threads: Optional[int] = 1
) -> List[Doc]:
    """Parse `items` (text or bytes) with `parser`; an undecodable one gives its
    ``vanban.Error`` in its place. (``parser.parse_many`` with a check of the count.)"""
    docs = parser.parse_many(list(items), threads=threads)
    if len(docs) != len(ids):
        raise Error(f"{len(docs)} documents for {len(ids)} ids")
    return docs
