"""Shared constants and the World of the SimCord tests (imported by conftest and tests)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import simcord

from bot.discord.client import OnemBot

FIXTURES = Path(__file__).parent / "fixtures"
KNOWLEDGE = FIXTURES / "knowledge.yaml"

ANSWERED_Q = "How many 1Ms is the US getting?"
DECLINED_Q = "production engine allocation"  # declined, with three suggestions
OFFTOPIC_Q = "what colour is the sky"  # declined, no suggestions


@dataclass
class World:
    """A server with channels and people in every role the tests need."""

    env: simcord.Env
    bot: OnemBot
    guild: simcord.GuildHandle
    general: simcord.ChannelHandle
    listened: simcord.ChannelHandle
    admin_channel: simcord.ChannelHandle
    owner: simcord.MemberActor  # the bot's owner (and not an admin by config)
    role_admin: simcord.MemberActor  # holds the configured admin role
    id_admin: simcord.MemberActor  # listed in admin_user_ids
    manager: simcord.MemberActor  # has Manage Server
    alice: simcord.MemberActor
    bob: simcord.MemberActor
    named_admin: simcord.MemberActor  # holds a role *named* "admin" that is not configured
    outsider: simcord.UserHandle  # shares no server with the bot; only DMs

    def requests(self, method: str, path_part: str) -> list[Any]:
        """Return the REST calls the bot made with this method whose path contains path_part."""
        return [r for r in self.env.http_requests if r.method == method and path_part in r.path]


def rewrite(path: Path, change: Callable[[str], str]) -> None:
    """Rewrite a text file through ``change`` (keeps blocking file I/O out of async tests)."""
    path.write_text(change(path.read_text()))


def without_entry(text: str, entry_id: str, next_id: str) -> str:
    """Return knowledge text with the entry ``entry_id`` (followed by ``next_id``) cut out."""
    start = text.index(f"  - id: {entry_id}")
    return text[:start] + text[text.index(f"  - id: {next_id}") :]
