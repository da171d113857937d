"""Properties over many inputs: importers fail only with their clear error; exports read back."""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import ImportFileError
from core.import_result import FORMATS
from core.model import CIRCLES, TIES, ContactDraft
from fileio.csv_table import read_table
from fileio.reader import read_contacts
from fileio.vcard import read_vcards, write_vcards

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HEADERS = [
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
    b"\xef\xbb\xbfFirst Name,Last Name,Organization Name,Labels,E-mail 1 - Value\n",
    b"First Name,Last Name,Job Title,E-mail Address\n",
    b"BEGIN:VCARD\r\nVERSION:3.0\r\n",
    b"Name,Email\n",
]
noise = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=300).map(lambda t: t.encode("utf-8")),
    st.text(alphabet=',"\n\r;:=\\ abcAé', max_size=300).map(lambda t: t.encode("utf-8")),
)


def assert_clear(error: ImportFileError) -> None:
    message = str(error)
    assert message and "\n" not in message and message.endswith((".", ")"))


@FAST
@given(prefix=st.sampled_from(HEADERS), body=noise, fmt=st.sampled_from([None, *FORMATS]))
def test_no_input_makes_an_importer_fail_except_with_its_clear_error(prefix, body, fmt):
    try:
        result = read_contacts(prefix + body, fmt=fmt)
    except ImportFileError as error:
        assert_clear(error)
    else:
        assert result.drafts and all(d.name.strip() for d in result.drafts)
        assert len(result.drafts) == len(result.lines)


@FAST
@given(body=noise)
def test_random_bytes_alone_fail_only_with_the_clear_error(body):
    try:
        read_contacts(body)
    except ImportFileError as error:
        assert_clear(error)


cell = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20)


@FAST
@given(rows=st.lists(st.lists(cell, min_size=3, max_size=3), min_size=1, max_size=15))
def test_any_well_formed_csv_reads_back_row_for_row(rows):
    rows = [r for r in rows if any(v.strip() for v in r)]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([["Name", "Email", "Notes"], *rows])
    table = read_table(buffer.getvalue())
    assert [list(r.values()) for _, r in table.rows] == rows
    assert table.skipped == ()


text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85"), max_size=30
).map(str.strip)
drafts = st.builds(
    ContactDraft,
    name=text.filter(bool),
    email=text,
    phone=text,
    company=text,
    role=text,
    notes=st.lists(text, max_size=3).map("\n".join).map(str.strip),
    circle=st.sampled_from(list(CIRCLES)),
    tie=st.sampled_from(list(TIES)),
    source=st.sampled_from(["linkedin", "google", "vcard"]),
    source_key=text.filter(bool),
)


@FAST
@given(people=st.lists(drafts, min_size=1, max_size=5))
def test_exported_vcards_read_back_as_the_same_people(people):
    back, _, skipped = read_vcards(write_vcards(people))
    assert skipped == [] and back == people


def test_a_note_that_mentions_quoted_printable_reads_back_unchanged():
    person = ContactDraft(
        name="Ann Lee", notes="ENCODING=QUOTED-PRINTABLE:" + "x" * 80 + "=", source="workbook", source_key="id:1"
    )
    assert read_vcards(write_vcards([person]))[0] == [person]


@FAST
@given(
    body=noise,
    mapping=st.dictionaries(st.sampled_from(["name", "first_name", "email", "company"]), st.text(max_size=8)),
)
def test_any_column_mapping_on_any_input_fails_only_with_the_clear_error(body, mapping):
    try:
        result = read_contacts(b"Name,Email\n" + body, fmt="csv", mapping=mapping)
    except ImportFileError as error:
        assert_clear(error)
    else:
        assert all(d.name.strip() for d in result.drafts)
