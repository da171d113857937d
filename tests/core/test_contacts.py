"""Checking a person before saving: a name is required, emails must look like emails, circle and
tie must be known; cleaning is safe to repeat; the duplicate warning names who and why."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.contacts import MAX_TEXT, check_draft, clean_draft, describe_duplicates
from core.model import CIRCLES, TIES, Contact, ContactDraft

any_text = st.text(max_size=300)
drafts = st.builds(
    ContactDraft,
    name=any_text,
    email=any_text,
    phone=any_text,
    company=any_text,
    role=any_text,
    circle=st.one_of(st.sampled_from(list(CIRCLES)), any_text),
    tie=st.one_of(st.sampled_from(list(TIES)), any_text),
    introduced_by=st.one_of(st.none(), st.integers()),
    notes=st.text(max_size=2500),
    source=any_text,
    source_key=any_text,
)
whitespace = st.text(alphabet=" \t\n\r\u00a0\u2003\u3000\x0b\x0c", max_size=20)


def fields_of(problems) -> list[str]:
    return [p.field for p in problems]


@given(drafts)
def test_checking_any_draft_never_raises_and_every_problem_is_one_line(draft):
    problems = check_draft(draft)
    for problem in problems:
        assert problem.field in {"name", "email", "circle", "tie", "notes", "company", "role", "phone"}
        # Apart from the user's own text quoted back, a message is one line.
        own_line = problem.message.replace(draft.email.strip(), "").replace(draft.circle, "")
        assert problem.message.strip() and "\n" not in own_line


@given(drafts, whitespace)
def test_a_name_of_only_whitespace_is_always_refused(draft, blank):
    problems = check_draft(replace(draft, name=blank))
    assert "name" in fields_of(problems)
    assert "name is required" in next(p.message for p in problems if p.field == "name")


@given(drafts)
def test_cleaning_twice_is_the_same_as_cleaning_once(draft):
    once = clean_draft(draft)
    assert clean_draft(once) == once


@given(drafts)
def test_cleaning_never_makes_a_draft_invalid(draft):
    if not check_draft(draft):
        assert check_draft(clean_draft(draft)) == []


def test_cleaning_trims_text_collapses_name_spaces_and_lowercases_the_email():
    draft = ContactDraft(
        name="  Ana   María\tRuiz ",
        email="  Ana.Ruiz@Example.ORG ",
        phone=" +1 555 0100 ",
        company=" Acme ",
        role=" Nurse ",
        circle="family",
        tie="strong",
        introduced_by=4,
        notes="  call on Fridays  ",
        source="csv",
        source_key="row-7",
    )
    assert clean_draft(draft) == ContactDraft(
        name="Ana María Ruiz",
        email="ana.ruiz@example.org",
        phone="+1 555 0100",
        company="Acme",
        role="Nurse",
        circle="family",
        tie="strong",
        introduced_by=4,
        notes="call on Fridays",
        source="csv",
        source_key="row-7",
    )


def test_a_plain_valid_person_has_no_problems():
    assert check_draft(ContactDraft(name="Ana")) == []
    assert check_draft(ContactDraft(name="Ana", email="", circle="services", tie="strong")) == []


@pytest.mark.parametrize(
    "email",
    [
        "ana@example.org",
        "ANA@EXAMPLE.ORG",
        "first.last+jobs@mail.example.co.uk",
        "o'brien@example.ie",
        "  ana@example.org  ",
        "zoë@exämple.de",
        "ana_ruiz-2@sub-domain.example.museum",
    ],
)
def test_a_plausible_email_passes(email):
    assert check_draft(ContactDraft(name="Ana", email=email)) == []


@pytest.mark.parametrize(
    "email",
    [
        "ana",
        "ana@",
        "@example.org",
        "ana@example",
        "ana@example.c",
        "ana@example.org.",
        "ana@@example.org",
        "ana@exa@mple.org",
        "ana ruiz@example.org",
        "ana@exam ple.org",
        "ana.example.org",
        "mailto:ana",
    ],
)
def test_an_email_that_does_not_look_like_one_is_refused_naming_the_value(email):
    problems = check_draft(ContactDraft(name="Ana", email=email))
    assert fields_of(problems) == ["email"]
    assert f"'{email.strip()}'" in problems[0].message
    assert "name@example.org" in problems[0].message


def test_an_unknown_circle_or_tie_is_refused():
    problems = check_draft(ContactDraft(name="Ana", circle="coworkers", tie="medium"))
    assert fields_of(problems) == ["circle", "tie"]
    assert "'coworkers' is not a circle" in problems[0].message


def test_overlong_text_is_refused_field_by_field():
    long = "x" * (MAX_TEXT + 1)
    problems = check_draft(ContactDraft(name="A" * 201, notes=long, company=long, role="x" * MAX_TEXT, phone=long))
    assert fields_of(problems) == ["name", "notes", "company", "phone"]
    assert check_draft(ContactDraft(name="A" * 200, notes="x" * MAX_TEXT)) == []


def test_several_problems_are_all_reported_at_once():
    problems = check_draft(ContactDraft(name=" ", email="nope", circle="?", tie="?"))
    assert fields_of(problems) == ["name", "email", "circle", "tie"]


def test_no_matches_means_no_duplicate_warning():
    assert describe_duplicates(ContactDraft(name="Ana"), []) == ""


def test_a_duplicate_by_email_is_named_with_its_company_and_the_reason():
    draft = ContactDraft(name="Ana R.", email=" ANA@example.org ")
    found = [Contact(id=3, name="Ana Ruiz", email="ana@example.org", company="Acme")]
    assert describe_duplicates(draft, found) == (
        "Ana Ruiz at Acme is already listed (same email address). "
        "Open them if this is the same person; add anyway only if this is someone else."
    )


def test_a_duplicate_by_name_and_company_says_so_and_counts_the_others():
    draft = ContactDraft(name="Ana Ruiz", company="Acme")
    found = [Contact(id=3, name="Ana Ruiz", company="Acme"), Contact(id=9, name="Ana Ruiz", company="Acme")]
    text = describe_duplicates(draft, found)
    assert text.startswith("Ana Ruiz at Acme is already listed (same name and company) (and 1 other like them).")


def test_a_duplicate_without_a_company_does_not_say_at():
    text = describe_duplicates(ContactDraft(name="Ana"), [Contact(id=1, name="Ana")])
    assert text.startswith("Ana is already listed (same name and company).")


def test_the_matcher_s_reason_is_used_when_given():
    text = describe_duplicates(ContactDraft(name="Bill Smith"), [Contact(id=1, name="William Smith")], "similar name")
    assert text.startswith("William Smith is already listed (similar name).")
