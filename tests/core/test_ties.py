"""Rules of tip 5: the tie mix, where you want to go, and introduction paths with their layout."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.model import CIRCLES, Goal
from core.ties import (
    MAX_LABEL_CHARS,
    IntroPath,
    Person,
    assess_destinations,
    circle_label,
    describe_path,
    find_paths,
    goals_out_of_reach,
    knows_you,
    layout_paths,
    reach_goals,
    shorten,
    summarise_mix,
    trace_chain,
)

CIRCLE_KEYS = list(CIRCLES)


# --- the mix -------------------------------------------------------------------------------------


def test_the_mix_counts_strong_and_weak_ties_per_circle_in_the_brainstorm_order():
    mix = summarise_mix([("school", "weak", 4), ("family", "strong", 3), ("family", "weak", 1)])
    assert [(r.circle, r.strong, r.weak) for r in mix.rows] == [("family", 3, 1), ("school", 0, 4)]
    assert (mix.strong, mix.weak, mix.total) == (3, 5, 8)
    assert mix.reading == (
        "3 strong and 5 weak ties (62% weak) across 2 circles. "
        "Most of your strong ties are in family (3): start there for introductions."
    )


def test_an_empty_network_has_no_mix_and_points_to_tip_1():
    mix = summarise_mix([])
    assert mix.rows == ()
    assert "No one is listed yet" in mix.reading
    assert "Know your network" in mix.advice


def test_a_network_of_mostly_strong_ties_is_told_to_ask_for_introductions():
    mix = summarise_mix([("family", "strong", 20), ("friends", "strong", 10), ("friends", "weak", 2)])
    assert "inner circle" in mix.advice and "introduce" in mix.advice
    assert "No weak ties yet in: Family" in mix.advice


def test_a_network_of_only_weak_ties_is_told_to_mark_the_people_it_trusts():
    mix = summarise_mix([("online", "weak", 200), ("former_jobs", "weak", 50)])
    assert "Mark the people you trust most as strong" in mix.advice


def test_a_balanced_network_is_called_healthy():
    mix = summarise_mix([("friends", "strong", 10), ("friends", "weak", 30)])
    assert mix.advice.startswith("A healthy mix")


def test_an_unknown_circle_still_shows_after_the_known_ones_with_a_readable_label():
    mix = summarise_mix([("book_club", "weak", 2), ("gym", "strong", 1)])
    assert [r.label for r in mix.rows] == ["Gym and clubs", "Book club"]
    assert circle_label("") == "No circle"


mix_rows = st.lists(
    st.tuples(st.sampled_from(CIRCLE_KEYS + ["other"]), st.sampled_from(["strong", "weak"]), st.integers(0, 10_000)),
    max_size=40,
)


@given(mix_rows)
def test_the_mix_never_loses_or_invents_a_person(rows):
    mix = summarise_mix(rows)
    assert mix.total == sum(n for _, _, n in rows)
    assert sum(r.total for r in mix.rows) == mix.total
    assert len({r.circle for r in mix.rows}) == len(mix.rows)


# --- where you want to go ------------------------------------------------------------------------

GOALS = [
    Goal(1, "association", "Data Guild", 1),
    Goal(2, "conference", "PyCon", 2),
    Goal(3, "role", "Data analyst", 1),
    Goal(4, "journal", "Data Weekly", 3),
]


def test_destinations_count_people_per_goal_and_list_the_goals_with_nobody():
    report = assess_destinations(GOALS, {1: 4, 3: 9})
    assert [(r.goal.title, r.people) for r in report.reaches] == [("PyCon", 0), ("Data Weekly", 0), ("Data Guild", 4)]
    assert [g.title for g in report.uncovered] == ["PyCon", "Data Weekly"]
    assert report.reading.startswith("1 of 3 destinations has someone in your network.")
    assert "Nobody yet for 'PyCon', 'Data Weekly'" in report.reading


def test_targets_are_not_destinations_unless_asked_for():
    assert "role" not in {r.goal.kind for r in assess_destinations(GOALS, {}).reaches}
    assert len(assess_destinations(GOALS, {}, kinds=["role"]).reaches) == 1


def test_no_destinations_invites_adding_some():
    assert assess_destinations([], {}).reading.startswith("No destinations yet")


def test_when_every_destination_has_someone_the_reading_says_so():
    report = assess_destinations(GOALS, {1: 1, 2: 2, 4: 3})
    assert report.uncovered == ()
    assert "Every destination has someone" in report.reading


@given(st.dictionaries(st.sampled_from([1, 2, 3, 4]), st.integers(0, 50)))
def test_a_destination_is_uncovered_exactly_when_nobody_relates_to_it(counts):
    report = assess_destinations(GOALS, counts)
    assert {g.id for g in report.uncovered} == {r.goal.id for r in report.reaches if counts.get(r.goal.id, 0) == 0}


# --- introduction paths --------------------------------------------------------------------------

SAM = Person(1, "Sam (sister)", "strong")
ANA = Person(2, "Ana", "weak", introduced_by=1)
BO = Person(3, "Bo", "weak", introduced_by=2)
CY = Person(4, "Cy", "weak", introduced_by=3)
DEE = Person(5, "Dee", "weak", introduced_by=None)
EVE = Person(6, "Eve", "strong", introduced_by=1)
FAY = Person(7, "Fay", "weak", introduced_by=6)
PEOPLE = [SAM, ANA, BO, CY, DEE, EVE, FAY]
BY_ID = {p.id: p for p in PEOPLE}


def test_a_chain_starts_at_the_nearest_strong_tie():
    assert trace_chain(BO, BY_ID) == (SAM, ANA, BO)
    assert trace_chain(FAY, BY_ID) == (EVE, FAY)


def test_a_chain_longer_than_the_hop_limit_or_with_no_strong_tie_is_no_path():
    assert trace_chain(CY, BY_ID, max_hops=2) is None
    assert trace_chain(DEE, BY_ID) is None


def test_a_loop_of_introductions_does_not_hang_and_gives_no_path():
    a, b = Person(1, "A", "weak", 2), Person(2, "B", "weak", 1)
    assert trace_chain(a, {1: a, 2: b}, max_hops=10) is None


def test_goal_paths_come_first_each_goal_best_path_before_the_rest():
    paths = find_paths(PEOPLE, {2: [CY.id, ANA.id], 1: [FAY.id]}, GOALS)
    described = [describe_path(p) for p in paths]
    assert described[:3] == [
        "Ask Eve to introduce you to Fay for your goal Data Guild (association).",
        "Ask Sam (sister) to introduce you to Ana for your goal PyCon (conference or event).",
        "Ask Sam (sister) to introduce you to Cy (through Ana, then Bo) for your goal PyCon (conference or event).",
    ]
    assert described[3:] == ["Ask Sam (sister) to introduce you to Bo (through Ana) to widen your network."]


def test_strong_ties_and_people_with_no_introducer_are_never_targets():
    targets = {p.target.id for p in find_paths(PEOPLE, {1: [SAM.id, DEE.id, EVE.id]}, GOALS)}
    assert targets.isdisjoint({SAM.id, DEE.id, EVE.id})


def test_the_list_is_cut_to_the_top_n():
    assert len(find_paths(PEOPLE, {}, GOALS, limit=2)) == 2
    assert find_paths(PEOPLE, {}, GOALS, limit=0) == []


def test_links_to_unknown_goals_or_people_are_ignored():
    assert all(p.goal is None for p in find_paths(PEOPLE, {99: [ANA.id], 1: [404]}, GOALS))


@st.composite
def networks(draw):
    size = draw(st.integers(1, 40))
    people = [
        Person(
            i,
            f"P{i}",
            draw(st.sampled_from(["strong", "weak"])),
            draw(st.one_of(st.none(), st.integers(1, size))),
        )
        for i in range(1, size + 1)
    ]
    links = draw(st.dictionaries(st.sampled_from([1, 2, 3, 4]), st.lists(st.integers(1, size), max_size=8)))
    return people, links


@settings(deadline=None)  # a busy CI machine must not turn slowness into a failure
@given(networks(), st.integers(0, 20), st.integers(1, 4))
def test_every_path_walks_real_introductions_from_a_strong_tie_to_a_weak_tie(network, limit, max_hops):
    people, links = network
    by_id = {p.id: p for p in people}
    paths = find_paths(people, links, GOALS, limit=limit, max_hops=max_hops)
    assert len(paths) <= limit
    for path in paths:
        assert path.introducer.tie == "strong" or path.introducer.introduced_by is None
        assert all(p.tie == "weak" for p in path.chain[1:])
        assert 1 <= path.hops <= max_hops
        for before, after in zip(path.chain, path.chain[1:]):
            assert by_id[after.id].introduced_by == before.id
        if path.goal is not None:
            assert path.target.id in links[path.goal.id]
    keys = [(p.target.id, p.goal.id if p.goal else None) for p in paths]
    assert len(keys) == len(set(keys))


@settings(deadline=None)  # a busy CI machine must not turn slowness into a failure
@given(networks())
def test_every_goal_with_a_reachable_person_appears_before_any_goal_repeats(network):
    people, links = network
    paths = find_paths(people, links, GOALS, limit=100)
    goal_ids = [p.goal.id for p in paths if p.goal is not None]
    distinct = list(dict.fromkeys(goal_ids))
    assert goal_ids[: len(distinct)] == distinct


def test_goals_that_no_path_reaches_are_listed_by_priority():
    # Data Guild (1) is reached through Eve; Dee is linked to PyCon directly; nothing links to the rest.
    missing = goals_out_of_reach(PEOPLE, {1: [FAY.id], 2: [DEE.id]}, GOALS)
    assert [g.title for g in missing] == ["Data analyst", "Data Weekly"]


def test_a_goal_someone_is_linked_to_directly_is_never_out_of_reach():
    for person in (SAM, DEE, EVE):  # a strong tie, someone with no introducer, a strong tie with one
        assert goals_out_of_reach(PEOPLE, {3: [person.id]}, GOALS[2:3]) == []


def test_reach_splits_people_you_know_from_people_met_through_a_strong_tie():
    [access] = reach_goals(GOALS[:1], PEOPLE, {GOALS[0].id: [DEE.id, FAY.id, BO.id, SAM.id]})
    assert access.direct == (SAM.id, DEE.id)
    assert [p.chain for p in access.via] == [(EVE, FAY), (SAM, ANA, BO)]
    gil = Person(9, "Gil", "weak", introduced_by=DEE.id)  # Dee is a weak tie you know: she can introduce you
    [access] = reach_goals(GOALS[:1], [*PEOPLE, gil], {GOALS[0].id: [gil.id]})
    assert [p.chain for p in access.via] == [(DEE, gil)]
    a, b = Person(11, "A", "weak", 12), Person(12, "B", "weak", 11)  # a loop of introductions reaches nobody
    [access] = reach_goals(GOALS[:1], [a, b], {GOALS[0].id: [a.id]})
    assert not access.reachable


@settings(deadline=None)  # a busy CI machine must not turn slowness into a failure
@given(networks())
def test_a_goal_is_out_of_reach_exactly_when_nobody_linked_is_known_or_reached_by_a_path(network):
    people, links = network
    by_id = {p.id: p for p in people}
    reached = {p.goal.id for p in find_paths(people, links, GOALS, limit=10_000) if p.goal is not None}
    known = {
        goal_id
        for goal_id, ids in links.items()
        if any(i in by_id and (knows_you(by_id[i]) or by_id[i].introduced_by not in by_id) for i in ids)
    }
    assert {g.id for g in goals_out_of_reach(people, links, GOALS)} == {g.id for g in GOALS} - reached - known


# --- layout --------------------------------------------------------------------------------------


def test_the_layout_puts_strong_ties_left_then_each_hop_then_goals():
    paths = find_paths(PEOPLE, {2: [CY.id]}, GOALS)
    layout = layout_paths(paths)
    column = {n.key: n.x for n in layout.nodes}
    assert column["p1"] == 0 and column["p2"] == 1 and column["p3"] == 2 and column["p4"] == 3
    assert column["g2"] == 4
    roles = {n.key: n.role for n in layout.nodes}
    assert roles["p1"] == "strong" and roles["p4"] == "weak" and roles["g2"] == "goal"
    assert {(e.source, e.target, e.kind) for e in layout.edges} >= {("p3", "p4", "introduces"), ("p4", "g2", "goal")}


def test_no_paths_make_an_empty_layout():
    assert layout_paths([]) == layout_paths(())
    assert layout_paths([]).nodes == ()


def test_long_names_are_shortened_for_labels():
    assert shorten("Bartholomew Featherstonehaugh-Smythe") == "Bartholomew Feather…"
    assert len(shorten("x" * 100)) == MAX_LABEL_CHARS
    assert shorten("Ana") == "Ana"


@settings(deadline=None)  # a busy CI machine must not turn slowness into a failure
@given(networks())
def test_every_edge_goes_left_to_right_between_placed_nodes_and_no_two_nodes_overlap(network):
    people, links = network
    layout = layout_paths(find_paths(people, links, GOALS, limit=30))
    where = {n.key: (n.x, n.y) for n in layout.nodes}
    assert len(set(where.values())) == len(where)
    for edge in layout.edges:
        assert (edge.x, edge.y) == where[edge.source] and (edge.x2, edge.y2) == where[edge.target]
        assert edge.x < edge.x2


def test_a_path_of_one_hop_has_one_introduction_edge():
    path = IntroPath((SAM, ANA), None)
    layout = layout_paths([path])
    assert [(e.source, e.target) for e in layout.edges] == [("p1", "p2")]
