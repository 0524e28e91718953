"""The follow-up pack as a Word document a secretary attaches to a committee agenda.

A4 in Swedish: title, committee and date, a summary table and the status
chart, then a heading per case, per recommendation and per commitment with
the commitment's facts under it. Word's navigation pane lists the headings,
and evidence links are real links.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from bot.reports import facts
from bot.reports.chart import status_chart_png
from bot.reports.data import CaseGroup, CommitmentRow, Report
from bot.reports.xlsx import LIGHT_FILLS
from bot.services.traffic import Light
from bot.texts import Texts
from storage.models import CommitmentStatus

# Headings longer than this are cut, and the whole text follows as a paragraph.
HEADING_CHARS = 120
# One bar per case up to this many cases; beyond it one bar for the committee stays legible.
CHART_GROUPS = 20
_LIGHT_DOT = {Light.RED: "C62828", Light.YELLOW: "F2A900", Light.GREEN: "2E7D32", Light.NONE: "9E9E9E"}
_GREY = RGBColor(0x59, 0x59, 0x59)


def _page(document: WordDocument) -> None:
    # python-docx's template is US Letter; Swedish offices print on A4.
    for section in document.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.0)


def _swedish(document: WordDocument) -> None:
    """Mark the text as Swedish, so Word checks its spelling in Swedish."""
    # The template's document defaults say en-US; every style inherits from them.
    defaults = document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang")
    if defaults:
        defaults[0].set(qn("w:val"), "sv-SE")
        return
    run_properties = document.styles["Normal"].element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "sv-SE")
    run_properties.append(lang)


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays the document out."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def _footer(document: WordDocument, text: str, texts: Texts) -> None:
    """The title, then "Sida 1 av 3": the numbers are Word's fields, right on every page however it lays out."""
    paragraph = document.sections[0].footer.paragraphs[0]
    parts = (
        (f"{text} · {texts.get('report_footer_page')} ", "PAGE"),
        (f" {texts.get('report_footer_of')} ", "NUMPAGES"),
    )
    for words, field in parts:
        run = paragraph.add_run(words)
        run.font.size = Pt(8)
        run.font.color.rgb = _GREY
        _field(paragraph, field)


def _link(paragraph: Paragraph, url: str) -> None:
    """A clickable link (python-docx has no API for one; this is the XML Word writes)."""
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    # Word's link look; python-docx's template has no "Hyperlink" style to refer to.
    properties = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "0563C1")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.extend([colour, underline])
    text = OxmlElement("w:t")
    text.text = facts.xml_safe(url)
    text.set(qn("xml:space"), "preserve")
    run.extend([properties, text])
    hyperlink.append(run)
    paragraph._p.append(hyperlink)


