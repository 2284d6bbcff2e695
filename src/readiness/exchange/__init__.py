"""Exchange packages (DESIGN section 8): the ``.readiness`` file format, signatures, encryption
and keys. Below ``services``; imports only ``domain`` and the standard library plus the
cryptography libraries (age through pyrage, minisign through py-minisign)."""
