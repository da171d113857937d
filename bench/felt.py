"""Felt time: the real server in headless Chromium, timed from a click until the page has settled.

Every page is reached by a click in the sidebar and every main interaction by a click on its
button, on an empty workbook and on the demo; a trivial app's button click (bench/floor_app.py) is
the floor no page can beat on this machine, and every figure is also given as a ratio to it.

"Settled" is the one rule in bench/browser.py (the first run has drawn; no running icon, no
skeleton, nothing reconnecting or stale) and, when the click sent the server a message, the server's "script finished"
after it; the moment is read in the page itself, frame by frame (requestAnimationFrame), and
confirmed by a quiet spell with no new message, so the figure is not rounded up to a sleep.

The frames of one switch to each page are kept, and the same switches are timed again with those
frames sent back by an app that does nothing else (bench/replay_app.py): how much of a page's time
is the browser drawing what the page draws.

Each interaction is a small function that finds its widgets by their visible labels: when a
label changes, the one function to fix is named in the table.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from bench.browser import BUSY_SELECTOR, CHROMIUM_ARGS, DRAWN_SELECTOR, ROOT, Server, find_chromium, open_expander
from bench.pages import QUIZ_TAB, Timing
from ui.followthrough import THANK_LABEL
from ui.registry import PAGES, PageSpec

FLOOR_APP = ROOT / "bench" / "floor_app.py"
PAGE_FLOOR_APP = ROOT / "bench" / "floor_pages_app.py"
REPLAY_APP = ROOT / "bench" / "replay_app.py"
MAIN_ELEMENTS = '[data-testid="stMain"] [data-testid="stElementContainer"]'
SETTLE_MS = 300  # a quiet spell that confirms the page has settled (not counted in the figure)
TIMEOUT_MS = 60_000
BENCH_CONTACT = "Bench Contact"
HELPERS = "Bench Helper"  # people who helped and wait for a thank-you, one per timed thank
SCRIPT_FINISHED_FIELD = 6  # ForwardMsg.script_finished (streamlit/proto/ForwardMsg.proto)

# Counts what the page's websocket sends and receives, and when; the last input (pointer or key).
INIT_SCRIPT = """(() => {
  const B = window.__bench = {input: 0, sent: 0, sentAt: 0, recv: 0, bytes: 0, finished: 0};
  const FIELD = SCRIPT_FINISHED_FIELD;
  function finishes(buffer) {  // does this ForwardMsg carry script_finished? (its top-level fields)
    const b = new Uint8Array(buffer); let i = 0;
    const varint = () => { let r = 0, s = 1, x; do { x = b[i++]; r += (x & 0x7f) * s; s *= 128; }
                           while ((x & 0x80) && i < b.length); return r; };
    while (i < b.length) {
      const tag = varint(), f = Math.floor(tag / 8), w = tag & 7;
      if (f === FIELD) return true;
      if (w === 0) varint(); else if (w === 2) { const n = varint(); i += n; } else if (w === 1) i += 8;
      else if (w === 5) i += 4; else return false;
    }
    return false;
  }
  const Native = window.WebSocket;
  function Counted(...args) {
    const ws = new Native(...args);
    const send = ws.send.bind(ws);
    ws.send = (data) => { B.sent++; B.sentAt = performance.now(); return send(data); };
    ws.addEventListener('message', (e) => {
      B.recv++;
      if (e.data instanceof ArrayBuffer) { B.bytes += e.data.byteLength; if (finishes(e.data)) B.finished++; }
    });
    return ws;
  }
  Counted.prototype = Native.prototype;
  for (const k of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) Counted[k] = Native[k];
  window.WebSocket = Counted;
  for (const type of ['pointerdown', 'keydown'])
    document.addEventListener(type, () => { window.__bench.input = performance.now(); }, true);
})();""".replace("SCRIPT_FINISHED_FIELD", str(SCRIPT_FINISHED_FIELD))

MARK_SCRIPT = """() => { const B = window.__bench; B.input = 0; B.sentAt = 0;
  return {finished: B.finished, sent: B.sent, bytes: B.bytes}; }"""

# Resolves with the ms from the input (or, without one, the first message sent) to the first frame
# at which the page was idle and the run had finished, once nothing has changed for `settle` ms.
WAIT_SCRIPT = """async ({mark, settle, timeout, busy, drawn}) => {
  const B = window.__bench, began = performance.now();
  const idle = () => !!document.querySelector(drawn) && !document.querySelector(busy);
  return await new Promise((resolve) => {
    let reached = null, seen = B.recv;
    const step = () => {
      const now = performance.now();
      const start = B.input || B.sentAt || began;
      const ran = B.sent > mark.sent;
      const done = idle() && (ran ? B.finished > mark.finished : now - start > 150);
      if (!done || B.recv !== seen) { reached = done ? now : null; seen = B.recv; }
      else if (reached === null) reached = now;
      if (reached !== null && now - reached >= settle)
        return resolve({ms: reached - start, bytes: B.bytes - mark.bytes, ran});
      if (now - began > timeout) return resolve({ms: -1, bytes: B.bytes - mark.bytes, ran});
      if (document.hidden) setTimeout(step, 4); else requestAnimationFrame(step);
    };
    step();
  });
}"""


class Stuck(RuntimeError):
    """A click that never settled, or a widget that was not there."""


# --- what a page sends: decoded from the websocket's frames ----------------------------------------


@dataclass
class Payload:
    """What the server sent the browser for one page view."""

    bytes: int = 0
    messages: int = 0
    elements: int = 0  # new elements in deltas (the page's widgets, texts, charts, tables)
    widgets: int = 0
    cached: int = 0  # messages the browser already had (sent as a reference only)
    dataframe_rows: int = 0
    dataframe_bytes: int = 0
    chart_spec_bytes: int = 0
    chart_rows: int = 0
    chart_data_bytes: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    dom_elements: int = 0  # element containers in the page once it settled
    replayed_elements: int = 0  # the same, with the page replayed (bench/replay_app.py)
    frames: list[bytes] = field(default_factory=list, repr=False)  # as received, for bench/replay_app.py

    def biggest(self) -> str:
        """The three most frequent element kinds, e.g. 'markdown 40, button 12, columns 6'."""
        top = sorted(self.kinds.items(), key=lambda kv: -kv[1])[:3]
        return ", ".join(f"{k} {n}" for k, n in top)


WIDGETS = {
    "button",
    "checkbox",
    "date_input",
    "download_button",
    "multiselect",
    "number_input",
    "radio",
    "selectbox",
    "slider",
    "text_area",
    "text_input",
    "button_group",
    "file_uploader",
    "page_link",
}


def _arrow_rows(data: bytes) -> int:
    if not data:
        return 0
    import pyarrow as pa

    try:
        return pa.ipc.open_stream(pa.py_buffer(data)).read_all().num_rows
    except (pa.ArrowInvalid, OSError):
        return 0


def add_frame(payload: Payload, frame: bytes | str) -> None:
    """Count one ForwardMsg the browser received into ``payload``."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    data = frame.encode() if isinstance(frame, str) else frame
    payload.frames.append(data)
    payload.bytes += len(data)
    payload.messages += 1
    msg = ForwardMsg()
    try:
        msg.ParseFromString(data)
    except Exception:  # not ours to judge: count its bytes only
        return
    kind = msg.WhichOneof("type")
    if kind == "ref_hash":
        payload.cached += 1
        return
    if kind != "delta" or msg.delta.WhichOneof("type") != "new_element":
        return
    element = msg.delta.new_element
    what = element.WhichOneof("type") or "?"
    payload.elements += 1
    payload.kinds[what] = payload.kinds.get(what, 0) + 1
    if what in WIDGETS:
        payload.widgets += 1
    if what == "dataframe":
        table = element.dataframe.arrow_data
        payload.dataframe_bytes += len(table.data)
        payload.dataframe_rows += _arrow_rows(table.data)
    elif what == "vega_lite_chart":
        chart = element.vega_lite_chart
        payload.chart_spec_bytes += len(chart.spec)
        for dataset in [chart.data, *(d.data for d in chart.datasets)]:
            payload.chart_data_bytes += len(dataset.data)
            payload.chart_rows += _arrow_rows(dataset.data)


