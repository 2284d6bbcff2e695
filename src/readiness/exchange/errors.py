"""The one exception the exchange package raises for a file or key it cannot accept."""


class PackageError(ValueError):
    """A package, card or key that cannot be used; its text is one clear line for the user."""
