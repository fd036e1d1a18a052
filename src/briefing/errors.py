"""What loading a source can raise or warn of, and what a plugin's call can end in: plain
exceptions every layer may use (the text and source readers raise them; plugins raise them too,
through :mod:`briefing.interfaces`)."""


class LoadError(Exception):
    """A source cannot be loaded; the message says why, in words for the user."""


class SourceWarning(UserWarning):
    """Something about a source the user should know, though it loaded (e.g. a guessed encoding)."""


class PluginCrashed(RuntimeError):
    """The worker process running a plugin's call ended abruptly (a crash in C code, ``os._exit``)."""
