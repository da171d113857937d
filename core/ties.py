"""Tip 5, strong and weak ties: the mix by circle, where you want to go, and introduction paths."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise

from core.model import CIRCLES, DESTINATION_KINDS, GOAL_KINDS, Goal
from core.text import part_of

# Below this share of weak ties the network is mostly the inner circle (and the reverse for strong).
LOW_WEAK_SHARE = 0.3
LOW_STRONG_SHARE = 0.1
MAX_HOPS = 3
# The parts of tip 5's page, and the URL parameter that opens one (so other pages can link to a part).
SECTIONS = ("Your mix", "Mark ties", "Where you want to go", "Introduction paths")
SECTION_PARAM = "section"
DEFAULT_PATH_LIMIT = 12


@dataclass(frozen=True)
class MixRow:
    """Strong and weak ties in one circle."""

    circle: str
    label: str
    strong: int
    weak: int

    @property
    def total(self) -> int:
        return self.strong + self.weak


@dataclass(frozen=True)
class TieMix:
    """The strong/weak mix by circle, with a plain reading and what to do."""

    rows: tuple[MixRow, ...]
    strong: int
    weak: int
    reading: str
    advice: str

    @property
    def total(self) -> int:
        return self.strong + self.weak


@dataclass(frozen=True)
class GoalReach:
    """How many people relate to one goal."""

    goal: Goal
    people: int


@dataclass(frozen=True)
class DestinationReport:
    """Whether the network reflects where you want to go."""

    reaches: tuple[GoalReach, ...]
    uncovered: tuple[Goal, ...]
    reading: str


@dataclass(frozen=True)
class Person:
    """The little a path needs to know about a person."""

    id: int
    name: str
    tie: str
    introduced_by: int | None = None


@dataclass(frozen=True)
class IntroPath:
    """Someone you know who can introduce you, through zero or more people, to a weak tie (for a goal)."""

    chain: tuple[Person, ...]  # someone you know first (a strong tie or anyone met directly), the person to meet last
    goal: Goal | None = None

    @property
    def introducer(self) -> Person:
        return self.chain[0]

    @property
    def target(self) -> Person:
        return self.chain[-1]

    @property
    def hops(self) -> int:
        return len(self.chain) - 1


def circle_label(circle: str) -> str:
    """The label of a circle key, or the key itself for one the app does not know."""
    return CIRCLES.get(circle, circle.replace("_", " ").capitalize() or "No circle")


def summarise_mix(counts: Iterable[tuple[str, str, int]]) -> TieMix:
    """Fold (circle, tie, count) rows into the mix by circle, ordered as the circles are, with a reading."""
    strong: dict[str, int] = {}
    weak: dict[str, int] = {}
    for circle, tie, count in counts:
        bucket = strong if tie == "strong" else weak
        bucket[circle] = bucket.get(circle, 0) + int(count)
    known = [c for c in CIRCLES if c in strong or c in weak]
    extra = sorted((set(strong) | set(weak)) - set(CIRCLES))
    rows = tuple(MixRow(c, circle_label(c), strong.get(c, 0), weak.get(c, 0)) for c in known + extra)
    total_strong, total_weak = sum(strong.values()), sum(weak.values())
    reading, advice = _read_mix(rows, total_strong, total_weak)
    return TieMix(rows, total_strong, total_weak, reading, advice)


def _read_mix(rows: tuple[MixRow, ...], strong: int, weak: int) -> tuple[str, str]:
    total = strong + weak
    if total == 0:
        return (
            "No one is listed yet, so there is no mix to read.",
            "Start on 'Know your network': list people circle by circle, then come back to mark ties.",
        )
    reading = (
        f"{strong:,} strong and {weak:,} weak ties ({weak / total:.0%} weak) across {len(rows)} "
        f"circle{'s' if len(rows) != 1 else ''}."
    )
    only_strong = [r.label for r in rows if r.weak == 0]
    if weak / total < LOW_WEAK_SHARE:
        advice = (
            "Your network leans on the inner circle. Ask your strong ties to introduce you to people "
            "they know: new weak ties bring fresh ideas and openings."
        )
    elif strong == 0 or strong / total < LOW_STRONG_SHARE:
        advice = (
            "Almost everyone is a weak tie. Mark the people you trust most as strong: they are the ones "
            "to ask for introductions and honest feedback."
        )
    else:
        advice = (
            "A healthy mix. Use the strong ties to reach new weak ones, and keep the weak ones warm "
            "with a short note now and then."
        )
    if strong:
        inner = max(rows, key=lambda r: r.strong)
        reading += (
            f" Most of your strong ties are in {inner.label.lower()} ({inner.strong:,}): start there for introductions."
        )
    if only_strong:
        advice += f" No weak ties yet in: {', '.join(only_strong)}."
    return reading, advice


def assess_destinations(
    goals: Iterable[Goal], counts: Mapping[int, int], kinds: Iterable[str] = tuple(DESTINATION_KINDS)
) -> DestinationReport:
    """For each goal of the given kinds, how many people relate to it, and which goals have nobody."""
    wanted = set(kinds)
    chosen = [g for g in goals if g.kind in wanted]
    reaches = tuple(
        sorted(
            (GoalReach(g, int(counts.get(g.id, 0))) for g in chosen),
            key=lambda r: (r.people > 0, r.goal.priority, -r.people, r.goal.title.lower()),
        )
    )
    uncovered = tuple(r.goal for r in reaches if r.people == 0)
    return DestinationReport(reaches, uncovered, _read_destinations(reaches, uncovered))


def _read_destinations(reaches: tuple[GoalReach, ...], uncovered: tuple[Goal, ...]) -> str:
    if not reaches:
        return (
            "No destinations yet. Add the associations, conferences, journals or fields you want to "
            "be part of: your network should reflect where you are going, not only where you have been."
        )
    covered = len(reaches) - len(uncovered)
    text = f"{part_of(covered, len(reaches), 'destination')} someone in your network."
    if uncovered:
        names = ", ".join(f"'{g.title}'" for g in uncovered[:5])
        more = f" and {len(uncovered) - 5} more" if len(uncovered) > 5 else ""
        text += (
            f" Nobody yet for {names}{more}: ask your strong ties who they know there, "
            "or go along to an event and meet someone."
        )
    else:
        text += " Every destination has someone; ask them about the lingo, the events and who to meet."
    return text


def goal_label(goal: Goal) -> str:
    """A goal as a user reads it: its title and kind."""
    return f"{goal.title} ({GOAL_KINDS.get(goal.kind, goal.kind).lower()})"


def knows_you(person: Person) -> bool:
    """Someone you know yourself, who can introduce you: a strong tie, or anyone met without an introducer."""
    return person.tie == "strong" or person.introduced_by is None


def trace_chain(person: Person, people: Mapping[int, Person], max_hops: int = MAX_HOPS) -> tuple[Person, ...] | None:
    """The chain from the nearest person you know yourself (a strong tie, or someone with no introducer)
    down ``introduced_by`` links to this person, or None."""
    chain = [person]
    seen = {person.id}
    current = person
    for _ in range(max_hops):
        parent = people.get(current.introduced_by) if current.introduced_by is not None else None
        if parent is None or parent.id in seen:
            return None
        chain.append(parent)
        if knows_you(parent):
            return tuple(reversed(chain))
        seen.add(parent.id)
        current = parent
    return None


def find_paths(
    people: Iterable[Person],
    goal_people: Mapping[int, Iterable[int]],
    goals: Iterable[Goal],
    limit: int = DEFAULT_PATH_LIMIT,
    max_hops: int = MAX_HOPS,
) -> list[IntroPath]:
    """The top introduction paths from strong ties to weak ties: goals first, each goal's best path, then the rest."""
    by_id = {p.id: p for p in people}
    goal_by_id = {g.id: g for g in goals}
    goal_paths: list[IntroPath] = []
    reached: set[int] = set()
    for goal_id, person_ids in goal_people.items():
        goal = goal_by_id.get(goal_id)
        if goal is None:
            continue
        for person_id in dict.fromkeys(person_ids):
            path = _path_to(by_id.get(person_id), by_id, max_hops, goal)
            if path is not None:
                goal_paths.append(path)
                reached.add(person_id)
    plain_paths = [
        path
        for person in by_id.values()
        if person.id not in reached and (path := _path_to(person, by_id, max_hops, None)) is not None
    ]
    return _rank(goal_paths, plain_paths)[: max(limit, 0)]


