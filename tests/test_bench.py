"""`workbook bench`: its table names every page and interaction with figures, and a missed target
fails the command. Behaviour only: the figures themselves live in docs/performance.md."""

from __future__ import annotations

import re
import socket
import tempfile
from pathlib import Path

import pytest

import bench.run
from bench.browser import BrowserFigures, free_port, nav_url_paths
from bench.pages import INTERACTIONS, PageTiming, Timing
from bench.run import NOTES_MARK, Report, add_interaction_table, add_page_table, add_server_table, write_markdown
from cli.main import main
from tests.conftest import PAGE_FILES
from ui.registry import PAGES

NUMBER = re.compile(r"^\d[\d,]*(\.\d+)?x?$")


def rows_of(table: str, first_cells: list[str]) -> dict[str, list[str]]:
    """The cells of the Markdown table rows whose first cell is one of ``first_cells``."""
    rows = {}
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells and cells[0] in first_cells:
            rows[cells[0]] = cells[1:]
    return rows


@pytest.fixture(scope="module")
def small_bench(tmp_path_factory):
    """One tiny bench run (no browser) with an impossible page target, through the command line."""
    output = tmp_path_factory.mktemp("bench") / "performance.md"
    scratch = tmp_path_factory.mktemp("bench-scratch")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tempfile, "tempdir", str(scratch))
        patch.setenv("WORKBOOK_PATH", str(output.with_suffix(".unused")))
        patch.setenv("WORKBOOK_MODE", "local")
        patch.setattr(bench.run, "TARGET_PAGE_MS", 0)
        code = main(
            [
                "bench",
                "--contacts",
                "150",
                "--runs",
                "1",
                "--import-rows",
                "150",
                "--skip-browser",
                "--output",
                str(output),
            ]
        )
    return code, output.read_text(), sorted(scratch.rglob("*.duckdb*"))


def test_the_bench_table_names_every_page_with_a_figure_in_every_cell(small_bench):
    _, table, _ = small_bench
    rows = rows_of(table, PAGE_FILES)
    assert list(rows) == PAGE_FILES
    for page, cells in rows.items():
        assert all(NUMBER.match(c) for c in cells[:7]), (page, cells)


def test_the_bench_table_names_every_interaction_with_a_figure_in_every_cell(small_bench):
    _, table, _ = small_bench
    names = [i.name for i in INTERACTIONS]
    rows = rows_of(table, names)
    assert sorted(rows) == sorted(names)
    for name, cells in rows.items():
        assert all(NUMBER.match(c) for c in cells[1:7]), (name, cells)


def test_the_bench_table_gives_the_import_time_and_the_machine(small_bench):
    _, table, _ = small_bench
    assert re.search(r"LinkedIn import, 150 rows: read \+ save \| \d+\.\d\d s", table)
    assert "Machine:" in table and "CPUs" in table
    assert "not run (--skip-browser)" in table


def test_a_missed_target_fails_the_bench_and_is_named(small_bench):
    code, table, _ = small_bench
    assert code == bench.run.MISSED
    assert "**NO**" in table
    assert re.search(r"Targets missed: page \w+\.py: \d+ ms median", table)


def fake(ms: float) -> Timing:
    return Timing((ms, ms, ms), (ms, ms, ms))


def test_figures_within_every_target_pass(monkeypatch):
    report = Report()
    pages = {page: PageTiming(fake(50), fake(100)) for page in PAGE_FILES}
    add_page_table(report, pages, pages)
    done = {i.name: fake(120) for i in INTERACTIONS}
    add_interaction_table(report, done, done)
    imported = {"read_s": 0.5, "save_s": 1.0, "total_s": 1.5, "reimport_s": 1.2}
    add_server_table(report, imported, 30_000, BrowserFigures(1.0, 2.5, 2.0, 250, 300, 5.0))
    assert report.missed == []
    assert "**NO**" not in "\n".join(report.lines)


def test_a_slow_import_cold_start_or_big_server_each_miss_a_target():
    report = Report()
    imported = {"read_s": 2.0, "save_s": 2.0, "total_s": 4.0, "reimport_s": 1.0}
    add_server_table(report, imported, 30_000, BrowserFigures(4.0, 6.0, 3.0, 450, 300, 5.0))
    assert [m.split(":")[0] for m in report.missed] == ["import", "cold start", "memory"]


