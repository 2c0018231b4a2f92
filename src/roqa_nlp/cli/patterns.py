"""A shell pattern (``study/*.vtt``) that reached roqa as typed, in place of the paths it stands
for: a shell passes a pattern on unexpanded when nothing matches it, or when it is quoted. The
error says so, not "file or folder not found" (mistakes tester, session 52: ``roqa code
'study/*.vtt'`` and ``roqa agree 'cod*' rev`` said only that the path was not found)."""

from __future__ import annotations

import glob
from pathlib import Path

from ..errors import RoqaError, first_few

#: The wildcards of every shell: any run of characters, and any one character. A ``[...]``
#: class is left out: ``Interview [final].docx`` is a file name more often than a pattern.
_WILDCARDS = ("*", "?")


def is_pattern(path: str | Path) -> bool:
    """Whether ``path`` holds a wildcard and names no file or folder that is there."""
    text = str(path)
    try:
        there = Path(text).exists()
    except (OSError, ValueError):  # too long a name for the system, a NUL in it
        return False
    return any(w in text for w in _WILDCARDS) and not there


def pattern_error(pattern: str | Path) -> RoqaError:
    """The one-line error of a path given that is the shell pattern ``pattern``: none of it is
    there (:func:`is_pattern`), and it either matches nothing or was quoted."""
    text = str(pattern)
    matches = sorted(glob.glob(text))
    if not matches:
        other_case = _matches_in_another_case(text)
        return RoqaError(
            "no file or folder matches this pattern",
            path=text,
            hint="check it, or give the files or their folder"
            if not other_case
            else f"it tells upper from lower case, and {first_few(other_case)} "
            f"{'matches' if len(other_case) == 1 else 'match'} it in another case: write it as "
            "the names are written",
        )
    return RoqaError(
        f"is a pattern, which {len(matches)} "
        f"{'file or folder matches' if len(matches) == 1 else 'files or folders match'} "
        f"({first_few(matches)}), passed on as typed since it was quoted",
        path=text,
        hint="leave out the quotes so that the shell gives roqa the files",
    )


def _matches_in_another_case(pattern: str) -> list[str]:
    """The files of the pattern's folder whose names match its last part with upper and lower
    case aside (``zoom/a.vtt`` of ``zoom/*.VTT``), where the folder is named without wildcards:
    a shell's patterns tell the cases apart (docswalk s86, L7: "no file matches" said no more)."""
    import fnmatch

    where = Path(pattern)
    if any(w in str(where.parent) for w in _WILDCARDS):
        return []
    try:
        names = sorted(p.name for p in where.parent.iterdir()) if where.parent.is_dir() else []
    except OSError:
        return []
    wanted = where.name.casefold()
    return [str(where.parent / n) for n in names if fnmatch.fnmatchcase(n.casefold(), wanted)]
