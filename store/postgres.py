"""Workbooks on a PostgreSQL server: the durable store for accounts, shared by every app server.

One database holds every account. The URL the app is given (``WORKBOOK_DATABASE_URL``) is the
database's owner: with it the app runs the migrations once, under an advisory lock (several servers
may start at once), and makes a second role for itself that owns nothing and can change no policy.
Every query then runs through that role, in a transaction whose session names one account with a
signed token (see ``store.schema_postgres.SESSION_OWNER``): row-level security keeps every other
account's rows out of sight, whatever the SQL says.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import threading
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from datetime import datetime
from functools import lru_cache
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

import psycopg
from psycopg import sql as pgsql
from psycopg_pool import ConnectionPool, PoolClosed, PoolTimeout

from core.errors import InvalidInput, WorkbookError, WorkbookTooNew, WorkbookUnavailable
from store.contacts import fill_name_keys
from store.engine import ColumnSpec, Reader, Workbook
from store.schema import APPLICATION_ID
from store.schema_postgres import LATEST_VERSION, MIGRATIONS, OWNED_TABLES, PRIVATE, READ_INDEXES, SCHEMA

OWNER_ID = re.compile(r"^[A-Za-z0-9_.@+-]{1,128}$")
CONNECT_TIMEOUT_S = 5
MIGRATION_LOCK = 0x6A6E77  # "jnw": one advisory lock number for this app's migrations
POOL_SIZE = 10


class DatabaseUnavailable(WorkbookUnavailable):
    """The database server could not be reached, or refused the app's credentials; nothing was saved."""


def describe_connection_error(error: Exception, host: str) -> str:
    """One line for the user: what went wrong with the database and what to do."""
    text = str(error).lower()
    if "password authentication failed" in text or "authentication failed" in text:
        return (
            f"The database at {host} refused the user name or password in the database URL; "
            "check WORKBOOK_DATABASE_URL (or the database_url secret)."
        )
    if "does not exist" in text and "database" in text:
        return f"The database named in the database URL does not exist on {host}; create it or fix the URL."
    return (
        f"The database at {host} cannot be reached ({str(error).splitlines()[0].strip()}); "
        "check that it is running and that the database URL is right, then try again."
    )


@lru_cache(maxsize=512)
def to_pyformat(statement: str) -> str:
    """A query written with ``?`` parameters in psycopg's form: ``%s``, with literal ``%`` doubled.

    Text inside single quotes is left as it is (a '?' in a string literal is not a parameter).
    """
    parts = re.split(r"('(?:[^']|'')*')", statement)
    for index in range(0, len(parts), 2):
        parts[index] = parts[index].replace("%", "%%").replace("?", "%s")
    return "".join(parts)


def _bound(statement: str, params: Sequence[Any]) -> tuple[str, list | None]:
    """The statement and parameters as psycopg takes them (without parameters, % is not an escape)."""
    return (to_pyformat(statement), list(params)) if params else (statement, None)


def _rows(connection: psycopg.Connection, statement: str, params: Sequence[Any]) -> tuple[list[str], list[tuple]]:
    cursor = connection.execute(*_bound(statement, params))
    return [d.name for d in cursor.description or ()], cursor.fetchall()


def _host(url: str) -> str:
    parts = urlsplit(url)
    return parts.hostname or "localhost"


def _with_credentials(url: str, user: str, password: str) -> str:
    parts = urlsplit(url)
    netloc = f"{quote(user, safe='')}:{quote(password, safe='')}@{parts.hostname}"
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def _connection_lost(error: psycopg.OperationalError) -> bool:
    """True when the error is the server going away (or not answering), not a refused statement."""
    if isinstance(error, (PoolTimeout, PoolClosed)):
        return True
    connection_errors = (psycopg.errors.AdminShutdown, psycopg.errors.CrashShutdown, psycopg.errors.CannotConnectNow)
    return isinstance(error, connection_errors) or getattr(error, "sqlstate", None) is None


