"""A real PostgreSQL server for the tests, started from Debian's binaries in a temporary folder.

PostgreSQL refuses to run as root, and CI runs as root: there the server runs as the ``postgres``
user (made by Debian's package). It listens on 127.0.0.1 only, on a free port, with passwords
required (scram-sha-256), so a wrong password is refused as it would be on a real host.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.browser import free_port

ADMIN = "workbook_admin"


def find_bin_dir() -> Path | None:
    """The newest installed PostgreSQL's bin folder (Debian keeps them under /usr/lib/postgresql)."""
    explicit = os.environ.get("POSTGRES_BIN")
    if explicit and Path(explicit, "initdb").exists():
        return Path(explicit)
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    if versions:
        return versions[-1].parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


@dataclass
class PostgresServer:
    """A running server: its folder, port and the admin's password."""

    folder: Path
    port: int
    password: str
    bin_dir: Path
    run_as: str | None

    def url(self, database: str = "postgres", user: str = ADMIN, password: str | None = None) -> str:
        """A libpq URL for ``database`` as ``user``."""
        return f"postgresql://{user}:{password or self.password}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A new empty database; returns its URL for the admin."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        self.go_away()
        shutil.rmtree(self.folder, ignore_errors=True)

    def go_away(self) -> None:
        """Stop the server (its open sessions are cut, as when a host restarts) and keep its data."""
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop", check=False)

    def come_back(self) -> None:
        """Start the stopped server again on the same port, with the same data."""
        _pg_ctl_start(self.run_as, self.bin_dir, self.folder, self.port)
        _wait_until_up(self)

    def _run(self, program: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return _run_as(self.run_as, self.bin_dir / program, *args, check=check)


def _run_as(user: str | None, program: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    command = [str(program), *args]
    if user:
        command = ["runuser", "-u", user, "--", *command]
    return subprocess.run(command, capture_output=True, text=True, check=check, timeout=120)


def start_postgres() -> PostgresServer:
    """Initialise and start a private server; raises RuntimeError with the server's words if it cannot."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise RuntimeError("no PostgreSQL found (install Debian's postgresql, or set POSTGRES_BIN)")
    run_as = "postgres" if os.geteuid() == 0 else None
    folder = Path(tempfile.mkdtemp(prefix="workbook-pg-"))
    if run_as:
        user = pwd.getpwnam(run_as)
        os.chown(folder, user.pw_uid, user.pw_gid)
    password = secrets.token_hex(16)
    password_file = folder / "pw"
    password_file.write_text(password)
    if run_as:
        os.chown(password_file, user.pw_uid, user.pw_gid)
    data = folder / "data"
    _run_as(
        run_as,
        bin_dir / "initdb",
        "-D",
        str(data),
        "-U",
        ADMIN,
        f"--pwfile={password_file}",
        "--auth-local=scram-sha-256",
        "--auth-host=scram-sha-256",
        "-E",
        "UTF8",
        "--locale=C.UTF-8",
    )
    password_file.unlink()
    port = free_port()
    _pg_ctl_start(run_as, bin_dir, folder, port)
    server = PostgresServer(folder, port, password, bin_dir, run_as)
    _wait_until_up(server)
    return server


def _pg_ctl_start(run_as: str | None, bin_dir: Path, folder: Path, port: int) -> None:
    options = f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={folder} -c fsync=off"
    started = _run_as(
        run_as,
        bin_dir / "pg_ctl",
        "-D",
        str(folder / "data"),
        "-l",
        str(folder / "log"),
        "-o",
        options,
        "-w",
        "-t",
        "60",
        "start",
        check=False,
    )
    if started.returncode != 0:
        log = (folder / "log").read_text() if (folder / "log").exists() else started.stderr
        raise RuntimeError(f"PostgreSQL did not start:\n{log}")


def _wait_until_up(server: PostgresServer) -> None:
    import psycopg

    deadline = time.monotonic() + 30
    while True:
        try:
            psycopg.connect(server.url(), connect_timeout=2).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def serve_postgres(tests_not_run: str) -> Iterator[PostgresServer]:
    """A fixture's own running server, stopped afterwards; without PostgreSQL, fail under CI and skip elsewhere."""
    import pytest

    if find_bin_dir() is None:
        message = f"no PostgreSQL found (install Debian's postgresql): {tests_not_run} not run"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    running = start_postgres()
    try:
        yield running
    finally:
        running.stop()


def _pytest_fixture():
    import pytest

    @pytest.fixture(scope="module")
    def stoppable_postgres():
        """A server of the test module's own, to stop and start again: the other tests' connections stay."""
        yield from serve_postgres("outage tests")

    return stoppable_postgres


stoppable_postgres = _pytest_fixture()


def is_up(server: PostgresServer) -> bool:
    """True when the server answers."""
    import psycopg

    try:
        psycopg.connect(server.url(), connect_timeout=2).close()
        return True
    except psycopg.OperationalError:
        return False
