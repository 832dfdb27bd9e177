"""Who may do what: global admins run the whole bot, server managers see their own server.

The knowledge, reloads and the unanswered log are shared by every server the bot is in, and a
public bot can be invited to any server. So holding Manage Server *somewhere* must never make
someone an admin of the whole bot:

- **global admins** are the bot's owners and the users in ``admin_user_ids``: they reload,
  and see every server's data and the DMs' (in servers and in DMs);
- **server managers** are members of a server holding Manage Server there, or a role of that
  server whose *id* is in ``admin_role_ids``: they see that server's questions and figures
  only, and only in that server;
- everyone else may only ask.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

import discord

from .settings import Settings

if TYPE_CHECKING:
    from .client import OnemBot


class Level(enum.IntEnum):
    """How much of the bot someone may administer."""

    MEMBER = 0
    SERVER = 1
    GLOBAL = 2


@dataclass(frozen=True, slots=True)
class Access:
    """What one person may administer where they asked: a level and, for SERVER, the server."""

    level: Level
    guild_id: int | None = None

    @property
    def is_admin(self) -> bool:
        """Return whether any admin command is open to this person here."""
        return self.level > Level.MEMBER

    @property
    def is_global(self) -> bool:
        """Return whether this person may run what affects every server (reload, all data)."""
        return self.level is Level.GLOBAL

    def sees(self, guild_id: int | None) -> bool:
        """Return whether this person may see data recorded in ``guild_id`` (None: a DM)."""
        if self.is_global:
            return True
        return self.is_admin and guild_id is not None and guild_id == self.guild_id


def access(
    settings: Settings,
    user: discord.User | discord.Member,
    guild_id: int | None,
    *,
    is_owner: bool,
) -> Access:
    """Return what ``user`` may administer when asking in ``guild_id`` (None in a DM).

    Role names never count, the @everyone role never counts, and roles and permissions count
    only in the server they belong to (never in DMs).
    """
    if is_owner or user.id in settings.admin_user_ids:
        return Access(Level.GLOBAL)
    if guild_id is None or not isinstance(user, discord.Member) or user.guild.id != guild_id:
        return Access(Level.MEMBER)
    by_role = any(r.id in settings.admin_role_ids and not r.is_default() for r in user.roles)
    if by_role or user.guild_permissions.manage_guild:
        return Access(Level.SERVER, guild_id)
    return Access(Level.MEMBER)


async def access_of(
    bot: OnemBot, user: discord.User | discord.Member, guild_id: int | None
) -> Access:
    """Return what ``user`` may administer in ``guild_id`` (None: a DM), owners included."""
    return access(bot.settings, user, guild_id, is_owner=await bot.is_owner(user))
