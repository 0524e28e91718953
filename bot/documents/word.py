"""Word (.docx, also .docm and .dotx): paragraphs and table cells of the main document, in reading order.

python-docx opens the package (relationships, content types, styles) with a
parser that does not resolve entities. It reads every part whole, so it is
never given the uploaded zip: the zip's directory is checked first, the XML
parts are inflated with a cap (:mod:`bot.documents.ziplimits`) into a fresh,
uncompressed package, and pictures and other binary parts go in empty, since
text is all we read.

The text is walked in the XML itself rather than through ``Paragraph.text``,
which leaves out content controls (``w:sdt``, common for dnr and date fields in
municipal templates), tracked insertions, simple fields and text boxes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

import docx
from docx.oxml.ns import qn

from bot.documents.model import DocumentError
from bot.documents.text import normalise_newlines
from bot.documents.ziplimits import check_directory, read_bounded

# Main-part content types of Word files that hold the same XML as a .docx (macro-enabled, templates).
_MAIN_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MAIN_ALIASES = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
# Parts of other Office and OpenDocument files: read as "a type we do not read", not as a damaged Word file.
_OTHER_FORMATS = ("xl/", "ppt/", "visio/", "mimetype")

_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_T, _TAB, _PTAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:ptab"), qn("w:br"), qn("w:cr")
_NB_HYPHEN = qn("w:noBreakHyphen")
_TXBX = qn("w:txbxContent")
_SDT, _SDT_CONTENT, _CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
_PPR, _PSTYLE, _NUMPR, _NUMID = qn("w:pPr"), qn("w:pStyle"), qn("w:numPr"), qn("w:numId")
_TCPR, _VMERGE, _VAL = qn("w:tcPr"), qn("w:vMerge"), qn("w:val")
_STYLE, _TYPE, _STYLE_ID, _BASED_ON, _DEFAULT = (
    qn("w:style"),
    qn("w:type"),
    qn("w:styleId"),
    qn("w:basedOn"),
    qn("w:default"),
)
# Inside a paragraph: properties, deleted or moved-away text, and the fallback copy of a drawing hold no reading text.
_SKIP_IN_PARAGRAPH = frozenset(
    {
        qn("w:pPr"),
        qn("w:rPr"),
        qn("w:del"),
        qn("w:moveFrom"),
        qn("w:instrText"),
        qn("w:delText"),
        "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
    }
)
# Wrappers that may hold blocks, rows or cells where a plain document has them directly.
_WRAPPERS = frozenset({_SDT, _SDT_CONTENT, _CUSTOM_XML})


def read_docx(data: bytes, *, named_word: bool = False) -> str:
    """The text of a .docx: one line per paragraph, table cells row by row, list items marked "• ".

    ``named_word``: the file's name says Word, so a zip without Word's parts is a damaged Word file
    rather than some other kind of zip.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = check_directory(archive)
            _refuse_other_zips(entries, named_word)
            package = _safe_package(archive, entries)
        document = docx.Document(io.BytesIO(package))
        walker = _Walker(*_paragraph_styles(document.styles.element))
        walker.blocks(document.element.body)
        return normalise_newlines("\n".join(walker.lines))
    except DocumentError:
        raise
    except Exception:
        # zipfile, zlib and lxml fail with their own errors, and python-docx assumes a well-formed package:
        # a damaged one ends in whatever AttributeError, KeyError or TypeError the missing piece leads to.
        raise DocumentError("doc_corrupt_docx") from None


def _refuse_other_zips(entries: list[zipfile.ZipInfo], named_word: bool) -> None:
    names = [entry.filename for entry in entries]
    if any(name.startswith("word/") for name in names):
        return
    if named_word and not any(name.startswith(_OTHER_FORMATS) for name in names):
        raise DocumentError("doc_corrupt_docx")
    raise DocumentError("doc_unknown_type")


