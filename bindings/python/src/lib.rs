//! `vanban._vanban`: the native part of the Python package `vanban`.
//!
//! The Python package (`python/vanban/__init__.py`) re-exports what is here and defines
//! the exception classes, which this module raises with the fields of the Rust
//! [`vanban::Error`]. Every parse runs with the GIL released; a [`Parser`] is immutable
//! (`frozen`), so one can be shared by Python threads, and it pickles as its options.
//!
//! The document handed to Python is the JSON contract itself: the document is serialized
//! by serde_json and the JSON value turned into dicts, lists, strings, numbers, booleans
//! and `None`, so `json.loads(parse_json(t)) == parse(t)` (an `f32` confidence reads as
//! the same decimal in both).

#![forbid(unsafe_code)]

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};
use serde_json::Value;
use std::sync::{Arc, OnceLock};

/// The JSON Schema of a document, generated from the Rust types (schema/document.schema.json).
const DOCUMENT_SCHEMA: &str = include_str!("../../../schema/document.schema.json");

/// The options a parser was built with: what it pickles as.
#[derive(Clone, Debug, PartialEq)]
struct Options {
    reference_year: Option<i32>,
    reference_date: Option<(i32, u8, u8)>,
    tone: vanban::ToneStyle,
    max_input_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            reference_year: None,
            reference_date: None,
            tone: vanban::ToneStyle::Keep,
            max_input_bytes: vanban::DEFAULT_MAX_INPUT_BYTES,
        }
    }
}

impl Options {
    fn build(&self) -> vanban::Parser {
        let mut b = vanban::Parser::builder().tone_style(self.tone).max_input_bytes(self.max_input_bytes);
        if let Some(y) = self.reference_year {
            b = b.reference_year(y);
        }
        if let Some((y, m, d)) = self.reference_date {
            b = b.reference_date(y, m, d);
        }
        b.build()
    }
}

fn tone_name(t: vanban::ToneStyle) -> &'static str {
    match t {
        vanban::ToneStyle::Old => "old",
        vanban::ToneStyle::New => "new",
        _ => "keep",
    }
}

/// Read a reference date given as a `datetime.date`, an ISO `"YYYY-MM-DD"` string or a
/// `(year, month, day)` tuple.
fn reference_date(value: &Bound<'_, PyAny>) -> PyResult<(i32, u8, u8)> {
    let bad = || {
        PyValueError::new_err(
            "reference_date must be a datetime.date, a 'YYYY-MM-DD' string or a (year, month, day) tuple",
        )
    };
    let (y, m, d): (i32, u32, u32) = if let Ok(s) = value.cast::<PyString>() {
        let s = s.to_cow()?;
        let mut parts = s.splitn(3, '-');
        let mut next = || parts.next().and_then(|p| p.trim().parse::<i64>().ok());
        match (next(), next(), next()) {
            (Some(y), Some(m), Some(d)) => (
                i32::try_from(y).map_err(|_| bad())?,
                u32::try_from(m).map_err(|_| bad())?,
                u32::try_from(d).map_err(|_| bad())?,
            ),
            _ => return Err(bad()),
        }
    } else if let Ok(t) = value.cast::<PyTuple>() {
        t.extract().map_err(|_| bad())?
    } else if value.hasattr("year")? && value.hasattr("month")? && value.hasattr("day")? {
        (value.getattr("year")?.extract()?, value.getattr("month")?.extract()?, value.getattr("day")?.extract()?)
    } else {
        return Err(bad());
    };
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => return Err(PyValueError::new_err(format!("reference_date: month {m} is not 1 to 12"))),
    };
    if !(1..=days).contains(&d) {
        return Err(PyValueError::new_err(format!("reference_date: day {d} is not in month {m} of {y}")));
    }
    Ok((y, m as u8, d as u8))
}

