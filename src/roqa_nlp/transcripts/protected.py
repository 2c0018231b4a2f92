"""Office files saved with a password: Word and Excel wrap a password-protected ``.docx`` or
``.xlsx`` in an OLE compound file (the format of Word 97-2003's ``.doc``), not a zip archive,
so it is told apart by its first bytes and named as such rather than as an unreadable file."""

from __future__ import annotations

from pathlib import Path

from ..errors import RoqaValueError

#: The first bytes of an OLE compound file.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The stream an encrypted Office Open XML file keeps its package in (UTF-16 in the directory).
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def refuse_ole_office_file(data: bytes, path: str | Path, *, app: str, extension: str) -> None:
    """Raise a one-line error naming ``path`` when ``data`` is an OLE compound file, not the
    zip archive a ``extension`` file is: password-protected (its package encrypted), or an older
    ``app`` file given the new extension."""
    if not data.startswith(OLE_SIGNATURE):
        return
    hint = f"open it in {app}, save a copy without the password as {extension}, and read that"
    if _ENCRYPTED_PACKAGE in data:
        raise RoqaValueError("is password-protected", path=path, hint=hint)
    raise RoqaValueError(
        f"is password-protected, or saved in the {app} 97-2003 format, not as {extension}",
        path=path,
        hint=hint,
    )
