"""PDF transcripts (.pdf), as transcription services, Otter and Word's "Save as PDF" deliver them.

Each page's text layer is extracted with pypdf (BSD-3-Clause), in reading order, one line of the
page a line of text. The page furniture a PDF repeats (page numbers, running headers and footers,
a browser's print stamp) is left out, at the top and the bottom of a page only, and never a line
with a speaker label, by the rules of :mod:`.page_furniture` (a page number's shape at a page's
edge is its number: a PDF's pages are the pages printed).

Typographic ligatures (``ﬁ``) are written as their letters, control characters dropped, and the
pages joined by a new line. That text is then read as a plain-text transcript (:mod:`.text`:
``Speaker: words`` lines and the other label shapes of
:mod:`~roqa_nlp.transcripts.speaker_labels`; a line a page wraps continues its turn; one
participant turn per paragraph in a file with no labels). The transcript's ``text`` is the
extracted text, so offsets point into it. A PDF without a text layer (a scan), a
password-protected one and one whose pages decompress past pypdf's limit (a decompression bomb)
are one-line errors: the first needs OCR, the second its password removed.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

from ..errors import RoqaError, RoqaValueError
from ..io import read_bytes
from ..schema import Transcript
from .page_furniture import furniture_lines
from .text import parse_text

#: More pages than this is no interview transcript (and bounds the work a hostile file causes).
MAX_PAGES = 2000

_HINT = "open it in Word and save it as .docx, or export the transcript as .txt"
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _page_texts(data: bytes, path: str | Path) -> list[str]:
    """The text layer of each page, as pypdf extracts it."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, LimitReachedError

    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # its notes on damaged cross-references are not the researcher's
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise RoqaValueError(
                "is password-protected", path=path, hint="save a copy without the password"
            )
        if len(reader.pages) > MAX_PAGES:
            raise RoqaValueError(
                f"has {len(reader.pages)} pages, above the limit of {MAX_PAGES}",
                path=path,
                hint="split it into one file per interview",
            )
        return [page.extract_text() or "" for page in reader.pages]
    except RoqaError:
        raise
    except DependencyError:  # AES encryption needs the cryptography package
        raise RoqaValueError(
            "is encrypted in a way that needs the cryptography package to read",
            path=path,
            hint="save a copy without protection (print it to PDF), or pip install cryptography",
        ) from None
    except LimitReachedError:  # pypdf's guard against decompression bombs
        raise RoqaValueError(
            "expands past the safe limit when its pages are decompressed, so it is not read",
            path=path,
            hint=_HINT,
        ) from None
    except Exception:  # pypdf meets a damaged file with many kinds of error
        raise RoqaValueError(
            "is a damaged PDF that could not be read", path=path, hint=_HINT
        ) from None
    finally:
        quiet.setLevel(level)


def pdf_text(data: bytes, path: str | Path) -> str:
    """The transcript text of a PDF's bytes, page furniture left out (see the module
    docstring)."""
    if b"%PDF-" not in data[:1024]:  # the header may follow a little junk
        raise RoqaValueError(
            "is not a PDF document (it has no %PDF- header)", path=path, hint=_HINT
        )
    pages = [
        _CONTROL.sub("", text.translate(_LIGATURES).replace("\r\n", "\n").replace("\r", "\n"))
        for text in _page_texts(data, path)
    ]
    if not any(p.strip() for p in pages):
        raise RoqaValueError(
            "holds no text, only images of pages (a scanned PDF?)",
            path=path,
            hint="run it through OCR, or ask for the transcript as .docx or .txt",
        )
    split = [p.split("\n") for p in pages]
    drop = furniture_lines(split)
    kept_pages = [
        "\n".join(line for i, line in enumerate(lines) if (p, i) not in drop)
        for p, lines in enumerate(split)
    ]
    return "\n".join(page.rstrip("\n") for page in kept_pages)


#: The text of the PDFs read lately, by the SHA-256 of their bytes: a folder's PDFs are read once
#: to leave out those without speaker labels (consent forms) and again to be coded. Keyed by
#: content, so an edited file is read afresh.
_EXTRACTED: OrderedDict[str, str] = OrderedDict()
_EXTRACTED_MAX = 64


def _extracted_text(data: bytes, path: str | Path) -> str:
    """:func:`pdf_text`, from :data:`_EXTRACTED` when these bytes were read lately."""
    key = hashlib.sha256(data).hexdigest()
    text = _EXTRACTED.get(key)
    if text is None:
        text = pdf_text(data, path)
        _EXTRACTED[key] = text
        if len(_EXTRACTED) > _EXTRACTED_MAX:
            _EXTRACTED.popitem(last=False)
    else:
        _EXTRACTED.move_to_end(key)
    return text


def read_pdf_transcript(
    path: str | Path,
    *,
    interviewer_labels: Sequence[str] | None = None,
    participant: str | None = None,
) -> Transcript:
    """Read a .pdf transcript (see the module docstring)."""
    text = _extracted_text(read_bytes(path), path)
    t = parse_text(text, path, interviewer_labels=interviewer_labels, participant=participant)
    t.metadata.update({"format": "pdf", "rendering": "extracted"})
    return t
