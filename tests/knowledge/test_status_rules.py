"""The status rules of docs/knowledge-format.md, as the shipped knowledge and its users see them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.core.knowledge.loader import default_knowledge_path, load_knowledge
from bot.core.knowledge.models import Knowledge, SourceKind, Status
from bot.core.render.text import summary
from bot.core.service import KnowledgeService

DOC = Path(__file__).parent.parent.parent / "docs" / "knowledge-format.md"


@pytest.fixture(scope="module")
def shipped() -> Knowledge:
    return load_knowledge(default_knowledge_path())


@pytest.fixture(scope="module")
def service() -> KnowledgeService:
    return KnowledgeService.from_path(default_knowledge_path())


def doc_examples() -> dict[str, str]:
    """Return status -> example entry id from the status table of the format document."""
    rows = re.findall(r"^\| `(\w+)` \| .*\| `([a-z0-9-]+)`: ", DOC.read_text("utf-8"), re.M)
    return dict(rows)


def test_every_status_has_an_example_that_the_file_follows(shipped: Knowledge) -> None:
    examples = doc_examples()
    assert set(examples) == {s.value for s in Status}
    for status, entry_id in examples.items():
        assert shipped.by_id[entry_id].status.value == status, entry_id


def test_a_disputed_claim_has_an_unsettled_other_side(shipped: Knowledge) -> None:
    disputed = [e for e in shipped.entries if e.status is Status.DISPUTED]
    assert disputed
    for entry in disputed:
        others = [shipped.by_id[i] for i in shipped.conflicts.get(entry.id, ())]
        assert others, f"{entry.id} is disputed but names no other side"
        settled = [o.id for o in others if o.status is Status.FACT]
        assert not settled, f"{entry.id} is disputed, yet {settled} settle it"


def test_a_fact_is_contradicted_only_by_rumors_and_opinions(shipped: Knowledge) -> None:
    unsettling = {Status.FACT, Status.DENIED, Status.DISPUTED}
    for entry in shipped.entries:
        if entry.status is Status.FACT:
            clashing = [
                i
                for i in shipped.conflicts.get(entry.id, ())
                if shipped.by_id[i].status in unsettling
            ]
            assert not clashing, f"fact {entry.id} is contradicted by {clashing}"


def test_a_claim_only_readers_make_is_a_rumor_or_an_opinion(shipped: Knowledge) -> None:
    for entry in shipped.entries:
        kinds = {shipped.sources[s].kind for s in entry.sources}
        if kinds == {SourceKind.READER_COMMENT}:
            assert entry.status in (Status.RUMOR, Status.OPINION), entry.id
            assert re.search(r"reader|comment|unsigned", entry.claimed_by), entry.id


@pytest.mark.parametrize(
    "question",
    [
        "How many cars does Australia get?",
        "How many 1Ms for Australia?",
        "how many 1ms went down under",
    ],
)
def test_australia_numbers_lead_with_the_settled_125(
    service: KnowledgeService, question: str
) -> None:
    reply = service.ask(question)
    assert reply.status is Status.FACT and "125" in (reply.answer or "")
    assert {c.status for c in reply.conflicts} == {Status.RUMOR}
    text = summary(reply)
    assert text.startswith("Fact: ") and text.index("125") < text.index("100")
    assert "Disputed" not in text


def test_bmw_australias_word_reaches_us_only_as_a_readers_rumor(service: KnowledgeService) -> None:
    reply = service.ask("What did BMW Australia say about the 1M?")
    assert reply.entry_id == "aus-bmw-around-100" and reply.status is Status.RUMOR
    assert "reader" in (reply.claimed_by or "")
    assert [c.status for c in reply.conflicts] == [Status.FACT]  # the 125 received, after it


def test_the_worldwide_figure_is_bmws_run_not_a_planned_total(service: KnowledgeService) -> None:
    reply = service.ask("how many 1Ms in total")
    assert reply.entry_id == "molds-2500-run" and reply.status is Status.FACT
    assert "2,500" in (reply.answer or "") and "planned total" not in (reply.answer or "")


def test_why_after_a_claim_without_a_reason_gets_the_neighbour_that_explains_it(
    service: KnowledgeService,
) -> None:
    # "why" takes the first linked claim when none gives a reason: the expectation of more than
    # the GP's 414 is explained by the 1M's bigger market, not by the 414 it already states.
    reply = service.ask("how come tho", after="more-than-414-1ms")
    assert reply.entry_id == "bigger-market-than-gp"
    assert service.ask("how many exactly", after=reply.entry_id).answered is False


def test_round_97_the_gp_is_given_as_the_example_of_seglers_success(
    service: KnowledgeService,
) -> None:
    # Round 97: the article gives the GP as an example of Dr. Segler's success; the answer says
    # so in those plain words, which a reader asking "what's the link" looks for.
    reply = service.ask("why does the blog bring the mini gp into a 1m article")
    assert reply.entry_id == "gp-segler-track-record"
    assert "example" in (reply.answer or "") and "success" in (reply.answer or "")


def test_round_138_seglers_earlier_project_reaches_the_gp_example(
    service: KnowledgeService,
) -> None:
    # Round 138: the GP is the blog's example of Dr. Segler's earlier success, so a reader
    # asking which old project of his the blog means is asking for it.
    reply = service.ask("segler's old project, which one did the blog mention")
    assert reply.entry_id == "gp-segler-track-record"


def test_round_138_what_else_yourbestsource_said_reaches_the_f30(
    service: KnowledgeService,
) -> None:
    # Round 138: besides the 1M's numbers, yourbestsource's only other claim is the F30's start.
    reply = service.ask("what else did the insider guy share besides 1m numbers")
    assert reply.entry_id == "f30-november"


def test_round_142_a_hand_in_a_car_is_involvement_with_it(service: KnowledgeService) -> None:
    # Round 142: "had a hand in" reads as "involved"; the GP is the MINI the blog ties to
    # Dr. Segler, as the example of his earlier success.
    reply = service.ask("the mini segler had a hand in, which was it")
    assert reply.entry_id == "gp-segler-track-record"


def test_round_142_whether_the_blog_backs_seglers_hard_to_get(service: KnowledgeService) -> None:
    # Round 142: the blog echoed Dr. Segler's "hard to get" and argued it is likely true, so a
    # reader asking whether the blog backs that claim is asking for it, not for who he is.
    reply = service.ask("does the blog reckon segler's hard to get claim holds up")
    assert reply.entry_id == "segler-hard-to-get"


def test_round_142_bmwnas_answer_or_response_reaches_its_denial(
    service: KnowledgeService,
) -> None:
    # Round 142: BMWNA's denial is its answer when the blog asked, however the reader words it.
    assert service.ask("what was bmwna's answer to the blog").entry_id == "bmwna-no-change-us"
    reply = service.ask("how did bmwna respond when the blog got in touch")
    assert reply.entry_id == "bmwna-no-change-us"


def test_round_142_buyers_who_bought_as_a_collectible_and_more_production(
    service: KnowledgeService,
) -> None:
    # Round 142: the blog judged extra production would cut residuals and drive collectors off,
    # which is what owners who bought the car as a collectible ask about.
    reply = service.ask(
        "if bmw built more would that hurt folks who bought theirs as a collectible"
    )
    assert reply.entry_id == "more-production-residuals"


def test_round_142_the_scarcity_drum_is_hype_about_scarcity(service: KnowledgeService) -> None:
    # Round 142: "banging the scarcity drum" is the hype group's drum with scarcity inside it:
    # the blog says scarcity has been BMW's rallying cry for the 1M over the past year.
    reply = service.ask("how long have they been banging the scarcity drum")
    assert reply.entry_id == "scarcity-rally-cry"


def test_round_142_a_post_scrubbed_of_every_trace_is_the_600_post(
    service: KnowledgeService,
) -> None:
    # Round 142: BMWBlog was said to have removed the post and all mention of it, then the blog
    # found it still up; a reader asking whether every trace was scrubbed asks for that.
    reply = service.ask(
        "so bmwblog deleted the us post and scrubbed all trace,"
        " or did it turn out it was never gone"
    )
    assert reply.entry_id == "bmwblog-post-still-up"
    assert reply.score >= 0.6


def test_round_143_a_figure_split_across_the_dealers_is_the_per_dealer_math(
    service: KnowledgeService,
) -> None:
    # Round 143: splitting BMWBlog's 600 across the US dealers is the arithmetic the blog reported
    # (2 per dealer at most), however the reader words the sharing out and the store's share.
    reply = service.ask(
        "split 600 across every dealer in the country, what does each store end up with"
    )
    assert reply.entry_id == "two-per-dealer-math"
    reply = service.ask("per dealer, how many would that come to if the US only gets 600")
    assert reply.entry_id == "two-per-dealer-math"


def test_round_143_a_claim_that_lines_up_or_stacks_up_is_weighed_as_true(
    service: KnowledgeService,
) -> None:
    # Round 143: "does it line up", "does it stack up" ask whether a claim holds, as "is it true"
    # does: the words weigh the claim, so the claim's own words find its entry.
    reply = service.ask(
        "so yourbestsource gave a schedule for the year, does his total line up with the bmwblog"
        " number"
    )
    assert reply.entry_id == "ybs-600-per-year"
    assert service.ask("does the 600 figure stack up").entry_id == "blog-doubts-600"