/// Parser(reference_year=None, reference_date=None, tone="keep", max_input_bytes=64 MiB)
///
/// A reusable parser: the compiled lexicon and recognizers plus options.
///
/// reference_year: the year for a year-less date when the text gives none.
/// reference_date: a ``datetime.date``, ``"YYYY-MM-DD"`` or ``(y, m, d)``: year-less
///     dates are taken to be on or before it (give one of the two references).
/// tone: ``"keep"`` (default), ``"old"`` (hòa) or ``"new"`` (hoà): tone placement of
///     the text fields in the output; what is extracted does not depend on it.
/// max_input_bytes: largest input accepted by ``parse_bytes`` (default 64 MiB);
///     text given to ``parse`` beyond it is cut, with a diagnostic.
///
/// Build one and reuse it: building compiles the lexicon. It can be shared by threads
/// and pickled (Spark, Dask and Ray ship it to their workers, where it is rebuilt from
/// its options).
///
/// >>> import vanban
/// >>> p = vanban.Parser(reference_year=2024)
/// >>> doc = p.parse("Sáng 8/7, UBND tỉnh tổ chức hội nghị giao ban.")
/// >>> doc["meeting"]["date"]["year"], doc["meeting"]["date"]["year_inferred"]
/// (2024, True)
/// >>> p = vanban.Parser(reference_date="2021-01-05")
/// >>> p.parse("Sáng 28/12, Huyện ủy tổ chức hội nghị tổng kết.")["meeting"]["date"]["year"]
/// 2020
#[pyclass(frozen, module = "vanban")]
struct Parser {
    options: Options,
    inner: Arc<vanban::Parser>,
}

/// One item of `parse_many`: text, or bytes to decode.
enum Item {
    Text(String),
    Bytes(Vec<u8>),
}

impl Parser {
    fn run(&self, item: &Item) -> Result<Value, vanban::Error> {
        let doc = match item {
            Item::Text(t) => self.inner.parse(t),
            Item::Bytes(b) => self.inner.parse_bytes(b)?,
        };
        Ok(to_value(&doc))
    }
}

/// The document as a JSON value, through its JSON text (so every number is the decimal
/// the JSON has: an `f32` 0.9 is 0.9, not 0.8999999761581421).
fn to_value(doc: &vanban::Document) -> Value {
    match serde_json::to_string(doc).and_then(|s| serde_json::from_str(&s)) {
        Ok(v) => v,
        // The model serializes to JSON by construction; should it not, say so in the result.
        Err(e) => serde_json::json!({ "error": e.to_string() }),
    }
}

fn to_json(doc: &vanban::Document) -> PyResult<String> {
    serde_json::to_string(doc).map_err(|e| PyValueError::new_err(e.to_string()))
}

#[pymethods]
impl Parser {
    /// Build a parser (see the class).
    #[new]
    #[pyo3(signature = (reference_year=None, reference_date=None, tone="keep", max_input_bytes=vanban::DEFAULT_MAX_INPUT_BYTES))]
    fn new(
        py: Python<'_>,
        reference_year: Option<i32>,
        reference_date: Option<&Bound<'_, PyAny>>,
        tone: &str,
        max_input_bytes: usize,
    ) -> PyResult<Self> {
        let reference_date = reference_date.filter(|d| !d.is_none()).map(self::reference_date).transpose()?;
        if reference_year.is_some() && reference_date.is_some() {
            return Err(PyValueError::new_err("give reference_year or reference_date, not both"));
        }
        let tone = match tone {
            "keep" => vanban::ToneStyle::Keep,
            "old" => vanban::ToneStyle::Old,
            "new" => vanban::ToneStyle::New,
            other => return Err(PyValueError::new_err(format!("tone must be 'keep', 'old' or 'new', not {other:?}"))),
        };
        let options = Options { reference_year, reference_date, tone, max_input_bytes };
        if options == Options::default() {
            return Ok(Parser { options, inner: default_parser(py) });
        }
        let inner = py.detach(|| Arc::new(options.build()));
        Ok(Parser { options, inner })
    }

    /// The reference year given, or None.
    #[getter]
    fn reference_year(&self) -> Option<i32> {
        self.options.reference_year
    }

    /// The reference date given, as ``"YYYY-MM-DD"``, or None.
    #[getter]
    fn reference_date(&self) -> Option<String> {
        self.options.reference_date.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
    }

