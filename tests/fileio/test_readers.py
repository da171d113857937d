"""Each address-book format is recognised and read, quirks included, without saving anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import ImportFileError
from core.import_result import apply_defaults
from fileio.reader import detect_format, read_columns, read_contacts

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"


def read(name: str, **kwargs):
    return read_contacts((FIXTURES / name).read_bytes(), **kwargs)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("linkedin_connections.csv", "linkedin"),
        ("linkedin_no_url.csv", "linkedin"),
        ("google_contacts.csv", "google"),
        ("google_old.csv", "google"),
        ("outlook_contacts.csv", "outlook"),
        ("utf16.csv", "outlook"),
        ("contacts_21.vcf", "vcard"),
        ("contacts_30.vcf", "vcard"),
        ("contacts_40.vcf", "vcard"),
        ("other.csv", "csv"),
    ],
)
def test_the_format_is_detected_from_the_contents(name, fmt):
    assert read(name).format == fmt


def test_linkedin_preamble_is_passed_over_and_line_numbers_are_the_files(name="linkedin_connections.csv"):
    result = read(name)
    assert result.lines[0] == 5
    assert result.drafts[0].name == "Bill Smith"
    assert result.drafts[0].role == "Engineering Manager"
    assert result.drafts[0].notes == "Connected on LinkedIn on 07 Dec 2025."


def test_linkedin_people_default_to_online_weak_ties():
    result = read("linkedin_connections.csv")
    assert (result.default_circle, result.default_tie) == ("online", "weak")
    assert {(d.circle, d.tie) for d in result.drafts} == {("online", "weak")}


def test_linkedin_keys_people_by_profile_url_or_by_name_and_date_when_the_url_is_missing():
    assert read("linkedin_connections.csv").drafts[2].source_key == "url:https://www.linkedin.com/in/seanobrien"
    assert read("linkedin_no_url.csv").drafts[0].source_key == "name:zoe darcy|03 jun 2025"


def test_a_linkedin_member_without_a_name_is_skipped_with_the_reason():
    skipped = read("linkedin_connections.csv").skipped
    assert [(s.line, "no first or last name" in s.reason) for s in skipped] == [(10, True)]


def test_names_with_accents_apostrophes_and_other_scripts_survive():
    names = [d.name for d in read("linkedin_connections.csv").drafts]
    assert names == ["Bill Smith", "José Núñez", "Seán O'Brien", "太郎 山田", "Дмитрий Иванов"]
    assert read("linkedin_connections.csv").drafts[2].company == "Dublin Data, Ltd."


def test_google_takes_the_first_of_several_values_and_the_circle_from_labels():
    william, anne, mohammed = read("google_contacts.csv").drafts
    assert william.email == "bill.smith@acme.example" and william.phone == "+1 555 0100"
    assert william.circle == "former_jobs" and anne.circle == "neighbours" and mohammed.circle == "friends"
    assert anne.notes == "Neighbour, two doors down\nHas a dog called Pip"
    assert mohammed.name == "محمد الأحمد"


def test_a_google_contact_with_only_a_company_is_skipped_with_its_line():
    (skipped,) = read("google_contacts.csv").skipped
    assert skipped.line == 6 and "no name" in skipped.reason


def test_the_older_google_layout_is_read_too():
    kate, lukasz = read("google_old.csv").drafts
    assert (kate.name, kate.company, kate.role, kate.circle) == ("Kate Brown", "Brown & Sons", "Owner", "family")
    assert (lukasz.name, lukasz.circle, lukasz.notes) == ("Łukasz Wiśniewski", "gym", "Gym buddy")


def test_outlook_reads_job_title_not_the_courtesy_title():
    margaret, chloe = read("outlook_contacts.csv").drafts
    assert margaret.role == "Consultant" and margaret.phone == "+44 7700 900456"
    assert chloe.name == "Chloé Dubois"


def test_vcard_21_quoted_printable_and_charset_are_decoded():
    jurgen, jan = read("contacts_21.vcf").drafts
    assert jurgen.name == "Jürgen Müller" and jurgen.company == "Bäckerei Müller"
    assert jurgen.notes == "Kennt viele Leute in der Branche, sehr hilfsbereit und immer für einen Kaffee zu haben"
    assert jan.name == "Jan Kowalski"


def test_vcard_30_folded_lines_and_escaped_commas_are_read():
    (sean,) = read("contacts_30.vcf").drafts
    assert sean.company == "Dublin Data, Ltd."
    assert sean.notes.endswith("happy to introduce people who ask nicely.")
    assert sean.source_key == "uid:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1"


def test_a_card_without_a_name_is_skipped_with_its_line():
    (skipped,) = read("contacts_30.vcf").skipped
    assert skipped.line == 12 and "no name" in skipped.reason


def test_vcard_40_uri_phone_numbers_lose_their_scheme():
    taro, _ = read("contacts_40.vcf").drafts
    assert (taro.name, taro.phone) == ("山田 太郎", "+81-90-1234-5678")


def test_any_csv_is_read_with_guessed_columns_or_a_mapping():
    guessed = read("other.csv")
    assert [d.name for d in guessed.drafts] == ["Olu Adeyemi", "Ana Lúcia Souza"]
    mapped = read("other.csv", fmt="csv", mapping={"name": "Who", "email": "Mail", "company": "Works at"})
    assert mapped.drafts[0].company == "Lagos Tech" and mapped.drafts[0].email == "olu@example.ng"


def test_the_column_names_are_offered_for_mapping():
    assert read_columns((FIXTURES / "other.csv").read_bytes()) == ("Who", "Mail", "Works at", "Notes")


def test_a_row_with_a_broken_quote_is_skipped_and_its_neighbours_are_read():
    result = read("broken_quote.csv")
    assert [d.name for d in result.drafts] == ["Ann Lee", "Cara Diaz"]
    assert [s.line for s in result.skipped] == [3] and "quote" in result.skipped[0].reason


def test_utf16_and_latin1_files_are_read_with_a_note():
    assert "UTF-16" in read("utf16.csv").notes[0]
    latin = read("latin1.csv")
    assert "Latin-1" in latin.notes[0] and latin.drafts[1].name == "Zoë Lúcia Souza"


@pytest.mark.parametrize(
    ("name", "problem"),
    [("empty.csv", "empty"), ("binary.csv", "not text"), ("no_name.csv", "name column")],
)
def test_bad_files_get_one_line_naming_the_problem_and_the_fix(name, problem):
    with pytest.raises(ImportFileError) as caught:
        read(name)
    message = str(caught.value)
    assert problem in message and ";" in message and "\n" not in message


def test_a_file_over_the_limit_is_refused_before_reading():
    with pytest.raises(ImportFileError, match="over the 1 MB limit; split it"):
        read_contacts(b"Name\n" + b"Ann\n" * 300_000, limit=1_000_000)


def test_an_excel_workbook_is_refused_with_the_fix():
    with pytest.raises(ImportFileError, match="save the contacts sheet as CSV"):
        read_contacts(b"PK\x03\x04" + b"\x00" * 100)


def test_a_header_with_no_people_is_refused():
    with pytest.raises(ImportFileError, match="no people"):
        read_contacts(b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n")


def test_an_unknown_format_name_is_refused():
    with pytest.raises(ImportFileError, match="not a format we read"):
        read_contacts(b"Name\nAnn\n", fmt="excel")


def test_detection_falls_back_to_any_csv():
    assert detect_format("Name,Phone\nAnn,1\n") == "csv"


def test_the_preview_defaults_change_only_people_still_on_the_formats_default():
    result = apply_defaults(read("google_contacts.csv"), "school", "strong")
    assert [d.circle for d in result.drafts] == ["former_jobs", "neighbours", "school"]
    assert {d.tie for d in result.drafts} == {"strong"}


def test_reading_many_vcards_reports_progress_to_the_end():
    from core.model import ContactDraft
    from fileio.vcard import write_vcards

    people = [ContactDraft(name=f"Person {i}", source="workbook", source_key=f"id:{i}") for i in range(600)]
    seen = []
    result = read_contacts(write_vcards(people).encode(), progress=lambda f, text: seen.append((f, text)))
    assert len(result.drafts) == 600
    assert [round(f, 2) for f, _ in seen] == [0.42, 0.83] and seen[-1][1] == "Read 500 of 600 cards"


def test_vcard_21_latin1_charset_and_a_bare_quoted_printable_flag_are_decoded():
    cards = (
        b"BEGIN:VCARD\r\nVERSION:2.1\r\n"
        b"FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:J=FCrgen M=FCller\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;QUOTED-PRINTABLE;CHARSET=UTF-8:Ren=C3=A9e Dubois\r\nEND:VCARD\r\n"
    )
    assert [d.name for d in read_contacts(cards).drafts] == ["Jürgen Müller", "Renée Dubois"]


def test_a_utf16_vcard_file_from_windows_is_read():
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë D'Arcy\r\nEND:VCARD\r\n".encode("utf-16")
    result = read_contacts(card)
    assert [d.name for d in result.drafts] == ["Zoë D'Arcy"] and "UTF-16" in result.notes[0]


def test_choosing_the_wrong_format_names_what_was_expected_and_the_fix():
    with pytest.raises(
        ImportFileError, match="not a LinkedIn Connections.csv file .*Connected On.*let the format be detected"
    ):
        read("google_contacts.csv", fmt="linkedin")
