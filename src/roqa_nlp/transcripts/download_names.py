"""Transcripts named as a browser names one file downloaded again: Teams and Zoom give every
transcript of a meeting series the meeting's title (``Research interview.vtt``), and the
browser keeps each later download apart by a number in brackets (``Research interview (1).vtt``,
``Research interview (2).vtt``; Safari's ``Research interview-1.vtt``). Such names say
neither who was interviewed nor when: with no participant id in the labels, a header or the
name, each is a case under its file name, cited so in Table 2, and saturation takes them in
the order coded, ``(1)`` and ``(2)`` of a folder before the first download. roqa renames nothing: it says so once, naming the files and the fix
(daily27, s90, D2)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..errors import and_list
from . import natural_key

#: a browser's mark of a file downloaded again under a name it already has (Chrome's and
#: Edge's ``Research interview (1)``, Firefox's ``Research interview(1)``, Safari's
#: ``Research interview-1``), after the name: a counter from 1, of one or two digits, not a
#: year or a meeting id (hunt55, s90, L1), nor a number a browser never writes (``(0)``,
#: ``(01)``); Finder's and a researcher's ``Focus group 2`` is no browser's mark
_DOWNLOAD_MARK = re.compile(r"(?P<name>.*?\S)(?:\s*\((?P<n>[1-9]\d?)\)|-(?P<dash>[1-9]\d?))")


def download_copies(cases: Iterable[tuple[str, str | None]]) -> list[list[str]]:
    """Each group of two or more transcripts, of ``cases`` (transcript id, its case), whose
    case is their own name and whose names are one name but for a browser's download mark
    (:data:`_DOWNLOAD_MARK`), one unmarked and one marked 1, as a browser keeps the name it
    was given and numbers the next download 1: ``Research interview``, ``Research interview
    (1)``, ``Research interview (2)``; not ``RM04 (1)`` and ``RM04 (2)``, one participant's two
    sessions, nor ``Site A (1)`` and ``Site A (2)`` (hunt55, s90, L1), nor ``Site A`` and
    ``Site A (2)``, a second site A or the researcher's own numbering (s91); each group in
    natural order, the groups by their first."""
    groups: dict[str, list[str]] = {}
    first: set[str] = set()
    unmarked: set[str] = set()
    for tid, case in cases:
        if case != tid:  # a participant id found: its case says who it is
            continue
        m = _DOWNLOAD_MARK.fullmatch(tid)
        name = (m.group("name") if m else tid).casefold()
        groups.setdefault(name, []).append(tid)
        if not m:
            unmarked.add(name)
        elif "1" in (m.group("n"), m.group("dash")):
            first.add(name)
    both = first & unmarked
    found = [sorted(ids, key=natural_key) for k, ids in groups.items() if k in both]
    return sorted((ids for ids in found if len(ids) > 1), key=lambda ids: natural_key(ids[0]))


def download_names_warning(ids: list[str]) -> str:
    """The line `roqa inspect` and `roqa code` warn of one group of :func:`download_copies`."""
    return (
        f"{and_list(ids)} are named as a browser names one file downloaded again, with no "
        "participant id in their names, headers or labels: each is a case under its file name, "
        "cited so in Table 2, and saturation takes them in the order coded, which need not be "
        "the order they were done in; rename each file after its participant (P01.vtt), or code "
        "them with --pseudonymise KEY (each display name's participant id), and give the order "
        "they were done in with roqa report --order"
    )


def download_order_note(taken: list[str], order: list[str]) -> str:
    """What saturation says (:attr:`~roqa_nlp.framework.Saturation.order_note`), no order
    given, when interviews it judges are groups of :func:`download_copies`: those ``taken``,
    in the order taken, and ``order``, every transcript judged (:func:`order_to_give`), as the
    example of an order to give: pasted, it leaves no interview out of saturation (hunt55,
    s90, M2)."""
    return (
        f"saturation takes {and_list(taken)} in the order they were coded, but a browser named "
        "them, downloading one name again, so their names say nothing of the order they were "
        "done in; give that order as every transcript's id (here the order taken, with the "
        f'downloads in the order downloaded: `roqa report --order "{",".join(order)}"`, or a '
        "file with one per line), or rename each file after its participant (P01.vtt) or code "
        "them with --pseudonymise KEY"
    )


def order_to_give(taken: list[str], groups: list[list[str]]) -> list[str]:
    """Every transcript of ``taken`` (in the order taken), the places of each group of
    :func:`download_copies` filled in the order downloaded (its unmarked name, then ``(1)``,
    ``(2)`` ...): ``P01, Research interview (1), P02, Research interview`` gives ``P01,
    Research interview, P02, Research interview (1)``."""
    group_of = {t: k for k, ids in enumerate(groups) for t in ids}
    downloaded = [iter(ids) for ids in groups]
    return [next(downloaded[group_of[t]]) if t in group_of else t for t in taken]