    /// The tone placement: ``"keep"``, ``"old"`` or ``"new"``.
    #[getter]
    fn tone(&self) -> &'static str {
        tone_name(self.options.tone)
    }

    /// The input size limit in bytes.
    #[getter]
    fn max_input_bytes(&self) -> usize {
        self.options.max_input_bytes
    }

    /// Parse text; returns the document as a dict (the JSON contract). Never raises for
    /// text: what is uncertain is in ``doc["diagnostics"]``.
    ///
    /// >>> import vanban
    /// >>> doc = vanban.Parser().parse("Đồng chí Nguyễn Văn An - Chủ tịch UBND xã phát biểu.")
    /// >>> doc["people"][0]["name"], doc["people"][0]["roles"][0]["title"]
    /// ('Nguyễn Văn An', 'Chủ tịch')
    fn parse<'py>(&self, py: Python<'py>, text: String) -> PyResult<Bound<'py, PyAny>> {
        let value = py.detach(|| self.run(&Item::Text(text))).map_err(|e| to_py_err(py, &e))?;
        to_py(py, &value)
    }

    /// Parse bytes in any encoding Vietnamese text arrives in (UTF-8 with or without a
    /// BOM, UTF-16 with a BOM, TCVN3, VNI, VIQR, Windows-1258); spans are byte offsets
    /// into ``data``. Raises ``InvalidUtf8Error``, ``UnknownEncodingError`` (or its
    /// subclass ``AmbiguousEncodingError``), ``BinaryInputError`` or ``TooLargeError``.
    ///
    /// >>> import vanban
    /// >>> vanban.Parser().parse_bytes("\ufeffSáng 8/7/2024, UBND xã họp.".encode())["input"]["bom"]
    /// True
    fn parse_bytes<'py>(&self, py: Python<'py>, data: Vec<u8>) -> PyResult<Bound<'py, PyAny>> {
        let value = py.detach(|| self.run(&Item::Bytes(data))).map_err(|e| to_py_err(py, &e))?;
        to_py(py, &value)
    }

    /// Parse text and return the document as compact JSON text (what the Rust library's
    /// serde serialization gives).
    ///
    /// >>> import json, vanban
    /// >>> p = vanban.Parser()
    /// >>> t = "Sáng 8/7/2024, UBND xã tổ chức hội nghị."
    /// >>> json.loads(p.parse_json(t)) == p.parse(t)
    /// True
    fn parse_json(&self, py: Python<'_>, text: String) -> PyResult<String> {
        py.detach(|| to_json(&self.inner.parse(&text)))
    }

    /// Parse bytes (as ``parse_bytes``) and return the document as compact JSON text.
    fn parse_bytes_json(&self, py: Python<'_>, data: Vec<u8>) -> PyResult<String> {
        match py.detach(|| self.inner.parse_bytes(&data).map(|d| to_json(&d))) {
            Ok(json) => json,
            Err(e) => Err(to_py_err(py, &e)),
        }
    }

    /// Parse many documents on ``threads`` threads (default: the available cores), with
    /// the GIL released; returns the documents in input order. An item may be ``str``
    /// or ``bytes``; a ``bytes`` item that cannot be decoded gives its exception
    /// (a ``vanban.Error``, not raised) in its place, so one bad document never stops
    /// the batch.
    ///
    /// >>> import vanban
    /// >>> broken = "Hội nghị sơ kết công tác dân vận ".encode() + b"\xff" + "của Ban Dân vận".encode()
    /// >>> docs = vanban.Parser().parse_many(["Sáng 8/7/2024, UBND xã họp.", broken])
    /// >>> docs[0]["kind"], type(docs[1]).__name__, docs[1].offset
    /// ('news_report', 'InvalidUtf8Error', 45)
    #[pyo3(signature = (texts, threads=None))]
    fn parse_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let mut items = Vec::new();
        for (i, t) in texts.try_iter()?.enumerate() {
            let t = t?;
            if let Ok(s) = t.cast::<PyString>() {
                items.push(Item::Text(s.to_cow()?.into_owned()));
            } else if let Ok(b) = t.cast::<PyBytes>() {
                items.push(Item::Bytes(b.as_bytes().to_vec()));
            } else {
                let kind = t.get_type().name()?;
                return Err(PyTypeError::new_err(format!("parse_many: item {i} is {kind}, not str or bytes")));
            }
        }
        let threads = match threads {
            Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
            Some(n) => n,
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        let results = py.detach(|| self.run_many(&items, threads));
        let out = PyList::empty(py);
        for r in results {
            match r {
                Ok(v) => out.append(to_py(py, &v)?)?,
                Err(e) => out.append(to_py_err(py, &e).into_value(py))?,
            }
        }
        Ok(out)
    }

    /// Pickles as its options: unpickling builds the parser again.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let me = slf.get();
        let args = (me.reference_year(), me.reference_date(), me.tone(), me.max_input_bytes()).into_pyobject(py)?;
        Ok((slf.get_type().into_any(), args))
    }

    fn __repr__(&self) -> String {
        let o = &self.options;
        let mut parts = Vec::new();
        if let Some(y) = o.reference_year {
            parts.push(format!("reference_year={y}"));
        }
        if let Some(d) = self.reference_date() {
            parts.push(format!("reference_date='{d}'"));
        }
        parts.push(format!("tone='{}'", tone_name(o.tone)));
        parts.push(format!("max_input_bytes={}", o.max_input_bytes));
        format!("vanban.Parser({})", parts.join(", "))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Parser>().is_ok_and(|o| o.get().options == self.options)
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        let o = &self.options;
        (o.reference_year, o.reference_date, tone_name(o.tone), o.max_input_bytes).hash(&mut h);
        h.finish()
    }
}

