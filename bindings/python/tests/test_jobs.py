"""The Spark and Dask jobs (bindings/python/examples): their tables against the Rust
`batch` example on the same documents, on the fixtures always and on
../shared/corpus/docs when that folder exists."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import vanban.tables as vt
from conftest import ROOT, SHARED, rust_example

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CORPUS = SHARED / "corpus" / "docs"


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


def batch_documents(folder: Path) -> dict:
    """{file name: document} from the Rust `batch` example (errors left out)."""
    exe = rust_example("batch")
    r = subprocess.run([str(exe), str(folder), "--threads", "2"], capture_output=True, check=True)
    out = {}
    for line in r.stdout.decode().splitlines():
        row = json.loads(line)
        if "document" in row:
            out[row["id"]] = row["document"]
    assert out, f"batch gave no documents for {folder}"
    return out


def people_rows(docs: dict) -> list:
    return sorted(
        (doc_id, p["id"], p["name"], tuple(p["honorifics"]), tuple(tuple(m) for m in p["mentions"]))
        for doc_id, d in docs.items()
        for p in d["people"]
    )


def role_rows(docs: dict) -> list:
    return sorted(
        (doc_id, p["id"], r["text"], r["title"], r["organization"], r["qualifier"], tuple(r["span"]))
        for doc_id, d in docs.items()
        for p in d["people"]
        for r in p["roles"]
    )


def table_rows(table, kind: str) -> list:
    rows = table.to_pylist()
    if kind == "people":
        return sorted(
            (r["doc_id"], r["id"], r["name"], tuple(r["honorifics"]), tuple(tuple(m) for m in r["mentions"]))
            for r in rows
        )
    return sorted(
        (r["doc_id"], r["person"], r["text"], r["title"], r["organization"], r["qualifier"], tuple(r["span"]))
        for r in rows
    )


def folders() -> list:
    out = [pytest.param(ROOT / "fixtures", id="fixtures")]
    if CORPUS.is_dir():
        out.append(pytest.param(CORPUS, id="corpus"))
    else:
        print(f"test_jobs: {CORPUS} does not exist: the corpus runs are skipped, the fixtures run")
        out.append(pytest.param(CORPUS, id="corpus", marks=pytest.mark.skip(reason=f"{CORPUS} does not exist")))
    return out


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark", reason="pyspark is not installed (.ci/python.sh installs it)")
    job = load("spark_job")
    s = job.session(2)
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


def check_tables(out: Path, folder: Path):
    want = batch_documents(folder)
    for kind, rows in (("people", people_rows), ("roles", role_rows)):
        table = pq.read_table(out / kind)
        assert set(vt.arrow_schema(kind).names) == set(table.schema.names), kind
        got = table_rows(table, kind)
        assert got == rows(want), f"{kind} table differs from the batch example's on {folder}"
        assert got, f"no {kind} in {folder}"
    meetings = pq.read_table(out / "meetings").to_pylist()
    assert sorted(m["doc_id"] for m in meetings) == sorted(k for k, d in want.items() if d["meeting"])
    for m in meetings:
        assert m["chairs"] == want[m["doc_id"]]["meeting"]["chairs"]
        tasks = want[m["doc_id"]]["meeting"]["tasks"]
        assert [json.loads(s) for t in m["tasks"] for s in t["subtasks"]] == [s for t in tasks for s in t["subtasks"]]


@pytest.mark.parametrize("folder", folders())
def test_spark_job_people_match_the_batch_example(spark, folder, tmp_path):
    job = load("spark_job")
    docs = job.documents(spark, str(folder), partitions=2)
    tables = job.tables(docs)
    from pyspark.sql.pandas.types import from_arrow_schema

    want = from_arrow_schema(vt.arrow_schema("people"))
    assert [(f.name, f.dataType) for f in tables["people"].schema.fields] == [(f.name, f.dataType) for f in want.fields]
    for name, df in tables.items():
        df.write.mode("overwrite").parquet(str(tmp_path / name))
    check_tables(tmp_path, folder)
    assert pq.read_table(tmp_path / "errors").num_rows == len(list(folder.iterdir())) - len(batch_documents(folder))


def test_spark_job_reads_json_lines_and_parquet(spark, tmp_path, parser, fixture_texts):
    job = load("spark_job")
    rows = [{"id": f.stem, "text": f.read_text(encoding="utf-8")} for f in fixture_texts[:6]]
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    import pyarrow as pa

    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "in.parquet")
    want = sorted((r["id"], p["name"]) for r in rows for p in parser.parse(r["text"])["people"])
    for path in (jsonl, tmp_path / "in.parquet"):
        people = job.tables(job.documents(spark, str(path)))["people"].collect()
        assert sorted((p["doc_id"], p["name"]) for p in people) == want, path.name


@pytest.mark.parametrize("folder", folders())
def test_dask_job_people_match_the_batch_example(folder, tmp_path):
    pytest.importorskip("dask", reason="dask is not installed (.ci/python.sh installs it)")
    job = load("dask_job")
    assert job.main([str(folder), str(tmp_path), "--workers", "2"]) == 0
    check_tables(tmp_path, folder)