@dataclass(frozen=True)
class GoalAccess:
    """Who can get you to one goal: people linked to it you know yourself, and people you would
    meet through an introduction (a path from someone you know down the introductions recorded)."""

    goal: Goal
    direct: tuple[int, ...]
    via: tuple[IntroPath, ...]

    @property
    def reachable(self) -> bool:
        return bool(self.direct or self.via)


def reach_goals(
    goals: Iterable[Goal],
    people: Iterable[Person],
    goal_people: Mapping[int, Iterable[int]],
    max_hops: int = MAX_HOPS,
) -> list[GoalAccess]:
    """The one rule for who can reach a goal (tip 2's coverage and tip 5's paths both use it).

    A person linked to the goal is known to you directly when no introducer is recorded for them,
    when they are a strong tie, or when their introducer is no longer listed; otherwise they are
    reached through an introduction when a chain of introducers (at most ``max_hops``) starts at
    someone you know (:func:`knows_you`). Anyone else linked (a loop, a chain too long) does not
    reach the goal yet.
    ``people`` must hold everyone linked and everyone up their introduction chains.
    """
    by_id = {p.id: p for p in people}
    found = []
    for goal in goals:
        direct: list[int] = []
        via: list[IntroPath] = []
        for person_id in dict.fromkeys(goal_people.get(goal.id, ())):
            person = by_id.get(person_id)
            if person is None:
                continue
            if knows_you(person) or person.introduced_by not in by_id:
                direct.append(person_id)
            elif (path := _path_to(person, by_id, max_hops, goal)) is not None:
                via.append(path)
        found.append(GoalAccess(goal, tuple(sorted(direct)), tuple(sorted(via, key=_path_key))))
    return found