def _translate(error: Exception) -> Exception:
    """psycopg's errors as the store's: a refused value, or a database that is not there."""
    if isinstance(error, psycopg.errors.IntegrityError):
        detail = (getattr(error.diag, "message_primary", None) or str(error)).splitlines()[0]
        return InvalidInput(f"The workbook refused that change ({detail}).")
    if isinstance(error, psycopg.errors.RaiseException):
        return InvalidInput(f"The database refused that ({error.diag.message_primary}).")
    if isinstance(error, psycopg.errors.InsufficientPrivilege):
        return InvalidInput("The database refused that: the app's role is not allowed to do it.")
    return error


def server_version(url: str) -> str:
    """The PostgreSQL server's version ("15.18"); DatabaseUnavailable in one line when it cannot be reached."""
    try:
        with psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT_S) as connection:
            return connection.execute("SHOW server_version").fetchone()[0].split()[0]
    except psycopg.OperationalError as error:
        raise DatabaseUnavailable(describe_connection_error(error, _host(url))) from None


def vacuum_tables(url: str) -> None:
    """Vacuum every table of the app's schema and gather the planner's statistics now (as the owner of ``url``).

    Autovacuum does both within a minute or so of a bulk load (PostgreSQL 13 and later vacuum after
    inserts too); the bench does not wait for it. Until a table is vacuumed, a read that an index could
    answer alone still visits the table's rows."""
    with psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S) as connection:
        tables = connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = %s ORDER BY 1", [SCHEMA]
        ).fetchall()
        connection.execute(f"VACUUM (ANALYZE) {', '.join(f'{SCHEMA}.{name}' for (name,) in tables)}")


