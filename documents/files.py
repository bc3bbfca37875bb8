"""Every file attached to a document passes through here.

A file is judged by its content, never by its name: PDF by its header and end marker, the old
Office formats (DOC, XLS, PPT) by their OLE2 compound-file streams, the new ones (DOCX, XLSX,
PPTX) by the parts inside their ZIP container. Macro-enabled Office files and programs in
disguise are refused. What is stored gets a new random name with the extension of what the
content really is; the name the editor uploaded is kept only for the download.
"""

import posixpath
import unicodedata
import uuid
import zipfile

import olefile
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from portal.uploads import refuse, upload_size_check

# kind -> (extension, content type, name shown to readers)
KINDS = {
    "pdf": ("pdf", "application/pdf", "PDF"),
    "doc": ("doc", "application/msword", "Word"),
    "docx": (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Word",
    ),
    "xls": ("xls", "application/vnd.ms-excel", "Excel"),
    "xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
    "ppt": ("ppt", "application/vnd.ms-powerpoint", "PowerPoint"),
    "pptx": (
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "PowerPoint",
    ),
}
KIND_CHOICES = [(kind, kind.upper()) for kind in KINDS]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# Programs and scripts, whatever their name says: Windows (MZ), Linux (ELF), macOS (Mach-O),
# Java classes / fat Mach-O (CAFEBABE) and shell scripts.
EXECUTABLE_MAGICS = (
    b"MZ",
    b"\x7fELF",
    b"\xfe\xed\xfa\xce",
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
    b"#!",
)
# The main part of each Office Open XML kind, and the parts that carry macros.
OOXML_MAIN_PARTS = {
    "word/document.xml": "docx",
    "xl/workbook.xml": "xlsx",
    "ppt/presentation.xml": "pptx",
}
OOXML_MACRO_MARKERS = ("vbaproject.bin", "vbadata.xml", "activex/")
OLE_MAIN_STREAMS = {"worddocument": "doc", "workbook": "xls", "book": "xls"}
OLE_MACRO_STORAGES = {"macros", "_vba_project_cur", "vba", "_vba_project"}
ZIP_MAX_ENTRIES = 5000
CONTENT_TYPES_MAX_BYTES = 1024 * 1024

ACCEPTED = _("Only PDF, DOC, DOCX, XLS, XLSX, PPT and PPTX files are accepted.")


def document_file_check(uploaded):
    """The kind (a key of KINDS) of ``uploaded`` judged by its content, or ValidationError."""
    upload_size_check(uploaded, settings.DOCUMENT_MAX_UPLOAD_BYTES)
    uploaded.seek(0)
    head = uploaded.read(1024)
    uploaded.seek(0)
    if head.startswith(EXECUTABLE_MAGICS):
        refuse(
            _("This file is a program, not a document: it is refused whatever its name says."),
            "executable",
        )
    if head.startswith(b"%PDF-"):
        kind = _pdf_check(uploaded)
    elif head.startswith(OLE_MAGIC):
        kind = _ole_check(uploaded)
    elif head.startswith(ZIP_MAGIC):
        kind = _ooxml_check(uploaded)
    else:
        refuse(ACCEPTED, "unknown_type")
    uploaded.seek(0)
    return kind


def _pdf_check(uploaded):
    # A PDF ends with "%%EOF" (a few bytes of padding may follow); a truncated upload does not.
    uploaded.seek(max(0, uploaded.size - 1024))
    if b"%%EOF" not in uploaded.read():
        refuse(_("The PDF file is incomplete or damaged."), "broken_pdf")
    return "pdf"


def _ole_check(uploaded):
    try:
        ole = olefile.OleFileIO(uploaded)
    except Exception:  # olefile raises many kinds of error for a damaged container
        refuse(_("The Office file is damaged and cannot be read."), "broken_office")
    try:
        entries = [[part.lower() for part in entry] for entry in ole.listdir(True, True)]
    finally:
        ole.close()
    names = {part for entry in entries for part in entry}
    if names & OLE_MACRO_STORAGES:
        refuse(_macro_message(), "macro")
    top_level = {entry[0] for entry in entries if len(entry) == 1}
    if "powerpoint document" in top_level:
        return "ppt"
    for stream, kind in OLE_MAIN_STREAMS.items():
        if stream in top_level:
            return kind
    refuse(ACCEPTED, "unknown_type")


def _ooxml_check(uploaded):
    try:
        with zipfile.ZipFile(uploaded) as archive:
            infos = archive.infolist()
            if len(infos) > ZIP_MAX_ENTRIES:
                refuse(ACCEPTED, "unknown_type")
            names = {info.filename.lower() for info in infos}
            if "[content_types].xml" not in names:
                refuse(ACCEPTED, "unknown_type")
            with archive.open("[Content_Types].xml") as part:
                content_types = part.read(CONTENT_TYPES_MAX_BYTES).lower()
    except ValidationError:
        raise
    except Exception:  # a damaged or odd ZIP: zipfile raises many kinds of error
        refuse(_("The Office file is damaged and cannot be read."), "broken_office")
    if b"macroenabled" in content_types or any(
        marker in name for name in names for marker in OOXML_MACRO_MARKERS
    ):
        refuse(_macro_message(), "macro")
    for part, kind in OOXML_MAIN_PARTS.items():
        if part in names:
            return kind
    refuse(ACCEPTED, "unknown_type")


def _macro_message():
    return _(
        "Files with macros (such as .docm, .xlsm, .pptm) are refused: macros can carry "
        "viruses. Save the file again as an ordinary document (DOCX, XLSX, PPTX or PDF)."
    )


def download_name(original_name, kind):
    """The name a reader's download gets: the uploaded name, with the extension of what the
    file really is, and without folders or control characters."""
    name = posixpath.basename(str(original_name).replace("\\", "/"))
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip(" .")
    stem = posixpath.splitext(name)[0].strip(" .") or "van-ban"
    return f"{stem[:150]}.{KINDS[kind][0]}"


@deconstructible
class DocumentUploadTo:
    """documents/YYYY/MM/<random>.<extension of the checked kind>: never the uploaded name."""

    def __call__(self, instance, filename):
        ext = KINDS.get(getattr(instance, "kind", ""), ("bin",))[0]
        return f"documents/{timezone.localtime():%Y/%m}/{uuid.uuid4().hex}.{ext}"

    def __eq__(self, other):
        return isinstance(other, DocumentUploadTo)
