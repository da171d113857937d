"""A workshop on one server: a facilitator's dashboard and N participants, over Streamlit's own protocol.

The real server runs in shared mode (every participant gets a private workbook, as on the web).
One facilitator session opens a room and keeps its dashboard refreshing the way the browser does
(the fragments' ``auto_rerun`` timers, every 5 s); N participant sessions (bench/client.py) join
the room and, every 5 to 15 s, add a person on tip 1, take the rating quiz on tip 4 or share their
figures on the workshop page. Every script run is timed from the message sent to its
``script_finished``; anything a browser would show as a failure is an error. Bounded: each
participant acts at most ``MAX_ACTIONS`` times, each run waits at most a minute, the whole run at
most its duration plus two minutes, and only 127.0.0.1 is spoken to.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from bench.browser import Server
from bench.client import ProtocolError, Session
from bench.pages import QUIZ_TAB

MAX_ACTIONS = 200
KNEE_MS = 1000.0
JOIN_SPREAD_S = 10.0  # participants arrive over the first seconds, as people do when the code goes up


@dataclass
class WorkshopFigures:
    participants: int
    seconds: float
    participant_ms: list[float] = field(default_factory=list)
    dashboard_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    actions: Counter = field(default_factory=Counter)
    rss_start_mb: float = 0.0  # the server with the facilitator's room open, before anyone joins
    rss_end_mb: float = 0.0  # with every participant still connected
    peak_mb: float = 0.0
    load: tuple[float, float] = (0.0, 0.0)
    first_page_ms: float = 0.0
    dashboard_said: str = ""  # the dashboard's head count, as last shown ("3 joined, 2 shared. …")

    @property
    def per_participant_mb(self) -> float:
        return (self.rss_end_mb - self.rss_start_mb) / max(self.participants, 1)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summary(values: list[float]) -> tuple[float, float, float]:
    """p50, p95 and max."""
    if not values:
        return (float("nan"),) * 3
    return statistics.median(values), percentile(values, 0.95), max(values)


def _check(session: Session, what: str, figures: WorkshopFigures, expect: str | None = None) -> None:
    for error in session.page.errors:
        figures.errors.append(f"{what}: {error[:160]}")
    if expect and not session.shows(expect):
        figures.errors.append(f"{what}: the page did not say “{expect}”")


async def _timed(session: Session, figures: WorkshopFigures, what: str, expect: str | None = None, **run) -> None:
    figures.participant_ms.append(await session.run(**run))
    figures.actions[what] += 1
    _check(session, what, figures, expect)


async def add_person(s: Session, n: int, i: int, figures: WorkshopFigures) -> None:
    await _timed(s, figures, "open tip 1", path="know_your_network")
    name = f"Person {n:02d}-{i:03d}"
    states = [s.text("Name (required)", name), s.click("Add person")]
    await _timed(s, figures, "add a person", f"Added {name}", states=states)


async def rate(s: Session, n: int, i: int, figures: WorkshopFigures) -> None:
    from core.model import RATING_QUESTIONS

    await _timed(s, figures, "open tip 4", path="rate_your_network")
    quiz = s.tab(QUIZ_TAB)
    if next(iter(RATING_QUESTIONS.values())) not in s.page.widgets:  # a saved rating opened its result's tab
        await _timed(s, figures, "open the quiz", states=[quiz])
    answers = [s.choice(q, "Yes" if (n + i + k) % 3 else "No") for k, q in enumerate(RATING_QUESTIONS.values())]
    await _timed(s, figures, "rate", "Rating saved", states=[quiz, *answers, s.click("Save my rating")])


async def share(s: Session, code: str, figures: WorkshopFigures) -> None:
    await _timed(s, figures, "open the workshop page", path="workshop", query=f"room={code}")
    if not s.shows("Sharing. Your figures update"):
        toggle = s.flag("Share my figures with the room", True)
        await _timed(s, figures, "share", "Sharing. Your figures update", states=[toggle])


async def participant(
    url: str, code: str, n: int, until: float, figures: WorkshopFigures, rng: random.Random, spread: float
):
    await asyncio.sleep(rng.uniform(0, spread))
    session = Session(url)
    try:
        await session.connect()
        await _timed(session, figures, "open the join link", path="workshop", query=f"room={code}")
        nickname = s_nick(n)
        states = [session.text("Nickname (optional)", nickname), session.click("Join the room")]
        await _timed(session, figures, "join the room", f"You joined room {code}", states=states)
        for i in range(MAX_ACTIONS):
            pause = rng.uniform(5, 15)
            if time.monotonic() + pause >= until:
                break
            await asyncio.sleep(pause)
            action = rng.choice(("add", "add", "rate", "share"))
            if action == "add":
                await add_person(session, n, i, figures)
            elif action == "rate":
                await rate(session, n, i, figures)
            else:
                await share(session, code, figures)
        # Stay connected until the end: the memory is measured with everyone still in the room.
        await asyncio.sleep(max(0.0, until - time.monotonic()))
    except (ProtocolError, OSError, TimeoutError) as error:
        figures.errors.append(f"participant {n}: {error}")
    return session


def s_nick(n: int) -> str:
    return f"P{n:02d}"


async def refresh(session: Session, fragments: list[str], figures: WorkshopFigures) -> None:
    """One automatic refresh of the dashboard's fragments, as the browser's timers send it."""
    for fragment in fragments:
        figures.dashboard_ms.append(await session.run(fragment=fragment))
        _check(session, "the dashboard's refresh", figures)
        said = [t for t in session.page.texts if " joined, " in t]
        figures.dashboard_said = said[-1] if said else figures.dashboard_said


def refreshing_fragments(session: Session) -> list[str]:
    return [f for f, seconds in session.fragments.items() if seconds <= 10]


async def facilitator(url: str, until: float, figures: WorkshopFigures, opened: asyncio.Future) -> Session:
    session = Session(url)
    try:
        await session.connect()
        figures.first_page_ms = await session.run(path="facilitator")  # the server's first page: imports, not load
        figures.dashboard_ms.append(await session.run(states=[session.click("Open a room")]))
        _check(session, "open a room", figures)
        code = dict(p.split("=", 1) for p in session.query.split("&") if "=" in p).get("room")
        if not code:
            raise ProtocolError("opening a room put no room code in the address")
        opened.set_result(code)
        refreshing = refreshing_fragments(session)
        if not refreshing:
            raise ProtocolError("the dashboard has no fragment refreshing by itself")
        interval = min(session.fragments[f] for f in refreshing)
        for _ in range(MAX_ACTIONS * 3):
            next_at = time.monotonic() + interval
            if next_at >= until:
                break
            await asyncio.sleep(max(0.0, next_at - time.monotonic()))
            await refresh(session, refreshing, figures)
    except (ProtocolError, OSError, TimeoutError) as error:
        figures.errors.append(f"facilitator: {error}")
        if not opened.done():
            opened.set_exception(error)
    return session


async def _workshop(
    server: Server, participants: int, seconds: float, figures: WorkshopFigures, seed: int, spread: float
) -> None:
    loop = asyncio.get_running_loop()
    opened: asyncio.Future = loop.create_future()
    until = time.monotonic() + seconds
    sampling = True

    async def sample() -> None:
        while sampling:
            figures.peak_mb = max(figures.peak_mb, server.memory_mb("VmRSS"))
            await asyncio.sleep(1)

    sampler = asyncio.create_task(sample())
    host = asyncio.create_task(facilitator(server.url, until, figures, opened))
    try:
        code = await asyncio.wait_for(opened, 120)
    except Exception as error:
        figures.errors.append(f"no room to join: {error}")
        sampling = False
        await sampler
        await (await host).close()
        return
    figures.rss_start_mb = server.memory_mb("VmRSS")
    rng = random.Random(seed)
    people = [
        asyncio.create_task(participant(server.url, code, n, until, figures, random.Random(rng.random()), spread))
        for n in range(participants)
    ]
    sessions = await asyncio.gather(*people)
    figures.rss_end_mb = server.memory_mb("VmRSS")
    host_session = await host
    try:  # a last look at the dashboard with everyone in: what the room sees at the end
        await refresh(host_session, refreshing_fragments(host_session), figures)
    except (ProtocolError, OSError, TimeoutError) as error:
        figures.errors.append(f"facilitator: {error}")
    sampling = False
    await sampler
    for session in [*sessions, host_session]:
        if session.ws is not None:
            await session.close()
    figures.peak_mb = max(figures.peak_mb, server.memory_mb("VmHWM"))


def run_workshop(participants: int, seconds: float, seed: int = 7, spread: float = JOIN_SPREAD_S) -> WorkshopFigures:
    """One workshop of ``participants`` on a fresh shared-mode server for ``seconds``."""
    import os

    figures = WorkshopFigures(participants, seconds)
    start_load = os.getloadavg()[0]
    server = Server(Path(tempfile.gettempdir()) / "workshop-unused.duckdb", "shared")
    try:
        server.wait_ready()
        workshop = _workshop(server, participants, seconds, figures, seed, spread)
        # Its own thread and event loop: the caller may be running one already (Playwright's, in a test).
        with ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, asyncio.wait_for(workshop, seconds + 150)).result()
    except TimeoutError:
        figures.errors.append(f"the workshop did not end within {seconds + 150:.0f} s")
    except Exception as error:  # counted, so the other sizes still report
        figures.errors.append(f"the workshop broke off: {error!r}"[:300])
    finally:
        server.stop()
    figures.load = (start_load, os.getloadavg()[0])
    return figures


def knee(steps: list[WorkshopFigures]) -> int | None:
    """The fewest participants at which the participants' p95 passed a second (None: it never did)."""
    for figures in sorted(steps, key=lambda f: f.participants):
        if percentile(figures.participant_ms, 0.95) > KNEE_MS:
            return figures.participants
    return None
