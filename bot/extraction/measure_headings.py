"""What a report names only as "uppdraget" or "en slutredovisning": the measure it belongs to.

A decision in numbered measures says the same words under two of them: "2. Analyser av den samlade
regelgivningen … Uppdraget ska alltså slutredovisas senast den 28 februari 2026." and again under "5. Analys
av kompetensförsörjningsbehov …". A list of tasks ends each item with its reports: "* kartlägga och analysera
hur förlossningsvården kan utvecklas … En delredovisning … ska lämnas senast den 9 juni 2022 och en
slutredovisning ska lämnas senast den 3 oktober 2022". Alone, such a sentence tells its reader nothing of what
is to be reported; told with its heading or its item's task, it is the measure it completes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from bot.extraction.cues import sv
from bot.extraction.model import COMMITMENT, Finding
from bot.extraction.sentences import split_sentences
from bot.language.normalize import match_text

__all__ = ["under_measure_headings", "with_its_items_task"]

# A sentence that names its measure only as "uppdraget" / "åtgärden".
_POINTS_TO_MEASURE = sv(r"^\W*(?:uppdraget|åtgärden|deluppdraget|uppdragstiden)\b")
# A numbered heading line: "2. Analyser av den samlade regelgivningen för den samlade livsmedelkedjan".
_HEADING = re.compile(r"^[ \t]*\d{1,2}[.)][ \t]+(?P<title>[^\n]{3,200}?)[ \t]*$", re.MULTILINE)
_WITHIN = 600


def under_measure_headings(findings: list[Finding], text: str) -> list[Finding]:
    """Each commitment that says only "uppdraget" right under a numbered heading, told with that heading."""
    headings = [m for m in _HEADING.finditer(text) if not m["title"].rstrip().endswith((".", ":", ";"))]
    if len(headings) < 2:
        return findings  # one numbered line is a list item, not a decision in measures
    ends = [h.end() for h in headings]
    out: list[Finding] = []
    for f in findings:
        # The last heading that ends before the finding, by bisection (a decision may have thousands of lines).
        at = bisect_right(ends, f.span[0]) - 1
        heading = headings[at] if at >= 0 else None
        if (
            f.kind != COMMITMENT
            or heading is None
            or f.span[0] - heading.end() > _WITHIN
            or not _POINTS_TO_MEASURE.search(match_text(f.text).folded)
        ):
            out.append(f)
            continue
        title = " ".join(heading["title"].split())
        out.append(replace(f, text=f"{title}: {f.text}", span=(heading.start("title"), f.span[1])))
    return out


# The final report of a list item's task: "en slutredovisning ska lämnas …", "Uppdraget ska slutredovisas …".
_FINAL_OF_ITEM = sv(
    r"^\W*(?:en\s+slut(?:redovisning|rapport)|slut(?:redovisningen|rapporten)|uppdraget\s+ska\s+slutredovisas)\b"
)
_ITEM_START = re.compile(r"^[ \t]*[*•\-–]\s+", re.MULTILINE)


def with_its_items_task(findings: list[Finding], text: str) -> list[Finding]:
    """A list item's final report, told with the task the item opens with (and spanning it)."""
    out: list[Finding] = []
    for f in findings:
        line = text.rfind("\n", 0, f.span[0]) + 1
        item = _ITEM_START.match(text, line)
        if f.kind != COMMITMENT or item is None or not _FINAL_OF_ITEM.search(match_text(f.text).folded):
            out.append(f)
            continue
        before = text[item.end() : f.span[0]]
        first = split_sentences(before)[:1]
        if not first or first[0][1] >= len(before.rstrip()):
            out.append(f)  # the report is the item's first sentence: no task told before it
            continue
        task = " ".join(before[first[0][0] : first[0][1]].split())
        out.append(replace(f, text=f"{task} … {f.text}", span=(item.end(), f.span[1])))
    return out