def test_a_page_that_raised_is_shown_as_a_miss_not_a_figure():
    report = Report()
    pages = {"home.py": PageTiming(fake(50), fake(100))}
    add_page_table(report, pages, {"home.py": "home.py raised: boom"})
    assert report.missed == ["page home.py: home.py raised: boom"]
    assert "home.py raised: boom" in "\n".join(report.lines)


def test_the_browser_sessions_visit_every_page_the_router_lists_home_first():
    paths = nav_url_paths()
    assert paths[0] == ""
    assert "know_your_network" in paths and "maintain_your_network" in paths
    assert len(paths) == len(set(paths))


def test_each_part_of_the_bench_rewrites_its_own_section_and_keeps_the_others(tmp_path):
    path = tmp_path / "performance.md"
    write_markdown(path, "main figures")
    write_markdown(path, "workshop figures", "workshop")
    write_markdown(path, "growth figures", "growth")
    write_markdown(path, "newer workshop figures", "workshop")
    text = path.read_text()
    assert "main figures" in text and "growth figures" in text and "newer workshop figures" in text
    assert "\nworkshop figures" not in text
    assert text.index("main figures") < text.index("newer workshop figures") < text.index("growth figures")


def test_rewriting_the_figures_keeps_the_notes_written_by_hand(tmp_path):
    path = tmp_path / "performance.md"
    write_markdown(path, "old figures")
    path.write_text(path.read_text() + "\nThe home page spends its time in charts.\n")
    write_markdown(path, "new figures")
    text = path.read_text()
    assert "new figures" in text and "old figures" not in text
    assert text.count(NOTES_MARK) == 1
    assert text.endswith("The home page spends its time in charts.\n")


@pytest.mark.browser
def test_the_cold_start_is_timed_to_the_first_title_and_the_server_is_stopped_after(tmp_path, browser):
    from bench.browser import measure_cold_start

    ready, first_page, cpu = measure_cold_start(browser, tmp_path / "cold.duckdb")
    assert 0 < ready <= first_page
    assert cpu > 0
    # The server let go of the workbook: another program can open it now.
    from store import open_workbook

    open_workbook(tmp_path / "cold.duckdb").close()


def test_the_profile_of_a_page_names_the_page_and_its_cpu_time(capsys, monkeypatch, tmp_path):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.setenv("WORKBOOK_PATH", str(tmp_path / "unused.duckdb"))
    monkeypatch.setenv("WORKBOOK_MODE", "local")
    assert main(["bench", "--profile", "reach_out.py", "--contacts", "60"]) == 0
    printed = capsys.readouterr().out
    assert re.search(r"reach_out\.py on 60 contacts, the run after a write: \d+ ms of CPU", printed)
    assert "pages/reach_out.py" in printed
    assert list(scratch.rglob("*.duckdb*")) == [], "the profile's demo workbook was left behind"


def test_the_bench_removes_the_demo_workbooks_it_made(small_bench):
    # Each run made an empty and a demo workbook; left in /tmp, runs piled up tens of MB each.
    assert small_bench[2] == []


def test_profiling_something_that_is_not_a_page_names_the_pages_and_fails(capsys):
    assert main(["bench", "--profile", "nope.py", "--contacts", "10"]) == 2
    assert "nope.py is not a page; choose one of: home.py, know_your_network.py" in capsys.readouterr().err


# --- felt time, the workshop, growth ----------------------------------------------------------------


def felt_figures(floor_ms: float, page_ms: float, demo_ms: float | None):
    from bench.felt import FELT_INTERACTIONS, Felt, FeltFigures

    def book(ms: float) -> Felt:
        return Felt(
            pages={spec.title: fake(ms) for spec in PAGES},
            interactions={i.name: fake(ms) for i in FELT_INTERACTIONS},
        )

    return FeltFigures(fake(floor_ms), book(page_ms), book(demo_ms) if demo_ms is not None else None, (1.0, 1.0))


def test_felt_times_within_twice_the_floor_pass_and_each_row_gives_ms_and_the_ratio():
    from bench.run import add_felt_table

    report = Report()
    add_felt_table(report, felt_figures(150, 200, 250))
    assert report.missed == []
    rows = rows_of("\n".join(report.lines), ["open Home", "add a person", "log it on a person's card"])
    assert rows["open Home"][1:] == ["200", "200", "250", "250", "1.7x", "1.7x", "1.2x", "yes"]
    assert len(rows) == 3


def test_the_felt_table_says_what_a_trivial_apps_page_switch_costs_beside_the_floor():
    from bench.run import add_felt_table

    figures = felt_figures(60, 200, 250)
    figures.page_floor = fake(130)
    report = Report()
    add_felt_table(report, figures)
    assert "sidebar switch (bench/floor_pages_app.py) takes **median 130 ms, p95 130 ms** (2.2x the floor)" in (
        "\n".join(report.lines)
    )