class PostgresDatabase:
    """The app's handle on one PostgreSQL database: migrations done, a pool of the app role's connections."""

    def __init__(self, url: str, *, pool_size: int = POOL_SIZE) -> None:
        self.url = url
        self.host = _host(url)
        self._secret = self._prepare(url)
        role, password = self._app_role(url)
        self._app_url = _with_credentials(url, role, password)
        self._pool_size = pool_size
        self._pool_lock = threading.Lock()
        self._down = False  # set when the server went away; the next session checks whether it is back
        self.closed = False
        self._pool = self._new_pool()

    def _new_pool(self) -> ConnectionPool:
        pool = ConnectionPool(
            self._app_url,
            min_size=1,
            max_size=self._pool_size,
            kwargs={"autocommit": True, "connect_timeout": CONNECT_TIMEOUT_S},
            configure=self._configure,
            timeout=CONNECT_TIMEOUT_S * 2,
            open=False,
            name="workbook",
        )
        try:
            pool.open(wait=True, timeout=CONNECT_TIMEOUT_S * 2)
        except PoolTimeout as error:
            pool.close()
            raise DatabaseUnavailable(describe_connection_error(error, self.host)) from None
        return pool

    # --- setting up (as the database's owner) --------------------------------------------------

    def _admin(self) -> psycopg.Connection:
        try:
            return psycopg.connect(self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
        except psycopg.OperationalError as error:
            raise DatabaseUnavailable(describe_connection_error(error, self.host)) from None

    def _prepare(self, url: str) -> str:
        """Migrate (once, whichever server gets there first) and return the session-signing secret."""
        with self._admin() as admin:
            admin.execute("SELECT pg_advisory_lock(%s)", [MIGRATION_LOCK])
            try:
                admin.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
                admin.execute(f"CREATE SCHEMA IF NOT EXISTS {PRIVATE}")
                admin.execute(f"REVOKE ALL ON SCHEMA {PRIVATE} FROM PUBLIC")
                admin.execute(f"SET search_path TO {SCHEMA}")
                admin.execute(f"CREATE TABLE IF NOT EXISTS {SCHEMA}.meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                version = self._version(admin)
                if version > LATEST_VERSION:
                    raise WorkbookTooNew(
                        f"The database was set up by a newer version of the app (schema {version}, this app "
                        f"reads up to {LATEST_VERSION}); upgrade every server of the app to the same version."
                    )
                for number in range(version + 1, LATEST_VERSION + 1):
                    with admin.transaction():
                        admin.execute(MIGRATIONS[number - 1])
                        if number == 1:
                            admin.execute(f"INSERT INTO {PRIVATE}.secret VALUES (%s)", [secrets.token_hex(32)])
                        admin.execute(
                            "INSERT INTO meta VALUES ('application', %s), ('schema_version', %s) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                            [APPLICATION_ID, str(number)],
                        )
                for index in READ_INDEXES:
                    admin.execute(index)
                return admin.execute(f"SELECT value FROM {PRIVATE}.secret").fetchone()[0]
            finally:
                admin.execute("SELECT pg_advisory_unlock(%s)", [MIGRATION_LOCK])

    @staticmethod
    def _version(admin: psycopg.Connection) -> int:
        rows = dict(admin.execute("SELECT key, value FROM meta").fetchall())
        if rows and rows.get("application") != APPLICATION_ID:
            raise WorkbookError(
                "The database's 'workbook' schema belongs to another program; give the app a database of its own."
            )
        try:
            return int(rows.get("schema_version", "0"))
        except ValueError:
            raise WorkbookError(
                "The database's schema version is unreadable; restore the database from a backup."
            ) from None

    def _app_role(self, url: str) -> tuple[str, str]:
        """The role the app's queries run as: it owns nothing, so it can neither see past nor change the policies."""
        database = urlsplit(url).path.lstrip("/") or "postgres"
        role = "wb_app_" + hashlib.sha256(database.encode()).hexdigest()[:12]
        password = hmac.new(self._secret.encode(), b"app role password", hashlib.sha256).hexdigest()
        name = pgsql.Identifier(role)
        with self._admin() as admin:
            admin.execute("SELECT pg_advisory_lock(%s)", [MIGRATION_LOCK])
            try:
                exists = admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role]).fetchone()
                try:
                    verb = "ALTER" if exists else "CREATE"
                    admin.execute(
                        pgsql.SQL(verb + " ROLE {} LOGIN NOINHERIT NOCREATEDB NOCREATEROLE PASSWORD {}").format(
                            name, pgsql.Literal(password)
                        )
                    )
                except psycopg.errors.InsufficientPrivilege:
                    raise WorkbookError(
                        "The database user in the database URL may not create roles; the app needs that once, to "
                        "make the restricted role its queries run as. Use the database's owner (with CREATEROLE)."
                    ) from None
                grants = [
                    "GRANT CONNECT ON DATABASE {db} TO {role}",
                    f"GRANT USAGE ON SCHEMA {SCHEMA} TO {{role}}",
                    f"GRANT USAGE ON SCHEMA {PRIVATE} TO {{role}}",
                    f"GRANT EXECUTE ON FUNCTION {PRIVATE}.session_owner() TO {{role}}",
                    f"GRANT EXECUTE ON FUNCTION {PRIVATE}.advance_sequence(text, bigint) TO {{role}}",
                    f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {SCHEMA} TO {{role}}",
                    f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {SCHEMA} TO {{role}}",
                    f"REVOKE ALL ON TABLE {SCHEMA}.meta FROM {{role}}",
                    f"GRANT SELECT ON TABLE {SCHEMA}.meta TO {{role}}",
                ]
                for grant in grants:
                    admin.execute(pgsql.SQL(grant).format(db=pgsql.Identifier(database), role=name))
            finally:
                admin.execute("SELECT pg_advisory_unlock(%s)", [MIGRATION_LOCK])
        return role, password

    @staticmethod
    def _configure(connection: psycopg.Connection) -> None:
        offset = datetime.now().astimezone().utcoffset()
        minutes = int(offset.total_seconds() // 60) if offset else 0
        connection.execute(f"SET search_path TO {SCHEMA}")
        # current_timestamp lands in TIMESTAMP columns in the app's local time, as DuckDB does.
        connection.execute(f"SET TIME ZONE INTERVAL '{minutes // 60:+03d}:{abs(minutes) % 60:02d}' HOUR TO MINUTE")

    # --- serving accounts -----------------------------------------------------------------------

    def session_token(self, owner: str) -> str:
        """The signed token that opens ``owner``'s rows (and no one else's) for one transaction."""
        signature = hashlib.sha256(f"{self._secret}:{owner}:{self._secret}".encode()).hexdigest()
        return f"{owner}:{signature}"

    @contextmanager
    def session(self, owner: str, *, snapshot: bool = False) -> Iterator[psycopg.Connection]:
        """A connection inside a transaction opened for ``owner``; with ``snapshot``, one that reads the
        account as it stood when the transaction began, whatever commits meanwhile."""
        token = self.session_token(owner)

        def begin(connection: psycopg.Connection) -> None:
            if snapshot:
                connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            connection.execute("SELECT set_config('workbook.session', %s, true)", [token])

        with self._transaction(begin) as connection:
            yield connection

    @contextmanager
    def shared_connection(self) -> Iterator[psycopg.Connection]:
        """A connection in a transaction of its own, for the tables every account shares (the rooms)."""
        with self._transaction(lambda c: c.execute("SELECT 1")) as connection:
            yield connection

    @contextmanager
    def _transaction(self, begin) -> Iterator[psycopg.Connection]:
        """One transaction on a pooled connection, ``begin`` its first statement.

        The server may have gone away (and maybe come back) since the connection was last used: if the
        first statement fails that way, nothing has happened yet, so it is tried once more on a fresh
        pool. Once the caller has begun, a lost connection is DatabaseUnavailable and the transaction is
        gone as a whole (the server rolls back what it never committed).
        """
        for attempt in (1, 2):
            began = False
            try:
                with self._live_pool().connection() as connection, connection.transaction():
                    begin(connection)
                    began = True
                    yield connection
                return
            except psycopg.OperationalError as error:  # PoolTimeout and PoolClosed are OperationalErrors
                if not _connection_lost(error):
                    raise DatabaseUnavailable(describe_connection_error(error, self.host)) from None
                self._down = True
                if began or attempt == 2:
                    raise DatabaseUnavailable(describe_connection_error(error, self.host)) from None
            except psycopg.Error as error:
                translated = _translate(error)
                if translated is error:
                    raise
                raise translated from None

    def _live_pool(self) -> ConnectionPool:
        """The pool; after the server went away, a new one once a quick try shows the server is back.

        A new pool, not the old: the old one's reconnection backs off for a minute or more, and every
        visitor would wait on it. While the server stays away each session fails after one quick try
        (refused at once, or CONNECT_TIMEOUT_S for a host that does not answer), not the pool's timeout.
        """
        if self.closed:
            raise DatabaseUnavailable("The app's connection to the database is closed; reload the page.")
        if not self._down:
            return self._pool
        try:
            psycopg.connect(self._app_url, connect_timeout=CONNECT_TIMEOUT_S).close()
        except psycopg.OperationalError as error:
            raise DatabaseUnavailable(describe_connection_error(error, self.host)) from None
        with self._pool_lock:
            if not self._down:  # another thread found the server back first
                return self._pool
            old, self._pool = self._pool, self._new_pool()
            self._down = False
        # The old pool's workers may be asleep in their back-off: let them finish away from the visitor.
        threading.Thread(target=old.close, kwargs={"timeout": 30}, daemon=True, name="workbook-old-pool").start()
        return self._pool

    def workbook(self, owner: str) -> PostgresWorkbook:
        """``owner``'s workbook (made empty on first use)."""
        if not OWNER_ID.match(owner or ""):
            raise InvalidInput(f"'{owner}' is not an account id: use letters, digits and . _ @ + - (up to 128).")
        with self.session(owner) as connection:
            connection.execute("INSERT INTO accounts (owner) VALUES (%s) ON CONFLICT (owner) DO NOTHING", [owner])
        workbook = PostgresWorkbook(self, owner)
        fill_name_keys(workbook)  # an account saved before name keys, keyed once (a read of none after)
        return workbook

    def delete_account(self, owner: str) -> dict[str, int]:
        """Remove every row of ``owner``'s, in one transaction; returns how many rows each table lost."""
        removed = {}
        with self.session(owner) as connection:
            for table in OWNED_TABLES:
                removed[table] = connection.execute(f"DELETE FROM {table}").rowcount
            connection.execute("DELETE FROM accounts")
        return removed

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            with self._pool_lock:
                self._pool.close()


class PostgresTransaction:
    """One write's transaction on the server, with ``?`` queries turned into psycopg's form."""

    def __init__(self, connection: psycopg.Connection) -> None:
        self._connection = connection

    def execute(self, statement: str, params: Sequence[Any] = ()) -> psycopg.Cursor:
        return self._connection.execute(*_bound(statement, params))

    def load_rows(self, name: str, columns: dict[str, ColumnSpec]) -> None:
        definition = ", ".join(f"{column} {kind}" for column, (kind, _) in columns.items())
        self._connection.execute(f"CREATE TEMP TABLE {name} ({definition}) ON COMMIT DROP")
        names = list(columns)
        with self._connection.cursor().copy(f"COPY {name} ({', '.join(names)}) FROM STDIN") as copy:
            for row in zip(*(values for _, values in columns.values())):
                copy.write_row(row)
        self._connection.execute(f"ANALYZE {name}")

    def advance_sequence(self, sequence: str, past: int) -> None:
        """Make the next id from ``sequence`` greater than ``past`` (ids are shared by every account)."""
        self._connection.execute(f"SELECT {PRIVATE}.advance_sequence(%s, %s)", [sequence, int(past)])


class PostgresWorkbook(Workbook):
    """One account's workbook in a PostgreSQL database: every save is committed before it is confirmed."""

    engine = "postgres"

    def __init__(self, database: PostgresDatabase, owner: str) -> None:
        self.database = database
        self.owner = owner
        self.path = f"postgresql://{database.host}/{owner}"
        self.closed = False
        self._lock = threading.Lock()
        self.data_version = 0
        self.refresh()

    def _read(self, statement: str, params: Sequence[Any]) -> tuple[list[str], list[tuple]]:
        with self.database.session(self.owner) as connection:
            return _rows(connection, statement, params)

    def _open_snapshot(self, snapshot: ExitStack) -> Reader:
        connection = snapshot.enter_context(self.database.session(self.owner, snapshot=True))
        return lambda statement, params: _rows(connection, statement, params)

    @contextmanager
    def write(self) -> Iterator[PostgresTransaction]:
        self._end_snapshot()  # one connection at a time per thread, and reads after the write must see it
        with self.database.session(self.owner) as connection:
            # Taking the account's row first serialises this account's writes across every server.
            (revision,) = connection.execute(
                "UPDATE accounts SET revision = revision + 1, last_seen_at = current_timestamp RETURNING revision"
            ).fetchone()
            yield PostgresTransaction(connection)
        with self._lock:
            self.data_version = max(self.data_version, int(revision))

    def refresh(self) -> bool:
        """Read the account's revision; True when another tab or server changed the workbook."""
        row = self.read_one("SELECT revision FROM accounts")
        revision = int(row[0]) if row else 0
        with self._lock:
            changed = revision != self.data_version
            self.data_version = revision
        return changed

    def schema_version(self) -> int:
        row = self.read_one("SELECT value FROM meta WHERE key = 'schema_version'")
        return int(row[0]) if row else 0

    def close(self) -> None:
        self.closed = True  # the connections belong to the database's pool
