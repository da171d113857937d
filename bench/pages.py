"""The benchmark's AppTest half: every page's full script run and the main interactions, timed."""

from __future__ import annotations

import hashlib
import os
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ui.registry import page_files as registry_page_files

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")

# Tip 4's tab with the five questions, and the key of its tabs (pages/rate_your_network.py): every
# bench that takes the quiz opens it first, since a saved rating opens the result's tab.
QUIZ_TAB, QUIZ_TAB_KEY = "Take the rating", "tip4_tab"


@dataclass(frozen=True)
class Timing:
    """Milliseconds of repeated runs of one thing, summarised."""

    runs: tuple[float, ...]
    cpu: tuple[float, ...] = ()  # CPU milliseconds of this process in the same runs: less swayed by a busy machine

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu) if self.cpu else float("nan")

    @property
    def p95(self) -> float:
        ordered = sorted(self.runs)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


@dataclass(frozen=True)
class PageTiming:
    """A page's warm rerun (nothing changed) and its run right after a write (every cache stale)."""

    warm: Timing
    after_write: Timing


@dataclass(frozen=True)
class Interaction:
    """A main thing a user does: which page, how to set it up once, and what one click is."""

    name: str
    page: str
    prepare: Callable  # (AppTest) -> None, run once before timing
    act: Callable  # (AppTest, i) -> None: set the widgets and click; the timed run processes it


def page_files() -> list[str]:
    """Every page file, in the registry's order."""
    return registry_page_files()


@contextmanager
def server_like_script_cache() -> Iterator[None]:
    """Keep compiled page scripts between AppTest runs, as the real server does until a file changes.

    AppTest compiles app.py and the page afresh on every run (10–20 ms a page), a cost the
    server does not pay; sharing one ScriptCache makes the figures the server's.
    """
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    saved = app_test.ScriptCache, local_script_runner.ScriptCache
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared
    try:
        yield
    finally:
        app_test.ScriptCache, local_script_runner.ScriptCache = saved


def use_workbook(path: Path) -> None:
    """Point the app (as AppTest runs it, in this process) at the workbook file ``path``."""
    os.environ["WORKBOOK_PATH"] = str(path)
    os.environ["WORKBOOK_MODE"] = "local"


def open_book(path: Path):
    """The very Workbook object the app's pages use for ``path`` in this process."""
    import ui.session

    return ui.session._open_local(str(path))


def release_book(path: Path) -> None:
    """Close the app's handle on ``path`` so another process (the server) can open the file."""
    import ui.session

    open_book(path).close()
    ui.session._open_local.clear()


def open_page(page: str):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    if page != "home.py":
        at.switch_page(f"pages/{page}")
        at.run()  # the first run of a page opens the workbook and fills caches
    _require_clean(at, page)
    return at


def _require_clean(at, what: str) -> None:
    if at.exception:
        raise RuntimeError(f"{what} raised: {at.exception[0].value}")


