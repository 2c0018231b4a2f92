"""Rich Text Format transcripts (.rtf), as WordPad, TextEdit and transcription services save them.

The document's text is extracted with striprtf (BSD-3-Clause): ``\\'xx`` escapes and raw bytes
are read in the file's code page (``\\ansicpgNNNN``; Windows-1252 when it names none), ``\\uN``
characters are decoded (surrogate pairs joined), paragraphs and line breaks become new lines, and
formatting, font tables and pictures are dropped. That text is then read as a plain-text
transcript (:mod:`.text`: ``Speaker: words`` lines and the other label shapes of
:mod:`~roqa_nlp.transcripts.speaker_labels`; one participant turn per paragraph in a file with no
labels). The transcript's ``text`` is the extracted text, so offsets point into it.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from pathlib import Path

from ..errors import RoqaError
from ..io import read_bytes
from ..schema import Transcript
from .text import parse_text

_CODE_PAGE = re.compile(rb"\\ansicpg(\d{3,5})")
_HINT = "open it in Word and save it as .docx, or export it as .txt"


def rtf_text(data: bytes, path: str | Path) -> str:
    """The plain text of an RTF document's bytes (see the module docstring)."""
    from striprtf.striprtf import rtf_to_text

    if data.startswith(codecs.BOM_UTF8):  # some editors write one before the group
        data = data[len(codecs.BOM_UTF8) :]
    if not data.lstrip().startswith(b"{\\rtf"):
        raise RoqaError(
            "is not an RTF document (it does not start with {\\rtf)", path=path, hint=_HINT
        )
    m = _CODE_PAGE.search(data[:4096])
    encoding = f"cp{int(m.group(1))}" if m else "cp1252"
    try:
        codecs.lookup(encoding)
    except LookupError:
        encoding = "cp1252"
    try:
        text = rtf_to_text(data.decode(encoding), encoding=encoding, errors="strict")
    except (UnicodeDecodeError, UnicodeEncodeError) as e:
        raise RoqaError(
            f"has bytes that are not {encoding} text, its code page ({e.reason})",
            path=path,
            hint=_HINT,
        ) from None
    except (TypeError, ValueError, IndexError, KeyError, OverflowError, RecursionError):
        # striprtf meets a damaged control word ("\uc" without its number, say) with these
        raise RoqaError(
            "is a damaged RTF document that could not be read", path=path, hint=_HINT
        ) from None
    # RTF writes a character beyond the Basic Multilingual Plane as two \\uN surrogates, which
    # striprtf leaves as two code points: join them (a lone one becomes U+FFFD).
    text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_rtf_transcript(
    path: str | Path,
    *,
    interviewer_labels: Sequence[str] | None = None,
    participant: str | None = None,
) -> Transcript:
    """Read an .rtf transcript (see the module docstring)."""
    text = rtf_text(read_bytes(path), path)
    t = parse_text(text, path, interviewer_labels=interviewer_labels, participant=participant)
    t.metadata.update({"format": "rtf", "rendering": "extracted"})
    return t
