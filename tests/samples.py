"""Small real files of each kind the documents register accepts, and hostile look-alikes."""

import io
import struct
import zipfile

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
# The start of an MP4 file: its "ftyp" box (size, type, major brand, version, compatible).
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00\x00\x00\x08free"
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200 + b"PE\x00\x00"

_OOXML_TYPES = {
    "docx": ("word/document.xml", "wordprocessingml.document.main+xml"),
    "xlsx": ("xl/workbook.xml", "spreadsheetml.sheet.main+xml"),
    "pptx": ("ppt/presentation.xml", "presentationml.presentation.main+xml"),
}


def ooxml(kind="docx", *, macro=False):
    """A DOCX, XLSX or PPTX container; ``macro`` makes it the macro-enabled sibling (.docm)."""
    main_part, content_type = _OOXML_TYPES[kind]
    if macro:
        content_type = "ms-word.document.macroEnabled.main+xml"
    types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Override PartName="/{main_part}" '
        f'ContentType="application/vnd.openxmlformats-officedocument.{content_type}"/></Types>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr(main_part, "<document>Kế hoạch</document>")
        if macro:
            archive.writestr(main_part.split("/")[0] + "/vbaProject.bin", b"\x00" * 64)
    return out.getvalue()


_END, _FREE, _FAT_SECTOR, _NONE = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def _dir_entry(name, kind, *, right=_NONE, child=_NONE, start=_END, size=0):
    encoded = (name + "\x00").encode("utf-16-le")
    return (
        encoded.ljust(64, b"\x00")
        + struct.pack("<HBB", len(encoded), kind, 1)
        + struct.pack("<III", _NONE, right, child)
        + b"\x00" * 16
        + struct.pack("<I", 0)
        + b"\x00" * 16
        + struct.pack("<III", start, size, 0)
    )


def ole(*names, storages=()):
    """An OLE2 compound file (the container of DOC, XLS and PPT) holding streams ``names``
    of 4 KB each and empty storages ``storages`` (such as "Macros")."""
    sector, stream_sectors = 512, 8
    entries = [(name, 2) for name in names] + [(name, 1) for name in storages]
    fat = [_FAT_SECTOR, _END]
    directory = [None]
    data = b""
    for index, (name, kind) in enumerate(entries, start=1):
        right = index + 1 if index < len(entries) else _NONE
        if kind == 2:
            start = len(fat)
            fat += [start + i + 1 for i in range(stream_sectors - 1)] + [_END]
            data += name.encode().ljust(sector * stream_sectors, b"\x00")
            directory.append(_dir_entry(name, 2, right=right, start=start, size=4096))
        else:
            directory.append(_dir_entry(name, 1, right=right))
    directory[0] = _dir_entry("Root Entry", 5, child=1 if entries else _NONE)
    dir_bytes = b"".join(directory).ljust(sector, b"\x00")
    assert len(dir_bytes) == sector, "at most 4 directory entries"
    fat_bytes = b"".join(struct.pack("<I", n) for n in fat).ljust(sector, b"\xff")
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\x00" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, _END, 0, _END, 0)
        + struct.pack("<I", 0)
        + b"\xff" * (108 * 4)
    )
    assert len(header) == sector
    return header + fat_bytes + dir_bytes + data
