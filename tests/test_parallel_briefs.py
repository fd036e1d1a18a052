"""Topics briefed in parallel: each topic's brief sentences and thematic brief go to the worker
processes when a run has several topics and enough documents (issue 30), with the same result as
briefing them one after another in this process."""

from __future__ import annotations

from pathlib import Path

from briefing.engine import Engine, Settings
from briefing.engine.assemble import topic_work
from briefing.engine.pool import PARALLEL_FROM

from .conftest import timeless

SUBJECTS = (
    (
        "The harbour council approved {n} new ferry berths on Tuesday.",
        "Mayor Ruth Olsen said the night service to the islands would start in May.",
        "Ferry operators expect {n} more passengers each summer.",
        "The berths will cost 12 million euros, paid by the port authority.",
        "Residents of the islands had asked for a later ferry for years.",
    ),
    (
        "Glacier researchers measured {n} metres of retreat this year.",
        "Professor Anna Berg warned that the summer melt is speeding up.",
        "The survey team drilled {n} cores into the ice sheet.",
        "Meltwater lakes on the glacier doubled in number since 2010.",
        "The institute will publish the glacier data in an open archive.",
    ),
    (
        "The orchestra's new season opens with {n} concerts in October.",
        "Conductor Mateo Ruiz said young composers will write four premieres.",
        "Ticket sales reached {n} subscriptions in the first week.",
        "The festival of young composers moves to the old theatre.",
        "The orchestra will tour three cities in the spring.",
    ),
)


def corpus(folder: Path, count: int) -> Path:
    folder.mkdir()
    for number in range(count):
        sentences = SUBJECTS[number % len(SUBJECTS)]
        picked = [sentences[(number + k) % len(sentences)] for k in range(3)]
        text = " ".join(sentence.format(n=number * 3 + k) for k, sentence in enumerate(picked))
        (folder / f"note{number:03d}.txt").write_text(f"Note {number}\n\n{text}\n", encoding="utf-8")
    return folder


def recording(engine: Engine, sent: list[object]) -> None:
    """Record what ``engine``'s executors are given to run."""
    real_open = engine.executors.open

    def open_recording(*args, **kwargs):
        executor, workers = real_open(*args, **kwargs)
        real_submit = executor.submit

        def submit(function, *arguments, **keywords):
            sent.append(function)
            return real_submit(function, *arguments, **keywords)

        executor.submit = submit
        return executor, workers

    engine.executors.open = open_recording


def test_topics_briefed_in_the_workers_equal_those_briefed_here(registry, tmp_path):
    folder = corpus(tmp_path / "notes", PARALLEL_FROM + 6)
    sent: list[object] = []
    with Engine(registry, Settings(grouping="content", workers=2)) as engine:
        recording(engine, sent)
        parallel = engine.run([str(folder)])
    with Engine(registry, Settings(grouping="content", workers=1)) as engine:
        here = engine.run([str(folder)])
    assert len(parallel.briefs) >= 2 and sent.count(topic_work) == len(parallel.briefs)
    assert all(brief.brief for brief in parallel.briefs) and any(brief.thematic for brief in parallel.briefs)
    assert timeless(parallel) == timeless(here)


def test_a_failing_executor_leaves_the_topics_briefed_here(registry, tmp_path):
    folder = corpus(tmp_path / "notes", PARALLEL_FROM + 6)
    with Engine(registry, Settings(grouping="content", workers=1)) as engine:
        here = engine.run([str(folder)])
    with Engine(registry, Settings(grouping="content", workers=2)) as engine:
        real_open = engine.executors.open
        opened: list[int] = []

        def open_then_fail(missing=PARALLEL_FROM):
            opened.append(missing)
            if len(opened) > 1:  # the sources load in the pool; the topics' turn fails
                raise OSError("no more processes")
            return real_open(missing)

        engine.executors.open = open_then_fail
        parallel = engine.run([str(folder)])
    assert len(opened) == 2 and timeless(parallel) == timeless(here)
