"""The exceptions vanban raises, with the fields of the Rust ``vanban::Error`` variants.

>>> import vanban
>>> broken = "Hội nghị sơ kết công tác dân vận ".encode() + b"\\xff" + "của Ban Dân vận".encode()
>>> try:
...     vanban.parse_bytes(broken)
... except vanban.InvalidUtf8Error as e:
...     print(e.offset, isinstance(e, vanban.Error), isinstance(e, ValueError))
45 True True
"""

from __future__ import annotations

from typing import Any, List, Optional, Tuple

__all__ = [
    "Error",
    "InvalidUtf8Error",
    "UnknownEncodingError",
    "AmbiguousEncodingError",
    "BinaryInputError",
    "TooLargeError",
]


class Error(ValueError):
    """Base of every vanban exception: input bytes refused. Text (``str``) is never
    refused. ``str(e)`` is the Rust error's message; the fields are attributes."""

    _fields: Tuple[str, ...] = ()

    def __init__(self, message: str, **fields: Any) -> None:
        super().__init__(message)
        self.message = message
        for name in self._fields:
            setattr(self, name, fields.get(name))

    def fields(self) -> dict:
        """The error's fields as a dict (``{"offset": 45, "reason": "..."}``)."""
        return {name: getattr(self, name) for name in self._fields}

    def __reduce__(self):  # pickles with its fields (Spark and Dask ship exceptions back)
        return (_rebuild, (type(self), self.message, self.fields()))

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in self.fields().items())
        return f"{type(self).__name__}({self.message!r}{', ' if inner else ''}{inner})"


def _rebuild(cls: type, message: str, fields: dict) -> "Error":
    return cls(message, **fields)


class InvalidUtf8Error(Error):
    """The bytes are UTF-8 but for broken bytes (and no other encoding applies).

    Attributes: ``offset`` (byte offset of the first invalid byte), ``reason``."""

    _fields = ("offset", "reason")
    offset: int
    reason: str


class UnknownEncodingError(Error):
    """No supported encoding reads the bytes as Vietnamese.

    Attribute ``candidates``: ``[(encoding, share of valid syllables), ...]``, best first."""

    _fields = ("candidates",)
    candidates: List[Tuple[str, float]]


class AmbiguousEncodingError(UnknownEncodingError):
    """Several encodings read the bytes as Vietnamese about equally well (``candidates``
    are those within the margin of the best)."""


class BinaryInputError(Error):
    """The bytes are binary data (an executable, image, archive or PDF), not text.

    Attributes: ``signature`` (the file format whose signature starts the input, or
    None), ``control_bytes`` and ``sampled`` (control bytes among the first bytes sampled)."""

    _fields = ("signature", "control_bytes", "sampled")
    signature: Optional[str]
    control_bytes: int
    sampled: int


class TooLargeError(Error):
    """The input is larger than the parser's ``max_input_bytes``.

    Attributes: ``size`` and ``limit``, in bytes."""

    _fields = ("size", "limit")
    size: int
    limit: int
