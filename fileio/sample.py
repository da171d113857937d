"""Generated address books of any size, for benchmarks and large-file tests."""

from __future__ import annotations

import random
from datetime import date, timedelta

_FIRST = [
    "Amara",
    "Ben",
    "Chloé",
    "Dana",
    "Émile",
    "Farid",
    "Grace",
    "Hiro",
    "Inès",
    "José",
    "Kofi",
    "Leïla",
    "Mateo",
    "Nadia",
    "Seán",
    "Zoë",
    "Priya",
    "Olu",
]
_LAST = [
    "Adeyemi",
    "Brennan",
    "Costa",
    "Dubois",
    "O'Connor",
    "Fischer",
    "García",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Núñez",
    "Wójcik",
    "Tanaka",
]
_COMPANIES = ["Acme Analytics", "Brightside Health", "Cobalt Logistics", "Dovetail, Ltd.", "Evergreen Bank", ""]
_ROLES = ["Data analyst", "Nurse", "Teacher", "Project manager", "Software engineer", "Recruiter"]
_PREAMBLE = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses are missing. '
    'You will only see email addresses for connections who have allowed their connections to see or download it."\r\n'
    "\r\n"
)


def make_linkedin_export(rows: int, seed: int = 1, today: date = date(2026, 1, 1)) -> bytes:
    """A LinkedIn Connections.csv with ``rows`` people: preamble, URLs, mostly empty emails."""
    rng = random.Random(seed)
    lines = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    for i in range(rows):
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        company = rng.choice(_COMPANIES)
        email = f"{first.lower()}.{i}@example.com" if rng.random() < 0.1 else ""
        connected = today - timedelta(days=rng.randrange(3650))
        company_cell = f'"{company}"' if "," in company else company
        lines.append(
            f"{first},{last},https://www.linkedin.com/in/member-{i},{email},{company_cell},"
            f"{rng.choice(_ROLES)},{connected:%d %b %Y}"
        )
    return (_PREAMBLE + "\r\n".join(lines) + "\r\n").encode("utf-8")
