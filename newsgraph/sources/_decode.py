"""Bytes -> text for every source: size cap, binary detection, encoding detection."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1f]")


class DecodeError(ValueError):
    """The bytes are not usable text; the message says why."""


def read_file(location: str, max_bytes: int) -> bytes:
    """Up to ``max_bytes + 1`` bytes (one more, so an oversized file is detected, not truncated)."""
    try:
        with open(location, "rb") as fh:
            return fh.read(max_bytes + 1)
    except OSError as exc:
        raise DecodeError(f"cannot read: {exc.strerror or exc}") from None


def check_size(data: bytes, max_bytes: int) -> None:
    if len(data) > max_bytes:
        raise DecodeError(f"too large: {len(data):,} bytes exceeds the limit of {max_bytes:,} (--max-bytes)")


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: an image, archive or executable, not text."""
    sample = data[:8192]
    if b"\x00" in sample and not (sample.startswith(codecs.BOM_UTF16_LE) or sample.startswith(codecs.BOM_UTF16_BE)):
        return True
    return bool(sample) and len(_CONTROL.findall(sample)) / len(sample) > 0.05


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding).  UTF-8 first (with or without BOM), then a declared charset, then detection."""
    if looks_binary(data):
        raise DecodeError("binary content (not text)")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError("undecodable: not UTF-8 and no encoding could be detected")
    return str(best), best.encoding


def clean_text(text: str) -> str:
    """Universal newlines; nothing else changes, so offsets stay meaningful."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
