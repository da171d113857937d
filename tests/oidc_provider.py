"""A small, real OpenID Connect provider on 127.0.0.1, for signing in during the tests.

It speaks the authorization-code flow as Google or Okta do: a discovery document, a sign-in page
(type a user name, then "Sign in" or "Deny"), a token endpoint that checks the client's secret and
the code, RS256-signed ID tokens (with the nonce the client sent) and a JWKS to check them with.
Nothing is mocked on the app's side: Streamlit's own st.login talks to it over HTTP.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

from joserfc import jwt
from joserfc.jwk import RSAKey

CLIENT_ID = "job-networking-workbook"
CLIENT_SECRET = "test-client-secret"


def subject_for(user: str) -> str:
    """The stable subject id the provider gives a user name (so a test can predict the account)."""
    return "sub-" + hashlib.sha256(user.encode()).hexdigest()[:16]


@dataclass
class Provider:
    """The provider's state: its key, the redirect URIs it accepts, the codes it has handed out."""

    port: int = 0
    redirect_uris: set[str] = field(default_factory=set)
    key: RSAKey = field(default_factory=lambda: RSAKey.generate_key(2048, parameters={"kid": "test-key"}))
    codes: dict[str, dict] = field(default_factory=dict)
    tokens: dict[str, dict] = field(default_factory=dict)
    sign_ins: int = 0
    server: ThreadingHTTPServer | None = None

    @property
    def issuer(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def metadata_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    def metadata(self) -> dict:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid", "email", "profile"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "claims_supported": ["sub", "iss", "aud", "exp", "iat", "nonce", "email", "name"],
        }

    def claims(self, user: str, nonce: str | None) -> dict:
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "sub": subject_for(user),
            "aud": CLIENT_ID,
            "iat": now,
            "exp": now + 3600,
            "email": f"{user}@example.test",
            "email_verified": True,
            "name": user.title(),
        }
        if nonce:
            claims["nonce"] = nonce
        return claims

    def start(self) -> Provider:
        provider = self

        class Handler(_Handler):
            state = provider

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True, name="oidc-provider").start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


class _Handler(BaseHTTPRequestHandler):
    state: Provider

    def log_message(self, *args) -> None:  # keep the test output quiet
        pass

    def _send(self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, payload: dict) -> None:
        self._send(status, json.dumps(payload).encode(), "application/json")

    def _redirect(self, url: str) -> None:
        self._send(302, b"", "text/plain", {"Location": url})

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        if parts.path == "/.well-known/openid-configuration":
            self._json(200, self.state.metadata())
        elif parts.path == "/jwks":
            self._json(200, {"keys": [self.state.key.as_dict(private=False)]})
        elif parts.path == "/authorize":
            self._sign_in_page(query)
        elif parts.path == "/userinfo":
            token = self.headers.get("Authorization", "").removeprefix("Bearer ").strip()
            claims = self.state.tokens.get(token)
            self._json(200, claims) if claims else self._json(401, {"error": "invalid_token"})
        else:
            self._send(404, b"not found", "text/plain")

    def _sign_in_page(self, query: dict) -> None:
        if query.get("client_id") != CLIENT_ID or query.get("redirect_uri") not in self.state.redirect_uris:
            self._send(400, b"unknown client or redirect_uri", "text/plain")
            return
        hidden = "".join(
            f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">' for k, v in query.items()
        )
        page = f"""<!doctype html><html><head><title>Test identity provider</title></head><body>
<h1>Sign in to the test identity provider</h1>
<form method="post" action="/authorize">{hidden}
<label>User name <input name="user" autocomplete="off"></label>
<button name="decision" value="allow">Sign in</button>
<button name="decision" value="deny">Deny</button>
</form></body></html>"""
        self._send(200, page.encode(), "text/html; charset=utf-8")

    def _form(self) -> dict[str, str]:
        length = int(self.headers.get("Content-Length") or 0)
        return {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}

    def do_POST(self) -> None:
        parts = urlsplit(self.path)
        form = self._form()
        if parts.path == "/authorize":
            self._authorize(form)
        elif parts.path == "/token":
            self._token(form)
        else:
            self._send(404, b"not found", "text/plain")

    def _authorize(self, form: dict) -> None:
        redirect = form.get("redirect_uri", "")
        if form.get("client_id") != CLIENT_ID or redirect not in self.state.redirect_uris:
            self._send(400, b"unknown client or redirect_uri", "text/plain")
            return
        state = {"state": form["state"]} if "state" in form else {}
        user = form.get("user", "").strip()
        if form.get("decision") != "allow" or not user:
            self._redirect(f"{redirect}?{urlencode({'error': 'access_denied', **state})}")
            return
        code = secrets.token_urlsafe(24)
        self.state.codes[code] = {"user": user, "nonce": form.get("nonce"), "redirect_uri": redirect}
        self._redirect(f"{redirect}?{urlencode({'code': code, **state})}")

    def _client_ok(self, form: dict) -> bool:
        header = self.headers.get("Authorization", "")
        if header.startswith("Basic "):
            client, _, secret = base64.b64decode(header[6:]).decode().partition(":")
        else:
            client, secret = form.get("client_id", ""), form.get("client_secret", "")
        return client == CLIENT_ID and secrets.compare_digest(secret, CLIENT_SECRET)

    def _token(self, form: dict) -> None:
        if not self._client_ok(form):
            self._json(401, {"error": "invalid_client"})
            return
        grant = self.state.codes.pop(form.get("code", ""), None)
        if form.get("grant_type") != "authorization_code" or grant is None:
            self._json(400, {"error": "invalid_grant"})
            return
        if grant["redirect_uri"] != form.get("redirect_uri"):
            self._json(400, {"error": "invalid_grant"})
            return
        claims = self.state.claims(grant["user"], grant["nonce"])
        id_token = jwt.encode({"alg": "RS256", "kid": "test-key"}, claims, self.state.key)
        access_token = secrets.token_urlsafe(24)
        self.state.tokens[access_token] = {k: v for k, v in claims.items() if k not in ("aud", "nonce")}
        self.state.sign_ins += 1
        self._json(
            200, {"access_token": access_token, "token_type": "Bearer", "expires_in": 3600, "id_token": id_token}
        )


def start_provider(redirect_uris: set[str] | None = None) -> Provider:
    """A running provider on a free port of 127.0.0.1."""
    return Provider(redirect_uris=set(redirect_uris or ())).start()
