"""A message asking two questions, in SimCord: the embed carries the second claim too."""

from __future__ import annotations

from discord_kit import World

from bot.discord.embeds import SECOND

TWO_Q = "when does 1m production end and how many 1ms does each dealer get"


async def test_the_embed_answers_both_questions(world: World) -> None:
    await world.alice.send(world.general, f"{world.bot.user.mention} {TWO_Q}")
    embed = world.general.last_message.embeds[0]
    assert embed.title == "\U0001f4ad Opinion"
    assert "expected to end in mid-2012" in (embed.description or "")
    fields = {f.name or "": f.value or "" for f in embed.fields}
    assert fields["Claimed by"] == "Test Blog"
    name = f"{SECOND}: \U0001f4ac Rumor \u2014 Dealer Dan"
    assert "each dealer gets one or two cars" in fields[name]
    assert "Comment on the rumors article" in fields[f"{SECOND}: sources"]
    assert "Related" not in fields  # the dealer question is answered, not just listed


async def test_one_question_gets_one_claim(world: World) -> None:
    await world.alice.send(world.general, "!ask when does 1m production end")
    embed = world.general.last_message.embeds[0]
    assert not any((f.name or "").startswith(SECOND) for f in embed.fields)
