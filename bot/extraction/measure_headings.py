"""What "uppdraget" means under a numbered measure: the measure's heading.

A decision in numbered measures says the same words under two of them: "2. Analyser av den samlade
regelgivningen … Uppdraget ska alltså slutredovisas senast den 28 februari 2026." and again under "5. Analys
av kompetensförsörjningsbehov …". Alone, each sentence tells its reader nothing of what is to be reported, and
the two read as one. Under its heading each is the measure it belongs to.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.extraction.cues import sv
from bot.extraction.model import COMMITMENT, Finding
from bot.language.normalize import match_text

__all__ = ["under_measure_headings"]

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
    out: list[Finding] = []
    for f in findings:
        heading = next((h for h in reversed(headings) if h.end() <= f.span[0]), None)
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
