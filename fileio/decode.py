"""Bytes to text: refuse empty and binary files, read UTF-8, UTF-16 and Latin-1 with a note."""

from __future__ import annotations

from core.errors import ImportFileError

MAX_IMPORT_BYTES = 50 * 1024 * 1024

# Magic numbers of files people pick by mistake, with the fix for each.
_KNOWN_BINARIES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a zip or Excel file; open it and save the contacts sheet as CSV, or unzip it first"),
    (b"%PDF", "a PDF; export your contacts as CSV or vCard instead"),
    (b"\xd0\xcf\x11\xe0", "an old Excel or Word file; save it as CSV first"),
    (b"\x89PNG", "a picture; choose your contacts file (CSV or .vcf)"),
    (b"\xff\xd8\xff", "a picture; choose your contacts file (CSV or .vcf)"),
    (b"SQLite format", "a database; export your contacts as CSV or vCard instead"),
)


def decode_bytes(data: bytes, limit: int = MAX_IMPORT_BYTES) -> tuple[str, tuple[str, ...]]:
    """The file's text and any notes about its encoding; raises ImportFileError on bad input."""
    if len(data) > limit:
        raise ImportFileError(
            f"The file is {len(data) / 2**20:.1f} MB, over the {limit / 2**20:.0f} MB limit; "
            "split it into smaller files and import each."
        )
    if not data.strip():
        raise ImportFileError("The file is empty; export your contacts again and choose the new file.")
    text, notes = _decode(data)
    if _looks_binary(text):
        raise ImportFileError("The file is not text (it looks binary); choose a CSV or vCard (.vcf) contacts file.")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ImportFileError(
            f"Line {line:,} holds a NUL character, which no contacts file has: the file is damaged or not text. "
            "Export your contacts again and choose the new file."
        )
    if not text.strip():
        raise ImportFileError("The file is empty; export your contacts again and choose the new file.")
    return text, notes


def _decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    for magic, what in _KNOWN_BINARIES:
        if data.startswith(magic):
            raise ImportFileError(f"The file is {what}.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_utf16(data, "utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), ()
    if _looks_utf16_without_bom(data):
        codec = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        return _decode_utf16(data, codec)
    if b"\x00" in data[:4096]:
        raise ImportFileError("The file is not text (it looks binary); choose a CSV or vCard (.vcf) contacts file.")
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    # Windows exports are often cp1252 (Latin-1 with curly quotes); every byte string decodes.
    text = data.decode("cp1252", errors="replace")
    return text, ("The file was not UTF-8; it was read as Latin-1 (Windows). Check accented names in the preview.",)


def _decode_utf16(data: bytes, codec: str) -> tuple[str, tuple[str, ...]]:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        raise ImportFileError(
            "The file claims to be UTF-16 but is damaged; save it again as UTF-8 CSV and retry."
        ) from None
    return text.lstrip("\ufeff"), ("The file was UTF-16 text; it was converted to UTF-8.",)


def _looks_utf16_without_bom(data: bytes) -> bool:
    sample = data[:2000]
    if len(sample) < 4:
        return False
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    return max(even_nuls, odd_nuls) > half * 0.6 and min(even_nuls, odd_nuls) < half * 0.1


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\f\v")
    return "\x00" in sample or control > max(2, len(sample) // 50)


def split_lines(text: str) -> list[str]:
    """The file's lines, split at line ends only: str.splitlines would also split a name at U+2028,
    U+0085 or a form feed, which are characters inside a value, not line ends, in a CSV."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines
