"""Whether a transcript reads as English, the one language the packaged model was trained on.

A transcript in another language (an interview in German, Spanish or Welsh) is segmented and
coded like any other, but the model's suggestions for it mean little, so the researcher is told.
The test is the share of the participants' words that are English stop words
(``data/stop_words_en.txt``): about half in English talk, and at least 0.49 in every one of the
171 written interviews of 200 words or more in this repository, against 0.03-0.10 in German,
Spanish, Welsh and French sentences of the same content. A transcript with at least
:data:`MIN_WORDS` words of participant talk and a share below :data:`MIN_ENGLISH_SHARE` is
warned of; shorter talk says too little to judge.

Only turns of at least :data:`MIN_TURN_WORDS` words are judged: a one-word answer (``Yeah.``,
``Maybe.``, ``Staffing.``) is seldom a stop word, so an interview of such answers (300 of
them, 9 % stop words) read as another language. In the 169 interviews of
``benchmarks/data``, the participants' turns of one word hold no stop word, those of two, three
and four words 0.50, 0.43 and 0.34 (pooled), and each interview's turns of four words or more
at least 0.49, as all its turns do.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..errors import RoqaWarning
from ..io import packaged_words
from ..schema import Transcript

if TYPE_CHECKING:
    from ..json_cache import JsonCache

#: Words of participant talk below which the language is not judged.
MIN_WORDS = 200
#: Share of English stop words below which the talk does not read as English.
MIN_ENGLISH_SHARE = 0.15
#: Words a participant's turn has at least for its language to be judged (see the module
#: docstring): ``Yeah.`` or ``Staffing, mostly.`` says too little of it.
MIN_TURN_WORDS = 4
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def english_share(text: str) -> tuple[float, int]:
    """The share of ``text``'s words that are English stop words, and its number of words."""
    words = _WORD.findall(text)
    if not words:
        return 0.0, 0
    return _stop_words_in(words) / len(words), len(words)


def _stop_words_in(words: list[str]) -> int:
    """How many of ``words`` are English stop words (``data/stop_words_en.txt``), in any case."""
    common = packaged_words("stop_words_en.txt")
    return sum(w.casefold() in common for w in words)


def language_warning(transcript: Transcript) -> str | None:
    """One line naming the transcript's file when its participants' talk, in turns of at least
    :data:`MIN_TURN_WORDS` words, does not read as English (see the module docstring), else
    None."""
    said = (
        _WORD.findall(transcript.text[u.start : u.end])
        for u in transcript.turns
        if u.role == "participant"
    )
    judged = [words for words in said if len(words) >= MIN_TURN_WORDS]
    # the words of the judged turns, as english_share finds them in the turns joined by spaces
    # (no word spans a space), each turn's words found once; counted only until the share
    # reaches MIN_ENGLISH_SHARE, which the rest of the talk can only raise: English talk, about
    # half stop words, reaches it within its first third (a warm re-code of 2,990 segments
    # spent 7 % of its time here, finding every word twice and looking each up)
    n = sum(map(len, judged))
    if n < MIN_WORDS:
        return None
    found = 0
    for words in judged:
        found += _stop_words_in(words)
        if found / n >= MIN_ENGLISH_SHARE:
            return None
    share = found / n
    where = transcript.source or transcript.id
    return (
        f"{where}: the talk does not read as English ({share:.0%} of its {n} participant words "
        "are common English words, against about half in English talk), and the model reads "
        "English only, so its suggestions will mean little (code this transcript by hand, or a "
        "translation of it)"
    )


def warn_of_language(transcript: Transcript, *, stacklevel: int = 2) -> None:
    """Issue :func:`language_warning` of ``transcript`` as a :class:`RoqaWarning`, if any."""
    import warnings

    message = language_warning(transcript)
    if message:
        warnings.warn(RoqaWarning(message), stacklevel=stacklevel + 1)


def name_in_file_warning(transcript: Transcript) -> str | None:
    """The warning to give when the transcript's file name holds a speaker's name
    (:func:`~roqa_nlp.pseudonyms.names_in_file_name`), else None."""
    from ..pseudonyms import names_in_file_name

    named = names_in_file_name(transcript)
    if not named:
        return None
    from pathlib import Path

    from .roles import participant_number_label

    suffix = Path(transcript.source).suffix if transcript.source else ""
    number = participant_number_label(transcript.participant or "")
    # a QDA project's source is renamed in the program, no file (s72 ids 2)
    what, suffix = (
        ("the source in the QDA program", "")
        if transcript.metadata.get("format") == "qdpx"
        else ("the file", suffix)
    )
    rename = (
        f"rename {what} {number.lower()}{suffix}"
        if number is not None
        else f"rename {what} by the participant's number (e.g. p07{suffix})"
    )
    return (
        f"{transcript.source or transcript.id}: the file's name holds a speaker's name "
        f"({', '.join(named)}), and the outputs name the transcript by it (its case, segment "
        f"ids, the report): {rename} or code with --pseudonymise KEY.csv"
    )


def warn_of_reading(
    transcript: Transcript, *, stacklevel: int = 2, cache: JsonCache | None = None
) -> None:
    """Issue every warning about how a transcript file was read: its speakers
    (:func:`~roqa_nlp.transcripts.roles.warn_of_speakers`), its language
    (:func:`warn_of_language`), words between subtitle cues left out
    (:func:`~roqa_nlp.transcripts.cues.unread_cues_warning`), cues that end before they start
    (:func:`~roqa_nlp.transcripts.cues.backward_cues_warning`), a subtitle file whose timing
    lines sit below speakers' labels
    (:func:`~roqa_nlp.transcripts.cues.labelled_timing_warning`), lines left out as WebVTT cue
    ids that come once only (:func:`~roqa_nlp.transcripts.cue_ids.ids_said_once_warning`), a
    file read with no speakers
    told apart whose lines above its timing lines recur like names
    (:func:`~roqa_nlp.transcripts.cue_ids.name_lines_warning`), talk with no speaker's name
    whose speaker could not be told
    (:func:`~roqa_nlp.transcripts.unlabelled.undecided_talk_warning`) or that opens a subtitle
    file (:func:`~roqa_nlp.transcripts.unlabelled.unnamed_opening_warning`), talk a
    transcription tool labels as a voice it could not name
    (:func:`~roqa_nlp.transcripts.unlabelled.unidentified_voice_warning`), or talk that comes right after a
    change of speaker (:func:`~roqa_nlp.transcripts.unlabelled.after_change_warning`), an answer
    split by a repeated speaker label
    (:func:`~roqa_nlp.transcripts.render.split_turns_warning`), a line opening with a name with
    initials read as a participant's talk though it looks asked
    (:func:`~roqa_nlp.transcripts.initialled_talk.initialled_talk_warning`), words read
    into no turn
    (:func:`~roqa_nlp.transcripts.unlabelled.no_turn_warning`) or left out above the first
    speaker's label where they read as talk
    (:func:`~roqa_nlp.transcripts.unlabelled.above_first_label_warning`), header fields' lines between
    turns left out (:func:`~roqa_nlp.transcripts.unlabelled.field_lines_warning`), lines read as
    section headings and left out (:func:`~roqa_nlp.transcripts.headings.headings_warning`),
    lines shaped like headings read as talk
    (:func:`~roqa_nlp.transcripts.headings.heading_shaped_talk_warning`), a
    speaker's name
    in the file's name (:func:`~roqa_nlp.pseudonyms.names_in_file_name`), a case named by Zoom's
    default file name (:func:`~roqa_nlp.transcripts.roles.zoom_default_name_warning`) and lines
    below a question marker that ask nothing read as the interviewer's in a file that labels its
    answers
    (:func:`~roqa_nlp.transcripts.unlabelled_answers.unlabelled_answers_warning`), and lines
    opening with capitals said once read as an interviewer's words
    (:func:`~roqa_nlp.transcripts.folded_initials.folded_initials_warning`) or as an answer's
    (:func:`~roqa_nlp.transcripts.folded_initials.folded_into_answers_warning`), and lines
    that look quoted or read out inside an answer read as a new speaker's turn
    (:func:`~roqa_nlp.transcripts.quoted_labels.quoted_labels_warning`), and speakers' labels
    typed in the middle of a line, after a sentence
    (:func:`~roqa_nlp.transcripts.midline_labels.midline_labels_warning`).
    A QDA project's source is named as ``roqa import`` names it
    (:func:`~roqa_nlp.exchange.qdpx_import.named_as_source`). ``stacklevel`` as for
    :func:`warnings.warn`, counted from the caller of this function. With a reading ``cache``
    (``roqa code``'s), a transcript found there as one that gives no warning is not checked
    again (:func:`~roqa_nlp.transcripts.reading_cache.known_quiet`), and one that gives none is
    recorded there."""
    import warnings

    from .reading_cache import known_quiet, quiet_key, record_quiet

    # hashed once, to look it up and to record it (a cold run did both: s85 review)
    key = None if cache is None else quiet_key(transcript)
    if cache is not None and key is not None and known_quiet(cache, transcript, key=key):
        return
    said = reading_warnings(transcript)
    for warning in said:
        warnings.warn(warning, stacklevel=stacklevel + 1)
    if cache is not None and key is not None and not said:
        record_quiet(cache, transcript, key=key)