# --- driving the page ------------------------------------------------------------------------------


@dataclass
class Driver:
    """One browser page on one server, with the timing script in it."""

    page: object
    url: str
    recording: Payload | None = None

    def start(self, path: str = "") -> None:
        self.page.on("websocket", self._watch)
        self.page.goto(f"{self.url}/{path}")
        self.page.wait_for_selector('[data-testid="stApp"]', state="attached", timeout=TIMEOUT_MS)
        self.settle({"finished": 0, "sent": 0, "bytes": 0})  # the first run, asked for on connecting

    def _watch(self, ws) -> None:
        ws.on("framereceived", self._received)

    def _received(self, frame) -> None:
        if self.recording is not None:
            add_frame(self.recording, frame)

    def mark(self) -> dict:
        return self.page.evaluate(MARK_SCRIPT)

    def settle(self, mark: dict, need_run: bool = True) -> float:
        """Ms from the click to the settled page (see WAIT_SCRIPT)."""
        result = self.page.evaluate(
            WAIT_SCRIPT,
            {"mark": mark, "settle": SETTLE_MS, "timeout": TIMEOUT_MS, "busy": BUSY_SELECTOR, "drawn": DRAWN_SELECTOR},
        )
        if result["ms"] < 0:
            raise Stuck(f"the page did not settle within {TIMEOUT_MS // 1000} s")
        if need_run and not result["ran"]:
            raise Stuck("the click asked the server for nothing")
        return result["ms"]

    def timed(self, click: Callable[[], None], need_run: bool = True) -> float:
        """Ms from ``click`` (a pointer or key press) until the page has settled."""
        mark = self.mark()
        click()
        return self.settle(mark, need_run)

    def untimed(self, action: Callable[[], None]) -> None:
        self.timed(action, need_run=False)


