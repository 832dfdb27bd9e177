"""A tiny Discord on 127.0.0.1: enough REST and gateway for discord.py to log in and talk.

The bot under test really connects to it over HTTP and a websocket, so the tests can assert
what crosses the wire. Point ``discord.http.Route.BASE`` and
``discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY`` at ``api_base`` and ``gateway_url``.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import discord
import pytest
import yarl
from aiohttp import WSMsgType, web

APP_ID = 1_100_000_000_000_000_001  # real-looking snowflakes: discord.py parses 15-20 digit ids
BOT_ID = APP_ID
OWNER_ID = 1_100_000_000_000_000_002
ALICE_ID = 1_100_000_000_000_000_003
ADMIN_ID = 1_100_000_000_000_000_004
GUILD_ID = 1_200_000_000_000_000_001
EVERYONE_ROLE = GUILD_ID
ADMIN_ROLE = 1_200_000_000_000_000_002
CHANNEL_ID = 1_200_000_000_000_000_003
SESSION = "fake-session-1"
TIMESTAMP = "2026-01-01T00:00:00+00:00"
ALL_PERMISSIONS = str((1 << 50) - 1)
MEMBER_PERMISSIONS = str(0x400 | 0x800 | 0x10000 | 0x80000000)  # view, send, history, slash

Handler = Callable[[web.Request], Any]


@dataclass
class Recorded:
    """One HTTP request the bot made."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    json: Any


