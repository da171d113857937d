"""Names for comparison: accents and case aside, nicknames mapped to the formal first name."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# A small table: the nicknames people most often appear under in one source and not another.
NICKNAMES: dict[str, str] = {
    "bill": "william",
    "billy": "william",
    "will": "william",
    "liam": "william",
    "bob": "robert",
    "bobby": "robert",
    "rob": "robert",
    "robbie": "robert",
    "bert": "robert",
    "dick": "richard",
    "rick": "richard",
    "rich": "richard",
    "ricky": "richard",
    "jim": "james",
    "jimmy": "james",
    "jamie": "james",
    "mike": "michael",
    "mick": "michael",
    "mikey": "michael",
    "tom": "thomas",
    "tommy": "thomas",
    "tony": "anthony",
    "ant": "anthony",
    "chris": "christopher",
    "kit": "christopher",
    "dave": "david",
    "davy": "david",
    "dan": "daniel",
    "danny": "daniel",
    "joe": "joseph",
    "joey": "joseph",
    "jack": "john",
    "johnny": "john",
    "jon": "john",
    "ed": "edward",
    "eddie": "edward",
    "ted": "edward",
    "ned": "edward",
    "steve": "stephen",
    "steven": "stephen",
    "sam": "samuel",
    "sammy": "samuel",
    "ben": "benjamin",
    "benny": "benjamin",
    "matt": "matthew",
    "andy": "andrew",
    "drew": "andrew",
    "alex": "alexander",
    "sandy": "alexander",
    "nick": "nicholas",
    "greg": "gregory",
    "pete": "peter",
    "phil": "philip",
    "larry": "lawrence",
    "harry": "henry",
    "hank": "henry",
    "charlie": "charles",
    "chuck": "charles",
    "fred": "frederick",
    "freddie": "frederick",
    "ron": "ronald",
    "don": "donald",
    "ken": "kenneth",
    "jeff": "jeffrey",
    "josh": "joshua",
    "nate": "nathan",
    "tim": "timothy",
    "vince": "vincent",
    "liz": "elizabeth",
    "beth": "elizabeth",
    "betty": "elizabeth",
    "lizzie": "elizabeth",
    "eliza": "elizabeth",
    "kate": "katherine",
    "katie": "katherine",
    "kathy": "katherine",
    "cathy": "katherine",
    "catherine": "katherine",
    "kat": "katherine",
    "maggie": "margaret",
    "meg": "margaret",
    "peggy": "margaret",
    "jenny": "jennifer",
    "jen": "jennifer",
    "sue": "susan",
    "suzy": "susan",
    "patty": "patricia",
    "pat": "patricia",
    "trish": "patricia",
    "debbie": "deborah",
    "deb": "deborah",
    "becky": "rebecca",
    "becca": "rebecca",
    "mandy": "amanda",
    "abby": "abigail",
    "ally": "alexandra",
    "vicky": "victoria",
    "nell": "eleanor",
    "ellie": "eleanor",
    "annie": "anne",
    "ann": "anne",
    "anna": "anne",
    "jo": "josephine",
    "chrissy": "christine",
    "tina": "christina",
}

_NON_WORD = re.compile(r"[^\w]+")
_TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "jr", "sr", "ii", "iii", "phd", "md"}


def strip_accents(text: str) -> str:
    """'Seán Ó Briain' -> 'Sean O Briain'; scripts without accents are left as they are."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_tokens(name: str) -> list[str]:
    """Lower-case words of a name with accents, punctuation and titles removed."""
    plain = strip_accents(name).casefold().replace("'", "").replace("\u2019", "")
    return [word for word in _NON_WORD.split(plain) if word and word not in _TITLES]


@lru_cache(maxsize=65_536)
def canonical_name(name: str) -> str:
    """The name as compared: 'Bill  Smith' and 'William Smith' both give 'william smith'."""
    tokens = name_tokens(name)
    if tokens:
        tokens[0] = NICKNAMES.get(tokens[0], tokens[0])
    return " ".join(tokens)


@lru_cache(maxsize=65_536)
def canonical_company(company: str) -> str:
    """A company as compared: case, accents and legal suffixes aside."""
    suffixes = {"inc", "ltd", "llc", "plc", "gmbh", "co", "corp", "corporation", "limited", "sa", "ag"}
    return " ".join(t for t in name_tokens(company) if t not in suffixes)


def join_name(*parts: str) -> str:
    """Join name parts with single spaces, skipping blanks."""
    return " ".join(p.strip() for p in parts if p and p.strip())