def nav_link(page, spec: PageSpec):
    return page.locator('[data-testid="stSidebarNav"] a', has_text=spec.title).first


def go(driver: Driver, key: str) -> None:
    spec = next(s for s in PAGES if s.key == key)
    link = nav_link(driver.page, spec)
    driver.untimed(lambda: link.click())


def _button(driver: Driver, name: str, first: bool = True):
    located = driver.page.get_by_role("button", name=name, exact=True)
    if located.count() == 0:
        raise Stuck(f"no button “{name}”")
    return located.first if first else located


def _tab(driver: Driver, name: str) -> None:
    tab = driver.page.get_by_role("tab", name=name, exact=True)
    if tab.count() == 0:
        raise Stuck(f"no tab “{name}”")
    if tab.get_attribute("aria-selected") != "true":
        driver.untimed(lambda: tab.click())


def _search(driver: Driver, label: str, text: str) -> None:
    box = driver.page.get_by_label(label, exact=True)
    if box.count() == 0:
        raise Stuck(f"no box “{label}”")
    if box.input_value() == text:
        return
    box.fill(text)
    driver.untimed(lambda: box.press("Enter"))


# --- the main interactions: each prepares its page (untimed), then one timed click ---------------


def add_person(driver: Driver, i: int) -> float:
    go(driver, "know")
    _tab(driver, "Add people")
    # A name like no other (the duplicate check would stop "Bench Person 2" beside "Bench Person 1" to ask).
    _search(
        driver, "Name (required)", "Bench Person " + hashlib.sha256(f"{i}-{time.time_ns()}".encode()).hexdigest()[:12]
    )
    return driver.timed(lambda: _button(driver, "Add person").click())


def log_interaction(driver: Driver, i: int) -> float:
    go(driver, "reach")
    _tab(driver, "Outreach log")
    _search(driver, "Who did you contact?", BENCH_CONTACT)
    return driver.timed(lambda: _button(driver, "Log it").click())