def _shade(cell: _Cell, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _count_table(
    document: WordDocument, heading: tuple[str, str], rows: Sequence[tuple[str, int, Light | None]]
) -> None:
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for cell, text in zip(table.rows[0].cells, heading, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for name, count, lamp in rows:
        cells = table.add_row().cells
        cells[0].text = name
        cells[1].text = str(count)
        if lamp is not None and lamp in LIGHT_FILLS:
            _shade(cells[0], LIGHT_FILLS[lamp][0])
    for row in table.rows:
        row.cells[0].width, row.cells[1].width = Cm(7), Cm(2.5)


def _summary(document: WordDocument, report: Report, texts: Texts) -> None:
    document.add_heading(texts.get("report_summary"), level=1)
    statuses = [(texts.get(f"status_{s.value}"), n, None) for s, n in report.status_counts().items()]
    statuses.append((texts.get("report_total"), report.total, None))
    _count_table(document, (texts.get("report_col_status"), texts.get("report_count")), statuses)
    document.add_paragraph()
    lights = [(texts.get(f"light_name_{lamp.value}"), n, lamp) for lamp, n in report.light_counts().items()]
    _count_table(document, (texts.get("report_col_light"), texts.get("report_count")), lights)
    png = status_chart_png(chart_groups(report, texts), texts.get("report_chart_title", code=report.committee_code))
    document.add_paragraph()
    shape = document.add_picture(io.BytesIO(png), width=Cm(16))
    # Alternative text for screen readers (public documents must be accessible).
    shape._inline.docPr.set("descr", texts.get("report_chart_alt", code=report.committee_code))


def chart_groups(report: Report, texts: Texts) -> list[tuple[str, dict[CommitmentStatus, int]]]:
    """One bar per case, or one for the committee when there is one case or very many."""
    if 1 < len(report.cases) <= CHART_GROUPS:
        return [(_chart_label(case, texts), case.status_counts()) for case in report.cases]
    label = report.case_dnr or report.committee_code
    return [(label, report.status_counts())]


def _chart_label(case: CaseGroup, texts: Texts) -> str:
    if case.case_id is None:
        return texts.get("report_chart_no_case")
    return case.dnr or case.title or texts.get("report_case_heading", dnr=None, title="")


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= HEADING_CHARS else text[: HEADING_CHARS - 1].rstrip() + "…"


class _Body:
    """Adds paragraphs at the end of the document in constant time.

    python-docx's ``add_paragraph`` looks through every paragraph of the body for
    the section properties it must stay in front of, which makes a committee with
    thousands of commitments take minutes; inserting before a placeholder paragraph
    at the end does not. Each style is looked up by name once.
    """

    def __init__(self, document: WordDocument) -> None:
        self._end = document.add_paragraph()
        self._styles = document.styles
        self._ids: dict[str, str] = {}

    def _style_id(self, name: str) -> str:
        found = self._ids.get(name)
        if found is None:
            found = self._ids[name] = self._styles[name].style_id
        return found

    def paragraph(self, text: str = "", style: str | None = None) -> Paragraph:
        paragraph = self._end.insert_paragraph_before(text)
        if style is not None:
            # What Paragraph.style does, without its search for the default style every time.
            paragraph._p.style = self._style_id(style)
        return paragraph

    def strong(self, paragraph: Paragraph, text: str) -> None:
        """A run in Word's "Strong" character style (bold), set the same quick way."""
        paragraph.add_run(text)._r.style = self._style_id("Strong")

    def heading(self, text: str, level: int) -> Paragraph:
        return self.paragraph(text, f"Heading {level}")

    def close(self) -> None:
        """Remove the placeholder."""
        element = self._end._p
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)


def _commitment(body: _Body, row: CommitmentRow, texts: Texts, level: int) -> None:
    text = facts.xml_safe(" ".join(row.text.split()))
    body.heading(f"{row.reference}: {_short(text)}", level=level)
    if len(text) > HEADING_CHARS:
        body.paragraph(text)
    for n, fact in enumerate(facts.facts(texts, row)):
        # The facts as one block under their heading, without space between the lines.
        paragraph = body.paragraph(style="No Spacing")
        if n == 0:
            dot = paragraph.add_run("● ")
            dot.font.color.rgb = RGBColor.from_string(_LIGHT_DOT[row.light])
        body.strong(paragraph, f"{fact.label}: ")
        if fact.link:
            _link(paragraph, fact.value)
        else:
            paragraph.add_run(facts.xml_safe(fact.value))


def _case(body: _Body, case: CaseGroup, texts: Texts) -> None:
    body.heading(facts.xml_safe(facts.case_heading(texts, case)), level=1)
    about = facts.case_facts(texts, case)
    if about:
        body.paragraph().add_run(facts.xml_safe(about)).italic = True
    for group in case.recommendations:
        # Headings never skip a level (Word's navigation pane and screen readers follow them).
        level = 2
        if facts.shows_heading(case, group):
            body.heading(facts.recommendation_heading(texts, group), level=2)
            level = 3
        if group.text:
            body.paragraph(facts.xml_safe(" ".join(group.text.split())), style="Quote")
        if not group.commitments:
            body.paragraph().add_run(texts.get("report_no_commitments")).italic = True
        for row in group.commitments:
            _commitment(body, row, texts, level)


def render_docx(report: Report, texts: Texts) -> bytes:
    """The Word document as bytes."""
    document = Document()
    _page(document)
    _swedish(document)
    title = texts.get("report_file_title", code=report.committee_code, date=report.today)
    properties = document.core_properties
    properties.title = title
    properties.author = texts.get("app_name")
    properties.language = "sv-SE"
    properties.created = properties.modified = report.now.astimezone(UTC)
    properties.revision = 1
    document.add_heading(texts.get("report_title"), level=0)
    committee = document.add_paragraph()
    committee.add_run(texts.get("report_committee", code=report.committee_code, name=report.committee_name)).bold = True
    lines = [texts.get("report_compiled", date=report.today)]
    if report.case_dnr:
        lines.insert(0, texts.get("report_case_only", dnr=report.case_dnr))
    document.add_paragraph(facts.xml_safe(" · ".join(lines)))
    _footer(document, title, texts)
    _summary(document, report, texts)
    body = _Body(document)
    if not report.cases:
        body.paragraph(texts.get("report_empty", code=report.committee_code))
    for case in report.cases:
        _case(body, case, texts)
    body.close()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