@dataclass
class FakeDiscord:
    """The REST API and the gateway, recording everything the bot sends."""

    token: str = "test-token-not-real"
    reject_token: bool = False
    close_code: int | None = None  # close the gateway with this code on IDENTIFY
    outage: int = 0  # answer this many logins with 503 (Discord overloaded) first
    recommended_shards: int = 1  # GET /gateway/bot's recommendation
    deleted: set[int] = field(default_factory=set)  # message ids deleted by their authors
    requests: list[Recorded] = field(default_factory=list)
    sent: list[dict[str, Any]] = field(default_factory=list)  # gateway frames from the bot
    connections: int = 0
    port: int = 0

    def __post_init__(self) -> None:
        self._ids = itertools.count(1_300_000_000_000_000_000)
        self._seq = 0
        self._ws: web.WebSocketResponse | None = None
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.commands: dict[str | None, list[dict[str, Any]]] = {}

    # -- lifecycle -------------------------------------------------------------------------

    @property
    def api_base(self) -> str:
        """Return the REST base to put in ``Route.BASE``."""
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        """Return the gateway URL to put in ``DiscordWebSocket.DEFAULT_GATEWAY``."""
        return f"ws://127.0.0.1:{self.port}/gateway"

    async def start(self) -> None:
        """Listen on a free loopback port."""
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/resume", self._gateway)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        """Close the gateway and stop listening."""
        if self._ws is not None and not self._ws.closed:
            await self._ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # -- waiting -------------------------------------------------------------------------

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def wait_for(self, predicate: Callable[[], Any], within: float = 5.0) -> Any:
        """Wait until predicate() is truthy (re-checked on every request or frame); return it."""
        async with self._changed:
            return await asyncio.wait_for(self._changed.wait_for(predicate), within)

    def find(self, method: str, path_part: str) -> list[Recorded]:
        """Return the recorded requests with this method whose path contains ``path_part``."""
        return [r for r in self.requests if r.method == method and path_part in r.path]

    def frames(self, op: int) -> list[dict[str, Any]]:
        """Return the gateway frames the bot sent with this opcode."""
        return [f for f in self.sent if f.get("op") == op]

    # -- payloads --------------------------------------------------------------------------

    def next_id(self) -> int:
        """Return a fresh snowflake."""
        return next(self._ids)

    @staticmethod
    def user(user_id: int, name: str, *, bot: bool = False) -> dict[str, Any]:
        """Return a user payload."""
        return {
            "id": str(user_id),
            "username": name,
            "global_name": name,
            "discriminator": "0",
            "avatar": None,
            "bot": bot,
            "public_flags": 0,
        }

    def member(self, user_id: int, name: str, roles: list[int]) -> dict[str, Any]:
        """Return a guild member payload with its user."""
        return {
            "user": self.user(user_id, name, bot=user_id == BOT_ID),
            "roles": [str(r) for r in roles],
            "joined_at": TIMESTAMP,
            "deaf": False,
            "mute": False,
            "flags": 0,
        }

    def guild(self) -> dict[str, Any]:
        """Return the GUILD_CREATE payload of the one test server."""
        role = {"hoist": False, "managed": False, "mentionable": False, "color": 0, "flags": 0}
        return {
            "id": str(GUILD_ID),
            "name": "Loopback 1M Club",
            "owner_id": str(OWNER_ID),
            "unavailable": False,
            "member_count": 4,
            "large": False,
            "features": [],
            "emojis": [],
            "stickers": [],
            "roles": [
                {
                    **role,
                    "id": str(EVERYONE_ROLE),
                    "name": "@everyone",
                    "position": 0,
                    "permissions": MEMBER_PERMISSIONS,
                },
                {
                    **role,
                    "id": str(ADMIN_ROLE),
                    "name": "KB keepers",
                    "position": 1,
                    "permissions": MEMBER_PERMISSIONS,
                },
            ],
            "channels": [
                {
                    "id": str(CHANNEL_ID),
                    "type": 0,
                    "name": "general",
                    "position": 0,
                    "permission_overwrites": [],
                    "nsfw": False,
                    "parent_id": None,
                }
            ],
            "threads": [],
            "members": [
                self.member(BOT_ID, "onem-bot", []),
                self.member(OWNER_ID, "owner", []),
                self.member(ALICE_ID, "alice", []),
                self.member(ADMIN_ID, "keeper", [ADMIN_ROLE]),
            ],
            "voice_states": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "preferred_locale": "en-US",
            "joined_at": TIMESTAMP,
        }

    def message(
        self,
        content: str,
        *,
        author_id: int = ALICE_ID,
        author_name: str = "alice",
        roles: list[int] | None = None,
        mentions: list[int] = (),  # type: ignore[assignment]
    ) -> dict[str, Any]:
        """Return a MESSAGE_CREATE payload from a member in the test channel."""
        member = self.member(author_id, author_name, roles or [])
        member.pop("user")
        return {
            "id": str(self.next_id()),
            "channel_id": str(CHANNEL_ID),
            "guild_id": str(GUILD_ID),
            "author": self.user(author_id, author_name),
            "member": member,
            "content": content,
            "timestamp": TIMESTAMP,
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [self.user(m, f"user{m}", bot=m == BOT_ID) for m in mentions],
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "pinned": False,
            "type": 0,
            "flags": 0,
            "components": [],
        }

    def interaction(
        self,
        name: str,
        options: list[dict[str, Any]],
        *,
        user_id: int = ALICE_ID,
        kind: int = 2,
        roles: list[int] | None = None,
    ) -> dict[str, Any]:
        """Return an INTERACTION_CREATE payload for a global slash command in the test channel."""
        registered = {c["name"]: c for c in self.commands.get(None, [])}
        member = self.member(user_id, "alice" if user_id == ALICE_ID else "keeper", roles or [])
        member["permissions"] = MEMBER_PERMISSIONS
        interaction_id = self.next_id()
        return {
            "id": str(interaction_id),
            "application_id": str(APP_ID),
            "type": kind,
            "token": f"itoken-{interaction_id}",
            "version": 1,
            "guild_id": str(GUILD_ID),
            "channel_id": str(CHANNEL_ID),
            "channel": {
                "id": str(CHANNEL_ID),
                "type": 0,
                "name": "general",
                "guild_id": str(GUILD_ID),
                "position": 0,
                "permission_overwrites": [],
                "nsfw": False,
            },
            "member": member,
            "app_permissions": ALL_PERMISSIONS,
            "locale": "en-US",
            "guild_locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(GUILD_ID)},
            "context": 0,
            "attachment_size_limit": 8 * 1024 * 1024,
            "data": {
                "id": registered.get(name, {}).get("id", str(self.next_id())),
                "name": name,
                "type": 1,
                "options": options,
            },
        }

    def _bot_message(
        self, body: dict[str, Any], channel_id: int, *, flags: int = 0
    ) -> dict[str, Any]:
        data = self.message(body.get("content") or "", author_id=BOT_ID, author_name="onem-bot")
        data.update(
            channel_id=str(channel_id),
            embeds=body.get("embeds") or [],
            components=body.get("components") or [],
            flags=flags | int(body.get("flags") or 0),
        )
        data["author"]["bot"] = True
        if body.get("message_reference"):
            data["message_reference"] = {**body["message_reference"], "type": 0}
        return data

    # -- gateway ---------------------------------------------------------------------------

    async def send_frame(self, frame: dict[str, Any]) -> None:
        """Send one frame to the bot on the current connection."""
        assert self._ws is not None, "the bot is not connected"
        await self._ws.send_str(json.dumps(frame))

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send a DISPATCH (op 0) event with the next sequence number."""
        self._seq += 1
        await self.send_frame({"op": 0, "t": event, "s": self._seq, "d": data})

    async def request_reconnect(self) -> None:
        """Send op 7 RECONNECT: the bot should reconnect and RESUME."""
        await self.send_frame({"op": 7, "d": None})

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self._ws = ws
        self.connections += 1
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 45_000}}))
        async for message in ws:
            if message.type is not WSMsgType.TEXT:
                continue
            frame = json.loads(message.data)
            self.sent.append(frame)
            op = frame.get("op")
            if op == 1:
                await ws.send_str(json.dumps({"op": 11}))
            elif op == 2:
                await self._ready(frame["d"])
            elif op == 6:
                self._seq += 1
                await self.send_frame({"op": 0, "t": "RESUMED", "s": self._seq, "d": {}})
            await self._notify()
        return ws

    async def _ready(self, identify: dict[str, Any]) -> None:
        if identify.get("token") != self.token:
            await self._ws.close(code=4004)  # type: ignore[union-attr]
            return
        if self.close_code is not None:
            await self._ws.close(code=self.close_code)  # type: ignore[union-attr]
            return
        await self.dispatch(
            "READY",
            {
                "v": 10,
                "user": {
                    **self.user(BOT_ID, "onem-bot", bot=True),
                    "verified": True,
                    "mfa_enabled": False,
                },
                "guilds": [{"id": str(GUILD_ID), "unavailable": True}],
                "session_id": SESSION,
                "resume_gateway_url": f"ws://127.0.0.1:{self.port}/resume",
                "application": {"id": str(APP_ID), "flags": 0},
                "private_channels": [],
                "relationships": [],
                "shard": identify.get("shard", [0, 1]),
            },
        )
        await self.dispatch("GUILD_CREATE", self.guild())

    # -- REST ------------------------------------------------------------------------------

    @staticmethod
    def _json(data: Any, status: int = 200) -> web.Response:
        # discord.py only parses bodies whose Content-Type is exactly "application/json"
        return web.Response(
            body=json.dumps(data).encode(),
            status=status,
            headers={"Content-Type": "application/json"},
        )

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        body: Any = None
        if request.can_read_body:
            raw = await request.read()
            if request.content_type == "application/json":
                body = json.loads(raw)
            elif request.content_type.startswith("multipart/"):
                body = {"multipart": raw.decode("utf-8", "replace")}
        self.requests.append(
            Recorded(request.method, path, dict(request.query), dict(request.headers), body)
        )
        try:
            return await self._route(request.method, path, body, request)
        finally:
            await self._notify()

    async def _route(
        self, method: str, path: str, body: Any, request: web.Request
    ) -> web.StreamResponse:
        parts = path.strip("/").split("/")
        authorised = request.headers.get("Authorization") == f"Bot {self.token}"
        if parts[0] == "interactions":
            return self._interaction_callback(parts, body)
        if parts[0] == "webhooks" and method == "POST":
            return self._json(self._bot_message(body or {}, CHANNEL_ID))
        if not authorised or self.reject_token:
            return self._json({"message": "401: Unauthorized", "code": 0}, status=401)
        if method == "GET" and path == "/users/@me" and self.outage > 0:
            self.outage -= 1
            return self._json({"message": "upstream overloaded", "code": 0}, status=503)
        if method == "GET" and path == "/gateway/bot":
            limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
            return self._json(
                {
                    "url": f"ws://127.0.0.1:{self.port}/gateway",
                    "shards": self.recommended_shards,
                    "session_start_limit": limit,
                }
            )
        if method == "GET" and path == "/users/@me":
            return self._json({**self.user(BOT_ID, "onem-bot", bot=True), "verified": True})
        if method == "GET" and path == "/oauth2/applications/@me":
            return self._json(
                {
                    "id": str(APP_ID),
                    "name": "onem-bot",
                    "icon": None,
                    "description": "",
                    "summary": "",
                    "bot_public": True,
                    "bot_require_code_grant": False,
                    "verify_key": "0" * 64,
                    "owner": self.user(OWNER_ID, "owner"),
                    "team": None,
                    "flags": 0,
                    "bot": self.user(BOT_ID, "onem-bot", bot=True),
                }
            )
        if method == "PUT" and parts[:1] == ["applications"] and parts[-1] == "commands":
            guild = parts[3] if len(parts) == 5 else None
            extra = {"guild_id": guild} if guild else {}
            registered = [
                {
                    "description": "",  # context menus have none; Discord sends it empty
                    **c,
                    "id": str(self.next_id()),
                    "application_id": str(APP_ID),
                    "version": "1",
                    **extra,
                }
                for c in body or []
            ]
            self.commands[guild] = registered
            return self._json(registered)
        if method == "POST" and parts[0] == "channels" and parts[-1] == "messages":
            reference = (body or {}).get("message_reference") or {}
            gone = int(reference.get("message_id") or 0) in self.deleted
            if gone and reference.get("fail_if_not_exists", True):
                errors = {"message_reference": {"_errors": [{"code": "REPLIES_UNKNOWN_MESSAGE"}]}}
                invalid = {"message": "Invalid Form Body", "code": 50035, "errors": errors}
                return self._json(invalid, status=400)
            return self._json(self._bot_message(body or {}, int(parts[1])))
        reading = method == "GET" and parts[0] == "channels" and parts[-2] == "messages"
        if reading and int(parts[-1]) in self.deleted:
            return self._json({"message": "Unknown Message", "code": 10008}, status=404)
        if method == "POST" and parts[0] == "channels" and parts[-1] == "typing":
            return web.Response(status=204)
        return self._json({"message": f"fake discord: no route {method} {path}", "code": 0}, 404)

    def _interaction_callback(self, parts: list[str], body: Any) -> web.Response:
        interaction_id = parts[1]
        kind = int(body["type"])
        data = body.get("data") or {}
        ephemeral = bool(int(data.get("flags") or 0) & 64)
        payload: dict[str, Any] = {
            "interaction": {
                "id": interaction_id,
                "type": 2,
                "response_message_loading": kind == 5,
                "response_message_ephemeral": ephemeral,
            }
        }
        if kind in (4, 5):
            message = self._bot_message(data, CHANNEL_ID, flags=64 if ephemeral else 0)
            payload["interaction"]["response_message_id"] = message["id"]
            payload["resource"] = {"type": kind, "message": message}
        return self._json(payload)


def point_discord_at(fake: FakeDiscord, monkeypatch: pytest.MonkeyPatch) -> None:
    """Send discord.py's REST calls and gateway connection to the fake."""
    monkeypatch.setattr(discord.http.Route, "BASE", fake.api_base)
    monkeypatch.setattr(
        discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(fake.gateway_url)
    )


def serve_in_thread(server: FakeDiscord, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeDiscord]:
    """Run the fake on its own loop in a thread (for code that calls asyncio.run) until closed."""
    loop = asyncio.new_event_loop()
    started = threading.Event()

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(server.start())
        started.set()
        loop.run_forever()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert started.wait(10)
    point_discord_at(server, monkeypatch)
    yield server
    asyncio.run_coroutine_threadsafe(server.stop(), loop).result(10)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(10)
