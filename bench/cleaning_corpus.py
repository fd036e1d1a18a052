"""Articles to measure the cleaners on: clean ones (nothing may be dropped) and scraped pages
with known junk (all of it should be). Written for briefing, generated with a fixed seed.

Clean articles come in four kinds, English and German: news, essays, reviews and interviews.
Their endings are the ones a careless cleaner takes for junk: a long last paragraph without a
stop, a line ending in a link, a figure on its own line, a short sign-off or bio, a rating. The
scraped pages are articles with what scrapers glue around them: view counters and time stamps,
a cookie or newsletter banner, the next article cut off mid-word and teasers of others.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

EN_SUBJECTS = [
    "The harbour council",
    "The new ferry operator",
    "The school board",
    "The city's water utility",
    "A group of fishermen",
    "The regional energy agency",
    "The tram company",
    "The port authority",
]
EN_ACTIONS = [
    "agreed on a plan to",
    "voted to",
    "announced that it would",
    "has asked for money to",
    "will start next month to",
    "said it was ready to",
]
EN_OBJECTS = [
    "repair the old breakwater",
    "replace the diesel buses",
    "open a second ferry route",
    "build a battery store next to the substation",
    "widen the cycle lanes on the quay",
    "test sensors on the reef",
    "cut the price of a monthly pass",
    "plant trees along the river",
]
EN_DETAILS = [
    "The cost is put at about {n} million euros.",
    "Work is due to finish before the winter.",
    "Residents were asked for their views at two meetings in the town hall.",
    "Critics say the money would be better spent on the schools.",
    "The plan still needs the approval of the regional government.",
    "Similar projects in other towns took twice as long as planned.",
    "A spokesperson said the timetable was tight but realistic.",
    "The last attempt, in {y}, failed for lack of funding.",
]
DE_SUBJECTS = [
    "Der Gemeinderat",
    "Die Stadtwerke",
    "Der neue Fährbetreiber",
    "Die Schulleitung",
    "Eine Gruppe von Fischern",
    "Die Hafenbehörde",
    "Der Verkehrsverbund",
    "Die Energieagentur",
]
DE_ACTIONS = [
    "hat beschlossen,",
    "will im nächsten Monat damit beginnen,",
    "hat angekündigt,",
    "bittet um Geld, um",
    "ist bereit,",
]
DE_OBJECTS = [
    "die alte Mole zu reparieren",
    "die Dieselbusse zu ersetzen",
    "eine zweite Fährlinie zu eröffnen",
    "einen Batteriespeicher neben dem Umspannwerk zu bauen",
    "die Radwege am Kai zu verbreitern",
    "Sensoren am Riff zu testen",
    "den Preis der Monatskarte zu senken",
]
DE_DETAILS = [
    "Die Kosten werden auf rund {n} Millionen Euro geschätzt.",
    "Die Arbeiten sollen vor dem Winter enden.",
    "Die Anwohner wurden auf zwei Versammlungen im Rathaus nach ihrer Meinung gefragt.",
    "Kritiker sagen, das Geld wäre in den Schulen besser angelegt.",
    "Der Plan braucht noch die Zustimmung der Landesregierung.",
    "Ähnliche Vorhaben in anderen Städten dauerten doppelt so lange wie geplant.",
    "Ein Sprecher nannte den Zeitplan knapp, aber machbar.",
    "Der letzte Versuch im Jahr {y} scheiterte am Geld.",
]

#: Endings of clean articles that are text, though they look like junk to a careless cleaner.
EN_ENDINGS = [
    "Islanders have asked for the link for a decade, and in the end the vote was close: eleven members "
    "were in favour and nine against it, with two of them absent on the day",
    "The full report is published on the council's website at https://council.example/reports/{y}/harbour",
    "42,093",
    "This interview was edited for length and clarity.",
    "Anna Berg reports on transport and the harbour for the Gazette",
    "Rating: four out of five",
    "The Harbour Café, Quay Street 4, open daily from eight",
    "More information: www.harbour.example/plans",
]
DE_ENDINGS = [
    "Die Inselbewohner warten seit zehn Jahren auf die Verbindung, und am Ende war die Abstimmung knapp: "
    "elf Mitglieder waren dafür und neun dagegen, zwei fehlten an diesem Tag",
    "Der vollständige Bericht steht auf der Seite der Gemeinde unter https://gemeinde.example/berichte/{y}",
    "42.093",
    "Das Gespräch wurde gekürzt und redigiert.",
    "Anna Berg berichtet für die Zeitung über Verkehr und den Hafen",
    "Bewertung: vier von fünf Sternen",
    "Hafencafé, Kaistraße 4, täglich ab acht Uhr geöffnet",
]
EN_QUESTIONS = [
    "Why did the plan take so long?",
    "What do the residents think?",
    "What happens next?",
    "Was the money well spent?",
]
DE_QUESTIONS = ["Warum hat der Plan so lange gedauert?", "Was sagen die Anwohner?", "Wie geht es weiter?"]

BANNERS = [
    "We use cookies to improve your experience on our site. By continuing you accept our cookie policy. Accept all",
    "Sign up for our newsletter and get the top stories of the week in your inbox.",
    "Wir verwenden Cookies, um unsere Website zu verbessern. Alle akzeptieren",
    "Already a subscriber? Log in to continue reading.",
]
NOISE = ["Views : {n}", "Update time : 2026-11-0{d} 14:{m}:10", "Share this article", "Comments ({n})"]


@dataclass(frozen=True)
class Article:
    """A generated file: its name and text, the paragraphs that must survive and the junk that
    must not (empty for clean articles)."""

    name: str
    text: str
    kept: tuple[str, ...]
    junk: tuple[str, ...] = ()


class _Writer:
    """Sentences and paragraphs for one article, none used twice (a repeated sentence is
    rightly read once, which would count as a loss here)."""

    def __init__(self, rng: random.Random, german: bool):
        self.rng, self.german = rng, german
        self.details = list(DE_DETAILS if german else EN_DETAILS)
        rng.shuffle(self.details)
        self.used: set[str] = set()

    def sentence(self) -> str:
        subjects, actions, objects = (
            (DE_SUBJECTS, DE_ACTIONS, DE_OBJECTS) if self.german else (EN_SUBJECTS, EN_ACTIONS, EN_OBJECTS)
        )
        while True:
            made = f"{self.rng.choice(subjects)} {self.rng.choice(actions)} {self.rng.choice(objects)}."
            if made not in self.used:
                self.used.add(made)
                return made

    def paragraph(self) -> str:
        parts = [self.sentence()]
        for _ in range(self.rng.randint(1, 2)):
            if self.details:
                parts.append(self.details.pop())
        return " ".join(parts).format(n=self.rng.randint(2, 90), y=self.rng.randint(1990, 2024))


def _body(writer: _Writer, kind: str) -> list[str]:
    paragraphs = [writer.paragraph() for _ in range(writer.rng.randint(4, 6))]
    if kind == "interview":
        questions = list(DE_QUESTIONS if writer.german else EN_QUESTIONS)
        writer.rng.shuffle(questions)
        for index in range(1, min(len(paragraphs), 2 * len(questions)), 2):
            paragraphs.insert(index, questions.pop())
    return paragraphs


def clean_articles(count: int = 48, seed: int = 20261125) -> list[Article]:
    """``count`` clean articles, half English and half German, each kind in turn."""
    rng = random.Random(seed)
    articles = []
    for number in range(count):
        german = number % 2 == 1
        kind = ("news", "essay", "review", "interview")[number // 2 % 4]
        writer = _Writer(rng, german)
        title = ("Bericht" if german else "Report") + f" {number}: " + writer.sentence().rstrip(".")
        body = _body(writer, kind)
        endings = DE_ENDINGS if german else EN_ENDINGS
        tail = [e.format(y=rng.randint(1990, 2024)) for e in rng.sample(endings, rng.randint(1, 3))]
        paragraphs = body + tail
        text = title[:80] + "\n\n" + "\n\n".join(paragraphs) + "\n"
        articles.append(Article(f"clean-{number:02d}-{kind}-{'de' if german else 'en'}.txt", text, tuple(paragraphs)))
    return articles


def scraped_pages(count: int = 24, seed: int = 20261126) -> list[Article]:
    """``count`` scraped pages: article paragraphs one per line, with noise lines, a banner, the
    next article cut off mid-word and two to four teasers of others."""
    rng = random.Random(seed)
    pages = []
    for number in range(count):
        german = number % 2 == 1
        writer = _Writer(rng, german)
        title = ("Meldung" if german else "Story") + f" {number}: " + writer.sentence().rstrip(".")
        body = [writer.paragraph() for _ in range(rng.randint(3, 4))]
        noise = [n.format(n=rng.randint(2, 9000), d=rng.randint(1, 9), m=rng.randint(10, 59)) for n in NOISE[:2]]
        banner = rng.choice(BANNERS)
        other = _Writer(rng, german)  # the next article on the page
        cut = " ".join(other.paragraph() for _ in range(2))
        cut = cut[: rng.randint(130, len(cut) - 5)].rstrip(" .,")
        while not cut[-1].isalpha():
            cut = cut[:-1]
        teasers = [_Writer(rng, german).paragraph()[:300].rsplit(" ", 1)[0] for _ in range(rng.randint(2, 4))]
        lines = [title, *noise, *body[:2], banner, *body[2:], cut, *teasers]
        pages.append(
            Article(
                f"scraped-{number:02d}-{'de' if german else 'en'}.txt",
                "\n".join(lines) + "\n",
                tuple(body),
                tuple([*noise, banner, cut, *teasers]),
            )
        )
    return pages


def _norm(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Measured:
    """What the cleaners did to a set of articles."""

    articles: int
    paragraphs: int  # that must survive
    lost: list[tuple[str, str]]  # (file, paragraph) that did not
    junk: int  # paragraphs and lines that should go
    left: list[tuple[str, str]]  # (file, junk) still in the text


def measure(engine, articles: list[Article], folder) -> Measured:  # noqa: ANN001 (an Engine and a Path)
    """Load ``articles`` from files in ``folder`` with ``engine`` and count what was kept and dropped."""
    for article in articles:
        (folder / article.name).write_text(article.text, encoding="utf-8")
    documents, _ = engine.load([str(folder / a.name) for a in articles])
    by_origin = {d.origin: d for d in documents}
    lost, left = [], []
    for article in articles:
        document = by_origin[str(folder / article.name)]
        text = _norm(" ".join(s.text for s in document.sentences))
        headings = {_norm(h) for h in document.headings}  # short lines kept as headings are not lost
        lost += [(article.name, p) for p in article.kept if _norm(p) not in text and _norm(p) not in headings]
        left += [(article.name, j) for j in article.junk if _norm(j) in text]
    return Measured(len(articles), sum(len(a.kept) for a in articles), lost, sum(len(a.junk) for a in articles), left)