def test_the_felt_table_says_what_each_row_a_page_draws_costs_in_streamlit_itself():
    from bench.run import add_felt_table

    figures = felt_figures(40, 200, 250)
    figures.rows_floor = {10: fake(70), 25: fake(115), 50: fake(190)}
    figures.list_floor = {50: fake(48)}
    report = Report()
    add_felt_table(report, figures)
    text = "\n".join(report.lines)
    assert "10 rows 70 ms (1.8x); 25 rows 115 ms (2.9x); 50 rows 190 ms (4.8x)" in text
    assert "about **3.0 ms a row**" in text
    assert (
        "The same 50 rows as one element, as the workbook draws its lists (ui/action_list.py): **48 ms** (1.2x)" in text
    )
    without = Report()
    add_felt_table(without, felt_figures(40, 200, 250))
    assert report.missed == without.missed  # what Streamlit spends is reported, not a target of the workbook's


def test_what_each_page_sends_says_how_long_the_same_frames_take_replayed_with_no_workbook():
    from bench.felt import Payload
    from bench.run import add_payload_table

    figures = felt_figures(40, 200, 300)
    home, reach = PAGES[0].title, PAGES[2].title
    figures.demo.payloads = {
        home: Payload(bytes=2048, messages=9, elements=5, dom_elements=4, replayed_elements=4),
        reach: Payload(bytes=1024, messages=7, elements=3, dom_elements=3, replayed_elements=3),
    }
    figures.replayed = {home: fake(240), reach: "Stuck: the page did not settle within 60 s"}
    report = Report()
    add_payload_table(report, figures)
    text = "\n".join(report.lines)
    rows = rows_of(text, [home, reach])
    assert rows[home][:2] == ["300", "240"] and rows[home][5] == "4 / 4"
    assert rows[reach][1] == "Stuck: the page did not settle within 60 s"  # a broken replay says why
    assert "Over these pages it is **80%** of the workbook's median" in text
    assert report.missed == []  # Streamlit's share is reported, not a target of the workbook's


def test_a_page_much_slower_than_the_floor_or_than_on_an_empty_workbook_misses_its_target():
    from bench.run import add_felt_table

    slow = Report()
    add_felt_table(slow, felt_figures(100, 150, 400))  # 4x the floor
    assert any(m.startswith("open Home: 400 ms median (4.0x)") for m in slow.missed)
    grown = Report()
    add_felt_table(grown, felt_figures(200, 100, 190))  # under 2x the floor, but 1.9x the empty workbook
    assert "open Home" in " ".join(grown.missed) and "add a person" not in " ".join(grown.missed)


def workshop(participants: int, p95_ms: float, errors: list[str] = (), peak_mb: float = 400):
    from bench.workshop import WorkshopFigures

    return WorkshopFigures(
        participants,
        60,
        participant_ms=[100.0] * 18 + [p95_ms] * 2,
        dashboard_ms=[200.0, 300.0],
        errors=list(errors),
        rss_start_mb=200,
        rss_end_mb=200 + 2 * participants,
        peak_mb=peak_mb,
    )


def test_the_workshop_table_names_the_knee_and_misses_on_errors_or_memory():
    from bench.run import workshop_table

    calm = workshop_table([workshop(10, 300), workshop(20, 1500)], workshop(60, 2500))
    text = "\n".join(calm.lines)
    assert "p95 passed 1 s): **20**" in text
    assert calm.missed == []
    assert rows_of(text, ["60"])["60"][-2] == "2.0"  # MB per participant
    broken = workshop_table([], workshop(60, 300, errors=["participant 3: connection lost"], peak_mb=1500))
    assert [m.split(": ", 1)[1] for m in broken.missed] == ["1 errors", "1500 MB"]
    assert "- participant 3: connection lost" in broken.lines
    past = workshop_table([workshop(150, 1500, errors=["participant 140: timed out"])], workshop(60, 400))
    text = "\n".join(past.lines)
    assert "p95 passed 1 s): **150**" in text  # a larger step finds a knee past the workshop's size
    assert past.missed == [] and "- participant 140: timed out" in past.lines  # reported, not a missed target