def _timed_run(at) -> tuple[float, float]:
    """Wall and CPU milliseconds of one full script run."""
    started, cpu = time.perf_counter(), time.process_time()
    at.run()
    return (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000


def _timing(pairs: list[tuple[float, float]]) -> Timing:
    return Timing(tuple(wall for wall, _ in pairs), tuple(cpu for _, cpu in pairs))


def time_page(path: Path, page: str, runs: int) -> PageTiming:
    """Time ``runs`` warm reruns of a page, then ``runs`` reruns each right after a write."""
    at = open_page(page)
    warm = [_timed_run(at) for _ in range(runs)]
    after_write = []
    for _ in range(runs):
        # What a save does to the caches: the data version moves on, so every cached result is stale.
        open_book(path).data_version += 1
        after_write.append(_timed_run(at))
    _require_clean(at, page)
    return PageTiming(_timing(warm), _timing(after_write))


def time_pages(path: Path, pages: list[str], runs: int) -> dict[str, PageTiming | str]:
    """Page file -> its timings (or, when it raised, what it raised), on the workbook at ``path``."""
    use_workbook(path)
    results: dict[str, PageTiming | str] = {}
    with server_like_script_cache():
        for page in pages:
            try:
                results[page] = time_page(path, page, runs)
            except RuntimeError as error:  # one broken page should not hide the figures of the others
                results[page] = str(error).splitlines()[0]
    return results


# --- the main interactions ---------------------------------------------------------------------

BENCH_CONTACT = "Bench Contact"


def _button(at, label: str):
    for button in at.button:
        if button.label == label:
            return button
    raise RuntimeError(f"no button labelled “{label}” on the page; has it been renamed?")


def _prepare_nothing(at) -> None:
    return None


def _act_add_person(at, i: int) -> None:
    # A name like no other: "Bench Person 0002" beside "Bench Person 0001" would stop at the duplicate check.
    at.text_input(key="new_name").set_value(
        "Bench Person " + hashlib.sha256(f"{i}-{time.time_ns()}".encode()).hexdigest()[:12]
    )
    _button(at, "Add person").click()


def _prepare_log(at) -> None:
    at.session_state["tip2_tab"] = "Outreach log"  # the page draws only its open tab (its TAB_KEY)
    at.run()
    at.text_input(key="log_person_search").set_value(BENCH_CONTACT).run()
    _require_clean(at, "reach_out.py")
    if not at.selectbox(key="log_person_pick").value:
        raise RuntimeError(f"searching “{BENCH_CONTACT}” on reach_out.py found nobody to log")


def _act_log(at, i: int) -> None:
    if i:  # the log form starts afresh after every save: pick the person again (not timed)
        _prepare_log(at)
    _button(at, "Log it").click()


def _act_quiz(at, i: int) -> None:
    from core.model import RATING_QUESTIONS

    if at.session_state[QUIZ_TAB_KEY] != QUIZ_TAB:  # a save opens the result's tab (not timed)
        at.session_state[QUIZ_TAB_KEY] = QUIZ_TAB
        at.run()
    for n, key in enumerate(RATING_QUESTIONS):
        at.radio(key=f"q_{key}").set_value((i + n) % 2 == 0)
    _button(at, "Save my rating").click()


INTERACTIONS = (
    Interaction("save a person", "know_your_network.py", _prepare_nothing, _act_add_person),
    Interaction("log an interaction", "reach_out.py", _prepare_log, _act_log),
    Interaction("take the quiz", "rate_your_network.py", _prepare_nothing, _act_quiz),
)


def ensure_bench_contact(path: Path) -> None:
    """Someone to log interactions with, even in an empty workbook."""
    from core.model import ContactDraft
    from store import contacts as people

    book = open_book(path)
    if not people.search_contacts(book, BENCH_CONTACT, limit=1)[1]:
        people.add_contact(book, ContactDraft(name=BENCH_CONTACT, circle="friends", tie="strong"))


def time_interaction(interaction: Interaction, runs: int) -> Timing:
    """Milliseconds of the run that processes each click (the save and the page's rerun after it)."""
    at = open_page(interaction.page)
    interaction.prepare(at)
    times = []
    for i in range(runs):
        interaction.act(at, i)
        times.append(_timed_run(at))
        _require_clean(at, f"{interaction.name} on {interaction.page}")
        if not at.success:
            shown = [e.value for e in (*at.error, *at.warning)]
            raise RuntimeError(f"{interaction.name} on {interaction.page} saved nothing: {shown}")
    return _timing(times)


def time_interactions(path: Path, runs: int) -> dict[str, Timing | str]:
    """Interaction name -> timing of the run that handles its click (or what went wrong)."""
    use_workbook(path)
    ensure_bench_contact(path)
    results: dict[str, Timing | str] = {}
    with server_like_script_cache():
        for interaction in INTERACTIONS:
            try:
                results[interaction.name] = time_interaction(interaction, runs)
            except RuntimeError as error:
                results[interaction.name] = str(error).splitlines()[0]
    return results