def _ask_box(driver: Driver):
    """The composer's person search, emptied: the next Enter picks a person afresh."""
    go(driver, "relationships")
    _tab(driver, "Compose an ask")
    box = driver.page.get_by_label("Who are you asking?", exact=True)
    box.fill("")
    driver.untimed(lambda: box.press("Enter"))
    box.fill(BENCH_CONTACT)
    return box


def compose_ask(driver: Driver, i: int) -> float:
    box = _ask_box(driver)
    return driver.timed(lambda: box.press("Enter"))  # the draft is written for the person found


def save_ask(driver: Driver, i: int) -> float:
    # Picked afresh: after a save the composer starts over, though the search box still shows the name.
    box = _ask_box(driver)
    driver.untimed(lambda: box.press("Enter"))
    return driver.timed(lambda: _button(driver, "Save and log this ask").click())


def thank(driver: Driver, i: int) -> float:
    go(driver, "relationships")
    _tab(driver, "Thank and report back")
    return driver.timed(lambda: _button(driver, THANK_LABEL).click())


def take_quiz(driver: Driver, i: int) -> float:
    from core.model import RATING_QUESTIONS

    go(driver, "rate")
    _tab(driver, QUIZ_TAB)  # a save opens the result's tab
    for n, question in enumerate(RATING_QUESTIONS.values()):
        group = driver.page.get_by_role("radiogroup", name=question)
        if group.count() == 0:
            raise Stuck(f"no question “{question}”")
        group.get_by_text("Yes" if (i + n) % 2 == 0 else "No", exact=True).click()
    return driver.timed(lambda: _button(driver, "Save my rating").click())


def mark_ties(driver: Driver, i: int) -> float:
    go(driver, "ties")
    _tab(driver, "Mark ties")
    _search(driver, "Search name, company, role or email", BENCH_CONTACT)
    choice = driver.page.get_by_role("radiogroup", name="Mark as").get_by_text(
        "Strong tie" if i % 2 else "Weak tie", exact=True
    )
    if choice.count() == 0:
        raise Stuck("no “Mark as” choice")
    driver.untimed(lambda: choice.click())
    expander = re.compile(r"^Mark all .* who match at once$")
    if driver.page.get_by_text(expander).count() == 0:
        raise Stuck("no “Mark all … who match at once”")
    driver.untimed(lambda: open_expander(driver.page, expander))
    confirm = driver.page.get_by_text(re.compile(r"^Yes, change all"))
    driver.untimed(lambda: confirm.first.click())
    return driver.timed(lambda: _button(driver, "Mark everyone who matches").click())


def open_card(driver: Driver, i: int) -> float:
    go(driver, "maintain")
    _tab(driver, "Who to contact next")
    return driver.timed(lambda: _button(driver, "Open card").click())


def log_on_card(driver: Driver, i: int) -> float:
    go(driver, "maintain")
    _tab(driver, "Who to contact next")
    driver.untimed(lambda: _button(driver, "Open card").click())
    return driver.timed(lambda: _button(driver, "Log it").click())


def switch_tab(driver: Driver, i: int) -> float:
    go(driver, "maintain")
    _tab(driver, "Who to contact next")
    tab = driver.page.get_by_role("tab", name="Weekly schedule", exact=True)
    return driver.timed(lambda: tab.click(), need_run=False)


@dataclass(frozen=True)
class FeltInteraction:
    name: str
    page: str  # the page's key in ui/registry
    run: Callable[[Driver, int], float]  # (driver, i) -> ms of its one timed click


FELT_INTERACTIONS: tuple[FeltInteraction, ...] = (
    FeltInteraction("add a person", "know", add_person),
    FeltInteraction("log an interaction", "reach", log_interaction),
    FeltInteraction("compose an ask (draft for a person)", "relationships", compose_ask),
    FeltInteraction("save an ask", "relationships", save_ask),
    FeltInteraction("thank someone", "relationships", thank),
    FeltInteraction("take the quiz", "rate", take_quiz),
    FeltInteraction("mark ties", "ties", mark_ties),
    FeltInteraction("open a person's card", "maintain", open_card),
    FeltInteraction("log it on a person's card", "maintain", log_on_card),
    FeltInteraction("switch tabs", "maintain", switch_tab),
)


