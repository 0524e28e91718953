"""The status chart: a horizontal stacked bar per group (committee or case), as PNG.

The follow-up pack puts it in its Word file; the monthly overview to
Kommunstyrelsen draws one bar per committee with the same function, so its
signature stays as it is.

Drawn on matplotlib's Agg canvas through ``Figure`` directly, never through
``pyplot``: pyplot keeps global state and picks a GUI backend, and the bot
draws in several threads on a server without a display.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from functools import lru_cache

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from bot.reports.data import STATUS_ORDER
from bot.texts import Texts
from storage.models import CommitmentStatus

# The traffic lights' colours (services/traffic.py: grön = klar or on track, röd = overdue or moved):
# done a full green, in progress a lighter green, not started amber (it turns yellow as the
# deadline nears), delayed red, cancelled grey. The Excel fills use the same hues.
STATUS_COLOURS: Mapping[CommitmentStatus, str] = {
    CommitmentStatus.DONE: "#2e7d32",
    CommitmentStatus.IN_PROGRESS: "#8bc34a",
    CommitmentStatus.NOT_STARTED: "#f2c037",
    CommitmentStatus.DELAYED: "#c62828",
    CommitmentStatus.CANCELLED: "#9e9e9e",
}
# Dark segments get white numbers, light ones black.
_DARK = frozenset({CommitmentStatus.DONE, CommitmentStatus.DELAYED})
_WIDTH_IN = 8.0
_BAR_IN = 0.45
_MAX_LABEL = 40
_DPI = 150


@lru_cache(maxsize=1)
def _texts() -> Texts:
    # The signature has no Texts (callers pass only data); one Jinja environment per process is enough.
    return Texts()


def _label(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_LABEL else text[: _MAX_LABEL - 1].rstrip() + "…"


def status_chart_png(groups: Sequence[tuple[str, Mapping[CommitmentStatus, int]]], title: str) -> bytes:
    """A horizontal stacked bar chart of status counts per group, with a legend, as PNG bytes.

    Args:
        groups: (label, count per status) per bar, drawn top to bottom in this order;
            a status missing from a mapping counts as 0.
        title: the chart's heading.

    Returns:
        A PNG image (150 dpi, 8 inches wide, taller with more groups).
    """
    texts = _texts()
    height = 1.8 + _BAR_IN * max(1, len(groups))
    figure = Figure(figsize=(_WIDTH_IN, height), dpi=_DPI, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    figure.suptitle(title, fontsize=12, fontweight="bold")
    labels = [_label(label) for label, _ in groups]
    positions = list(range(len(groups)))
    totals = [sum(max(0, int(counts.get(s, 0))) for s in STATUS_ORDER) for _, counts in groups]
    widest = max(totals, default=0)
    left = [0] * len(groups)
    for status in STATUS_ORDER:
        values = [max(0, int(counts.get(status, 0))) for _, counts in groups]
        bars = axes.barh(
            positions,
            values,
            left=left,
            height=0.6,
            color=STATUS_COLOURS[status],
            edgecolor="white",
            linewidth=0.8,
        )
        # A number inside a segment only where it fits (a twentieth of the widest bar).
        shown = [str(v) if widest and v >= max(1, widest / 20) else "" for v in values]
        axes.bar_label(
            bars, labels=shown, label_type="center", fontsize=8, color="white" if status in _DARK else "black"
        )
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.set_yticks(positions, labels=labels, fontsize=9)
    axes.invert_yaxis()
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlim(0, max(1, widest) * 1.02)
    axes.set_xlabel(texts.get("report_chart_axis"), fontsize=9)
    axes.spines[["top", "right"]].set_visible(False)
    if not groups or widest == 0:
        axes.text(0.5, 0.5, texts.get("report_chart_empty"), transform=axes.transAxes, ha="center", va="center")
        axes.set_xticks([])
    # Every status in the legend, in the bars' order, also those no group has.
    handles = [Patch(color=STATUS_COLOURS[s], label=texts.get(f"status_{s.value}")) for s in STATUS_ORDER]
    # Below the chart, outside the axes, so it never hides a bar; constrained layout makes room.
    figure.legend(handles=handles, loc="outside lower center", ncols=len(STATUS_ORDER), frameon=False, fontsize=9)
    buffer = io.BytesIO()
    # No software or date metadata: the same counts give the same bytes.
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
