"""Who may administer the bot: configured admin users and roles, or Manage Server."""

from __future__ import annotations

import discord

from ..config import Settings


def is_admin(settings: Settings, user: discord.User | discord.Member) -> bool:
    """Return whether ``user`` may reload and inspect the knowledge base.

    Admins are the user ids in ``admin_user_ids`` (anywhere, DMs included) and, inside a
    server, members holding a role whose *id* is in ``admin_role_ids`` (role names never
    count; the @everyone role never counts) or the Manage Server permission.
    """
    if user.id in settings.admin_user_ids:
        return True
    if not isinstance(user, discord.Member):
        return False
    if any(r.id in settings.admin_role_ids and not r.is_default() for r in user.roles):
        return True
    return user.guild_permissions.manage_guild