# --- the runs -------------------------------------------------------------------------------------


def seed(path: Path, helpers: int) -> None:
    """Someone to log with, write to and open (last spoken to 400 days ago), and ``helpers`` people owed thanks."""
    from core.model import TARGET_KINDS, ContactDraft
    from store import open_workbook
    from store.contacts import add_contact, search_contacts, update_contact
    from store.goals import add_goal, list_goals
    from store.interactions import log_interaction as log

    book = open_workbook(path)
    today = date.today()
    try:
        if search_contacts(book, HELPERS, limit=1)[1]:
            return  # seeded already
        bench = add_contact(book, ContactDraft(name=BENCH_CONTACT, circle="friends", tie="strong"))
        # Someone you do not know well gets the ask at once; a friend would get the catch-up step first.
        update_contact(book, bench, familiarity="professional")
        if not list_goals(book, TARGET_KINDS):  # an ask with no target gets "send anyway?", not saved
            add_goal(book, "role", "Data analyst in a hospital")
        log(book, bench, today - timedelta(days=400), "catch_up", channel="email", today=today)
        for n in range(helpers):
            helper = add_contact(book, ContactDraft(name=f"{HELPERS} {n:03d}", circle="friends"))
            log(book, helper, today - timedelta(days=20), "help_received", channel="email", today=today)
    finally:
        book.close()


@dataclass
class Felt:
    """One workbook's felt times: pages by title, interactions by name (a Timing, or what went wrong)."""

    pages: dict[str, Timing | str] = field(default_factory=dict)
    interactions: dict[str, Timing | str] = field(default_factory=dict)
    payloads: dict[str, Payload] = field(default_factory=dict)


@dataclass
class FeltFigures:
    floor: Timing
    empty: Felt
    demo: Felt | None
    load: tuple[float, float] = (0.0, 0.0)  # load average at the start and at the end
    page_floor: Timing | None = None  # a trivial two-page app's page switch: Streamlit's own share
    rows_floor: dict[int, Timing] = field(default_factory=dict)  # the floor drawing that many rows too
    list_floor: dict[int, Timing] = field(default_factory=dict)  # the same rows as one element (ui/action_list.py)
    replayed: dict[str, Timing | str] = field(default_factory=dict)  # each page's recording, with no workbook

    @property
    def interaction_pages(self) -> dict[str, str]:
        """Interaction name -> the title of its page, in the order they ran."""
        titles = {s.key: s.title for s in PAGES}
        return {i.name: titles[i.page] for i in FELT_INTERACTIONS if i.name in self.empty.interactions}


def _launch(p):
    chromium = find_chromium()
    if chromium is None:
        raise RuntimeError("no Chromium found (set CHROMIUM_PATH or install Debian's chromium)")
    return p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)


def _driver(browser, url: str) -> tuple[object, Driver]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(INIT_SCRIPT)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    driver = Driver(page, url)
    return context, driver


def time_floor(browser, clicks: int, rows: int = 0, as_list: bool = False) -> Timing:
    """The floor app's button click; with ``rows``, drawing that many rows below it (see bench/floor_app.py).

    ``as_list``: the rows as one element, as the workbook draws its lists (ui/action_list.py)."""
    unused = Path(tempfile.gettempdir()) / "floor-unused.duckdb"
    env = {"FLOOR_ROWS": str(rows), "FLOOR_ROWS_AS": "list" if as_list else "columns"}
    server = Server(unused, "local", app=FLOOR_APP, extra_env=env)
    try:
        server.wait_ready()
        context, driver = _driver(browser, server.url)
        driver.start()
        if rows and driver.page.get_by_role("button", name=f"Row {rows}", exact=True).count() != 1:
            raise Stuck(f"the floor did not draw its {rows} rows")
        button = driver.page.get_by_role("button", name="Click")
        driver.timed(lambda: button.click())  # warm-up
        times = [driver.timed(lambda: button.click()) for _ in range(clicks)]
        context.close()
    finally:
        server.stop()
    return Timing(tuple(times))


