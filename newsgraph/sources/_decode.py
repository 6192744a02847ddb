"""Bytes -> text for every source (files, stdin, HTTP, WARC, feeds): size cap, binary detection, charset.

There is one decoding path: :func:`decode_body` (byte-order mark, declared charset,
``<meta charset>``, valid UTF-8, then detection) used by the web and WARC readers,
and :func:`decode` (the same, plus refusing binary and undecodable input) used by
file and stdin readers.  :func:`looks_like_html` is the one HTML sniffer.
"""

from __future__ import annotations

import codecs
import os
import re

_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1f]")
_TEXT_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_HTML_HINT = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|div|p)[\s>]", re.I)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class DecodeError(ValueError):
    """The bytes are not usable text; the message says why."""


def read_file(location: str, max_bytes: int) -> bytes:
    """Up to ``max_bytes + 1`` bytes (one more, so an oversized file is detected, not truncated)."""
    try:
        with open(location, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > max_bytes:  # say how big it really is, without reading it
                raise DecodeError(f"too large: {size:,} bytes exceeds the limit of {max_bytes:,} (--max-bytes)")
            return fh.read(max_bytes + 1)
    except OSError as exc:
        raise DecodeError(f"cannot read: {exc.strerror or exc}") from None


def check_size(data: bytes, max_bytes: int) -> None:
    """Refuse more than ``max_bytes``.  Only ``max_bytes + 1`` bytes are ever read from a stream,
    so its real size is unknown and not claimed (files are measured first: :func:`read_file`)."""
    if len(data) > max_bytes:
        raise DecodeError(f"too large: more than {max_bytes:,} bytes (the limit, --max-bytes)")


def looks_like_html(data: bytes) -> bool:
    """An HTML document (or fragment) rather than plain text: a doctype or one of the structural tags."""
    head = data[:2048]
    if head.startswith(_UTF16_BOMS):
        head = head.decode("utf-16", "replace").encode("utf-8")
    return bool(_HTML_HINT.search(head))


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: an image, archive or executable, not text.

    UTF-16 with a byte-order mark is text: its ASCII letters have NUL high bytes, so
    it is judged on its decoded characters.
    """
    sample = data[:8192]
    if sample.startswith(_UTF16_BOMS):
        chars = sample[: len(sample) // 2 * 2].decode("utf-16", "replace")
        return bool(chars) and len(_TEXT_CONTROL.findall(chars)) / len(chars) > 0.05
    if b"\x00" in sample:
        return True
    return bool(sample) and len(_CONTROL.findall(sample)) / len(sample) > 0.05


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding) of a file's bytes, through :func:`decode_body`; binary or undecodable input raises."""
    if looks_binary(data):
        raise DecodeError("binary content (not text)")
    text, charset, how = decode_body(data, f"charset={declared}" if declared else "")
    if how.startswith("fallback"):
        raise DecodeError("undecodable: not UTF-8 and no encoding could be detected")
    return text, charset


def clean_text(text: str) -> str:
    """Universal newlines; nothing else changes, so offsets stay meaningful."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([a-zA-Z0-9_.:-]+)", re.IGNORECASE)
_LATIN1_LABELS = {"iso-8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252"}


def _header_charset(content_type: str) -> str | None:
    m = _HEADER_CHARSET.search(content_type or "")
    return m.group(1).lower() if m else None


def _try_decode(content: bytes, charset: str) -> str | None:
    try:
        return content.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return None


def decode_body(content: bytes, content_type: str = "") -> tuple[str, str, str]:
    """Bytes to text: ``(text, charset, how)`` where ``how`` says which evidence decided.

    Order: a byte-order mark; the HTTP header charset; a ``<meta charset>``; then
    charset-normalizer's detection.  A declared single-byte charset (latin-1,
    cp1252, ascii) is overruled when the bytes are valid multi-byte UTF-8, since
    that combination is almost always a server mislabelling UTF-8 pages.
    """
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8", "replace"), "utf-8", "bom"
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16", "replace"), "utf-16", "bom"
    utf8 = _try_decode(content, "utf-8")
    is_ascii = utf8 is not None and utf8.isascii()
    for how, charset in (("header", _header_charset(content_type)), ("meta", _meta_charset(content))):
        if not charset:
            continue
        if charset in _LATIN1_LABELS and utf8 is not None and not is_ascii:
            return utf8, "utf-8", f"{how} said {charset}; bytes are UTF-8"
        text = _try_decode(content, "cp1252" if charset in {"iso-8859-1", "latin-1", "latin1"} else charset)
        if text is not None:
            return text, charset, how
    if utf8 is not None:
        return utf8, "utf-8", "valid utf-8"
    detected = _detect(content)
    if detected is not None:
        return detected[0], detected[1], "detected"
    return content.decode("utf-8", "replace"), "utf-8", "fallback (undecodable bytes replaced)"


# Charsets web pages actually use, most common first: among detections that fit
# the bytes about equally well, a web page is far likelier to be Windows-1252
# than a DOS code page such as cp775.
WEB_CHARSETS = (
    "utf_8",
    "cp1252",
    "iso8859_15",
    "iso8859_1",
    "cp1250",
    "iso8859_2",
    "cp1251",
    "koi8_r",
    "gb18030",
    "gb2312",
    "big5",
    "shift_jis",
    "euc_jp",
    "euc_kr",
    "cp1253",
    "cp1254",
    "iso8859_9",
    "cp1255",
    "cp1256",
    "cp1257",
    "tis_620",
    "cp1258",
)
CHAOS_MARGIN = 0.02


def _detect(content: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(content))
    if not matches:
        return None
    best_chaos = min(m.chaos for m in matches)
    near = [m for m in matches if m.chaos <= best_chaos + CHAOS_MARGIN]
    for name in WEB_CHARSETS:
        for m in near:
            if name == m.encoding or name in m.could_be_from_charset:
                return str(m), name
    best = matches[0]
    return str(best), best.encoding


def _meta_charset(content: bytes) -> str | None:
    m = _META_CHARSET.search(content[:4096])
    return m.group(1).decode("ascii", "ignore").lower() if m else None
