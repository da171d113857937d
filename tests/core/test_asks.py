"""The ask composer and checker (tip 3): considerate, specific asks; flags judged in context."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.asks import (
    APPROACHES,
    CHANNEL_LIMITS,
    FINDING_TITLES,
    AskRequest,
    blocking_findings,
    check_ask,
    choose_approach,
    compose_ask,
    describe_target,
)
from core.model import CHANNELS, REQUEST_KINDS, TARGET_KINDS

TARGET = "Data analyst"


def codes(text: str, channel: str = "email", target: str | None = TARGET) -> set[str]:
    return {f.code for f in check_ask(text, channel, target)}


JOB_ASKS = [
    "Do you have any openings for me?",
    "Can you get me a job at your company?",
    "Could you hire me as a data analyst?",
    "Is there a position for me on your data analyst team?",
    "Could you find me a job in data analysis?",
    "I was hoping you might have a data analyst role for me.",
    "Do you have any vacancies in the data team?",
    "Could I ask you for a job as a data analyst?",
    "Can you help me get a job at your data analyst team?",
]
NOT_JOB_ASKS = [
    "Could you give me some insight into the job market for data analysts?",
    "I'm not asking you for a job, just your advice on data analyst work. Could we talk?",
    "Do you have any role models in data analysis you would recommend?",
    "Could you tell me how your job as a data analyst changed this year?",
    "Would you share how data analysts at your company found their jobs?",
    "Could I get your advice on my data analyst job search?",
    "Do you have any advice for me on data analyst interviews?",
    "Would you refer me for the data analyst opening at Acme?",
]
GENERIC_ASKS = [
    "Let me know if you hear of anything.",
    "Please keep me in mind for data analyst roles.",
    "I'm open to anything, data analyst or otherwise. Could we talk?",
    "If anything comes up, data analyst or not, please tell me.",
    "Let me know if you hear of anything at all about data analysts.",
    "Keep an eye out for me, data analyst jobs would be great!",
]
SPECIFIC_ASKS = [
    "Let me know if you hear of anything in data analytics at Acme Health.",
    "Could you introduce me to someone on the data analyst team at Acme Health?",
    "Would you be willing to act as a reference for my data analyst applications?",
]


@pytest.mark.parametrize("text", JOB_ASKS)
def test_asking_for_a_job_outright_is_flagged(text: str) -> None:
    assert "job_outright" in codes(text)


@pytest.mark.parametrize("text", NOT_JOB_ASKS)
def test_talking_about_jobs_without_asking_for_one_is_not_flagged(text: str) -> None:
    assert "job_outright" not in codes(text)


@pytest.mark.parametrize("text", GENERIC_ASKS)
def test_a_generic_request_is_flagged(text: str) -> None:
    assert "generic" in codes(text)


@pytest.mark.parametrize("text", SPECIFIC_ASKS)
def test_a_specific_request_passes_clean(text: str) -> None:
    assert codes(text) == set()


def test_a_job_ask_finding_quotes_the_phrase_and_offers_a_rewrite_naming_the_target() -> None:
    [finding] = [f for f in check_ask("Do you have any openings for me?", "email", TARGET) if f.code == "job_outright"]
    assert finding.phrase == "any openings for me"
    assert "Data analyst" in finding.rewrite
    assert "turn you down" in finding.why


def test_news_without_any_request_is_flagged_as_no_request() -> None:
    assert codes("I am looking for a data analyst role. I just finished a SQL course.") == {"no_request"}


def test_a_generic_ask_is_not_also_flagged_as_having_no_request() -> None:
    assert "no_request" not in codes("Let me know if you hear of anything.")


def test_an_ask_without_a_chosen_target_is_flagged_no_goal() -> None:
    assert "no_goal" in codes("Could we talk for twenty minutes?", target=None)
    assert "no_goal" in codes("Could we talk for twenty minutes?", target="   ")


def test_an_ask_that_never_names_its_target_is_flagged_no_goal() -> None:
    [finding] = check_ask("Could we talk for twenty minutes next week?", "email", "Acme Health")
    assert finding.code == "no_goal"
    assert "Acme Health" in finding.rewrite


def test_naming_the_target_in_other_words_counts() -> None:
    assert "no_goal" not in codes("Could you tell me about data analysis at your firm?", target="Data analyst")


def test_a_message_too_long_for_its_channel_is_flagged_with_the_limit() -> None:
    text = "Could you introduce me to a data analyst at Acme? " + "I have news. " * 30
    assert len(text) > CHANNEL_LIMITS["social"]
    [finding] = [f for f in check_ask(text, "social", TARGET) if f.code == "too_long"]
    assert str(CHANNEL_LIMITS["social"]) in finding.rewrite
    assert "too_long" not in codes(text, "email")


def test_an_empty_message_is_the_only_blocking_finding() -> None:
    findings = check_ask("   \n ", "email", TARGET)
    assert [f.code for f in blocking_findings(findings)] == ["empty"]
    assert blocking_findings(check_ask("Do you have any openings for me?", "email", TARGET)) == []


def test_strong_ties_and_old_friends_get_a_catch_up_first() -> None:
    assert choose_approach("strong") == "catch_up"
    assert choose_approach("weak", "friends") == "catch_up"
    assert choose_approach("weak", "former_jobs") == "direct"


def test_a_catch_up_draft_asks_after_the_person_before_the_request() -> None:
    draft = compose_ask(AskRequest("Sam", "advice", TARGET, "role", approach="catch_up"))
    assert draft.index("How are you") < draft.index("advice")


def test_a_direct_draft_gets_to_the_request_without_small_talk() -> None:
    draft = compose_ask(AskRequest("Sam", "introduction", "Acme Health", "employer", approach="direct"))
    assert "How are you" not in draft
    assert "introduce me" in draft and "Acme Health" in draft


def test_a_draft_carries_the_pitch_and_recent_experience() -> None:
    draft = compose_ask(
        AskRequest(
            "Sam",
            "referral",
            TARGET,
            "role",
            recent="finished a SQL course.",
            looking_for="a data analyst role in public health",
        )
    )
    assert "a data analyst role in public health" in draft
    assert "finished a SQL course." in draft


def test_an_unknown_request_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="not a kind of request"):
        compose_ask(AskRequest("Sam", "a job"))


def test_targets_read_naturally_inside_a_sentence() -> None:
    assert describe_target("role", "Data analyst") == "data analyst roles"
    assert describe_target("role", "Data analyst in healthcare") == "data analyst roles in healthcare"
    assert describe_target("role", "Data analyst jobs") == "data analyst jobs"
    assert describe_target("role", "UX researcher") == "UX researcher roles"
    assert describe_target("industry", "Renewable energy") == "the renewable energy field"
    assert describe_target("employer", "  Acme   Health ") == "Acme Health"


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=0, max_size=40)
titles = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=20).map(str.title)


@given(
    kind=st.sampled_from(list(REQUEST_KINDS)),
    approach=st.sampled_from(list(APPROACHES)),
    channel=st.sampled_from(list(CHANNELS)),
    target_kind=st.sampled_from(list(TARGET_KINDS)),
    title=titles,
    recent=words,
    looking=words,
    name=words,
)
def test_every_composed_draft_passes_the_checker(
    kind: str, approach: str, channel: str, target_kind: str, title: str, recent: str, looking: str, name: str
) -> None:
    draft = compose_ask(AskRequest(name, kind, title, target_kind, recent, looking, approach, channel))
    assert check_ask(draft, channel, title) == []


@given(
    kind=st.sampled_from(list(REQUEST_KINDS)),
    approach=st.sampled_from(list(APPROACHES)),
    title=titles,
    bad=st.sampled_from(JOB_ASKS),
)
def test_a_job_ask_added_to_any_draft_is_caught(kind: str, approach: str, title: str, bad: str) -> None:
    draft = compose_ask(AskRequest("Sam", kind, title, "employer", approach=approach))
    assert "job_outright" in {f.code for f in check_ask(f"{draft}\n{bad}", "email", title)}


@given(text=st.text(max_size=400), channel=st.sampled_from([*CHANNELS, "carrier pigeon"]), target=st.none() | words)
def test_the_checker_accepts_any_text_and_only_reports_known_flags(text: str, channel: str, target) -> None:
    findings = check_ask(text, channel, target)
    assert {f.code for f in findings} <= set(FINDING_TITLES)
    assert all(f.why and f.rewrite for f in findings)
    assert (blocking_findings(findings) != []) == (not text.strip())
