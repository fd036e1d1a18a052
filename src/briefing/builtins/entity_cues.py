"""The words around and inside names that tell their kind, for the entity tagger: titles and
verbs of saying (people), words like "University" or "GmbH" (organisations), words like "Reef"
or a preceding "in" (places), and the words of roles' titles."""

from __future__ import annotations

from ..text.names import CONNECTORS

HONORIFICS = frozenset(
    """Mr Mrs Ms Dr Prof Professor Sir Dame Herr Frau Madame Monsieur Mme Señor Señora Sr Sra Doña Prince
    Princess King Queen Sheikh Pope Cardinal Archbishop Bishop Rabbi Imam Ambassador Judge Colonel Captain Lieutenant
    Sergeant Admiral Commander Coach Trainer Father Sister Rev Reverend Lord Lady Baroness Baron Count Countess
    Undersecretary""".split()
)
SPEECH = frozenset(
    "said says told explained argued added warned sagte sagt sagten erklärte erklärt betonte meint warnte "
    "dit explique affirme déclare dijo afirmó explicó".split()
)
ORGANISATION_WORDS = frozenset(
    """Inc Ltd Corp Corporation Company Co Group University College Institute Agency Council Ministry
    Department Bank Association Foundation Commission Authority Union Party Network Watch Service Board
    Office Society Trust Fund Lab Laboratory Universität Hochschule Institut Verband Ministerium Stiftung
    Agentur GmbH AG SE Behörde Amt Bundesamt Verein Werke Stadtwerke Université Universidad Ministère
    Ministerio Agence Agencia Fundación Instituto Robotics Systems Technologies Technology Labs Motors
    Airlines Airways Energy Capital Partners Holdings Media Pharma Pharmaceuticals Software Industries
    Electronics Semiconductor Semiconductors Bancorp Insurance Logistics Railways Railway""".split()
)
PLACE_WORDS = frozenset(
    """Reef River Lake Island Islands Bay Sea Ocean Mountains Mountain Valley Street Park City County Coast
    Republic Kingdom Heights Territories Territory Emirates Strip Province Peninsula Desert Canal
    Harbour Harbor Gulf Strait Riff See Insel Inseln Tal Straße Fluss Alpen Küste Bucht Stadt Land Mer Lac
    Île Río Lago Isla Mar""".split()
)
#: Nouns that stand before a name in apposition ("die Stadt Malmö", "der Konzern Acme"): not part of it.
APPOSITIONS = {
    "Stadt": "place",
    "Gemeinde": "place",
    "Land": "place",
    "Bundesland": "place",
    "Region": "place",
    "Insel": "place",
    "Firma": "organisation",
    "Konzern": "organisation",
    "Unternehmen": "organisation",
}
#: First words of a place's name ("South Africa", "West Bank"): no person's.
COMPASS = frozenset(
    """North South East West Northern Southern Eastern Western Central Nord Süd Ost New San Santa Saint St
    Los Las Mount Port Fort Cape""".split()
)
#: Words of a role's title before its head ("Prime Minister", "Foreign Secretary"): with a role
#: after them they are part of the title, not a name.
TITLE_WORDS = frozenset(
    """Prime Vice Deputy Assistant Acting Foreign Interior Defence Defense Finance Health Trade Justice
    Home General Chief Executive Managing Senior Junior Economy Education Labour Labor Agriculture
    Environment Energy Transport Information Culture Legal Affairs Parliamentary Permanent""".split()
)
#: Endings of adjectives of nationality and belief ("Iraqi", "French", "Chinese", "Islamic"); a
#: word with one counts as such only where the corpus writes it before a lower-case word.
ADJECTIVE_ENDINGS = ("ian", "ean", "ese", "ish", "ic", "i", "an", "ch")
PLACE_BEFORE = frozenset("in near across off around aus nach nahe en à dans près".split())
#: Lower-case words inside people's names ("Laurence des Cars", "Ursula von der Leyen").
PARTICLES = CONNECTORS - {"of", "for"}
DETERMINERS = frozenset("the der die das dem den le la les el los las il".split())
