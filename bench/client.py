"""A small Streamlit client that speaks the browser's own protocol over the websocket.

It does what the browser does, without drawing anything: it connects to ``/_stcore/stream``, asks
for a script run with a ``BackMsg.rerun_script`` (the page, the query string and the widget
values), reads the ``ForwardMsg`` stream (new elements, the fragments' ``auto_rerun`` timers, the
address the app sets) and waits for ``script_finished``. Widgets are found by their visible label,
as a person finds them. It talks to 127.0.0.1 only.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.exceptions import ConnectionClosed

RUN_TIMEOUT_S = 60.0
LABELLED = {
    "button",
    "checkbox",
    "text_input",
    "text_area",
    "radio",
    "selectbox",
    "number_input",
    "date_input",
    "multiselect",
    "slider",
}
ERROR_FORMAT = 1  # Alert.Format.ERROR


class ProtocolError(RuntimeError):
    """The server did something a browser would show as a failure (or nothing at all)."""


@dataclass
class Widget:
    kind: str
    id: str
    label: str
    form_id: str = ""


@dataclass
class Page:
    """What the last full run drew: widgets by label, texts, errors shown."""

    widgets: dict[str, Widget] = field(default_factory=dict)
    tabs: dict[str, str] = field(default_factory=dict)  # a stateful tab's label -> its tab container's id
    texts: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class Session:
    """One browser tab's session on the server."""

    def __init__(self, base_url: str) -> None:
        parts = urlsplit(base_url)
        if parts.hostname != "127.0.0.1":
            raise ValueError("the bench's client talks to 127.0.0.1 only")
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.ws_url = f"ws://{parts.netloc}/_stcore/stream"
        self.ws = None
        self.page = Page()
        self.pages: dict[str, str] = {}  # url path -> page_script_hash (from the navigation message)
        self.current = ""  # url path of the page on show
        self.query = ""
        self.fragments: dict[str, float] = {}  # fragment id -> seconds between its automatic reruns
        self.received_bytes = 0
        self._finished: asyncio.Future | None = None
        self._reader: asyncio.Task | None = None
        self._fragment_run = False
        self._tab_container = ""

    async def connect(self) -> None:
        from websockets.asyncio.client import connect

        # No websocket-level pings: the browser sends none, and a busy server answering one late would
        # close the connection (the app's own heartbeat is not needed by the server to keep a session).
        self.ws = await connect(
            self.ws_url,
            subprotocols=["streamlit"],
            origin=self.origin,
            max_size=None,
            open_timeout=30,
            ping_interval=None,
        )
        self._reader = asyncio.create_task(self._read())

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
        if self.ws is not None:
            await self.ws.close()

    async def _read(self) -> None:
        try:
            async for data in self.ws:
                self.received_bytes += len(data)
                msg = ForwardMsg()
                msg.ParseFromString(data)
                self._handle(msg)
        except Exception as error:  # the connection died: whoever waits is told
            if self._finished is not None and not self._finished.done():
                self._finished.set_exception(ProtocolError(f"connection lost: {error}"))

    def _handle(self, msg: ForwardMsg) -> None:
        kind = msg.WhichOneof("type")
        if kind == "navigation":
            for page in msg.navigation.app_pages:
                self.pages[page.url_pathname] = page.page_script_hash
        elif kind == "page_info_changed":
            self.query = msg.page_info_changed.query_string
        elif kind == "auto_rerun":
            self.fragments[msg.auto_rerun.fragment_id] = msg.auto_rerun.interval
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            self._element(msg.delta.new_element)
        elif kind == "delta" and msg.delta.WhichOneof("type") == "add_block":
            self._block(msg.delta.add_block)
        elif kind == "session_event" and msg.session_event.WhichOneof("type") == "script_compilation_exception":
            self.page.errors.append("the script does not compile")
        elif kind == "script_finished":
            status = msg.script_finished
            if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                return  # another run follows (st.rerun, a newer click)
            if self._finished is not None and not self._finished.done():
                self._finished.set_result(status)

    def _element(self, element) -> None:
        what = element.WhichOneof("type")
        if what == "exception":
            self.page.errors.append(f"exception: {element.exception.message}")
        elif what == "alert":
            if element.alert.format == ERROR_FORMAT:
                self.page.errors.append(element.alert.body)
            self.page.texts.append(element.alert.body)
        elif what == "markdown":
            self.page.texts.append(element.markdown.body)
        elif what == "heading":
            self.page.texts.append(element.heading.body)
        if what in LABELLED or what == "checkbox":
            proto = getattr(element, what)
            if getattr(proto, "id", ""):
                self.page.widgets[proto.label] = Widget(what, proto.id, proto.label, getattr(proto, "form_id", ""))

    def _block(self, block) -> None:
        what = block.WhichOneof("type")
        if what == "tab_container":
            self._tab_container = block.tab_container.id  # "" when the tabs keep no state
        elif what == "tab" and self._tab_container:
            self.page.tabs[block.tab.label] = self._tab_container

    async def run(
        self, path: str | None = None, states: list[WidgetState] = (), query: str | None = None, fragment: str = ""
    ) -> float:
        """Ask for a run (of page ``path``, or the page on show) with these widget values; ms until it finished."""
        if path is not None and path != self.current:
            self.current, self.query = path, query if query is not None else ""
        elif query is not None:
            self.query = query
        back = BackMsg()
        client = back.rerun_script
        client.query_string = self.query
        client.page_name = self.current
        client.page_script_hash = self.pages.get(self.current, "")
        client.widget_states.widgets.extend(states)
        if fragment:
            client.fragment_id = fragment
            client.is_auto_rerun = True
        else:
            self.page = Page()  # a full run draws the page afresh
        loop = asyncio.get_running_loop()
        self._finished = loop.create_future()
        started = time.perf_counter()
        try:
            await self.ws.send(back.SerializeToString())
            await asyncio.wait_for(self._finished, RUN_TIMEOUT_S)
        except TimeoutError:
            raise ProtocolError(f"no script_finished within {RUN_TIMEOUT_S:.0f} s") from None
        except ConnectionClosed as error:
            raise ProtocolError(f"connection lost: {error}") from None
        return (time.perf_counter() - started) * 1000

    # --- widget values, found by label ------------------------------------------------------------

    def widget(self, label: str) -> Widget:
        found = self.page.widgets.get(label)
        if found is None:
            raise ProtocolError(f"no widget “{label}” on /{self.current} (has it been renamed?)")
        return found

    def text(self, label: str, value: str) -> WidgetState:
        return WidgetState(id=self.widget(label).id, string_value=value)

    def choice(self, label: str, option: str) -> WidgetState:
        return WidgetState(id=self.widget(label).id, string_value=option)

    def flag(self, label: str, value: bool) -> WidgetState:
        return WidgetState(id=self.widget(label).id, bool_value=value)

    def click(self, label: str) -> WidgetState:
        return WidgetState(id=self.widget(label).id, trigger_value=True)

    def tab(self, label: str) -> WidgetState:
        """Open the tab of this label (st.tabs with a key: only the open tab's widgets are drawn)."""
        found = self.page.tabs.get(label)
        if found is None:
            raise ProtocolError(f"no tab “{label}” on /{self.current} (has it been renamed?)")
        return WidgetState(id=found, string_value=label)

    def shows(self, words: str) -> bool:
        return any(words in text for text in self.page.texts)
