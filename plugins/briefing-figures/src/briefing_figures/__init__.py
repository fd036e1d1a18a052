"""The figures tagger: money amounts, percentages and measurements, with the sentences that give them."""

from __future__ import annotations

import re

from briefing import PLUGIN_API, Tagger, Theme, hookimpl

_NUMBER = r"\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?"
_SCALE = r"(?:\s*(?:thousand|million|billion|trillion|bn|m|k|Tsd\.?|Mio\.?|Mrd\.?|Millionen|Milliarden|Billionen))?"
_CURRENCY = r"(?:euros?|Euro|EUR|dollars?|Dollar|USD|US-Dollar|pounds?|GBP|Franken|CHF|yen|Yen)"
PATTERNS = {
    "money": re.compile(rf"[€$£¥]\s?{_NUMBER}{_SCALE}|{_NUMBER}{_SCALE}\s?(?:{_CURRENCY}\b|[€$£¥])", re.IGNORECASE),
    "percentages": re.compile(rf"{_NUMBER}\s?(?:%|per\s?cent\b|percent\b|Prozent\b)", re.IGNORECASE),
    "measurements": re.compile(
        rf"{_NUMBER}\s?(?:km|kilometres?|kilometers?|Kilometer[n]?|metres?|meters?|Meter[n]?|cm|mm|kg|tonnes?"
        r"|tons?|Tonnen|[kMGT]Wh?|[kMGT]W\b|megawatts?|gigawatts?|Megawatt|Gigawatt|degrees?|Grad|°C|litres?"
        r"|liters?|Liter[n]?|hectares?|Hektar)\b",
    ),
}


class Figures(Tagger):
    name = "figures"
    description = "Figures: money amounts, percentages and measurements, with their sentences"
    api_version = PLUGIN_API

    def tag(self, document, kit, corpus):
        themes = []
        total = len(document.sentences)
        for theme, pattern in PATTERNS.items():
            found = [(len(pattern.findall(s.text)), s.position, s.text) for s in document.sentences]
            found = [f for f in found if f[0]]
            if not found:
                continue
            best = sorted(found, key=lambda f: (-f[0], f[1]))[: int(self.settings.get("evidence", 3))]
            themes.append(Theme(theme, round(len(found) / total, 4), tuple(t for _, _, t in best), self.name, "figure"))
        return themes


@hookimpl
def register_taggers(register):
    register(Figures)
