"""What loading a source can raise or warn of: plain exceptions every layer may use (the text
and source readers raise them; plugins raise them too, through :mod:`briefing.interfaces`)."""


class LoadError(Exception):
    """A source cannot be loaded; the message says why, in words for the user."""


class SourceWarning(UserWarning):
    """Something about a source the user should know, though it loaded (e.g. a guessed encoding)."""
