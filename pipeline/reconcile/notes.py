"""The note of each reconciliation row: what differs, or what was settled and by whom."""

from pipeline.derive.intervals import fmt
from pipeline.reconcile.assertions import Assertion
from pipeline.reconcile.populations import Bases
from schemas.units import SHARES, with_unit


def _v(a: Assertion) -> str:
    """'53 %', '1,600', '150,000,000 €', '-6 pts'."""
    return fmt(a.value) + " %" if a.unit in SHARES else with_unit(fmt(a.value), a.unit)


def _sources(ids: list[str]) -> str:
    return ", ".join(sorted(set(ids)))


def agrees(a: Assertion, pub: Assertion, agreeing: int, total: int) -> str:
    note = (
        f"States {_v(a)}, which agrees within rounding with the published {_v(pub)} "
        f"({agreeing} of {total} sources agree)."
    )
    if a.qualifier != pub.qualifier and a.source_id != pub.source_id:
        note += (
            f" Wording: {_qualified(a.qualifier)} here, {_qualified(pub.qualifier)} in "
            f"{pub.source_id}."
        )
    return note


def _qualified(qualifier: str | None) -> str:
    return f"qualified as '{qualifier}'" if qualifier else "no qualifier"


def value_differs(a: Assertion, pub: Assertion, publishers: list[str]) -> str:
    if a.key[0] != pub.key[0]:  # "38 %" of people against "38 %" of a quantity, "$" and "€"
        return (
            f"States {_v(a)} in unit {a.unit} where the release publishes {_v(pub)} in unit "
            f"{pub.unit}, stated by {_sources(publishers)}: the units measure different "
            "things, so the figures are not compared."
        )
    return (
        f"States {_v(a)} {a.interval} where the release publishes {_v(pub)} {pub.interval}, "
        f"stated by {_sources(publishers)}: the rounding intervals do not overlap."
    )


def base_settled(a: Assertion, stated_base: str, settler: str, bases: Bases) -> str:
    if a.population_id == stated_base:
        return (
            f"Its wording leaves the base open; {settler} states the same value "
            f"{_v(a)} on {bases.name(stated_base)} without ambiguity, which confirms it."
        )
    return (
        f"Its wording leaves the base open (annotated as {bases.name(stated_base)}); "
        f"{settler} states the same value {_v(a)} on {bases.name(a.population_id)} "
        "without ambiguity, so the figure is published on that base."
    )


def settles_base(a: Assertion, settled: list[tuple[str, str]], bases: Bases) -> str:
    """settled: (source_id, base annotated for its ambiguous wording) of each entry settled."""
    others = "; ".join(f"{src} (annotated as {bases.name(pid)})" for src, pid in sorted(settled))
    return (
        f"States {_v(a)} on {bases.name(a.population_id)} without ambiguity, which "
        f"settles the open base of {others}."
    )


def base_differs(a: Assertion, others: list[tuple[str, list[str]]], bases: Bases) -> str:
    said = "; ".join(f"{_sources(ids)} on {bases.name(pid)}" for pid, ids in sorted(others))
    return (
        f"States {_v(a)} on {bases.name(a.population_id)}; the same value is stated by "
        f"{said}. No source settles which base is meant and none states both, so both "
        "figures are published and the difference is reported."
    )
