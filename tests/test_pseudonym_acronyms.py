"""An organisation's acronym names a place as its name does: a hospital ``the QEII``, a trust
``HPFT``. It is listed to check wherever it stands, unless health and care talk uses it of a kind
of body, service, role or thing (``data/generic_acronyms.txt``: NHS, CQC, GP, CPN, MDT, CFIR,
PPE, DBS, KPI), or it is a word in capitals (``SO``, ``AUDIT``) or a Roman numeral (``III``).
s75 tester, D: neither acronym was listed."""

from __future__ import annotations

from pseudonym_helpers import talk
from roqa_nlp.pseudonyms import PseudonymKey, names_to_check, pseudonymise


def listed(*said: str, key: dict[str, str] | None = None) -> list[tuple[str, int]]:
    (after,), pseudonyms = pseudonymise([talk("p01", *said)], PseudonymKey(key or {}))
    return [(f.word, f.count) for f in names_to_check([after], pseudonyms)]


def test_a_hospitals_and_a_trusts_acronym_are_listed_wherever_they_stand_and_last() -> None:
    """After the other words, however often said: most acronyms that the allow-list misses name
    a kind of thing (the s76 gate: 87 of 89 over 168 interviews, before the list grew)."""
    said = (
        "I trained at the QEII. HPFT took over in 2019, and HPFT's board said no, HPFT again. "
        "We went to Bramley and Bramley."
    )
    assert listed(said) == [("Bramley", 2), ("HPFT", 3), ("QEII", 1)]


def test_not_a_generic_acronym_a_word_in_capitals_or_a_numeral() -> None:
    said = (
        "The NHS, the CQC, my GP, the CPN, the MDT, CFIR, PPE, a DBS check and the KPIs. It was "
        "SO hard, NOT fair. The BARC-10 score, SGLT2 and MAYSI-2. The AUDIT tool, the phase III trial, the ICU, A&E and the ICB. INT: yes."
    )
    assert listed(said) == []


def test_a_transcribers_note_word_in_capitals_is_not_listed() -> None:
    """Session 76 hunt3 R4: ``REF: 00:45:12 recording stopped`` is read as a note in the talk,
    and its word (like UNK, TBA, END, ...: data/note_abbreviations.txt) was listed as an
    organisation's acronym."""
    said = (
        "REF: 00:45:12 recording stopped. UNK: 00:12:03. TBA by the team. END of the tape. "
        "FYI, the RSVP and the AOB went out. I trained at the QEII."
    )
    assert listed(said) == [("QEII", 1)]


def test_a_keyed_acronym_is_not_listed() -> None:
    said = "I trained at the QEII. HPFT took over."
    assert listed(said, key={"HPFT": "trust"}) == [("QEII", 1)]