def time_page_floor(browser, switches: int) -> Timing:
    """A trivial two-page app's sidebar switches, back and forth: what a page change costs in Streamlit."""
    server = Server(Path(tempfile.gettempdir()) / "floor-unused.duckdb", "local", app=PAGE_FLOOR_APP)
    try:
        server.wait_ready()
        context, driver = _driver(browser, server.url)
        driver.start()
        links = [driver.page.locator('[data-testid="stSidebarNav"] a', has_text=t).first for t in ("Second", "First")]
        driver.timed(lambda: links[0].click())  # warm-up, and now on the second page
        times = [driver.timed(lambda link=links[(i + 1) % 2]: link.click()) for i in range(switches)]
        context.close()
    finally:
        server.stop()
    return Timing(tuple(times))


def time_replayed(browser, payloads: dict[str, Payload], runs: int) -> dict[str, Timing | str]:
    """The recorded pages replayed (bench/replay_app.py), switched to as ``time_workbook`` switches to them.

    Titles map to timings, or to what went wrong; each page's element containers, once settled, are
    counted into its payload's ``replayed_elements`` to show the replay drew what the workbook did."""
    recorded = {
        "pages": [
            {
                "title": spec.title,
                "icon": spec.icon,
                "section": spec.section,
                "url_path": spec.url_path,
                "frames": [base64.b64encode(f).decode() for f in payloads[spec.title].frames]
                if spec.title in payloads
                else [],
            }
            for spec in PAGES
        ]
    }
    with tempfile.TemporaryDirectory() as folder:
        replay_file = Path(folder) / "replay.json"
        replay_file.write_text(json.dumps(recorded), encoding="utf-8")
        unused = Path(folder) / "unused.duckdb"
        server = Server(unused, "local", app=REPLAY_APP, extra_env={"REPLAY_FILE": str(replay_file)})
        try:
            server.wait_ready()
            context, driver = _driver(browser, server.url)
            driver.start()

            def count_drawn(spec: PageSpec) -> None:
                payloads[spec.title].replayed_elements = driver.page.locator(MAIN_ELEMENTS).count()

            pages = [spec for spec in PAGES if spec.title in payloads]
            replayed = _time_switches(driver, pages, runs, after_first_visit=count_drawn)
            context.close()
        finally:
            server.stop()
    return replayed


def time_workbook(
    browser,
    path: Path,
    runs: int,
    pages: list[PageSpec] | None = None,
    interactions: tuple[FeltInteraction, ...] = FELT_INTERACTIONS,
    record: bool = False,
    mode: str = "local",
) -> Felt:
    """Every page by a sidebar click, ``runs`` rounds, then each interaction ``runs`` times."""
    felt = Felt()
    pages = list(PAGES) if pages is None else pages
    server = Server(path, mode)
    try:
        server.wait_ready()
        context, driver = _driver(browser, server.url)
        driver.start()
        felt.pages = _time_switches(driver, pages, runs, payloads=felt.payloads if record else None)
        for interaction in interactions:
            felt.interactions[interaction.name] = _time_interaction(driver, interaction, runs)
        context.close()
    finally:
        server.stop()
    return felt


