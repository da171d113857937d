"""The join link's QR code: a PNG picture that holds the link."""

from __future__ import annotations

from fileio.qr import qr_png


def test_the_qr_code_is_a_png_image():
    assert qr_png("http://example.org/workshop?room=K7M2QX")[:8] == b"\x89PNG\r\n\x1a\n"


def width(png: bytes) -> int:
    return int.from_bytes(png[16:20], "big")  # the IHDR chunk's width


def test_each_module_is_scale_pixels_wide_with_a_quiet_border():
    link = "http://example.org/workshop?room=K7M2QX"
    assert width(qr_png(link, scale=20)) == 2 * width(qr_png(link, scale=10))
