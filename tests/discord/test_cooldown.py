"""Rate limiting under a flood: one notice per window, no more answers, nobody else slowed.

``tests/discord`` checks the cooldown with a rate of 2 and messages sent one at a time. Here the
bot runs the shipped cooldown (5 questions a minute) and a member floods it with 50 questions
posted at once, by mention, ``!ask`` and DM mixed (they share one bucket), while another member
asks as usual: the flooder gets 5 answers and exactly one notice, the other member every
answer, and the refused questions are neither answered, counted nor logged. SimCord's clock
then moves: within the window the flooder gets nothing (not even a second notice), after it
the same again. Slash commands must be answered, so each refused ``/ask`` gets an ephemeral
notice and nothing public; in a listened channel a flood is answered at most 5 times and never
with a notice.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import simcord
from discord_kit import ANSWERED_Q, OFFTOPIC_Q, World

from bot.discord.cooldown import UserCooldown

FLOOD = 50
RATE = 5  # the shipped cooldown_rate
WINDOW = 60.0  # the shipped cooldown_per_seconds
pytestmark = pytest.mark.settings(cooldown_rate=RATE, cooldown_per_seconds=WINDOW)
IDLE = 0.002  # seconds SimCord waits for more bot work before it calls the bot settled
NOTICE = re.compile(r"You're asking quickly; try again in (\d+)s\.")


def posted_since(world: World, start: int) -> list[dict[str, Any]]:
    """Bodies of the messages the bot posted since request ``start``."""
    return [
        r.json
        for r in world.env.http_requests[start:]
        if r.method == "POST" and r.path.endswith("/messages")
    ]


def to(bodies: list[dict[str, Any]], ids: set[int]) -> list[dict[str, Any]]:
    """The bodies that reply to one of the messages ``ids``."""
    return [
        b for b in bodies if int((b.get("message_reference") or {}).get("message_id", 0)) in ids
    ]


async def flood(world: World, flooder: simcord.MemberActor, question: str, count: int) -> set[int]:
    """Post ``count`` questions at once by mention, !ask and DM in turn; return their ids."""
    env = world.env
    dm = env.backend.get_dm_channel(flooder.id)
    ids = set()
    for n in range(count):
        channel, text = [
            (world.general.id, f"{world.bot.user.mention} {question}"),
            (world.general.id, f"!ask {question}"),
            (dm.id, question),
        ][n % 3]
        ids.add(env.backend.create_message(channel, flooder.id, text).id)
    return ids


async def test_a_flood_gets_one_notice_per_window(world: World) -> None:
    env, bot = world.env, world.bot
    assert (bot.settings.cooldown_rate, bot.settings.cooldown_per_seconds) == (RATE, WINDOW)
    bot.cooldowns = UserCooldown(RATE, WINDOW)  # fresh: the fixture's sync did not count
    stats = bot.service.stats
    asked_before = stats.answered + stats.declined
    log = bot.unanswered
    assert log is not None

    start = len(env.http_requests)
    flooded = await flood(world, world.alice, OFFTOPIC_Q, FLOOD)  # declined: would be logged
    calm = set()
    for _ in range(RATE):  # bob asks in the middle of the flood
        calm.add(
            env.backend.create_message(world.general.id, world.bob.id, f"!ask {ANSWERED_Q}").id
        )
    await env.settle(idle=IDLE)
    bodies = posted_since(world, start)
    to_flooder, to_bob = to(bodies, flooded), to(bodies, calm)
    answers = [b for b in to_flooder if b.get("embeds")]
    notices = [b for b in to_flooder if NOTICE.fullmatch(b.get("content") or "")]
    assert len(answers) == RATE and len(notices) == 1 and len(to_flooder) == RATE + 1
    assert notices[0]["allowed_mentions"]["parse"] == []
    assert int(NOTICE.fullmatch(notices[0]["content"])[1]) == WINDOW  # type: ignore[index]
    assert len(to_bob) == RATE and all(b.get("embeds") for b in to_bob)  # bob is unaffected
    assert len(bodies) == 2 * RATE + 1  # nothing else was posted
    assert stats.answered + stats.declined - asked_before == 2 * RATE  # refusals aren't asks
    assert len(log.recent(100)) == RATE  # nor logged as unanswered

    # half a window later: still refused, and no second notice
    await env.advance_time(WINDOW / 2)
    start = len(env.http_requests)
    await flood(world, world.alice, ANSWERED_Q, 10)
    await env.settle(idle=IDLE)
    assert posted_since(world, start) == []

    # the window has passed: the same again, 5 answers and one notice
    await env.advance_time(WINDOW / 2 + 1)
    start = len(env.http_requests)
    flooded = await flood(world, world.alice, ANSWERED_Q, FLOOD)
    await env.settle(idle=IDLE)
    bodies = to(posted_since(world, start), flooded)
    assert sum(bool(b.get("embeds")) for b in bodies) == RATE and len(bodies) == RATE + 1
    assert env.errors == []


async def test_a_slash_flood_is_refused_ephemerally(world: World) -> None:
    env = world.env
    world.bot.cooldowns = UserCooldown(RATE, WINDOW)
    public_before = len(world.general.history())
    tries = 2 * RATE  # (each refused slash command costs SimCord's idle wait, ~50 ms)
    results = [
        await world.alice.slash(world.general, "ask", question=ANSWERED_Q) for _ in range(tries)
    ]
    answered = [r for r in results if r.response is not None and r.response.embeds]
    refused = [r for r in results if r.ephemeral]
    assert len(answered) == RATE and len(refused) == tries - RATE
    for result in refused:
        assert result.response is not None and NOTICE.fullmatch(result.response.content)
    # the notices are ephemeral: only the answers are in the channel for everyone
    visible = world.general.history(viewer=world.bob)
    assert len(visible) - public_before <= RATE
    bob = await world.bob.slash(world.general, "ask", question=ANSWERED_Q)
    assert bob.response is not None and bob.response.embeds and not bob.ephemeral
    await env.advance_time(WINDOW)
    again = await world.alice.slash(world.general, "ask", question=ANSWERED_Q)
    assert again.response is not None and again.response.embeds
    assert env.errors == []


async def test_a_flood_in_a_listened_channel_never_gets_a_notice(world: World) -> None:
    env = world.env
    world.bot.cooldowns = UserCooldown(RATE, WINDOW)
    start = len(env.http_requests)
    for _ in range(FLOOD):
        env.backend.create_message(world.listened.id, world.alice.id, ANSWERED_Q)
    await env.settle(idle=IDLE)
    bodies = posted_since(world, start)
    assert len(bodies) == RATE and all(b.get("embeds") for b in bodies)
    assert env.errors == []


def test_the_cooldown_forgets_a_raid() -> None:
    """Ten thousand one-off askers are forgotten once their window has passed."""
    now = [0.0]
    cooldown = UserCooldown(RATE, WINDOW, clock=lambda: now[0])
    for user in range(10_000):
        assert cooldown.hit(user) is None
    now[0] = WINDOW + 1
    for _ in range(1_000):  # pruning runs every thousand requests
        cooldown.hit(1)
    assert len(cooldown) <= 2