def _time_switches(
    driver: Driver,
    pages: list[PageSpec],
    runs: int,
    payloads: dict[str, Payload] | None = None,
    after_first_visit: Callable[[PageSpec], None] | None = None,
) -> dict[str, Timing | str]:
    """Each page by a sidebar click, in order: a first visit (not timed), then ``runs`` timed rounds.

    Titles map to timings, or to what went wrong. ``payloads``: what the first timed round of
    switches received, by title. ``after_first_visit``: called with each page once it is drawn."""
    times: dict[str, list[float]] = {spec.title: [] for spec in pages}
    broken: dict[str, str] = {}
    for spec in pages:  # a first visit of each page: imports and caches, not timed
        _visit(driver, spec, broken)
        if after_first_visit is not None:
            after_first_visit(spec)
    for round_ in range(runs):
        for spec in pages:
            if spec.title in broken:
                continue
            if payloads is not None and round_ == 0:
                driver.recording = payloads.setdefault(spec.title, Payload())
            try:
                times[spec.title].append(_visit(driver, spec, broken, timed=True))
            finally:
                if driver.recording is not None:
                    driver.recording.dom_elements = driver.page.locator(MAIN_ELEMENTS).count()
                driver.recording = None
    return {spec.title: broken.get(spec.title) or Timing(tuple(times[spec.title])) for spec in pages}


def _away(driver: Driver, spec: PageSpec) -> None:
    """Be on some other page than ``spec``, so the click on its link switches pages."""
    other = PAGES[1] if spec.key == PAGES[0].key else PAGES[0]
    go(driver, other.key)


def _visit(driver: Driver, spec: PageSpec, broken: dict[str, str], timed: bool = False) -> float:
    try:
        if driver.page.url.rstrip("/").endswith("/" + spec.url_path) if spec.url_path else False:
            _away(driver, spec)
        link = nav_link(driver.page, spec)
        ms = driver.timed(lambda: link.click())
        if driver.page.locator('[data-testid="stException"]').count():
            raise Stuck("the page shows an exception")
        return ms
    except Exception as error:  # one broken page must not hide the figures of the others
        broken[spec.title] = f"{type(error).__name__}: {str(error).splitlines()[0][:120]}"
        return float("nan")


def _time_interaction(driver: Driver, interaction: FeltInteraction, runs: int) -> Timing | str:
    try:
        interaction.run(driver, -1)  # warm-up
        times = [interaction.run(driver, i) for i in range(runs)]
        if driver.page.locator('[data-testid="stException"]').count():
            return f"the page shows an exception (bench.felt.{interaction.run.__name__})"
        return Timing(tuple(times))
    except Exception as error:
        first = str(error).splitlines()[0][:120] if str(error) else type(error).__name__
        return f"{first} (fix bench.felt.{interaction.run.__name__})"


def measure_felt(
    empty_path: Path,
    demo_path: Path | None,
    runs: int,
    record: bool = True,
    pages: list[PageSpec] | None = None,
    interactions: tuple[FeltInteraction, ...] = FELT_INTERACTIONS,
    floor_clicks: int | None = None,
    browser=None,
    floor_rows: tuple[int, ...] = (),
) -> FeltFigures:
    """The floor, then the empty workbook, then the demo (both seeded with the people the clicks need).

    ``browser``: a launched Playwright Chromium to use (a test's); else one is launched here.
    ``floor_rows``: also time the floor drawing each of these numbers of rows."""
    import os

    load_start = os.getloadavg()[0]
    for path in (empty_path, demo_path):
        if path is not None:
            seed(path, helpers=runs + 2)

    def measure(browser) -> FeltFigures:
        clicks = floor_clicks or max(10, 2 * runs)
        floor = time_floor(browser, clicks)
        page_floor = time_page_floor(browser, clicks)
        rows_floor = {rows: time_floor(browser, clicks, rows) for rows in floor_rows}
        list_floor = {rows: time_floor(browser, clicks, rows, as_list=True) for rows in floor_rows[-1:]}
        empty = time_workbook(browser, empty_path, runs, pages, interactions, record=record and not demo_path)
        demo = time_workbook(browser, demo_path, runs, pages, interactions, record=record) if demo_path else None
        recorded = (demo or empty).payloads
        replayed = time_replayed(browser, recorded, runs) if recorded else {}
        load = (load_start, os.getloadavg()[0])
        return FeltFigures(floor, empty, demo, load, page_floor, rows_floor, list_floor, replayed)

    if browser is not None:
        return measure(browser)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = _launch(p)
        try:
            return measure(launched)
        finally:
            launched.close()
