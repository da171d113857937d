"""A realistic synthetic workbook, the same for the same seed and day: for demos, tests and benchmarks."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from core.model import CHANNELS, LEDGER_KINDS, OUTCOMES, RATING_QUESTIONS, REFERENCE_STEPS, REQUEST_KINDS

FIRST = [
    "Amara",
    "Ben",
    "Carlos",
    "Dana",
    "Elif",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jonas",
    "Kofi",
    "Lena",
    "Mateo",
    "Nadia",
    "Omar",
    "Priya",
    "Quinn",
    "Rosa",
    "Sami",
    "Tara",
    "Uma",
    "Victor",
    "Wen",
    "Xavier",
    "Yara",
    "Zoe",
    "Aoife",
    "Bjorn",
    "Chloé",
    "Dmitri",
    "Émile",
    "Fatima",
    "Giulia",
    "Hamza",
    "Ingrid",
    "José",
    "Kenji",
    "Leïla",
    "Malik",
    "Noor",
    "Olu",
    "Pablo",
    "Renée",
    "Siobhán",
    "Tomás",
    "Ulla",
    "Valentina",
]
LAST = [
    "Adeyemi",
    "Brennan",
    "Costa",
    "Dubois",
    "Eriksen",
    "Fischer",
    "García",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "López",
    "Mensah",
    "Nakamura",
    "O'Connor",
    "Petrov",
    "Quispe",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Usman",
    "Varga",
    "Wójcik",
    "Xu",
    "Yilmaz",
    "Zhang",
    "Álvarez",
    "Bergström",
    "Chen",
    "Das",
    "Esposito",
    "Fernández",
    "Gupta",
    "Hoang",
    "Iqbal",
    "Jovanović",
    "Kim",
]
COMPANIES = [
    "Acme Analytics",
    "Brightside Health",
    "Cobalt Logistics",
    "Dovetail Studio",
    "Evergreen Bank",
    "Fieldstone Energy",
    "Greenleaf Foods",
    "Harbor City Council",
    "Ironwood Software",
    "Juniper Schools",
    "Keystone Insurance",
    "Lumen Media",
    "Meridian Hospital",
    "Northwind Retail",
    "Orchid Biotech",
    "Pinecrest University",
]
ROLES = [
    "Data analyst",
    "Nurse",
    "Teacher",
    "Project manager",
    "Software engineer",
    "Accountant",
    "Designer",
    "Sales lead",
    "Recruiter",
    "Operations manager",
    "Researcher",
    "Marketing manager",
    "Product manager",
    "Consultant",
]
INTERESTS = [
    "cycling",
    "jazz",
    "gardening",
    "chess",
    "marathons",
    "photography",
    "cooking",
    "hiking",
    "podcasts",
    "sailing",
]
NEEDS = ["hiring a junior analyst", "moving house", "learning Python", "a good accountant", "speakers for a meetup"]
CIRCLE_WEIGHTS = {
    "family": 4,
    "friends": 8,
    "neighbours": 3,
    "former_jobs": 14,
    "school": 9,
    "faith_civic": 3,
    "childs_school": 2,
    "gym": 2,
    "online": 52,
    "services": 3,
}
GOALS = [
    ("role", "Data analyst in healthcare", 1),
    ("employer", "Meridian Hospital", 1),
    ("industry", "Health technology", 2),
    ("employer", "Orchid Biotech", 2),
    ("association", "Healthcare Data Association", 2),
    ("conference", "Open Health Data Summit", 3),
    ("field", "Clinical informatics", 2),
]
INTERACTION_KINDS_WEIGHTED = (
    ["catch_up"] * 5 + ["ask"] * 2 + ["follow_up"] * 2 + ["thank_you"] + ["update"] + ["help_received", "help_given"]
)


@dataclass
class DemoData:
    """Column lists per table, ready for a bulk insert."""

    tables: dict[str, dict[str, list]] = field(default_factory=dict)

    def rows(self, table: str) -> int:
        columns = self.tables.get(table, {})
        return len(next(iter(columns.values()))) if columns else 0


def make_demo(contacts: int, seed: int = 7, today: date | None = None, interactions: int | None = None) -> DemoData:
    """Build demo tables: ``contacts`` people, about 3.3 interactions each, two years of history."""
    today = today or date.today()
    rng = random.Random(seed)
    interactions = round(contacts * 10 / 3) if interactions is None else interactions
    start = today - timedelta(days=730)
    circles = rng.choices(list(CIRCLE_WEIGHTS), weights=list(CIRCLE_WEIGHTS.values()), k=contacts)
    data = DemoData()
    c: dict[str, list] = {
        k: []
        for k in (
            "id",
            "name",
            "email",
            "phone",
            "company",
            "role",
            "circle",
            "tie",
            "introduced_by",
            "notes",
            "is_reference",
            "is_key",
            "cadence_days",
            "family",
            "job_notes",
            "interests",
            "needs",
            "created_at",
        )
    }
    strong_ids: list[int] = []
    for i in range(1, contacts + 1):
        circle = circles[i - 1]
        strong = rng.random() < (0.6 if circle in ("family", "friends") else 0.12)
        first, last = rng.choice(FIRST), rng.choice(LAST)
        company = rng.choice(COMPANIES) if circle not in ("family", "childs_school") or rng.random() < 0.5 else ""
        c["id"].append(i)
        c["name"].append(f"{first} {last}")
        c["email"].append(f"{first}.{last}.{i}@example.org".lower() if rng.random() < 0.35 else "")
        c["phone"].append(f"+1 555 {rng.randrange(1000000):07d}" if rng.random() < 0.2 else "")
        c["company"].append(company)
        c["role"].append(rng.choice(ROLES) if company else "")
        c["circle"].append(circle)
        c["tie"].append("strong" if strong else "weak")
        introducer = rng.choice(strong_ids) if strong_ids and rng.random() < 0.15 else None
        c["introduced_by"].append(introducer)
        c["notes"].append("Met at a friend's dinner" if rng.random() < 0.05 else "")
        is_key = strong and rng.random() < 0.04
        c["is_reference"].append(strong and circle == "former_jobs" and rng.random() < 0.1)
        c["is_key"].append(is_key)
        c["cadence_days"].append(rng.choice([14, 30, 30, 90]) if is_key else None)
        c["family"].append("Two kids at secondary school" if is_key and rng.random() < 0.5 else "")
        c["job_notes"].append(f"{c['role'][-1]} at {company}" if is_key and company else "")
        c["interests"].append(rng.choice(INTERESTS) if is_key else "")
        c["needs"].append(rng.choice(NEEDS) if is_key and rng.random() < 0.5 else "")
        c["created_at"].append(
            datetime.combine(start + timedelta(days=int(730 * (i / contacts) ** 0.5)), datetime.min.time())
        )
        if strong:
            strong_ids.append(i)
    data.tables["contacts"] = c

    weights = [3 if t == "strong" else 1 for t in c["tie"]]
    who = rng.choices(c["id"], weights=weights, k=interactions)
    it: dict[str, list] = {
        k: []
        for k in ("id", "contact_id", "happened_on", "kind", "channel", "outcome", "request_kind", "goal_id", "note")
    }
    channels, outcomes, requests = list(CHANNELS), list(OUTCOMES), list(REQUEST_KINDS)
    for n, person in enumerate(who, start=1):
        kind = rng.choice(INTERACTION_KINDS_WEIGHTED)
        it["id"].append(n)
        it["contact_id"].append(person)
        it["happened_on"].append(start + timedelta(days=rng.randrange(731)))
        it["kind"].append(kind)
        it["channel"].append(rng.choice(channels))
        it["outcome"].append(rng.choice(outcomes) if kind == "ask" else "")
        it["request_kind"].append(rng.choice(requests) if kind == "ask" else "")
        it["goal_id"].append(rng.randint(1, len(GOALS)) if kind == "ask" and rng.random() < 0.5 else None)
        it["note"].append("")
    data.tables["interactions"] = it

    data.tables["goals"] = {
        "id": list(range(1, len(GOALS) + 1)),
        "kind": [g[0] for g in GOALS],
        "title": [g[1] for g in GOALS],
        "priority": [g[2] for g in GOALS],
    }
    links = sorted({(rng.randint(1, contacts), rng.randint(1, len(GOALS))) for _ in range(max(3, contacts // 50))})
    data.tables["contact_goals"] = {"contact_id": [a for a, _ in links], "goal_id": [b for _, b in links]}

    ratings: dict[str, list] = {k: [] for k in ("id", "taken_on", "score", *RATING_QUESTIONS)}
    for n in range(6):
        answers = [rng.random() < 0.3 + n * 0.1 for _ in RATING_QUESTIONS]
        ratings["id"].append(n + 1)
        ratings["taken_on"].append(start + timedelta(days=120 * n + 10))
        ratings["score"].append(sum(answers))
        for key, yes in zip(RATING_QUESTIONS, answers):
            ratings[key].append(yes)
    data.tables["ratings"] = ratings

    refs = [i for i, r in zip(c["id"], c["is_reference"]) if r][:8]
    steps = list(REFERENCE_STEPS)
    rs: dict[str, list] = {"contact_id": [], "step": [], "done_on": []}
    for person in refs:
        for step in steps[: rng.randint(1, len(steps))]:
            rs["contact_id"].append(person)
            rs["step"].append(step)
            rs["done_on"].append(today - timedelta(days=rng.randrange(1, 200)))
    data.tables["reference_steps"] = rs

    ledger: dict[str, list] = {
        k: [] for k in ("id", "contact_id", "happened_on", "direction", "kind", "weight", "note")
    }
    kinds = list(LEDGER_KINDS)
    for n in range(1, max(2, contacts // 6) + 1):
        ledger["id"].append(n)
        ledger["contact_id"].append(rng.choice(strong_ids) if strong_ids else 1)
        ledger["happened_on"].append(start + timedelta(days=rng.randrange(731)))
        ledger["direction"].append(rng.choice(["gave", "received"]))
        ledger["kind"].append(rng.choice(kinds))
        ledger["weight"].append(rng.randint(1, 5))
        ledger["note"].append("")
    data.tables["ledger"] = ledger
    return data
