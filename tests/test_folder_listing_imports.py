"""Specification: listing a folder of plain-text transcripts (``expand_paths``, which leaves out
tables without transcript columns, JSON that is not Whisper's and saved Zoom chats) does not
import the table, Whisper and speaker-label readers: their modules compile many patterns as
they are imported, which a warm re-code of ``.txt`` files never uses (session 85)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

LISTING = """
import json, sys
from roqa_nlp.transcripts import expand_paths
found = [p.name for p in expand_paths([sys.argv[1]])]
print(json.dumps([found, sorted(m for m in sys.modules if m.startswith("roqa_nlp.transcripts."))]))
"""

READERS = (
    "roqa_nlp.transcripts.csv",
    "roqa_nlp.transcripts.whisper_json",
    "roqa_nlp.transcripts.speaker_labels",
)


def listed(folder: Path) -> tuple[list[str], list[str]]:
    out = subprocess.run(
        [sys.executable, "-c", LISTING, str(folder)], capture_output=True, text=True, check=True
    )
    found, modules = json.loads(out.stdout)
    return found, modules


def test_a_folder_of_text_files_imports_no_other_reader(tmp_path: Path) -> None:
    for name in ("p01.txt", "p02.txt"):
        (tmp_path / name).write_text("Interviewer: Why?\n\nP01: Because.\n", encoding="utf-8")
    found, modules = listed(tmp_path)
    assert found == ["p01.txt", "p02.txt"]
    assert [m for m in READERS if m in modules] == []


def test_a_table_a_json_file_and_a_saved_chat_are_still_looked_into(tmp_path: Path) -> None:
    (tmp_path / "p01.txt").write_text("Interviewer: Why?\n\nP01: Because.\n", encoding="utf-8")
    (tmp_path / "people.csv").write_text("name,age\nAna,40\n", encoding="utf-8")
    (tmp_path / "notes.json").write_text('{"a": 1}', encoding="utf-8")
    chat = "".join(f"00:0{i}:00 From Sam Roe to Everyone:\n\thello {i}\n" for i in range(5))
    (tmp_path / "chat.txt").write_text(chat, encoding="utf-8")
    found, modules = listed(tmp_path)
    assert found == ["p01.txt"]
    assert [m for m in READERS if m in modules] == list(READERS)