def _safe_package(archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo]) -> bytes:
    """The same package, uncompressed, with capped XML parts and empty binary parts."""
    # A name given twice is read as zipfile reads it: the last one counts.
    by_name = {entry.filename: entry for entry in entries if not entry.is_dir()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as package:
        for entry in by_name.values():
            is_xml = entry.filename.lower().endswith((".xml", ".rels"))
            blob = read_bounded(archive, entry) if is_xml else b""
            if entry.filename == "[Content_Types].xml":
                for alias in _MAIN_ALIASES:
                    blob = blob.replace(alias.encode(), _MAIN_DOCUMENT.encode())
            package.writestr(entry.filename, blob)
    return out.getvalue()


def _paragraph_styles(styles: Any) -> tuple[frozenset[str], str | None]:
    """Paragraph styles that number or bullet their paragraphs (such as "List Bullet", also through the styles
    they are based on), and the default paragraph style."""
    own: dict[str, tuple[bool | None, str | None]] = {}
    default: str | None = None
    for style in styles.iterchildren(_STYLE):
        if style.get(_TYPE) != "paragraph" or style.get(_STYLE_ID) is None:
            continue
        based_on = style.find(_BASED_ON)
        own[style.get(_STYLE_ID)] = (_numbering(style.find(_PPR)), None if based_on is None else based_on.get(_VAL))
        if style.get(_DEFAULT) in ("1", "true", "on"):
            default = style.get(_STYLE_ID)
    numbered: set[str] = set()
    for style_id in own:
        current: str | None = style_id
        for _ in range(20):  # a loop of base styles in a damaged file must not hang
            if current not in own:
                break
            numbering, current = own[current]
            if numbering is not None:
                if numbering:
                    numbered.add(style_id)
                break
    return frozenset(numbered), default


def _numbering(ppr: Any) -> bool | None:
    """True if these paragraph properties number the paragraph, False if they switch numbering off, None if silent."""
    if ppr is None:
        return None
    numpr = ppr.find(_NUMPR)
    if numpr is None:
        return None
    numid = numpr.find(_NUMID)
    return numid is None or numid.get(_VAL) != "0"


def _unwrap(element: Any, tag: str) -> Iterator[Any]:
    """Children with ``tag``, also those inside content controls and custom XML."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _unwrap(child, tag)


class _Walker:
    def __init__(self, numbered_styles: frozenset[str], default_style: str | None) -> None:
        self.numbered_styles = numbered_styles
        self.default_style = default_style
        self.lines: list[str] = []

    def blocks(self, container: Any) -> None:
        """Paragraphs and tables of the body, a cell or a text box, in document order."""
        for child in container:
            if child.tag == _P:
                self.paragraph(child)
            elif child.tag == _TBL:
                self.table(child)
            elif child.tag in _WRAPPERS:
                self.blocks(child)

    def paragraph(self, p: Any) -> None:
        boxes: list[Any] = []
        text = "".join(self._runs(p, boxes))
        if text.strip() and self._is_list_item(p):
            text = "• " + text
        self.lines.append(text)
        for box in boxes:
            self.blocks(box)

    def table(self, tbl: Any) -> None:
        for row in _unwrap(tbl, _TR):
            for cell in _unwrap(row, _TC):
                if self._continues_merge(cell):
                    continue
                start = len(self.lines)
                self.blocks(cell)
                # A cell's empty paragraphs are layout, not text.
                self.lines[start:] = [line for line in self.lines[start:] if line.strip()]
            self.lines.append("")

    def _runs(self, p: Any, boxes: list[Any]) -> Iterator[str]:
        stack = [iter(p)]
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
                continue
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP_IN_PARAGRAPH:
                continue  # comments and processing instructions have a function as tag
            if tag == _T:
                yield child.text or ""
            elif tag in (_TAB, _PTAB):
                yield "\t"
            elif tag in (_BR, _CR):
                yield "\n"
            elif tag == _NB_HYPHEN:
                yield "-"
            elif tag == _TXBX:
                boxes.append(child)  # a text box: its own paragraphs, after this one
            else:
                stack.append(iter(child))

    def _is_list_item(self, p: Any) -> bool:
        ppr = p.find(_PPR)
        own = _numbering(ppr)
        if own is not None:
            return own
        style = ppr.find(_PSTYLE) if ppr is not None else None
        style_id = style.get(_VAL) if style is not None else self.default_style
        return style_id in self.numbered_styles

    @staticmethod
    def _continues_merge(tc: Any) -> bool:
        """A cell that continues a vertical merge repeats the cell above (and holds nothing)."""
        tcpr = tc.find(_TCPR)
        merge = tcpr.find(_VMERGE) if tcpr is not None else None
        return merge is not None and merge.get(_VAL, "continue") == "continue"
