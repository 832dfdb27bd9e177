"""Discord's newer conventions through SimCord: the context menu, ephemeral choices for
bystanders, the /ask length limit, localised descriptions, /kb health, the intent-off mode."""

from __future__ import annotations

import math

import pytest
from discord_kit import ANSWERED_Q, DECLINED_Q, World

from bot.core.service import ReloadResult
from bot.discord.context_menu import MENU_NAME
from bot.discord.health import Health, LastReload, duration, health_embed, latency_text

US_ANSWER = "How many 1Ms is the US getting?"


async def test_context_menu_answers_the_message_publicly(world: World) -> None:
    message = await world.bob.send(world.general, f"hey, {ANSWERED_Q}")
    result = await world.alice.context_menu(world.general, MENU_NAME, message)
    assert result.response is not None and not result.ephemeral
    assert "about 740 cars" in (result.response.embeds[0].description or "")
    assert message.jump_url in result.response.content


async def test_context_menu_on_a_message_without_text_explains_ephemerally(
    world: World,
) -> None:
    message = await world.bob.send(world.general, "", attachments=[("car.png", b"\x89PNG")])
    result = await world.alice.context_menu(world.general, MENU_NAME, message)
    assert result.ephemeral and result.response is not None
    assert "no text" in result.response.content


async def test_context_menu_decline_offers_buttons(world: World) -> None:
    message = await world.bob.send(world.general, DECLINED_Q)
    result = await world.alice.context_menu(world.general, MENU_NAME, message)
    assert result.response is not None and result.response.components
    pressed = await world.alice.click(result.response, label=US_ANSWER)  # the asker: public
    assert pressed.response is not None and not pressed.ephemeral


@pytest.mark.parametrize("how", ["prefix", "slash"])
async def test_someone_elses_choice_answers_only_them(world: World, how: str) -> None:
    if how == "prefix":
        await world.alice.send(world.general, f"!ask {DECLINED_Q}")
        declined = world.general.last_message
    else:
        result = await world.alice.slash(world.general, "ask", question=DECLINED_Q)
        assert result.response is not None
        declined = result.response
    before = len(world.requests("POST", "/messages"))
    pressed = await world.bob.click(declined, label=US_ANSWER)
    assert pressed.ephemeral and pressed.response is not None
    assert "about 740 cars" in (pressed.response.embeds[0].description or "")
    assert len(world.requests("POST", "/messages")) == before  # nothing public
    mine = await world.alice.click(declined, label=US_ANSWER)
    assert mine.response is not None and not mine.ephemeral


async def test_ask_refuses_questions_over_the_length_limit(world: World) -> None:
    (put,) = world.requests("PUT", "/commands")
    ask = next(c for c in put.json if c["name"] == "ask")
    assert ask["options"][0]["max_length"] == 1000
    with pytest.raises(Exception, match="1000"):  # the client refuses to send it
        await world.alice.slash(world.general, "ask", question="x" * 1001)


async def test_commands_carry_localised_descriptions(world: World) -> None:
    (put,) = world.requests("PUT", "/commands")
    commands = {c["name"]: c for c in put.json}
    ask = commands["ask"]
    assert ask["description_localizations"]["de"].startswith("Frag zur Produktion")
    assert ask["options"][0]["description_localizations"]["fr"].startswith("Votre question")
    menu = commands[MENU_NAME]
    assert menu["type"] == 3 and menu["name_localizations"]["fr"] == "Demander à onem-bot"
    assert all(len(n) <= 32 for n in menu["name_localizations"].values())


async def test_kb_health_shows_uptime_latency_knowledge_and_last_reload(world: World) -> None:
    result = await world.id_admin.slash(world.general, "kb health")
    assert result.ephemeral and result.response is not None
    fields = {f.name: f.value or "" for f in result.response.embeds[0].fields}
    assert set(fields) == {"Uptime", "Shard latency", "Knowledge", "Last reload"}
    digest = world.bot.service.knowledge.digest
    assert f"digest `{digest}`" in fields["Knowledge"]
    assert fields["Last reload"] == "none since start"
    await world.id_admin.slash(world.general, "kb reload")
    again = await world.id_admin.slash(world.general, "kb health")
    assert again.response is not None
    last = {f.name: f.value for f in again.response.embeds[0].fields}["Last reload"]
    assert last is not None and last.endswith(", ok")


async def test_kb_health_is_for_admins(world: World) -> None:
    await world.alice.send(world.general, "!kb health")
    assert "only the bot's admins" in (world.general.last_message.content or "")
    assert [type(e).__name__ for e in world.env.errors] == ["NotAdmin"]


def test_health_texts() -> None:
    assert duration(3 * 86_400 + 4 * 3_600 + 12 * 60 + 5) == "3d 4h 12m"
    assert duration(40) == "40s"
    assert latency_text([(0, 0.0421), (1, math.inf)]) == "0: 42 ms\n1: not connected"
    failed = ReloadResult(ok=False, path="kb.yaml", entries=3, sources=1, problem_count=2)
    embed = health_embed(
        Health(
            now=1000.0,
            started_at=400.0,
            latencies=((0, 0.05),),
            knowledge_name="onem.yaml",
            version=1,
            entries=3,
            digest="abc",
            loaded_at=900.0,
            last_reload=LastReload(950.0, failed),
        )
    )
    fields = {f.name: f.value for f in embed.fields}
    assert fields["Uptime"] is not None and fields["Uptime"].startswith("10m ")
    assert fields["Last reload"] == "<t:950:R>, failed (2 problem(s))"


# -- without the Message Content intent -------------------------------------------------------


@pytest.mark.settings(message_content=False)
async def test_without_message_content_everything_but_listening_works(world: World) -> None:
    assert not world.bot.intents.message_content
    await world.alice.send(world.general, f"{world.bot.user.mention} {ANSWERED_Q}")
    assert world.general.last_message.author.id == world.bot.user.id  # mentions: answered
    await world.outsider.send_dm(ANSWERED_Q)
    assert world.outsider.dm_channel.last_message.author.id == world.bot.user.id  # DMs too
    slash = await world.alice.slash(world.general, "ask", question=ANSWERED_Q)
    assert slash.response is not None and slash.response.embeds
    menu = await world.alice.context_menu(
        world.general, MENU_NAME, await world.bob.send(world.general, ANSWERED_Q)
    )
    assert menu.response is not None and menu.response.embeds
    asked = await world.alice.send(world.listened, ANSWERED_Q)  # plain text: not readable
    assert world.listened.last_message.id == asked.id


@pytest.mark.settings(message_content=True)
async def test_with_message_content_listened_channels_answer(world: World) -> None:
    await world.alice.send(world.listened, ANSWERED_Q)
    assert world.listened.last_message.author.id == world.bot.user.id
