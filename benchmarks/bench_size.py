"""How large imported JSON is against its text: the performance issue's compact provenance.

    python benchmarks/bench_size.py              # every document of the importer corpora (a few seconds)

Every ``.txt`` document of the importer corpora (``tests/corpus/importers`` and
``tests/corpus/holdout``, invented documents of every kind the templates read) is
imported with :func:`govrecords.importers.import_text` (``source_id`` the file's stem),
and its forum written with :func:`govrecords.dumps`, compact (``indent=None``) and
indented (the default, ``indent=2``). The figure is the size of the JSON over the size
of the text, both in UTF-8 bytes: median, maximum, and how many documents are over the
issue's limit. The target ("imported JSON is ≤ 5x its text") is judged on the maximum
of the compact form, the form archives and JSON Lines are written in; the indented
figures are shown beside it. Nothing is asserted: the figures are for reading.
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CORPORA = HERE.parent / "tests" / "corpus"
FOLDERS = ("importers", "holdout")
TARGET_RATIO = 5.0
"""The issue's target: imported JSON (compact) at most this many times its text, in UTF-8 bytes."""
FORMS = (("compact", "indent=None"), ("indented", "indent=2"))


def documents() -> list[Path]:
    """Every ``.txt`` document of the importer corpora, in a fixed order."""
    return [path for folder in FOLDERS for path in sorted((CORPORA / folder).rglob("*.txt"))]


def measure(path: Path) -> dict[str, Any]:
    """Import one document: its name and the UTF-8 sizes of its text and of its JSON in both forms."""
    import govrecords
    from govrecords import importers
    from govrecords.errors import ImportFailedError

    text = path.read_text("utf-8")
    figures: dict[str, Any] = {"name": path.relative_to(CORPORA).as_posix(), "text": len(text.encode("utf-8"))}
    try:
        result = importers.import_text(text, source_id=path.stem)
    except ImportFailedError:
        figures["refused"] = True
        return figures
    figures["compact"] = len(govrecords.dumps(result.forum, indent=None).encode("utf-8"))
    figures["indented"] = len(govrecords.dumps(result.forum).encode("utf-8"))
    return figures


def run() -> list[dict[str, Any]]:
    """Every document measured (one dict each, as :func:`measure` gives)."""
    return [measure(path) for path in documents()]


def summary(results: list[dict[str, Any]], form: str) -> dict[str, Any] | None:
    """Median and maximum of JSON/text for *form* (``compact``, ``indented``), and documents over the limit."""
    ratios = sorted((r[form] / r["text"], r["name"]) for r in results if form in r and r["text"])
    if not ratios:
        return None
    return {
        "documents": len(ratios),
        "median": statistics.median(ratio for ratio, _ in ratios),
        "max": ratios[-1][0],
        "largest": ratios[-1][1],
        "over": sum(1 for ratio, _ in ratios if ratio > TARGET_RATIO),
    }


def table(results: list[dict[str, Any]]) -> list[str]:
    """The results as Markdown lines."""
    refused = sum(1 for r in results if r.get("refused"))
    out = [
        f"| form | documents | median | maximum | documents over {TARGET_RATIO:g}x | document at the maximum |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for form, how in FORMS:
        found = summary(results, form)
        if found is not None:
            out.append(
                f"| {form} (`{how}`) | {found['documents']} | {found['median']:.2f}x | {found['max']:.2f}x | "
                f"{found['over']} | `{found['largest']}` |"
            )
    if refused:
        out += ["", f"({refused} document(s) refused by the importer, left out.)"]
    return out


def targets(results: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """The issue's target, held or missed, on the maximum of the compact form (indented beside it)."""
    target = f"imported JSON ≤ {TARGET_RATIO:g}x its text"
    compact, indented = summary(results, "compact"), summary(results, "indented")
    if compact is None:
        return [(target, "maximum over the importer corpora, compact JSON", "not measured")]
    ratio = compact["max"]
    verdict = "held" if ratio <= TARGET_RATIO else f"missed ({ratio / TARGET_RATIO:.2f}x the limit)"
    measured = (
        f"{ratio:.2f}x: {verdict}; median {compact['median']:.2f}x, "
        f"{compact['over']} of {compact['documents']} documents over {TARGET_RATIO:g}x"
    )
    if indented is not None:
        measured += (
            f" (indented: maximum {indented['max']:.2f}x, median {indented['median']:.2f}x, {indented['over']} over)"
        )
    return [(target, f"maximum over the {compact['documents']} importer corpus documents, compact JSON", measured)]


def main() -> None:
    """Measure every document and print the table and the target (``--json``: the raw figures too)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="also write every document's figures to this file")
    args = parser.parse_args()
    results = run()
    print("\n".join(table(results)))
    print()
    for target, how, measured in targets(results):
        print(f"{target} ({how}): {measured}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