def reading_warnings(transcript: Transcript) -> list[RoqaWarning]:
    """The warnings :func:`warn_of_reading` issues about ``transcript``, in its order, not
    issued."""
    from .cue_ids import ids_said_once_warning, name_lines_warning
    from .cues import backward_cues_warning, labelled_timing_warning, unread_cues_warning
    from .folded_initials import folded_initials_warning, folded_into_answers_warning
    from .headings import heading_shaped_talk_warning, headings_warning
    from .initialled_talk import initialled_talk_warning
    from .midline_labels import midline_labels_warning
    from .quoted_labels import quoted_labels_warning
    from .render import split_turns_warning
    from .roles import SpeakerWarning, speaker_warning, zoom_default_name_warning
    from .unlabelled import (
        above_first_label_warning,
        after_change_warning,
        field_lines_warning,
        no_turn_warning,
        undecided_talk_warning,
        unidentified_voice_warning,
        unnamed_opening_warning,
    )
    from .unlabelled_answers import unlabelled_answers_warning

    if transcript.metadata.get("format") == "qdpx":
        from ..exchange.qdpx_import import named_as_source

        # a QDA project's source by its name in the program, as roqa inspect and roqa import
        # name it, not the member file the project keeps its text in (s72 hunt merged, L3)
        transcript = named_as_source(transcript)
    said: list[RoqaWarning] = []
    speakers = speaker_warning(transcript, interface="python")
    if speakers:
        said.append(SpeakerWarning(speakers, transcript))
    language = language_warning(transcript)
    if language:
        said.append(RoqaWarning(language))
    # each says one line of its own, or None; said in this order
    for check in (
        unread_cues_warning,
        backward_cues_warning,
        labelled_timing_warning,
        ids_said_once_warning,
        name_lines_warning,
        above_first_label_warning,
        no_turn_warning,
        field_lines_warning,
        unnamed_opening_warning,
        unidentified_voice_warning,
        headings_warning,
        heading_shaped_talk_warning,
        undecided_talk_warning,
        after_change_warning,
        split_turns_warning,
        initialled_talk_warning,
        folded_initials_warning,
        folded_into_answers_warning,
        quoted_labels_warning,
        midline_labels_warning,
        unlabelled_answers_warning,
        name_in_file_warning,
        zoom_default_name_warning,
    ):
        warning = check(transcript)
        if warning:
            said.append(RoqaWarning(warning))
    return said
