"""Row readers for the CSV layouts we know: LinkedIn, Google (new and old), Outlook, any CSV."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from core.model import ContactDraft
from core.names import canonical_company, canonical_name, join_name

MULTI_VALUE = " ::: "  # Google puts several values in one cell with this separator

# The headers that usually hold each field a person can be given from a column.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("name", "full name", "fullname", "display name", "contact name", "contact", "person", "who"),
    "first_name": ("first name", "firstname", "given name", "first", "forename", "vorname", "prénom"),
    "last_name": ("last name", "lastname", "surname", "family name", "last", "nachname"),
    "email": ("email", "e-mail", "email address", "e-mail address", "mail", "e-mail 1 - value"),
    "phone": ("phone", "telephone", "mobile", "mobile phone", "cell", "phone number", "tel"),
    "company": ("company", "organization", "organisation", "employer", "organization name", "org"),
    "role": ("role", "title", "job title", "position", "job", "organization title", "occupation"),
    "notes": ("notes", "note", "comments", "comment", "description"),
}

# Google labels (and old "Group Membership") that say which circle a person belongs to.
LABEL_CIRCLES: dict[str, str] = {
    "family": "family",
    "friends": "friends",
    "friend": "friends",
    "coworkers": "former_jobs",
    "co-workers": "former_jobs",
    "colleagues": "former_jobs",
    "work": "former_jobs",
    "school": "school",
    "college": "school",
    "university": "school",
    "alumni": "school",
    "classmates": "school",
    "neighbours": "neighbours",
    "neighbors": "neighbours",
    "church": "faith_civic",
    "volunteering": "faith_civic",
    "gym": "gym",
    "sport": "gym",
    "sports": "gym",
    "club": "gym",
}

RowReader = Callable[[Mapping[str, str]], "ContactDraft | str"]


def lower_header(fields: list[str]) -> set[str]:
    """The header names, lower-cased, for recognising a layout."""
    return {f.strip().lower() for f in fields}


def is_linkedin_header(fields: list[str]) -> bool:
    """LinkedIn's Connections.csv header (with or without URL and Email Address)."""
    names = lower_header(fields)
    return {"first name", "last name", "connected on"} <= names or {"first name", "last name", "position"} <= names


def is_google_header(fields: list[str]) -> bool:
    """Google Contacts' header, in the current layout or the older one."""
    names = lower_header(fields)
    new = "first name" in names and bool({"organization name", "labels", "e-mail 1 - value"} & names)
    old = {"given name", "family name"} <= names or ("name" in names and "group membership" in names)
    return new or old


def is_outlook_header(fields: list[str]) -> bool:
    """Outlook's contacts export header."""
    names = lower_header(fields)
    return "first name" in names and bool({"e-mail address", "job title", "business phone"} & names)


def guess_mapping(header: list[str] | tuple[str, ...]) -> dict[str, str]:
    """The column most likely to hold each field (only fields with a matching header)."""
    by_lower = {h.strip().lower(): h for h in header}
    mapping = {}
    for field, names in SYNONYMS.items():
        for name in names:
            if name in by_lower and by_lower[name] not in mapping.values():
                mapping[field] = by_lower[name]
                break
    return mapping


def has_name_column(mapping: Mapping[str, str]) -> bool:
    """True when the mapping names a full-name, first-name or last-name column."""
    return bool(mapping.get("name") or mapping.get("first_name") or mapping.get("last_name"))


def first_value(cell: str) -> str:
    """The first of several values Google packs into one cell."""
    return cell.split(MULTI_VALUE)[0].strip() if cell else ""


def fallback_key(name: str, email: str, company: str) -> str:
    """A stable key when the source has no id of its own: the email, else the name and company."""
    if email:
        return f"email:{email.lower()}"
    return f"name:{canonical_name(name)}|{canonical_company(company)}"


