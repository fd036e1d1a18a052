"""What the engine lends plugins: the run's settings, its result cache and its fetcher.

A plugin reads these as ``self.services`` instead of building its own, so a loader that fetches
pages (the feed loader's ``full_articles``) obeys ``--no-cache``, ``cache_dir`` and every
``fetch_*`` setting exactly as the run's own URLs do.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .cache import Cache
from .settings import Settings
from .sources.fetch import Fetcher


@dataclass(frozen=True)
class Services:
    """The run's services, for plugins (``self.services``) and for the engine's own stages.

    ``cache`` is ``None`` when the run keeps no cache (``--no-cache``, ``cache = false``, or a
    cache that cannot be opened); ``fetcher`` then keeps no copies either.
    """

    settings: Settings = field(default_factory=Settings)
    cache: Cache | None = None
    fetcher: Fetcher = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fetcher", Fetcher(self.settings.fetch, self.cache))
