"""Errors the user can cause; each carries a code, its parameters and an English message.

Two ways to give the code: a key of ``TEMPLATES`` (``code="missing"``), or the English sentence
itself with ``{name}`` fields (positional; it is its own msgid). The sentence shown to the user
is made at the edge (``minutes_app.i18n.messages.error_text``) in the interface language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Message:
    """A sentence the core has to say, as a code and its parameters (never words).

    ``minutes_app.i18n.messages.render`` makes it a sentence in the interface language.
    """

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)


def N_(message: str) -> str:
    """Mark a template for the catalog without translating it here (translated at the edge)."""
    return message


def english(msg: Message) -> str:
    """``msg`` as an English sentence (its code with its parameters, messages said in turn)."""
    params = {k: _english_param(v) for k, v in msg.params.items()}
    return msg.code.format_map(params) if params else msg.code


N_("{place}: {problem}")
N_("{count} more")


# Templates of the errors raised with a code; named placeholders, filled at the edge.
TEMPLATES: dict[str, str] = {
    "missing": N_("{name} does not exist."),
    "folder": N_("{name} is a folder, not a .minutes file."),
    "no_permission": N_("You do not have permission to read {name}."),
    "not_a_file": N_("{name} is not a file but a device, a pipe or a socket: nothing was read "
                     "from it. Give the document's file."),
    "path_too_long": N_("The path of {name} is too long ({size} bytes; at most {limit}): move "
                        "the file to a folder with a shorter path."),
    "foreign_journal": N_("Beside {name} lies {journal}, a leftover journal that belongs to "
                          "another file (or another copy of this document), not to {name}. "
                          "{name} was left untouched: nothing of {journal} was applied to it. "
                          "To open {name}, move {journal} to another folder (keep it if the "
                          "other file may need it)."),
    "not_minutes": N_("{name} is not a minutes document (it is not a .minutes file)."),
    "header_truncated": N_("{name} is truncated: the file ends inside its header."),
    "truncated": N_("{name} is truncated: it holds {size} bytes of {expected}. "
                    "Use a complete copy of the file."),
    "foreign_sqlite": N_("{name} is an SQLite database but not a minutes document."),
    "newer": N_("{name} was saved by a newer version of minutes_app (file format {version}; "
                "this version reads up to {supported}). Please update minutes_app."),
    "bad_version": N_("{name} is damaged: it declares file format {version}, which no "
                      "version of minutes_app wrote."),
    "damaged": N_("{name} is damaged and cannot be read ({detail})."),
    "foreign_schema": N_("{name} is not a minutes document as minutes_app writes them: it "
                         "holds {detail}. It was refused without being read."),
    "too_slow": N_("Reading {name} took too long and was stopped: the file is built to "
                   "keep a reader busy, or it is damaged."),
    "damaged_rows": N_("{name} is damaged: {detail}."),
    "damaged_rows_intact": N_("{name} is damaged: {detail}. The rest of the document is "
                              "intact: open it in the editor (read-only) and use Save As to "
                              "keep a copy."),
    "changed_outside": N_("{name} was changed outside minutes_app: {detail}. Open it in the "
                          "editor (read-only) to check these places, and use Save As to keep "
                          "a copy."),
    "locked": N_("{name} is open in another minutes_app window or process. Close it there "
                 "first, or open a copy."),
    "read_only": N_("{name} is read-only here; keep a copy of it (Save As in the editor) to "
                    "change it."),
    "opened_read_only": N_("{name} is open read-only: nothing is written to it. Use Save As "
                           "to keep your edits in a copy."),
    "exists": N_("{name} already exists; choose another name."),
    "no_folder": N_("The folder {folder} does not exist; choose an existing folder."),
    "folder_read_only": N_("You cannot write into the folder {folder}; choose another folder."),
    "disk_full": N_("{name} could not be saved: the disk is full. Nothing was changed; free "
                    "some space or save to another disk."),
    "write_failed": N_("{name} could not be saved ({detail}). Nothing was changed."),
    "file_changed": N_("{name} was changed, replaced or deleted by another program; nothing "
                       "more is written to it."),
    "os_error": N_("{name}: {detail}."),
    "docx_damaged": N_("{name} is damaged ({part} cannot be read). Ask for the file again, "
                       "or open it in Word and save it once more."),
    "docx_unsupported_zip": N_("{name} is compressed in a way Word does not use ({part}); "
                               "open it in Word and save it again."),
    "docx_encrypted": N_("{name} is password-protected (encrypted). Ask for a copy without a "
                         "password, or remove it in Word first."),
    "docx_not_docx": N_("{name} is not a DOCX file (not a Word document)."),
    "docx_strict": N_("{name} was saved as a Strict Open XML Document, which this app does not "
                      "read: open it in Word, save it as a Word Document (.docx) and try again."),
    "docx_truncated": N_("{name} is incomplete: its end is missing (it was cut off while being "
                         "copied, downloaded or sent). Ask for the file again."),
    "output_folder": N_("{name} is a folder: give the name of the file to write (nothing was "
                        "written)."),
    "output_read_only": N_("{name} is read-only: it was not replaced (nothing was written). "
                           "Make it writable, or choose another name."),
    "output_minutes": N_("{name} is a minutes document: an export, report or list never "
                         "overwrites one. Choose another file name (nothing was written)."),
    "import_text_too_long": N_("{name}: the text in row {row} of the table ({lang}) is {count} "
                               "characters long; a paragraph holds at most {limit}. Split it "
                               "into several rows and import the file again (nothing was "
                               "changed)."),
    "import_other_document": N_("{name} is a working copy of another document, not of this "
                                "one: import it into the document it was exported from."),
    "verify_working_copy": N_("{name} is a working copy, not a signing original: verify "
                              "reads the originals exported for signing."),
    "docx_old_word": N_("{name} is an old Word 97–2003 document (.doc). Open it in Word or "
                        "LibreOffice, save it as a Word document (.docx) and import that."),
    "docx_not_word": N_("{name} is a zip archive but not a Word document."),
    "docx_too_big": N_("{name} is larger than a document of minutes can be ({part}: {mib} "
                       "MiB unpacked); refused."),
    "docx_too_big_total": N_("{name} unpacks to {mib} MiB, more than a document of minutes "
                             "can be; refused."),
    "docx_twice": N_("{name} holds two parts named {part}: Word and this app could each "
                     "read another one, so it is refused. Ask for the file again."),
    "docx_too_many_parts": N_("{name} is larger than a document of minutes can be ({count} "
                              "parts); refused."),
    "docx_too_many_elements": N_("{name} is larger than a document of minutes can be ({part} "
                                 "holds more than {limit} XML elements); refused."),
    "docx_bomb": N_("{name} looks like a zip bomb ({part} compresses too well); refused."),
    "docx_dtd": N_("{name} contains a DTD or entity declarations, which Word never writes; "
                   "refused."),
}


# What SQLite says of a file it cannot read, as codes (its own words are English).
SQLITE_DETAILS = {
    "database disk image is malformed": N_("its pages do not fit together"),
    "file is not a database": N_("its pages are not those of a database"),
    "unable to open database file": N_("SQLite cannot open it"),
    "disk I/O error": N_("the disk could not read it"),
    "database or disk is full": N_("the disk is full"),
}
# The kinds of schema objects SQLite names, each with its name (a parameter).
SCHEMA_OBJECTS = {"table": N_("a table “{object}”"), "index": N_("an index “{object}”"),
                  "trigger": N_("a trigger “{object}”"), "view": N_("a view “{object}”")}


def sqlite_detail(text: str, integrity: bool = False) -> Message:
    """What SQLite said (``str`` of its error; ``integrity``: a failed integrity check's
    report, which is a list of pages) as a code."""
    for known, code in SQLITE_DETAILS.items():
        if known in text:
            return Message(code)
    if integrity:
        return Message(N_("SQLite's integrity check found damaged pages"))
    return Message(N_("SQLite reports “{text}”"), {"text": text})


def schema_object(kind: str, name: str) -> Message:
    """A table, index, trigger or view of a file, by its kind and name."""
    code = SCHEMA_OBJECTS.get(kind)
    if code is None:
        return Message(N_("“{object}” ({kind})"), {"object": name, "kind": kind})
    return Message(code, {"object": name})


# A damaged place in a file: (table, key, problem), each a code the edge words.
Place = tuple[str, str, str]
PLACE_TABLES = {"meta": N_("the document's {key} record"), "section": N_("section (id {key})"),
                "paragraph": N_("paragraph (id {key})"), "round": N_("round {key}"),
                "history": N_("history entry {key}"), "file": N_("the file")}
PLACE_PROBLEMS = {"json": N_("not readable"), "value": N_("an unknown value"),
                  "missing": N_("missing"), "section": N_("in a section that does not exist"),
                  "checksum": N_("changed outside minutes_app")}


def describe_places(places: list[Place], tr: Callable[[str], str]) -> str:
    """The first few damaged places as one phrase; ``tr`` translates the templates."""
    words = [tr("{place}: {problem}").format(
        place=tr(PLACE_TABLES.get(t, t)).format(key=k), problem=tr(PLACE_PROBLEMS.get(p, p)))
        for t, k, p in places[:5]]
    if len(places) > 5:
        words.append(tr("{count} more").format(count=len(places) - 5))
    return "; ".join(words)


class MinutesError(Exception):
    """Base of every error with a user-facing message (shown in a dialog or on stderr).

    Give either ``code=`` (a key of ``TEMPLATES``, kept in ``code`` for callers that test it) or,
    positionally, the English sentence with ``{name}`` fields (then ``code`` is that sentence).
    The keyword parameters fill the fields. ``message`` (and ``str()``) is the sentence in
    English, for logs; the front ends say it in the user's language through
    ``minutes_app.i18n.messages.error_text``.
    """

    def __init__(self, code_or_sentence: str = "", /, *, code: str = "", **params: Any) -> None:
        self.template = TEMPLATES[code] if code else code_or_sentence
        code = code or code_or_sentence
        message = english(Message(self.template, params))
        super().__init__(message)
        self.message = message
        self.code = code
        self.params = params
        self.details: list[Message] = []  # one line each under the sentence (e.g. the reasons)

    def __str__(self) -> str:
        return self.message

    @property
    def msg(self) -> Message:
        """The error as a sentence code (its template) and its parameters."""
        return Message(self.template, self.params)


class ValidationError(MinutesError):
    """A model operation or document would break an invariant."""


class FileFormatError(MinutesError):
    """The file is not a .minutes file, or it is corrupt or truncated."""


class DamagedFileError(FileFormatError):
    """Rows of a valid SQLite file are damaged or were changed outside the app.

    ``intact`` tells whether the rest can be opened read-only (``MinutesFile.open(...,
    salvage=True)``); ``places`` names the damaged rows.
    """

    def __init__(self, code: str, places: list[Place], intact: bool, **params: Any) -> None:
        super().__init__(code=code, detail=describe_places(places, lambda s: s), **params)
        self.places = places
        self.intact = intact


class NewerFileError(MinutesError):
    """The file was written by a newer version of minutes_app."""


class FileLockedError(MinutesError):
    """Another running instance holds the file."""


class StoreWriteError(MinutesError):
    """A write did not reach the file (full disk, lost share, read-only); nothing changed."""


class FileChangedError(MinutesError):
    """The file was replaced, changed or deleted by another program while open."""


class TemplateError(MinutesError):
    """A template or resource is missing or malformed."""


def _english_param(v: Any) -> Any:
    """A parameter said in English: a message in turn, a list of messages as ``render``."""
    if isinstance(v, (list, tuple)) and v and all(isinstance(x, Message) for x in v):
        return ", ".join(english(x) for x in v)
    return english(v) if isinstance(v, Message) else v
