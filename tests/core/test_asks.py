"""The ask composer and checker (tip 3): considerate, specific asks; flags judged in context."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.asks import (
    APPROACHES,
    CATCH_UP_DAYS,
    CHANNEL_LIMITS,
    FINDING_TITLES,
    AskRequest,
    apply_fix,
    blocking_findings,
    caught_up,
    check_ask,
    choose_approach,
    compose_ask,
    compose_catch_up,
    describe_target,
    familiarity_of,
    guess_familiarity,
    needs_a_second_look,
    vague_target,
)
from core.model import CHANNELS, FAMILIARITY, REQUEST_KINDS, TARGET_KINDS

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


def test_familiarity_not_the_tie_decides_the_opening() -> None:
    assert choose_approach("friend") == choose_approach("family") == "catch_up"
    assert choose_approach("old_colleague") == "catch_up"  # a weak tie, but one you catch up with
    assert choose_approach("professional") == "direct"
    assert {choose_approach(f) for f in FAMILIARITY} == set(APPROACHES)


def test_an_unset_familiarity_is_guessed_from_the_circle_then_the_tie() -> None:
    assert guess_familiarity("weak", "former_jobs") == "old_colleague"
    assert guess_familiarity("weak", "family") == guess_familiarity("strong", "family") == "family"
    assert guess_familiarity("strong", "gym") == "friend"
    assert guess_familiarity("weak", "online") == "professional"
    assert familiarity_of("", "weak", "former_jobs") == "old_colleague"
    assert familiarity_of("professional", "strong", "friends") == "professional"  # what you set wins
    assert familiarity_of("stranger", "strong", "gym") == "friend"  # an unknown value falls back to the guess
    assert all(guess_familiarity(t, c) in FAMILIARITY for t in ("strong", "weak") for c in ("", "family", "school"))


REQUEST_WORDS = ("advice", "introduce", "refer", "reference", "insider", "who is hiring", "move into")


@pytest.mark.parametrize("channel", list(CHANNELS))
def test_the_catch_up_message_asks_after_the_person_and_asks_for_nothing_else(channel: str) -> None:
    message = compose_catch_up(
        AskRequest("Sam", "referral", TARGET, "role", recent="finished a SQL course", channel=channel)
    )
    assert message.startswith("Hi Sam,") and "How are you" in message
    assert "finished a SQL course" in message
    assert not [w for w in REQUEST_WORDS if w in message.lower()], message
    assert TARGET.lower() not in message.lower()
    assert len(message) <= CHANNEL_LIMITS[channel]


def test_the_ask_after_a_catch_up_thanks_for_it_instead_of_repeating_the_small_talk() -> None:
    draft = compose_ask(AskRequest("Sam", "advice", TARGET, "role", approach="catch_up"))
    assert "good to catch up" in draft and "How are you" not in draft
    assert draft.index("catch up") < draft.index("advice")


def test_a_catch_up_counts_for_sixty_days_and_never_from_the_future() -> None:
    today = date(2026, 6, 1)
    assert not caught_up([], today)
    assert caught_up([today], today)
    assert caught_up([today - timedelta(days=CATCH_UP_DAYS)], today)
    assert not caught_up([today - timedelta(days=CATCH_UP_DAYS + 1)], today)
    assert not caught_up([today + timedelta(days=1)], today)


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


# --- vague phrases of several words, vague targets, second looks and one-click rewrites ----------

VAGUE_PHRASES = [
    "Anything would do.",
    "Honestly, anything will do at this point.",
    "I'll take whatever you have.",
    "Send me whatever you've got.",
    "I'm happy to look at any job in healthcare.",
    "Do you know of any kind of work going?",
    "I'm not picky about it.",
    "Whatever is available would be fine.",
    "Any help would be great!",
    "Do you have any leads?",
    "Please pass on anything you hear of.",
    "I'd settle for anything in any field.",
    "Let me know of any opportunities.",
    "anything at all would help",
    "Anything you can find, really.",
]
NOT_VAGUE = [
    "Could you introduce me to the nurse manager at Acme Health?",
    "Do you have any advice on moving into data analytics?",
    "Is there anything I can do to help your team this month?",
    "Do you have any role models in data analysis you would recommend?",
    "Could you share any leads on data analyst roles at Acme Health?",
    "Would you tell me about any work experience that helped you get into Acme Health?",
    "Are there any opportunities to shadow the data team at Acme Health for a day?",
    "Whatever you decide, thank you. Could you tell me how Acme Health hires data analysts?",
    "Could I hear your take on the job market for data analysts in Leeds?",
]


@pytest.mark.parametrize("text", VAGUE_PHRASES)
def test_vague_phrases_of_several_words_are_flagged(text: str) -> None:
    assert "generic" in codes(text), text


@pytest.mark.parametrize("text", NOT_VAGUE)
def test_specific_requests_that_share_words_with_vague_phrases_are_not_flagged(text: str) -> None:
    assert codes(text, target="Acme Health") & {"generic", "job_outright"} == set(), text


VAGUE_TARGETS = ["any job in healthcare", "Anything", "a job", "whatever pays", "Jobs in tech", "any field"]
SPECIFIC_TARGETS = ["Data analyst in healthcare", "Meridian Hospital", "Renewable energy", "Job coach", "UX researcher"]


@pytest.mark.parametrize("title", VAGUE_TARGETS)
def test_a_target_open_to_anything_is_flagged_as_vague(title: str) -> None:
    [finding] = [
        f
        for f in check_ask("Could you tell me how people get into healthcare?", "email", title)
        if f.code == "vague_target"
    ]
    assert finding.phrase and title in finding.why


@pytest.mark.parametrize("title", SPECIFIC_TARGETS)
def test_a_named_target_is_not_vague(title: str) -> None:
    assert vague_target(title) == ""


def test_any_flag_asks_for_a_second_look_but_only_an_empty_message_blocks() -> None:
    assert needs_a_second_look(check_ask("Anything would do.", "email", TARGET))
    assert not needs_a_second_look(check_ask("Could you introduce me to a data analyst at Acme?", "email", TARGET))
    assert not needs_a_second_look(check_ask("  ", "email", TARGET))  # refused outright instead


def test_the_rewrite_replaces_the_vague_sentence_and_keeps_the_greeting_and_the_rest() -> None:
    text = "Hi Sam, anything would do. I finished a SQL course last month.\nThanks!"
    [finding] = [f for f in check_ask(text, "email", "Meridian Hospital") if f.code == "generic"]
    assert text[finding.start : finding.end] == "anything would do"
    fixed = apply_fix(text, finding)
    assert fixed == (
        "Hi Sam, I'm aiming for Meridian Hospital. Do you know anyone there I could ask about how they hire? "
        "I finished a SQL course last month.\nThanks!"
    )
    assert check_ask(fixed, "email", "Meridian Hospital") == []


def test_a_missing_target_line_goes_in_before_the_sign_off() -> None:
    text = "Hi Sam,\n\nCould we talk for twenty minutes next week?\n\nThank you!"
    [finding] = check_ask(text, "email", "Acme Health")
    fixed = apply_fix(text, finding)
    assert (
        fixed == "Hi Sam,\n\nCould we talk for twenty minutes next week?\n\nI am aiming for Acme Health.\n\nThank you!"
    )
    assert check_ask(fixed, "email", "Acme Health") == []


def test_advice_without_a_one_click_fix_leaves_the_text_alone() -> None:
    text = "Could you introduce me to someone at Acme? " * 10
    [finding] = [f for f in check_ask(text, "social", "Acme") if f.code == "too_long"]
    assert apply_fix(text, finding) == text
    [vague] = [f for f in check_ask("Anything would do.", "email", None) if f.code == "generic"]
    assert vague.fix == "" and apply_fix("Anything would do.", vague) == "Anything would do."  # no target to name


punctuation = st.sampled_from(["", " ", ", ", "... ", " - ", "(", ")", '"', "'", "!", "?", ";", "\n", "  \n\t"])
cases = st.sampled_from([str.lower, str.upper, str.title, str.capitalize, lambda s: s])
spacing = st.sampled_from([" ", "  ", "\n", " \t "])
SPECIFIC_SENTENCES = [
    "I finished a SQL course in May.",
    "Could you introduce me to the nurse manager at Acme Health?",
    "Thank you!",
    "",
]
BARE_VAGUE = ["anything would do", "whatever you have", "any job in healthcare", "i'm not picky", "any kind of work"]


@given(
    phrase=st.sampled_from(BARE_VAGUE),
    case=cases,
    before=punctuation,
    after=punctuation,
    gap=spacing,
    lead=st.sampled_from(SPECIFIC_SENTENCES),
    tail=st.sampled_from(SPECIFIC_SENTENCES),
)
def test_a_vague_phrase_stays_flagged_whatever_its_case_spacing_and_punctuation(
    phrase: str, case, before: str, after: str, gap: str, lead: str, tail: str
) -> None:
    text = f"{lead} {before}{case(phrase).replace(' ', gap)}{after} {tail}"
    assert "generic" in codes(text, target="Acme Health"), text


@given(
    phrase=st.sampled_from(BARE_VAGUE),
    lead=st.sampled_from(["Hi Sam, ", "Dear Ana,\n\n", ""]),
    tail=st.sampled_from(SPECIFIC_SENTENCES),
    target=st.sampled_from(["Meridian Hospital", "Data analyst", "Acme Health"]),
)
def test_applying_the_rewrite_clears_the_vague_flag(phrase: str, lead: str, tail: str, target: str) -> None:
    text = f"{lead}{phrase.capitalize()}. {tail}"
    [finding] = [f for f in check_ask(text, "email", target) if f.code == "generic"]
    fixed = apply_fix(text, finding)
    assert "generic" not in codes(fixed, target=target)
    assert fixed.startswith(lead) and target in fixed and tail in fixed


employers = st.sampled_from(
    ["Acme Health", "Meridian Hospital", "Northwind Energy", "the city library", "Leeds Council"]
)
people = st.sampled_from(["the nurse manager", "someone on the data team", "a UX researcher", "the head of analytics"])
openers = st.sampled_from(["Could you", "Would you be willing to", "Would you", "Please could you"])
actions = st.sampled_from(
    [
        "introduce me to {who} at {where}",
        "tell me how {who} at {where} got started",
        "share what {who} at {where} looks for in a new hire",
        "spare twenty minutes to tell me how {where} hires {who}",
    ]
)


@given(opener=openers, action=actions, who=people, where=employers, case=st.sampled_from([str.lower, lambda s: s]))
def test_a_clean_specific_ask_is_never_flagged(opener: str, action: str, who: str, where: str, case) -> None:
    text = case(f"{opener} {action.format(who=who, where=where)}?")
    assert check_ask(text, "email", where) == [], text


@given(
    text=st.text(max_size=300),
    target=st.none() | st.sampled_from(["Acme Health", "any job in healthcare", "Data analyst"]),
)
def test_a_rewrite_applies_to_any_text_and_touches_only_the_flagged_sentence(text: str, target) -> None:
    for finding in check_ask(text, "email", target):
        fixed = apply_fix(text, finding)
        if not finding.fix:
            assert fixed == text
        else:
            assert finding.replacement in fixed
            if finding.fix == "sentence":
                assert text[finding.start : finding.end] == finding.phrase
                left = max(text.rfind(mark, 0, finding.start) for mark in ".!?\n") + 1
                assert fixed.startswith(text[:left])  # what came before the sentence is kept