def goals_out_of_reach(
    people: Iterable[Person], goal_people: Mapping[int, Iterable[int]], goals: Iterable[Goal], max_hops: int = MAX_HOPS
) -> list[Goal]:
    """Goals nobody reaches by :func:`reach_goals` (no one linked you know, no introduction path), by priority."""
    unreached = (a.goal for a in reach_goals(goals, people, goal_people, max_hops) if not a.reachable)
    return sorted(unreached, key=lambda g: (g.priority, g.title.lower()))


def _path_to(person: Person | None, by_id: Mapping[int, Person], max_hops: int, goal: Goal | None) -> IntroPath | None:
    if person is None or person.tie == "strong" or person.introduced_by is None:
        return None
    chain = trace_chain(person, by_id, max_hops)
    return IntroPath(chain, goal) if chain else None


def _path_key(path: IntroPath) -> tuple:
    priority = path.goal.priority if path.goal else 9
    return (priority, path.hops, path.target.name.lower(), path.target.id, path.goal.id if path.goal else 0)


def _rank(goal_paths: list[IntroPath], plain_paths: list[IntroPath]) -> list[IntroPath]:
    # Each goal's best path comes first so a short list still covers as many goals as it can.
    ordered = sorted(goal_paths, key=_path_key)
    firsts: dict[int, IntroPath] = {}
    for path in ordered:
        firsts.setdefault(path.goal.id, path)
    best = sorted(firsts.values(), key=_path_key)
    rest = [p for p in ordered if firsts.get(p.goal.id) is not p]
    return best + rest + sorted(plain_paths, key=_path_key)


