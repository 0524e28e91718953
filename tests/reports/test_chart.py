"""The status chart: a PNG whose bars have the traffic lights' colours."""

from __future__ import annotations

import io

from PIL import Image

from bot.reports.chart import STATUS_COLOURS, status_chart_png
from storage.models import CommitmentStatus


def _image(png: bytes) -> Image.Image:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    return Image.open(io.BytesIO(png)).convert("RGB")


def _share(image: Image.Image, colour: str) -> float:
    """The part of the image's pixels that have exactly ``colour``."""
    rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    counts = {c: n for n, c in image.getcolors(maxcolors=1 << 20) or []}
    return counts.get(rgb, 0) / (image.width * image.height)


def test_bars_in_the_lights_colours() -> None:
    delayed_only = _image(status_chart_png([("BUN", {CommitmentStatus.DELAYED: 4})], "Status – BUN"))
    done_only = _image(status_chart_png([("BUN", {CommitmentStatus.DONE: 4})], "Status – BUN"))
    red, green = STATUS_COLOURS[CommitmentStatus.DELAYED], STATUS_COLOURS[CommitmentStatus.DONE]
    # The bar covers a good part of the picture; the legend's little square alone would not.
    assert _share(delayed_only, red) > 0.2 > _share(delayed_only, green)
    assert _share(done_only, green) > 0.2 > _share(done_only, red)


def test_more_groups_make_a_taller_chart_of_the_same_width() -> None:
    counts = {CommitmentStatus.DONE: 2, CommitmentStatus.IN_PROGRESS: 1, CommitmentStatus.NOT_STARTED: 3}
    one = _image(status_chart_png([("BUN", counts)], "Alla nämnder"))
    many = _image(status_chart_png([(f"Nämnd {n}", counts) for n in range(12)], "Alla nämnder"))
    assert one.width == many.width == 1200
    assert many.height > 2 * one.height


def test_nothing_to_show_is_still_a_chart() -> None:
    assert _image(status_chart_png([], "Inga")).width == 1200
    assert _image(status_chart_png([("BUN", {})], "Inga")).width == 1200


def test_the_same_counts_give_the_same_image() -> None:
    groups = [("BUN", {CommitmentStatus.DONE: 1, CommitmentStatus.CANCELLED: 2})]
    assert status_chart_png(groups, "x") == status_chart_png(groups, "x")
