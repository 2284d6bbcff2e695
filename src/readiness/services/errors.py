"""The one exception type use cases raise for problems the user can fix."""


class UserError(Exception):
    """Bad input or an unknown id: shown to the user as one clear line, never a traceback."""