def read_linkedin_row(row: Mapping[str, str]) -> ContactDraft | str:
    """A LinkedIn connection as a person (online, weak tie), or why the row is skipped."""
    name = join_name(row.get("First Name", ""), row.get("Last Name", ""))
    if not name:
        return "no first or last name (LinkedIn hides some members' names)"
    url = row.get("URL", "").strip().rstrip("/")
    email = row.get("Email Address", "").strip()
    company = row.get("Company", "").strip()
    connected = row.get("Connected On", "").strip()
    key = f"url:{url.lower()}" if url else f"name:{canonical_name(name)}|{connected.lower()}"
    notes = f"Connected on LinkedIn on {connected}." if connected else ""
    return ContactDraft(
        name=name,
        email=email,
        company=company,
        role=row.get("Position", "").strip(),
        notes=notes,
        circle="online",
        tie="weak",
        source="linkedin",
        source_key=key,
    )


def read_google_row(row: Mapping[str, str]) -> ContactDraft | str:
    """A Google contact as a person (circle from its labels), or why the row is skipped."""
    name = join_name(
        row.get("First Name", "") or row.get("Given Name", ""),
        row.get("Middle Name", "") or row.get("Additional Name", ""),
        row.get("Last Name", "") or row.get("Family Name", ""),
    )
    name = name or row.get("Name", "").strip() or row.get("Nickname", "").strip() or row.get("File As", "").strip()
    if not name:
        return "no name (only a company, phone or email); add a name in Google Contacts first"
    email = first_value(row.get("E-mail 1 - Value", ""))
    company = first_value(row.get("Organization Name", "") or row.get("Organization 1 - Name", ""))
    role = first_value(row.get("Organization Title", "") or row.get("Organization 1 - Title", ""))
    labels = row.get("Labels", "") or row.get("Group Membership", "")
    return ContactDraft(
        name=name,
        email=email,
        phone=first_value(row.get("Phone 1 - Value", "")),
        company=company,
        role=role,
        notes=row.get("Notes", "").strip(),
        circle=circle_from_labels(labels),
        tie="weak",
        source="google",
        source_key=fallback_key(name, email, company),
    )


def circle_from_labels(labels: str) -> str:
    """The circle named by the first Google label we recognise, else 'friends'."""
    for label in labels.split(MULTI_VALUE):
        circle = LABEL_CIRCLES.get(label.strip().lstrip("*").strip().lower())
        if circle:
            return circle
    return "friends"


def read_outlook_row(row: Mapping[str, str]) -> ContactDraft | str:
    """An Outlook contact as a person, or why the row is skipped."""
    name = join_name(row.get("First Name", ""), row.get("Middle Name", ""), row.get("Last Name", ""))
    if not name:
        return "no first or last name; add a name in Outlook first"
    email = row.get("E-mail Address", "").strip()
    phone = next(
        (row[c].strip() for c in ("Mobile Phone", "Business Phone", "Home Phone") if row.get(c, "").strip()), ""
    )
    company = row.get("Company", "").strip()
    return ContactDraft(
        name=name,
        email=email,
        phone=phone,
        company=company,
        role=row.get("Job Title", "").strip(),
        notes=row.get("Notes", "").strip(),
        circle="friends",
        tie="weak",
        source="outlook",
        source_key=fallback_key(name, email, company),
    )


def make_mapped_reader(mapping: Mapping[str, str], source: str = "csv") -> RowReader:
    """A row reader for any CSV, given which column holds which field."""

    def read_row(row: Mapping[str, str]) -> ContactDraft | str:
        def cell(field: str) -> str:
            column = mapping.get(field)
            return row.get(column, "").strip() if column else ""

        name = cell("name") or join_name(cell("first_name"), cell("last_name"))
        if not name:
            return "the name column is empty on this row"
        email, company = first_value(cell("email")), cell("company")
        return ContactDraft(
            name=name,
            email=email,
            phone=first_value(cell("phone")),
            company=company,
            role=cell("role"),
            notes=cell("notes"),
            circle="friends",
            tie="weak",
            source=source,
            source_key=fallback_key(name, email, company),
        )

    return read_row