def describe_path(path: IntroPath) -> str:
    """The path as a request: 'Ask X to introduce you to Y for your goal Z'."""
    via = ""
    if path.hops > 1:
        via = " (through " + ", then ".join(p.name for p in path.chain[1:-1]) + ")"
    text = f"Ask {path.introducer.name} to introduce you to {path.target.name}{via}"
    if path.goal is not None:
        return text + f" for your goal {goal_label(path.goal)}."
    return text + " to widen your network."


@dataclass(frozen=True)
class GraphNode:
    """A person or a goal placed on the introduction-paths graph."""

    key: str
    label: str
    role: str  # 'strong' | 'weak' | 'goal'
    x: float
    y: float


@dataclass(frozen=True)
class GraphEdge:
    """A line on the graph: an introduction between people, or a person's link to a goal."""

    source: str
    target: str
    kind: str  # 'introduces' | 'goal'
    x: float
    y: float
    x2: float
    y2: float


@dataclass(frozen=True)
class GraphLayout:
    """Nodes in columns (strong ties, then each hop, then goals) and the edges between them."""

    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]


MAX_LABEL_CHARS = 20


def shorten(text: str, limit: int = MAX_LABEL_CHARS) -> str:
    """Text cut to ``limit`` characters with an ellipsis, so labels stay readable."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def layout_paths(paths: Iterable[IntroPath]) -> GraphLayout:
    """Place the paths left to right: strong ties, the people in between, the people to meet, their goals."""
    paths = list(paths)
    columns, labels, roles, links = _collect(paths)
    if not columns:
        return GraphLayout((), ())
    positions = _place(columns, links)
    nodes = tuple(GraphNode(key, labels[key], roles[key], float(x), float(y)) for key, (x, y) in positions.items())
    edges = tuple(GraphEdge(a, b, kind, *positions[a], *positions[b]) for (a, b), kind in links.items())
    return GraphLayout(nodes, edges)


def _collect(
    paths: list[IntroPath],
) -> tuple[dict[int, list[str]], dict[str, str], dict[str, str], dict[tuple[str, str], str]]:
    columns: dict[int, list[str]] = {}
    labels: dict[str, str] = {}
    roles: dict[str, str] = {}
    links: dict[tuple[str, str], str] = {}
    goal_column = 1 + max((p.hops for p in paths), default=0)

    def add(key: str, column: int, label: str, role: str) -> None:
        if key not in labels:
            columns.setdefault(column, []).append(key)
            labels[key], roles[key] = shorten(label), role

    for path in paths:
        keys = [f"p{p.id}" for p in path.chain]
        for depth, (key, person) in enumerate(zip(keys, path.chain)):
            add(key, depth, person.name, "strong" if depth == 0 else "weak")
        for a, b in pairwise(keys):
            links.setdefault((a, b), "introduces")
        if path.goal is not None:
            goal_key = f"g{path.goal.id}"
            add(goal_key, goal_column, path.goal.title, "goal")
            links.setdefault((keys[-1], goal_key), "goal")
    return columns, labels, roles, links


def _place(columns: dict[int, list[str]], links: dict[tuple[str, str], str]) -> dict[str, tuple[int, float]]:
    # Barycentre ordering: each column is sorted by the mean row of the nodes that point into it,
    # which keeps most lines from crossing without a graph library.
    parents: dict[str, list[str]] = {}
    for a, b in links:
        parents.setdefault(b, []).append(a)
    rows: dict[str, float] = {}
    positions: dict[str, tuple[int, float]] = {}
    for column in sorted(columns):
        ordered = _order_column(columns[column], parents, rows)
        middle = (len(ordered) - 1) / 2
        for i, key in enumerate(ordered):
            rows[key] = float(i)
            positions[key] = (column, middle - i)
    return positions


def _order_column(keys: list[str], parents: dict[str, list[str]], rows: dict[str, float]) -> list[str]:
    first_seen = {key: i for i, key in enumerate(keys)}

    def barycentre(key: str) -> tuple[float, int]:
        placed = [rows[p] for p in parents.get(key, []) if p in rows]
        return (sum(placed) / len(placed) if placed else float(first_seen[key]), first_seen[key])

    return sorted(keys, key=barycentre)
