"""Parse many documents on Spark and write typed tables: people, roles, meetings.

    python spark_job.py INPUT OUTPUT [--cores N] [--partitions N]

INPUT is a folder of files (each file one document, read as bytes and decoded by
vanban; the id is the file name, as the Rust `batch` example gives it), or a Parquet or
JSON Lines table (``.parquet``, ``.jsonl``, ``.json``) with the columns ``id`` and
``text``. OUTPUT gets ``people/``, ``roles/`` and ``meetings/`` as Parquet, and
``errors/`` for the documents that could not be read.

The parse runs in ``mapInArrow``: each Arrow batch of texts goes through one
``Parser.parse_many`` call and comes back as one Arrow batch of typed documents (the
``documents`` table of ``vanban.tables``). Spark's schemas are read from the Arrow
schemas, which come from the JSON Schema generated from the Rust types: nothing is
written twice. The people, roles and meetings tables are then Spark selects and
explodes of the documents table.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Iterator, Optional

import pyarrow as pa

import vanban
import vanban.tables as vt


# The columns of the documents table the people, roles and meetings tables need.
COLUMNS = ["doc_id", "error", "error_type", "kind", "people", "meeting"]


def spark_schema(name: str, columns=None):
    """The Spark schema of table `name` of ``vanban.tables`` (of `columns` only)."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(vt.arrow_schema(name, columns))


def parse_batches(parser: vanban.Parser, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """The ``mapInArrow`` function: batches of (id, text) or (id, content) in, batches of
    the ``documents`` table (its COLUMNS) out."""
    schema = vt.arrow_schema("documents", COLUMNS)
    for batch in batches:
        ids = batch.column("id").to_pylist()
        body = batch.column("content" if "content" in batch.schema.names else "text").to_pylist()
        items = [b if b is not None else "" for b in body]
        docs = vt.parse_batch(parser, ids, items, threads=1)
        for b in vt.to_table("documents", ids, docs, COLUMNS).to_batches():
            yield b.cast(schema) if b.schema != schema else b


def read_input(spark, path: str):
    """A DataFrame of (id, text) or (id, content) rows."""
    from pyspark.sql import functions as F

    if os.path.isdir(path) and not _is_table_dir(path):
        df = spark.read.format("binaryFile").load(path)
        return df.select(F.element_at(F.split("path", "/"), -1).alias("id"), "content")
    if path.endswith(".parquet") or _is_table_dir(path):
        df = spark.read.parquet(path)
    else:  # JSON Lines: the two columns read as strings, no schema inference pass
        df = spark.read.schema("id STRING, text STRING").json(path)
    return df.select(F.col("id").cast("string").alias("id"), F.col("text").cast("string").alias("text"))


def _is_table_dir(path: str) -> bool:
    return os.path.isdir(path) and any(n.endswith(".parquet") for n in os.listdir(path))


def documents(spark, path: str, parser: Optional[vanban.Parser] = None, partitions: Optional[int] = None):
    """The typed documents of INPUT, as a DataFrame with the ``documents`` schema (its
    COLUMNS)."""
    parser = parser or vanban.Parser()
    df = read_input(spark, path)
    if partitions:
        df = df.repartition(partitions)
    return df.mapInArrow(lambda batches: parse_batches(parser, batches), spark_schema("documents", COLUMNS))


def tables(docs):
    """people, roles, meetings (and errors) from the documents DataFrame; each has the
    columns of its ``vanban.tables`` schema."""
    from pyspark.sql import functions as F

    names = {n: vt.arrow_schema(n).names for n in vt.TABLES}
    ok = docs.where(F.col("error").isNull())
    people = ok.select("doc_id", F.explode("people").alias("p")).select("doc_id", "p.*")
    roles = (
        people.select("doc_id", F.col("id").alias("person"), "name", F.explode("roles").alias("r"))
        .select("doc_id", "person", "name", "r.*")
    )
    meetings = ok.where(F.col("meeting").isNotNull()).select("doc_id", "meeting.*")
    return {
        "people": people.select(*names["people"]),
        "roles": roles.select(*names["roles"]),
        "meetings": meetings.select(*names["meetings"]),
        "errors": docs.where(F.col("error").isNotNull()).select("doc_id", "error", "error_type"),
    }


def session(cores: int):
    from pyspark import cloudpickle
    from pyspark.sql import SparkSession

    # The Python workers run this interpreter (where vanban is installed), and get this
    # module's functions by value: it is a script, not an installed module.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if __name__ != "__main__":
        cloudpickle.register_pickle_by_value(sys.modules[__name__])
    return (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("vanban")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "256")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(cores))
        .getOrCreate()
    )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--cores", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--partitions", type=int, default=None, help="default: --cores")
    args = ap.parse_args(argv)
    spark = session(args.cores)
    spark.sparkContext.setLogLevel("ERROR")
    t0 = time.perf_counter()
    docs = documents(spark, args.input, partitions=args.partitions or args.cores).persist()
    n = docs.count()
    t_parse = time.perf_counter() - t0
    for name, df in tables(docs).items():
        df.write.mode("overwrite").parquet(os.path.join(args.output, name))
    t_all = time.perf_counter() - t0
    print(
        f"spark_job: {n} documents parsed in {t_parse:.1f} s ({n / t_parse:.1f} docs/s on {args.cores} cores), "
        f"tables written in {t_all:.1f} s",
        file=sys.stderr,
    )
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
