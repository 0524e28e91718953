"""constraints.txt agrees with pyproject.toml: every requirement pinned, each pin inside its bounds.

A bound moved in pyproject.toml without running `python -m tools.lock` fails here, before CI or the
image installs a version the bounds no longer admit.
"""

from __future__ import annotations

import pytest
from packaging.requirements import Requirement

from tools.lock import (
    CONSTRAINTS,
    LOCKED_EXTRAS,
    build_requirements,
    load_pyproject,
    normalize,
    project_requirements,
    read_pins,
)


def _locked_requirements() -> list[Requirement]:
    pyproject = load_pyproject()
    return [Requirement(r) for r in build_requirements(pyproject) + project_requirements(pyproject, LOCKED_EXTRAS)]


@pytest.mark.parametrize("requirement", _locked_requirements(), ids=str)
def test_every_requirement_is_pinned_inside_its_bounds(requirement: Requirement) -> None:
    pins = read_pins(CONSTRAINTS.read_text(encoding="utf-8"))
    key = normalize(requirement.name)
    assert key in pins, f"{requirement.name} is not in constraints.txt: run python -m tools.lock"
    version = pins[key][1]
    assert requirement.specifier.contains(version, prereleases=True), (
        f"constraints.txt pins {requirement.name}=={version}, outside {requirement}: run python -m tools.lock"
    )
    # Every dependency has an upper bound (a `<` of its own or an exact pin).
    assert any(spec.operator in ("<", "<=", "==", "~=") for spec in requirement.specifier), str(requirement)


def test_the_postgres_driver_is_an_extra_that_the_test_tools_bring() -> None:
    pyproject = load_pyproject()
    names = {Requirement(r).name for r in project_requirements(pyproject)}
    with_driver = {Requirement(r).name for r in project_requirements(pyproject, ("postgres",))}
    with_tests = {Requirement(r).name for r in project_requirements(pyproject, ("test",))}
    assert "psycopg" not in names
    assert "psycopg" in with_driver and "pytest" not in with_driver
    assert "psycopg" in with_tests
