"""The inputs every conformance check runs on: English prose in paragraphs, Russian (non-Latin
script), a one-sentence document and an empty one, sample files for loaders, a sample briefing
for exporters and sample paragraphs for cleaners."""

from __future__ import annotations

from functools import cache

from ..engine.runner import Engine
from ..models import Briefing, Document, DocumentBrief, Problem
from ..plugins import PluginHost

ENGLISH = """The harbour town of Kestrel Bay voted on Tuesday to close its old coal pier. The pier has stood \
since 1921 and last loaded a ship eleven years ago.

Council members argued for two hours about the cost. Demolition would take 4.2 million euros, while \
repairs for a fishing market would cost almost twice as much.

Fishers asked for a floating dock instead. "We need somewhere to land the catch," said Mara Okafor, \
who runs the co-operative. The council will decide on the dock in March.

Birdwatchers were relieved. A colony of terns nests under the pier's eastern end, and the \
demolition plan now leaves that section standing."""

RUSSIAN = """Город Каменск открыл первую велодорожку вдоль реки. Дорожка длиной четыре километра \
соединяет вокзал и университет.

Жители спорили о ней два года. Водители боялись пробок, а велосипедисты требовали безопасности.

Теперь по дорожке ездят сотни людей каждый день. Мэр обещает продлить её до нового района."""

ONE_SENTENCE = "A single sentence about a lighthouse keeper who repaints the lamp room every spring."


_PARAGRAPHS = ENGLISH.split("\n\n")
#: Sample files for loaders of common formats, by suffix.
SAMPLE_FILES: dict[str, bytes] = {
    ".txt": f"Kestrel Bay closes its coal pier\n\n{ENGLISH}\n".encode(),
    ".md": f"---\ntitle: Kestrel Bay closes its coal pier\n---\n\n# The vote\n\n{ENGLISH}\n".encode(),
    ".html": (
        "<html><head><title>Kestrel Bay closes its coal pier</title></head><body><nav>Home | News</nav>"
        "<article><h1>Kestrel Bay closes its coal pier</h1>"
        + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
        + "</article><footer>Contact us</footer></body></html>"
    ).encode(),
}

SAMPLE_PARAGRAPHS = [
    "The harbour ferry will run every ninety minutes from December, the authority said on Monday.",
    "Morning sailings keep their times; [bold]evening[/bold] sailings end an hour earlier.",
    "Islanders asked for a late boat on Fridays, and the authority will count passengers in January.",
]


@cache
def sample_engine() -> Engine:
    """An engine with the built-ins only, to segment sample texts and brief the sample briefing."""
    return Engine(PluginHost(load_entry_points=False).registry())


def sample_document(text: str = ENGLISH, language: str | None = None, id: str = "sample") -> Document:
    """A document segmented as briefing segments them, ready for a summarizer or tagger."""
    title = text.split(".")[0][:60] if text else "Empty"
    return sample_engine().prepare(Document(id=id, title=title, text=text, origin=f"{id}.txt", language=language))


def sample_documents() -> list[Document]:
    """English, Russian (non-Latin), one sentence, and empty: what every check runs on."""
    return [
        sample_document(ENGLISH, "en", "english"),
        sample_document(RUSSIAN, "ru", "russian"),
        sample_document(ONE_SENTENCE, "en", "one-sentence"),
        Document(id="empty", title="Empty", text="", origin="empty.txt", language="en"),
    ]


def sample_briefing() -> Briefing:
    """A small briefing with an error and text that looks like markup, for exporter checks."""
    engine = sample_engine()
    marked = sample_document(ENGLISH + "\n\nThe sign read [bold]CLOSED[/bold] <b>today</b> *really*.", "en", "marked")
    documents = [marked, sample_document(RUSSIAN, "ru", "ru")]
    entries = [DocumentBrief(d, engine.summaries.one(d)[0], engine.themes.document(d, documents)[0]) for d in documents]
    brief = engine.briefs.assemble("Harbour", entries)
    return Briefing((brief,), (Problem("broken.txt", "not UTF-8 text"),), ())