impl Parser {
    /// Parse `items` on up to `threads` scoped threads; results in input order. Each
    /// thread takes the next item from a shared counter, so a long document does not
    /// hold up a fixed share of the others.
    fn run_many(&self, items: &[Item], threads: usize) -> Vec<Result<Value, vanban::Error>> {
        let threads = threads.min(items.len()).max(1);
        if threads == 1 {
            return items.iter().map(|i| self.run(i)).collect();
        }
        let next = std::sync::atomic::AtomicUsize::new(0);
        let mut done: Vec<(usize, Result<Value, vanban::Error>)> = std::thread::scope(|s| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    s.spawn(|| {
                        let mut out = Vec::new();
                        loop {
                            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(item) = items.get(i) else { break };
                            out.push((i, self.run(item)));
                        }
                        out
                    })
                })
                .collect();
            workers.into_iter().flat_map(|w| w.join().unwrap_or_default()).collect()
        });
        done.sort_unstable_by_key(|(i, _)| *i);
        // A worker that died (the parser never panics by contract) leaves holes: report them.
        let mut results = Vec::with_capacity(items.len());
        let mut it = done.into_iter().peekable();
        for i in 0..items.len() {
            match it.next_if(|(j, _)| *j == i) {
                Some((_, r)) => results.push(r),
                None => results.push(Ok(serde_json::json!({ "error": "worker thread failed" }))),
            }
        }
        results
    }
}

/// The shared default parser, built on first use.
fn default_parser(py: Python<'_>) -> Arc<vanban::Parser> {
    static DEFAULT: OnceLock<Arc<vanban::Parser>> = OnceLock::new();
    DEFAULT
        .get()
        .cloned()
        .unwrap_or_else(|| py.detach(|| Arc::clone(DEFAULT.get_or_init(|| Arc::new(vanban::Parser::default())))))
}

/// The default parser as a Python object (for the module-level functions).
fn default_py_parser(py: Python<'_>) -> PyResult<Py<Parser>> {
    static DEFAULT: OnceLock<Py<Parser>> = OnceLock::new();
    if let Some(p) = DEFAULT.get() {
        return Ok(p.clone_ref(py));
    }
    let p = Py::new(py, Parser { options: Options::default(), inner: default_parser(py) })?;
    Ok(DEFAULT.get_or_init(|| p).clone_ref(py))
}

