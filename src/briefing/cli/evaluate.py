"""``briefing evaluate``: ROUGE of summaries and topic briefs against summaries people wrote."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

import click

from ..engine.runner import Engine
from ..settings import Length
from .shared import (
    EXIT_CODES,
    EXIT_OK,
    EXIT_PARTIAL,
    UsageError,
    _check_name,
    _report,
    _run,
    echo,
    print_table,
)


@click.command(epilog=EXIT_CODES)
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--summarizer", "summarizers", multiple=True, metavar="NAME", help="A summarizer to score (repeat)  [default: all]"
)
@click.option("--sentences", type=click.IntRange(min=1), metavar="N", help="Summary length in sentences.")
@click.option(
    "--words", type=click.IntRange(min=1), metavar="N", help="Summary length in words (the last sentence is cut)."
)
@click.option(
    "--ratio",
    type=click.FloatRange(min=0, max=1, min_open=True),
    metavar="R",
    help="Summary length as a share of each document's sentences (0.2 = a fifth).",
)
@click.option(
    "--tokens",
    type=click.Choice(("rouge", "language")),
    default="rouge",
    show_default=True,
    help="Words as rouge-score reads them (ASCII, Porter stems), or in the document's language.",
)
@click.option(
    "--references",
    type=click.Choice(("best", "mean")),
    default="best",
    show_default=True,
    help="With several references: the best match, or their mean.",
)
@click.option(
    "--baseline",
    metavar="METHOD",
    help="What differences are measured from  [default: lead, or first-sentences for topics]",
)
@click.option(
    "--metric",
    type=click.Choice(("rouge1", "rouge2", "rougeL", "rougeLsum")),
    default="rouge2",
    show_default=True,
    help="The metric methods are sorted and compared on.",
)
@click.option(
    "--candidates",
    type=click.IntRange(min=1),
    metavar="N",
    help="Sentences each document offers a topic brief  [default: the configured summary length]",
)
@click.option("--format", "format_name", type=click.Choice(("text", "json")), default="text", help="A table, or JSON.")
def evaluate(
    path: Path,
    summarizers: tuple[str, ...],
    sentences: int | None,
    words: int | None,
    ratio: float | None,
    tokens: Literal["rouge", "language"],
    references: Literal["best", "mean"],
    baseline: str | None,
    metric: str,
    candidates: int | None,
    format_name: str,
) -> int:
    """Score summaries and topic briefs with ROUGE against summaries people wrote.

    PATH is a folder (NAME.txt beside NAME.ref.txt) or a JSON Lines file of {"text", "summary"}
    or {"documents", "summaries"} records. Without a length, summaries are as long as the
    reference in sentences.
    """
    try:  # rouge-score is an extra: only this command needs it
        from ..evaluation.cases import load_cases
        from ..evaluation.report import records, table
        from ..evaluation.rouge import Rouge
        from ..evaluation.run import evaluate as score
        from ..evaluation.systems import FIRST_SENTENCES, Budget, Systems
    except ImportError as exc:
        raise UsageError(f"evaluate needs the 'evaluate' extra ({exc}): pip install 'briefing[evaluate]'") from None

    if sum(option is not None for option in (sentences, words, ratio)) > 1:
        raise UsageError("give one length: --sentences, --words or --ratio")
    run = _run()
    registry = run.registry
    names = list(summarizers) or registry.names("summarizer")
    for name in names:
        _check_name(registry, run.config, "summarizer", name, "summarizer", True)
    engine = Engine(registry, run.config.settings)
    cases, problems = load_cases(path, engine)
    if not cases:
        _report(problems, "error")
        raise UsageError(f"no document with a reference summary in {path}")
    budget = Budget(sentences, words, ratio)
    systems = Systems(engine, budget, Length(candidates) if candidates else None)
    result = score(cases, names, systems, Rouge(tokens, references))
    topics = sum(case.topic for case in cases)
    chosen = baseline or (FIRST_SENTENCES if topics == len(cases) else "lead")
    if format_name == "json":
        echo(json.dumps(records(result, chosen, metric), indent=2))
    else:
        reading = "rouge-score's words" if tokens == "rouge" else "words in each document's language"
        echo(
            f"{len(cases)} cases ({len(cases) - topics} documents, {topics} topics); summaries of "
            f"{budget.describe()}; ROUGE F1 x 100 on {reading}, the {references} of the references"
        )
        print_table(table(result, chosen, metric))
    _report(problems + result.problems, "error")
    return EXIT_PARTIAL if problems or result.problems else EXIT_OK
