"""briefing: load sources, group them by topic, summarize and tag them, read and export briefs."""

from .hookspecs import PLUGIN_API, hookimpl
from .interfaces import Cleaner, Exporter, Loader, LoadError, Plugin, SourceWarning, Summarizer, Tagger
from .models import (
    Brief,
    Briefing,
    BriefSentence,
    Document,
    DocumentBrief,
    Dropped,
    Problem,
    ScoredSentence,
    Sentence,
    Source,
    Summary,
    Theme,
    Topic,
)
from .text.words import LanguageKit, language_kit
from .version import __version__

__all__ = [
    "__version__",
    "PLUGIN_API",
    "Brief",
    "BriefSentence",
    "Briefing",
    "Cleaner",
    "Document",
    "DocumentBrief",
    "Dropped",
    "Exporter",
    "LanguageKit",
    "LoadError",
    "Loader",
    "Plugin",
    "Problem",
    "ScoredSentence",
    "Sentence",
    "Source",
    "SourceWarning",
    "Summarizer",
    "Summary",
    "Tagger",
    "Theme",
    "Topic",
    "hookimpl",
    "language_kit",
]
