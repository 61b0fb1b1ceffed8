"""Parse many documents with Dask and write typed tables: people, roles, meetings.

    python dask_job.py INPUT OUTPUT [--workers N] [--partitions N]

INPUT and OUTPUT as for ``spark_job.py``: a folder of files (the id is the file name)
or a Parquet / JSON Lines table with columns ``id`` and ``text``; OUTPUT gets
``people/``, ``roles/``, ``meetings/`` and ``errors/`` as Parquet.

Each partition is parsed once in ``map_partitions`` (``Parser.parse_many`` on the
partition, the GIL released, so Dask's threaded scheduler runs partitions in parallel)
into a frame of documents; the tables are built from it with ``vanban.tables``, whose
Arrow schemas come from the JSON Schema generated from the Rust types.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Optional

import dask
import dask.dataframe as dd
import pandas as pd

import vanban
import vanban.tables as vt


def read_input(path: str, partitions: int) -> dd.DataFrame:
    """A Dask frame of (id, text) rows, or of (id, path) rows for a folder of files."""
    if os.path.isdir(path) and not any(n.endswith(".parquet") for n in os.listdir(path)):
        names = sorted(n for n in os.listdir(path) if os.path.isfile(os.path.join(path, n)))
        frame = pd.DataFrame({"id": names, "path": [os.path.join(path, n) for n in names]})
        return dd.from_pandas(frame, npartitions=max(1, min(partitions, len(frame))))
    if path.endswith(".parquet") or os.path.isdir(path):
        df = dd.read_parquet(path, columns=["id", "text"])
    else:
        df = dd.read_json(path, lines=True, blocksize=None)[["id", "text"]]
    return df.repartition(npartitions=partitions)


def _items(part: pd.DataFrame) -> list:
    if "path" in part.columns:
        out = []
        for p in part["path"]:
            with open(p, "rb") as f:
                out.append(f.read())
        return out
    return ["" if t is None else str(t) for t in part["text"]]


def parse_partition(part: pd.DataFrame, parser: vanban.Parser) -> pd.DataFrame:
    """Documents of one partition: id and the parsed dict (or the exception) per row."""
    docs = vt.parse_batch(parser, list(part["id"]), _items(part), threads=1)
    return pd.DataFrame({"doc_id": [str(i) for i in part["id"]], "document": docs}, index=part.index)


def table_partition(docs: pd.DataFrame, name: str) -> pd.DataFrame:
    """Table `name` of one partition of documents, with the Arrow types of its schema."""
    table = vt.to_table(name, list(docs["doc_id"]), list(docs["document"]))
    return table.to_pandas(types_mapper=pd.ArrowDtype)


def errors_partition(docs: pd.DataFrame) -> pd.DataFrame:
    """The documents of one partition that could not be read: id, message, exception."""
    table = table_partition(docs, "documents")[["doc_id", "error", "error_type"]]
    return table[table["error"].notna()]


def empty(name: str) -> pd.DataFrame:
    return vt.arrow_schema(name).empty_table().to_pandas(types_mapper=pd.ArrowDtype)


def tables(path: str, partitions: int, parser: Optional[vanban.Parser] = None) -> dict:
    """people, roles, meetings and errors as Dask frames, and the parsed documents
    (persisted: parsed once)."""
    parser = parser or vanban.Parser()
    meta = pd.DataFrame({"doc_id": pd.Series(dtype=object), "document": pd.Series(dtype=object)})
    docs = read_input(path, partitions).map_partitions(parse_partition, parser, meta=meta).persist()
    out = {n: docs.map_partitions(table_partition, n, meta=empty(n)) for n in ("people", "roles", "meetings")}
    out["errors"] = docs.map_partitions(errors_partition, meta=empty("documents")[["doc_id", "error", "error_type"]])
    out["documents"] = docs
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--partitions", type=int, default=None, help="default: 4 per worker")
    args = ap.parse_args(argv)
    with dask.config.set(scheduler="threads", num_workers=args.workers):
        t0 = time.perf_counter()
        out = tables(args.input, args.partitions or 4 * args.workers)
        n_docs = len(out["documents"])
        t_parse = time.perf_counter() - t0
        for name in ("people", "roles", "meetings", "errors"):
            os.makedirs(os.path.join(args.output, name), exist_ok=True)
            out[name].compute().to_parquet(os.path.join(args.output, name, "part-0.parquet"), index=False)
        elapsed = time.perf_counter() - t0
    print(
        f"dask_job: {n_docs} documents parsed in {t_parse:.1f} s ({n_docs / t_parse:.1f} docs/s on "
        f"{args.workers} threads), tables written in {elapsed:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