def test_the_growth_table_has_a_column_per_size_and_the_ratio():
    from bench.run import growth_table

    sizes = [1_000, 100_000]
    pages = {1_000: {"Home": fake(100)}, 100_000: {"Home": fake(250)}}
    lines = growth_table(sizes, pages, {1_000: 1.0, 100_000: 9.0}, (1.0, 2.0))
    assert rows_of("\n".join(lines), ["Home"])["Home"] == ["100", "250", "2.5x"]


@pytest.mark.browser
def test_felt_time_in_chromium_on_an_empty_workbook_two_pages_a_click_and_the_floor(tmp_path, browser):
    from bench.felt import FELT_INTERACTIONS, measure_felt
    from bench.run import add_felt_table
    from store import open_workbook
    from store.contacts import search_contacts

    adding = tuple(i for i in FELT_INTERACTIONS if i.name == "add a person")
    path = tmp_path / "felt.duckdb"
    felt = measure_felt(
        path, None, 1, pages=[PAGES[0], PAGES[1]], interactions=adding, floor_clicks=2, browser=browser, floor_rows=(3,)
    )
    assert len(felt.floor.runs) == 2 and min(felt.floor.runs) > 0
    for drawn in (felt.rows_floor, felt.list_floor):  # the rows as Streamlit's columns, then as one element
        assert list(drawn) == [3] and len(drawn[3].runs) == 2 and min(drawn[3].runs) > 0
    assert len(felt.page_floor.runs) == 2 and min(felt.page_floor.runs) > 0  # a switch the server answered
    for title in (PAGES[0].title, PAGES[1].title):
        timing = felt.empty.pages[title]
        assert isinstance(timing, Timing), timing  # a string says what went wrong
        assert min(timing.runs) > 0
        payload = felt.empty.payloads[title]
        assert payload.bytes > 0 and payload.elements > 0
        replayed = felt.replayed[title]  # the same frames, sent back by an app that does nothing else
        assert isinstance(replayed, Timing), replayed
        assert min(replayed.runs) > 0
        assert payload.replayed_elements == payload.dom_elements > 0  # it drew all the page drew
    added = felt.empty.interactions["add a person"]
    assert isinstance(added, Timing), added
    assert min(added.runs) > 0
    report = Report()
    add_felt_table(report, felt)
    assert rows_of("\n".join(report.lines), ["add a person"])["add a person"][1] == str(round(added.median))
    book = open_workbook(path)  # the clicks saved people in the workbook: a warm-up and one timed
    try:
        assert search_contacts(book, "Bench Person", limit=5)[1] == 2
    finally:
        book.close()


def test_a_three_person_workshop_joins_acts_and_the_dashboard_counts_them():
    from bench.workshop import run_workshop

    figures = run_workshop(3, 12, spread=1)
    assert figures.errors == []
    assert figures.actions["join the room"] == 3
    assert figures.participant_ms and min(figures.participant_ms) > 0
    assert figures.dashboard_ms and min(figures.dashboard_ms) > 0
    assert figures.dashboard_said.startswith("3 joined")
    assert figures.peak_mb > 0 and figures.rss_end_mb > 0


def test_a_workshop_participant_who_rates_twice_opens_the_quiz_again(tmp_path):
    """A saved rating opens tip 4's result; the protocol client must find its way back to the quiz, as a
    person does, or every second rating in a workshop counts as an error."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from bench.browser import Server
    from bench.client import Session
    from bench.workshop import WorkshopFigures, rate

    async def rate_twice(url: str) -> WorkshopFigures:
        figures = WorkshopFigures(1, 0)
        session = Session(url)
        await session.connect()
        try:
            await rate(session, 0, 0, figures)
            await rate(session, 0, 1, figures)
        finally:
            await session.close()
        return figures

    server = Server(tmp_path / "unused.duckdb", "shared")
    try:
        server.wait_ready()
        # In its own thread, as run_workshop does: an earlier test in this worker may leave a loop running.
        with ThreadPoolExecutor(1) as pool:
            figures = pool.submit(asyncio.run, rate_twice(server.url)).result()
    finally:
        server.stop()
    assert figures.errors == []
    assert (figures.actions["rate"], figures.actions["open the quiz"]) == (2, 1)


def test_a_server_is_given_a_port_the_kernel_never_hands_out_and_none_in_use():
    """A port the kernel hands out could go to the sign-in provider or a client connection before the
    server bound it, and the server exited with "Port ... is not available"."""
    low, high = map(int, Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split())
    first = free_port()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", first + 1))  # the next port along, as another server would hold it
        taken.listen()
        picked = [free_port() for _ in range(3)]
    assert first + 1 not in picked and len({first, *picked}) == 4
    assert not any(low <= port <= high for port in (first, *picked))
