"""Files built to trip the reader: each is read right, or refused in one line naming the problem."""

from __future__ import annotations

import pytest

from core.errors import ImportFileError
from fileio.reader import read_contacts

HEADER = "Name,Email\r\n"


@pytest.mark.parametrize("odd", ["\u2028", "\u0085", "\f", "\v", "\u2029", "\x1c"])
def test_a_line_separator_inside_a_quoted_name_does_not_split_the_row(odd):
    data = f'{HEADER}"Ana{odd}Costa",ana@example.org\r\nBo Lindqvist,bo@example.org\r\n'.encode()
    result = read_contacts(data, fmt="csv", mapping={"name": "Name", "email": "Email"})
    assert [d.email for d in result.drafts] == ["ana@example.org", "bo@example.org"]
    assert len(result.drafts) == 2 and not result.skipped


def test_a_nul_byte_far_into_the_file_is_refused_with_its_line():
    rows = "".join(f"Person {n},p{n}@example.org\r\n" for n in range(600))  # well past the first 8 KB
    data = (HEADER + rows + "Evil\x00Name,e@example.org\r\n").encode()
    with pytest.raises(ImportFileError, match=r"^Line 602 holds a NUL character"):
        read_contacts(data, fmt="csv", mapping={"name": "Name", "email": "Email"})


def test_a_name_longer_than_the_form_takes_is_skipped_with_the_reason():
    data = f"{HEADER}{'A' * 100_000},long@example.org\r\nBo Lindqvist,bo@example.org\r\n".encode()
    result = read_contacts(data, fmt="csv", mapping={"name": "Name", "email": "Email"})
    assert [d.name for d in result.drafts] == ["Bo Lindqvist"]
    assert [(s.line, s.reason) for s in result.skipped] == [(2, "the name is 100,000 characters; up to 200 fit")]


def test_an_unquoted_field_over_the_size_limit_is_explained_as_such():
    data = f"{HEADER}Ana Costa,{'x' * 200_000}\r\nBo Lindqvist,bo@example.org\r\n".encode()
    result = read_contacts(data, fmt="csv", mapping={"name": "Name", "email": "Email"})
    assert [d.name for d in result.drafts] == ["Bo Lindqvist"]
    [skipped] = result.skipped
    assert skipped.line == 2 and "more than 128 KB" in skipped.reason and "quote" not in skipped.reason


def test_a_file_with_more_people_than_the_budget_is_refused_before_anything_is_saved():
    rows = "".join(f"Person {n},p{n}@example.org\r\n" for n in range(30))
    with pytest.raises(ImportFileError, match="holds up to 20 people; this change would make 30"):
        read_contacts((HEADER + rows).encode(), fmt="csv", mapping={"name": "Name", "email": "Email"}, max_people=20)