/// Parse text with the shared default parser; see ``Parser.parse``.
///
/// >>> import vanban
/// >>> vanban.parse("Sáng 8/7/2024, UBND xã tổ chức hội nghị sơ kết.")["meeting"]["kind"]
/// 'so_ket'
#[pyfunction]
fn parse<'py>(py: Python<'py>, text: String) -> PyResult<Bound<'py, PyAny>> {
    default_py_parser(py)?.get().parse(py, text)
}

/// Parse bytes with the shared default parser; see ``Parser.parse_bytes``.
///
/// >>> import vanban
/// >>> vanban.parse_bytes("Sáng 8/7/2024, UBND xã họp.".encode("utf-16"))["input"]["encoding"]
/// 'utf-16le'
#[pyfunction]
fn parse_bytes<'py>(py: Python<'py>, data: Vec<u8>) -> PyResult<Bound<'py, PyAny>> {
    default_py_parser(py)?.get().parse_bytes(py, data)
}

/// The shared default parser (``Parser()`` with no arguments is the same parser).
#[pyfunction]
fn default_parser_object(py: Python<'_>) -> PyResult<Py<Parser>> {
    default_py_parser(py)
}

/// The JSON Schema (draft 2020-12) of the document dict, generated from the Rust types,
/// as JSON text.
#[pyfunction]
fn document_schema_json() -> &'static str {
    DOCUMENT_SCHEMA
}

/// A JSON value as Python objects: dict (in the JSON's key order), list, str, int,
/// float, bool, None.
fn to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(a) => {
            let list = PyList::empty(py);
            for x in a {
                list.append(to_py(py, x)?)?;
            }
            list.into_any()
        }
        Value::Object(o) => {
            let dict = PyDict::new(py);
            for (k, x) in o {
                dict.set_item(k, to_py(py, x)?)?;
            }
            dict.into_any()
        }
    })
}

/// The Python exception for a Rust error: the class from `vanban._errors`, with the
/// variant's fields as keyword arguments.
fn to_py_err(py: Python<'_>, e: &vanban::Error) -> PyErr {
    match make_py_err(py, e) {
        Ok(err) => err,
        Err(err) => err,
    }
}

fn make_py_err(py: Python<'_>, e: &vanban::Error) -> PyResult<PyErr> {
    let errors = py.import("vanban._errors")?;
    let kw = PyDict::new(py);
    let class = match e {
        vanban::Error::InvalidUtf8 { offset, reason } => {
            kw.set_item("offset", offset)?;
            kw.set_item("reason", reason)?;
            "InvalidUtf8Error"
        }
        vanban::Error::UnknownEncoding { candidates } | vanban::Error::AmbiguousEncoding { candidates } => {
            let list = PyList::empty(py);
            for (name, share) in candidates {
                // The share as its f32 decimal, as the JSON would write it.
                let share: f64 = share.to_string().parse().unwrap_or(f64::from(*share));
                list.append((name, share))?;
            }
            kw.set_item("candidates", list)?;
            if matches!(e, vanban::Error::AmbiguousEncoding { .. }) {
                "AmbiguousEncodingError"
            } else {
                "UnknownEncodingError"
            }
        }
        vanban::Error::Binary { signature, control_bytes, sampled } => {
            kw.set_item("signature", signature)?;
            kw.set_item("control_bytes", control_bytes)?;
            kw.set_item("sampled", sampled)?;
            "BinaryInputError"
        }
        vanban::Error::TooLarge { size, limit } => {
            kw.set_item("size", size)?;
            kw.set_item("limit", limit)?;
            "TooLargeError"
        }
        _ => "Error",
    };
    let value = errors.getattr(class)?.call((e.to_string(),), Some(&kw))?;
    Ok(PyErr::from_value(value))
}

/// Native part of the Python package ``vanban``.
#[pymodule]
fn _vanban(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Parser>()?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(default_parser_object, m)?)?;
    m.add_function(wrap_pyfunction!(document_schema_json, m)?)?;
    m.add("DEFAULT_MAX_INPUT_BYTES", vanban::DEFAULT_MAX_INPUT_BYTES)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
