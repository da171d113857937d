"""QR codes out: a link as a PNG picture, for a projector."""

from __future__ import annotations

import io

import segno


def qr_png(link: str, scale: int = 10) -> bytes:
    """A QR code of ``link`` as PNG bytes, black on white with a quiet border, for projecting."""
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=scale, border=3)
    return buffer.getvalue()
