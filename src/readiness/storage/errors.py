"""Problems with the database file that the user must hear about in one clear line."""


class DatabaseFileError(Exception):
    """The database cannot be used; the file was left exactly as it was."""
