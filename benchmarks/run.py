"""govrecords side by side with msgspec, pydantic v2 and orjson: the one benchmark command.

    python benchmarks/run.py                      # N = 1 000, 10 000, 100 000 sessions (a long run)
    python benchmarks/run.py --sizes 1000 10000   # chosen sizes
    python benchmarks/run.py --write-readme       # ... and put the tables into benchmarks/README.md
    python benchmarks/run.py --smoke              # a tiny run in seconds, to keep the code working

Every library reads and writes the same data: a seeded archive from ``generate.py``
(one forum of N sessions, about 4.8 KiB of JSON each; the same sessions as JSON
Lines), into the same record model (``models_msgspec.py``, ``models_pydantic.py``),
with the garbage collector on (the harness's own data frozen out of its sight). The
contenders of a case run interleaved in one process (A B C, B C A, C A B, ...), each
run timed alone, and the table gives each one's median and its ratio to msgspec's
median from the same run. Every contender that does not pause the collector itself
(msgspec, pydantic, orjson; govrecords in the JSON Lines cases, where it cannot) also
runs with it paused, in the same rounds, for a second table in which every contender
has it paused. Memory is measured in a fresh process per measurement (``memory.py``);
the importer by ``bench_importer.py``, and imported JSON against its text by
``bench_size.py``. :func:`targets` judges each target of the performance issue, held or
missed and by how much. msgspec, pydantic and orjson are optional (``pip install -e
'.[bench]'``): a column whose library is missing is left out, with a note. Nothing is
asserted: the figures are for reading.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib
import importlib.metadata
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import bench_importer  # noqa: E402 -- after the path is set
import bench_size  # noqa: E402 -- after the path is set
import generate  # noqa: E402 -- after the path is set

import govrecords  # noqa: E402 -- after the sys.path set-up above
from govrecords import Forum, compare, dumps, iter_jsonl, loads, timeline, write_jsonl  # noqa: E402 -- as above
from govrecords.serialisation import FORMAT_VERSION, Limits, _fastpath  # noqa: E402 -- as above

README = HERE / "README.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"
UNLIMITED = Limits(max_bytes=2**40, max_records=2**40)  # a 100 000-session forum is far over the default 64 MiB
BASELINE = "msgspec"
LIBRARIES = ("msgspec", "pydantic", "orjson")
PAUSED = " (collector paused)"
"""The suffix of a contender's name run with the cyclic garbage collector paused."""
PAUSES_ITSELF = ("loads", "dumps")
"""The cases where govrecords pauses the collector itself: its runs as shipped stand in the paused column."""
COLUMNS = ("govrecords", "govrecords (stdlib)", "msgspec", "pydantic v2", "orjson (dicts)")
SERIALISATION = ("loads", "dumps", "jsonl read", "jsonl write")


def _module(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


@contextmanager
def _stdlib_only() -> Iterator[None]:
    """Run govrecords as if the orjson extra were not installed."""
    saved = _fastpath.orjson
    _fastpath.orjson = None
    try:
        yield
    finally:
        _fastpath.orjson = saved


@dataclass
class Contender:
    name: str
    run: Callable[[], object]


@dataclass
class Case:
    name: str
    size: int
    times: dict[str, list[float]] = field(default_factory=dict)

    def median(self, name: str) -> float:
        return statistics.median(self.times[name])

    def key(self, column: str, *, paused: bool = False) -> str | None:
        """Where *column*'s times are: as shipped, or with the collector paused (None: not measured)."""
        if not paused:
            return column if column in self.times else None
        if column + PAUSED in self.times:
            return column + PAUSED
        if column.startswith("govrecords") and self.name in PAUSES_ITSELF and column in self.times:
            return column  # it pauses the collector itself: its run as shipped is its paused run
        return None

    def ratio(self, column: str, to: str = BASELINE, *, paused: bool = False) -> float | None:
        """*column*'s median over *to*'s, both as shipped or both paused (None: one was not measured)."""
        mine, theirs = self.key(column, paused=paused), self.key(to, paused=paused)
        if mine is None or theirs is None:
            return None
        return self.median(mine) / self.median(theirs)


def interleave(name: str, size: int, contenders: list[Contender], rounds: int) -> Case:
    """Run the contenders round-robin, each run timed alone; the starting contender rotates."""
    case = Case(name, size, {contender.name: [] for contender in contenders})
    # The benchmark's own data (the archive in every library's form) is moved out of the
    # collector's sight: a full collection would otherwise walk millions of objects that
    # belong to the harness, not to the run, and charge them to whichever library set it
    # off. Each run's own objects are still collected as usual (the collector is on).
    gc.collect()
    gc.freeze()
    for round_ in range(rounds):
        shift = round_ % len(contenders)
        for contender in contenders[shift:] + contenders[:shift]:
            gc.collect()  # each run starts from the same state, untimed
            started = time.perf_counter()
            result = contender.run()
            case.times[contender.name].append(time.perf_counter() - started)
            del result  # freed before the next run, untimed
    print(f"  {name:<12} N={size:<7} " + "  ".join(f"{n} {case.median(n):.3f}s" for n in case.times), flush=True)
    return case


# ---------------------------------------------------------------------------
# The data and the contenders.


@dataclass
class Data:
    size: int
    forum: Forum
    after: Forum
    document: bytes
    after_document: bytes
    jsonl: Path
    directory: Path
    msgspec: Any = None
    pydantic: Any = None
    plain: Any = None


def make_data(size: int, directory: Path) -> Data:
    """Generate the archive at *size* and its documents (the forum, JSON Lines of its sessions)."""
    forum = generate.archive(size)
    after = generate.evolve(forum)
    document = dumps(forum, indent=None).encode("utf-8")
    path = directory / f"sessions-{size}.jsonl"
    write_jsonl(forum.sessions, path)
    (directory / f"forum-{size}.json").write_bytes(document)
    return Data(size, forum, after, document, dumps(after, indent=None).encode("utf-8"), path, directory)


def paused(contender: Contender) -> Contender:
    """*contender* run with the cyclic garbage collector paused, as govrecords' ``loads`` and ``dumps`` pause it."""
    run = contender.run

    def call() -> object:
        gc.disable()
        try:
            return run()
        finally:
            gc.enable()

    return Contender(contender.name + PAUSED, call)


def _with_paused(contenders: list[Contender]) -> list[Contender]:
    """Each contender, followed by itself with the collector paused."""
    return [variant for contender in contenders for variant in (contender, paused(contender))]


def _govrecords_pair(make: Callable[[], Callable[[], object]], *, pauses_itself: bool = True) -> list[Contender]:
    run = make()
    contenders = [Contender("govrecords", run)]

    def stdlib() -> object:
        with _stdlib_only():
            return run()

    if _fastpath.orjson is not None:
        contenders.append(Contender("govrecords (stdlib)", stdlib))
    if not pauses_itself:  # for the paused column (the standard library's path is left out: time)
        contenders.append(paused(contenders[0]))
    return contenders


def loads_contenders(data: Data, libs: dict[str, Any]) -> list[Contender]:
    document = data.document
    out = _govrecords_pair(lambda: lambda: loads(document, Forum, limits=UNLIMITED))
    others: list[Contender] = []
    if libs["msgspec"]:
        decoder = _models("msgspec")["forum_decoder"]
        others.append(Contender("msgspec", lambda: decoder.decode(document)))
    if libs["pydantic"]:
        adapter = _models("pydantic")["forum_adapter"]
        others.append(Contender("pydantic v2", lambda: adapter.validate_json(document)))
    if libs["orjson"]:
        others.append(Contender("orjson (dicts)", lambda: libs["orjson"].loads(document)))
    return out + _with_paused(others)


def dumps_contenders(data: Data, libs: dict[str, Any]) -> list[Contender]:
    forum = data.forum
    out = _govrecords_pair(lambda: lambda: dumps(forum, indent=None))
    others: list[Contender] = []
    if libs["msgspec"]:
        encoder, value = _models("msgspec")["encoder"], data.msgspec
        others.append(Contender("msgspec", lambda: encoder.encode(value)))
    if libs["pydantic"]:
        adapter, model = _models("pydantic")["forum_adapter"], data.pydantic
        others.append(Contender("pydantic v2", lambda: adapter.dump_json(model, exclude_defaults=True)))
    if libs["orjson"]:
        plain = data.plain
        others.append(Contender("orjson (dicts)", lambda: libs["orjson"].dumps(plain)))
    return out + _with_paused(others)


def _lines(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as handle:
        yield from handle


def jsonl_read_contenders(data: Data, libs: dict[str, Any]) -> list[Contender]:
    path = data.jsonl
    # iter_jsonl does not pause the collector (it cannot hold it across the caller's
    # loop), so govrecords too gets a paused variant here.
    out = _govrecords_pair(lambda: lambda: sum(1 for _ in iter_jsonl(path, limits=UNLIMITED)), pauses_itself=False)
    others: list[Contender] = []
    if libs["msgspec"]:
        decoder = _models("msgspec")["session_decoder"]
        others.append(Contender("msgspec", lambda: sum(1 for line in _lines(path) if decoder.decode(line))))
    if libs["pydantic"]:
        adapter = _models("pydantic")["session_adapter"]
        others.append(Contender("pydantic v2", lambda: sum(1 for line in _lines(path) if adapter.validate_json(line))))
    if libs["orjson"]:
        parse = libs["orjson"].loads
        others.append(Contender("orjson (dicts)", lambda: sum(1 for line in _lines(path) if parse(line))))
    return out + _with_paused(others)


def _write_durably(path: Path, lines: Iterator[bytes]) -> int:
    # What write_jsonl does, so every library pays for the same durability.
    temporary = path.with_suffix(".tmp")
    count = 0
    with open(temporary, "wb") as out:
        for line in lines:
            out.write(line)
            out.write(b"\n")
            count += 1
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)
    return count


def jsonl_write_contenders(data: Data, libs: dict[str, Any]) -> list[Contender]:
    target = data.directory / "written.jsonl"
    sessions = data.forum.sessions
    out = _govrecords_pair(lambda: lambda: write_jsonl(sessions, target), pauses_itself=False)  # as iter_jsonl
    others: list[Contender] = []
    if libs["msgspec"]:
        encoder, envelope = _models("msgspec")["encoder"], _models("msgspec")["session"]
        values = [
            envelope(format_version=FORMAT_VERSION, type="session", record=session)
            for session in data.msgspec.record.sessions
        ]
        others.append(Contender("msgspec", lambda: _write_durably(target, (encoder.encode(v) for v in values))))
    if libs["pydantic"]:
        adapter, envelope = _models("pydantic")["session_adapter"], _models("pydantic")["session"]
        models = [
            envelope(format_version=FORMAT_VERSION, type="session", record=s) for s in data.pydantic.record.sessions
        ]
        others.append(
            Contender(
                "pydantic v2",
                lambda: _write_durably(target, (adapter.dump_json(m, exclude_defaults=True) for m in models)),
            )
        )
    if libs["orjson"]:
        encode = libs["orjson"].dumps
        dicts = [
            {"format_version": FORMAT_VERSION, "type": "session", "record": s} for s in data.plain["record"]["sessions"]
        ]
        others.append(Contender("orjson (dicts)", lambda: _write_durably(target, (encode(d) for d in dicts))))
    return out + _with_paused(others)


def compare_contenders(data: Data) -> list[Contender]:
    before, after, document = data.forum, data.after, data.document
    return [
        Contender("compare", lambda: compare(before, after)),
        Contender("timeline", lambda: timeline([before, after])),
        Contender("loads (one forum)", lambda: loads(document, Forum, limits=UNLIMITED)),
    ]


_MODELS: dict[str, dict[str, Any]] = {}


def _models(library: str) -> dict[str, Any]:
    if library not in _MODELS:
        _MODELS[library] = importlib.import_module(f"models_{library}").TYPES
    return _MODELS[library]


def prepare(data: Data, libs: dict[str, Any]) -> None:
    """Decode the document once with each library (the objects dumps starts from), checking they agree."""
    expected = json.loads(data.document)
    if libs["msgspec"]:
        data.msgspec = _models("msgspec")["forum_decoder"].decode(data.document)
        assert json.loads(_models("msgspec")["encoder"].encode(data.msgspec)) == expected
    if libs["pydantic"]:
        data.pydantic = _models("pydantic")["forum_adapter"].validate_json(data.document)
        dumped = _models("pydantic")["forum_adapter"].dump_json(data.pydantic, exclude_defaults=True)
        assert json.loads(dumped) == expected
    if libs["orjson"]:
        data.plain = libs["orjson"].loads(data.document)
    assert loads(data.document, Forum, limits=UNLIMITED) == data.forum


# ---------------------------------------------------------------------------
# Memory and import time, each in processes of their own.


def memory(what: str, library: str, path: Path, *, rss: bool) -> dict[str, Any]:
    command = [sys.executable, str(HERE / "memory.py"), what, library, str(path)] + (["--rss"] if rss else [])
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def import_times(rounds: int) -> dict[str, float]:
    """Median wall-clock cost, over ``python -c pass``, of importing each module (interleaved runs)."""
    statements = {
        "python -c pass": "pass",
        "import govrecords": "import govrecords",
        "from govrecords import loads, Forum": "from govrecords import Forum, loads; loads.__name__",
        "import msgspec": "import msgspec",
        "import pydantic": "import pydantic; pydantic.BaseModel",
        "import attrs, cattrs, dateutil.parser": "import attrs, cattrs, dateutil.parser",
    }
    runnable = {label: code for label, code in statements.items() if _importable(code)}
    times: dict[str, list[float]] = {label: [] for label in runnable}
    for _ in range(rounds):
        for label, code in runnable.items():
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times[label].append(time.perf_counter() - started)
    base = statistics.median(times["python -c pass"])
    out = {label: statistics.median(values) - base for label, values in times.items() if label != "python -c pass"}
    out["python -c pass"] = base
    found = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import govrecords"], capture_output=True, text=True, check=True
    ).stderr
    own = [int(line.split("|")[1]) for line in found.splitlines() if line.rstrip().endswith("| govrecords")]
    out["import govrecords (-X importtime, cumulative)"] = own[-1] / 1e6 if own else float("nan")
    return out


def _importable(code: str) -> bool:
    names = re.findall(r"import ([\w., ]+)", code.split(";", maxsplit=1)[0])
    first = names[0].split(",")[0].strip() if names else ""
    return not first or first.startswith("govrecords") or _module(first.split(".")[0]) is not None


# ---------------------------------------------------------------------------
# The report.


def fmt_time(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def fmt_bytes(count: float) -> str:
    return f"{count / 2**20:.1f} MiB"


def case_table(cases: list[Case], columns: list[str], *, paused: bool = False) -> str:
    """Each case's medians, as shipped or (*paused*) with the collector paused, with ratios to msgspec's."""
    lines = [
        "| case | N | " + " | ".join(columns) + " |",
        "|---|---:|" + "---:|" * len(columns),
    ]
    for case in cases:
        cells = []
        for column in columns:
            key = case.key(column, paused=paused)
            if key is None:
                cells.append("-")
                continue
            ratio = case.ratio(column, paused=paused)
            cells.append(fmt_time(case.median(key)) + (f" ({ratio:.2f}x)" if ratio is not None else ""))
        lines.append(f"| `{case.name}` | {case.size:,} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


@dataclass
class Results:
    cases: list[Case] = field(default_factory=list)
    memory: list[tuple[str, str, int, dict[str, Any]]] = field(default_factory=list)
    imports: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    load: list[tuple[float, float, float]] = field(default_factory=list)
    session_bytes: float = 0.0
    importer: list[dict[str, Any]] = field(default_factory=list)  # bench_importer.run's figures
    imported_size: list[dict[str, Any]] = field(default_factory=list)  # bench_size.run's figures
    setting: str = ""  # when, on what and with which versions the run was made

    def __post_init__(self) -> None:
        if not self.setting:
            self.setting = setting()

    def find(self, name: str, size: int) -> Case | None:
        return next((case for case in self.cases if case.name == name and case.size == size), None)


def setting() -> str:
    """The date, the machine and the versions of this run, as the report's first line says them."""
    today = dt.datetime.now(dt.UTC).date().isoformat()
    return f"Run on {today}, {_machine()}; Python {platform.python_version()}; {_versions()}."


def _versions() -> str:
    names = ["govrecords", "attrs", "cattrs", "orjson", "msgspec", "pydantic", "pydantic_core"]
    found = []
    for name in names:
        try:
            found.append(f"{name} {importlib.metadata.version(name.replace('_', '-'))}")
        except importlib.metadata.PackageNotFoundError:
            continue
    return ", ".join(found)


def _machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores (nproc), {model}, {platform.system()} {platform.release()}"


def verdict(value: float | None, limit: float, unit: str = "x", *, below: bool = False) -> str:
    """One figure against its limit (*below*: it must be under the limit, not at most it)."""
    if value is None:
        return "not measured"
    held = value < limit if below else value <= limit
    return f"{value:.2f}{unit}: " + ("held" if held else f"missed ({value / limit:.2f}x the limit)")


def at_every_size(values: list[tuple[int, float | None]], limit: float, *, below: bool = False) -> str:
    """Figures at several N against one limit: held at every N measured, or missed at which and by how much."""
    measured = [(size, value) for size, value in values if value is not None]
    if not measured:
        return "not measured"
    parts, missed = [], 0
    for size, value in measured:
        held = value < limit if below else value <= limit
        missed += not held
        parts.append(f"{value:.2f}x at N = {size:,} (" + ("held" if held else f"{value / limit:.2f}x the limit") + ")")
    absent = [f"{size:,}" for size, value in values if value is None]
    if len(measured) == 1:
        head = "missed" if missed else "held"
    elif missed:
        head = f"missed at {missed} of {len(measured)} sizes"
    else:
        head = "held at every N" + (" measured" * bool(absent))
    tail = f"; not measured at N = {', '.join(absent)}" if absent else ""
    return f"{head}: " + ", ".join(parts) + tail


def targets(results: Results, sizes: list[int]) -> list[tuple[str, str, str]]:
    """Each target of the performance issue: what it asks, how it was measured, held or missed by how much."""
    rows: list[tuple[str, str, str]] = []
    sizes = sorted(sizes)

    def ratios(name: str, column: str, to: str = BASELINE, *, paused: bool = False) -> list[tuple[int, float | None]]:
        cases = [(size, results.find(name, size)) for size in sizes]
        return [(size, case.ratio(column, to, paused=paused) if case else None) for size, case in cases]

    def has(name: str, column: str, *, paused: bool) -> bool:
        return any(case.key(column, paused=paused) for case in results.cases if case.name == name)

    for name, limit in (("loads", 2.0), ("jsonl read", 2.0), ("dumps", 3.0)):
        target = f"`{name}` ≤ {limit:.1f}x msgspec, at every N"
        for paused, view in ((False, "as shipped"), (True, "every contender with the collector paused")):
            for column, how in (
                ("govrecords", "govrecords + orjson"),
                ("govrecords (stdlib)", "standard library only"),
            ):
                if column != "govrecords" and not has(name, column, paused=paused):
                    continue
                rows.append((target, f"{view}: {how}", at_every_size(ratios(name, column, paused=paused), limit)))
                target = ""
    rows.extend(
        (
            f"`{name}` ahead of pydantic v2, at every N",
            "as shipped: govrecords + orjson over pydantic v2, < 1.0x",
            at_every_size(ratios(name, "govrecords", "pydantic v2"), 1.0, below=True),
        )
        for name in SERIALISATION
    )
    compared = [
        (size, case.ratio("compare", "loads (one forum)") if case else None)
        for size, case in ((size, results.find("compare", size)) for size in sizes)
    ]
    rows.append(
        ("`compare` ≤ 2.0x `loads` of one forum, at every N", "recommendations matched", at_every_size(compared, 2.0))
    )
    low, high = sizes[0], sizes[-1]
    for name, column in (("loads", "govrecords"), ("dumps", "govrecords"), ("compare", "compare")):
        target = f"linear: `{name}` per session at the largest N ≤ 1.3x the smallest"
        first, last = results.find(name, low), results.find(name, high)
        if high == low or first is None or last is None or column not in first.times or column not in last.times:
            rows.append((target, "", "not measured (it needs two sizes)"))
            continue
        growth = (last.median(column) / high) / (first.median(column) / low)
        rows.append((target, f"N = {high:,} against N = {low:,}", verdict(growth, 1.3)))
    decode = {
        size: figures for size, figures in _decode_memory(results).items() if {"msgspec", "govrecords"} <= set(figures)
    }
    if not decode:
        rows.append(("decode peak ≤ 1.5x msgspec", "tracemalloc and resident", "not measured"))
    for size, figures in sorted(decode.items()):
        for key, how in (("traced_peak", "tracemalloc"), ("rss_peak", "resident")):
            mine, theirs = figures["govrecords"].get(key), figures["msgspec"].get(key)
            ratio = mine / theirs if mine and theirs else None
            rows.append(
                (f"decode peak ≤ 1.5x msgspec ({how}, N = {size:,})", "govrecords + orjson", verdict(ratio, 1.5))
            )
    rows += bench_importer.targets(results.importer) or [
        ("importer ≥ 2 MB/s, peak ≤ 20 bytes per input byte, warnings folded", "", "not measured")
    ]
    rows += bench_size.targets(results.imported_size)
    return rows


def _decode_memory(results: Results) -> dict[int, dict[str, dict[str, Any]]]:
    """Decoding's memory figures, by N and library."""
    decode: dict[int, dict[str, dict[str, Any]]] = {}
    for what, library, size, figures in results.memory:
        if what == "decode":
            decode.setdefault(size, {}).setdefault(library, {}).update(figures)
    return decode


def information(results: Results) -> list[tuple[str, str]]:
    """Figures the report keeps for reading that are not targets of the issue (no held or missed)."""
    rows: list[tuple[str, str]] = []
    for size, figures in sorted(_decode_memory(results).items()):
        if "msgspec" not in figures or "govrecords" not in figures:
            continue
        for key, how in (("traced_retained", "tracemalloc"), ("rss_retained", "resident")):
            mine, theirs = figures["govrecords"].get(key), figures["msgspec"].get(key)
            if mine and theirs:
                rows.append((f"decode: retained against msgspec ({how}, N = {size:,})", f"{mine / theirs:.2f}x"))
    streams = [
        (what, n, figures)
        for what, library, n, figures in results.memory
        if what.startswith("jsonl") and library == "govrecords"
    ]
    for what in ("jsonl-read", "jsonl-copy"):
        points = sorted(
            (n, figures["traced_peak"]) for kind, n, figures in streams if kind == what and "traced_peak" in figures
        )
        if len(points) >= 2:
            (small, low_peak), (large, high_peak) = points[0], points[-1]
            grows = high_peak > 1.5 * low_peak + 2**20
            rows.append(
                (
                    f"{what}: peak memory with N (tracemalloc)",
                    f"{fmt_bytes(low_peak)} at N = {small:,}, {fmt_bytes(high_peak)} at N = {large:,}: "
                    + ("grows" if grows else "does not grow"),
                )
            )
    gov = results.imports.get("import govrecords")
    if gov is not None:
        rows.append(("`import govrecords`, added to interpreter start (wall clock, median)", fmt_time(gov)))
    return rows


MEMORY_HEADER = (
    "| measurement | library | N | "
    + " | ".join(f"{what} ({how})" for how in ("tracemalloc", "resident") for what in ("peak", "retained"))
    + " |"
)


def report(results: Results, sizes: list[int]) -> str:
    cases = [case for case in results.cases if case.name in SERIALISATION]
    shipped = [c for c in COLUMNS if any(case.key(c) for case in cases)]
    paused = [c for c in COLUMNS if any(case.key(c, paused=True) for case in cases)]
    load = ", ".join(f"{a:.2f}/{b:.2f}/{c:.2f}" for a, b, c in results.load)
    out = [
        results.setting,
        (
            f"Load average (1/5/15 min) at the start and end of the run: {load}. Sessions are about "
            f"{results.session_bytes / 1024:.1f} KiB of compact JSON each. Times are medians of interleaved runs; "
            "ratios are to msgspec's median in the same run."
        ),
        "",
        (
            "As users call them: the garbage collector on, as each library ships (govrecords pauses it itself "
            "inside `loads` and `dumps`, not across `iter_jsonl` or `write_jsonl`):"
        ),
        "",
        case_table(cases, shipped),
        "",
        (
            "Every contender with the collector paused (each run between `gc.disable()` and `gc.enable()`; "
            "govrecords' `loads` and `dumps`, which pause it themselves, are their runs above; the standard "
            "library's path of `iter_jsonl` and `write_jsonl` is not run paused). Ratios are to msgspec's "
            "paused median:"
        ),
        "",
        case_table(cases, paused, paused=True),
        "",
        (
            "`compare` (two forums, 5% of sessions changed, recommendation matching included) and `timeline`, "
            "against `loads` of one of the forums:"
        ),
        "",
        "| N | compare | timeline | loads (one forum) | compare / loads |",
        "|---:|---:|---:|---:|---:|",
    ]
    for case in (c for c in results.cases if c.name == "compare"):
        ratio = case.median("compare") / case.median("loads (one forum)")
        out.append(
            f"| {case.size:,} | {fmt_time(case.median('compare'))} | {fmt_time(case.median('timeline'))} | "
            f"{fmt_time(case.median('loads (one forum)'))} | {ratio:.2f}x |"
        )
    if results.memory:
        out += [
            "",
            (
                "Memory, each figure from a fresh process (tracemalloc: every Python allocation; resident: what "
                "the operating system counts above the process's size once the input was read):"
            ),
            "",
            MEMORY_HEADER,
            "|---|---|---:|---:|---:|---:|---:|",
        ]
        merged: dict[tuple[str, str, int], dict[str, Any]] = {}
        for what, library, size, figures in results.memory:
            merged.setdefault((what, library, size), {}).update(figures)
        for (what, library, size), figures in merged.items():
            cells = [
                fmt_bytes(figures[key]) if figures.get(key) else "-"
                for key in ("traced_peak", "traced_retained", "rss_peak", "rss_retained")
            ]
            out.append(f"| {what} | {library} | {size:,} | " + " | ".join(cells) + " |")
    if results.importer:
        out += [
            "",
            (
                "The importer (`govrecords.importers`), each text in a fresh process: processor time (median of the "
                "imports timed, three but in `--smoke`) and tracemalloc's peak during one, per UTF-8 byte of the text "
                "(`benchmarks/bench_importer.py`):"
            ),
            "",
            *bench_importer.table(results.importer),
        ]
    if results.imported_size:
        out += [
            "",
            (
                "Imported JSON against its text: every `.txt` document of the importer corpora "
                "(`tests/corpus/importers`, `tests/corpus/holdout`) imported, its forum written compact and "
                "indented, UTF-8 bytes of JSON over UTF-8 bytes of text (`benchmarks/bench_size.py`):"
            ),
            "",
            *bench_size.table(results.imported_size),
        ]
    if results.imports:
        out += ["", "Import cost over `python -c pass` (median wall clock of interleaved runs):", ""]
        out += ["| statement | added |", "|---|---:|"]
        out += [
            f"| `{label}` | {fmt_time(seconds)} |"
            for label, seconds in results.imports.items()
            if label != "python -c pass"
        ]
        out.append(f"| (`python -c pass` itself) | {fmt_time(results.imports['python -c pass'])} |")
    out += [
        "",
        "Targets of the performance issue, as measured in this run:",
        "",
        "| target | how | measured |",
        "|---|---|---|",
    ]
    out += [f"| {target} | {how} | {measured} |" for target, how, measured in targets(results, sizes)]
    extra = information(results)
    if extra:
        out += ["", "Not targets of the issue, for information:", "", "| figure | measured |", "|---|---|"]
        out += [f"| {figure} | {measured} |" for figure, measured in extra]
    if results.notes:
        out += [""] + [f"Note: {note}" for note in results.notes]
    return "\n".join(out)


def dump_results(results: Results, sizes: list[int]) -> dict[str, Any]:
    """Everything the report is made from, for ``--from-json``."""
    return {
        "sizes": sizes,
        "cases": {f"{case.name}/{case.size}": case.times for case in results.cases},
        "memory": results.memory,
        "imports": results.imports,
        "notes": results.notes,
        "load": results.load,
        "session_bytes": results.session_bytes,
        "importer": results.importer,
        "imported_size": results.imported_size,
        "setting": results.setting,
    }


def load_results(path: Path) -> tuple[Results, list[int]]:
    """The results written by ``--json``, to report them again without running anything."""
    raw = json.loads(path.read_text())
    results = Results(
        cases=[Case(key.rsplit("/", 1)[0], int(key.rsplit("/", 1)[1]), times) for key, times in raw["cases"].items()],
        memory=[(what, library, size, figures) for what, library, size, figures in raw["memory"]],
        imports=raw["imports"],
        notes=raw["notes"],
        load=[(a, b, c) for a, b, c in raw["load"]],
        session_bytes=raw["session_bytes"],
        importer=raw.get("importer", []),  # not in files written before these were measured
        imported_size=raw.get("imported_size", []),
        # files written before the run's setting was kept: say so rather than give today's date
        setting=raw.get("setting", "Run on a date, machine and versions this results file does not record."),
    )
    return results, raw["sizes"]


def write_readme(text: str) -> None:
    current = README.read_text("utf-8")
    start, end = current.index(START) + len(START), current.index(END)
    README.write_text(current[:start] + "\n" + text + "\n" + current[end:], "utf-8")


# ---------------------------------------------------------------------------
# The run.


def run(
    sizes: list[int],
    *,
    rounds: dict[int, int],
    memory_sizes: list[int],
    stream_sizes: list[int],
    import_rounds: int,
    importer_sizes: tuple[list[float], int] = ([2.0, 8.0], 3),
    stream_rss: bool = True,
) -> Results:
    libs = {name: _module(name) for name in LIBRARIES}
    results = Results()
    results.load.append(os.getloadavg())
    missing = [name for name, module in libs.items() if module is None]
    if missing:
        results.notes.append(
            f"{', '.join(missing)} not installed: their columns are left out "
            "(install them with `pip install -e '.[bench]'`)."
        )
    if libs["orjson"] is None:
        results.notes.append("orjson is not installed: the govrecords column is the standard library's path.")
    if libs["msgspec"] is None:
        results.notes.append("msgspec is not installed: no ratios (they are to msgspec).")
    with tempfile.TemporaryDirectory(prefix="govrecords-bench-") as temporary:
        directory = Path(temporary)
        for size in sorted(set(sizes) | set(memory_sizes) | set(stream_sizes)):
            print(f"N = {size:,}: generating the archive", flush=True)
            data = make_data(size, directory)
            results.session_bytes = len(data.document) / size
            if size in sizes:
                prepare(data, libs)
                count = rounds.get(size, 3)
                results.cases.append(interleave("loads", size, loads_contenders(data, libs), count))
                results.cases.append(interleave("dumps", size, dumps_contenders(data, libs), count))
                results.cases.append(interleave("jsonl read", size, jsonl_read_contenders(data, libs), count))
                results.cases.append(interleave("jsonl write", size, jsonl_write_contenders(data, libs), count))
                results.cases.append(interleave("compare", size, compare_contenders(data), count))
            forum_path = directory / f"forum-{size}.json"
            gc.unfreeze()
            del data
            gc.collect()
            if size in memory_sizes:
                for library in ("govrecords", "govrecords-stdlib", *LIBRARIES):
                    if library.startswith("govrecords") or libs[library] is not None:
                        if library == "govrecords-stdlib" and libs["orjson"] is None:
                            continue
                        for rss in (False, True):
                            results.memory.append(
                                ("decode", library, size, memory("decode", library, forum_path, rss=rss))
                            )
                        print(
                            f"  memory decode {library} N={size}: {results.memory[-2][3]} {results.memory[-1][3]}",
                            flush=True,
                        )
            if size in stream_sizes:
                for what in ("jsonl-read", "jsonl-copy"):
                    kinds = (False, True) if stream_rss else (False,)
                    for rss in kinds:
                        path = directory / f"sessions-{size}.jsonl"
                        results.memory.append((what, "govrecords", size, memory(what, "govrecords", path, rss=rss)))
                    shown = " ".join(str(entry[3]) for entry in results.memory[-len(kinds) :])
                    print(f"  memory {what} N={size}: {shown}", flush=True)
    print("the importer", flush=True)
    results.importer = bench_importer.run(*importer_sizes)
    print("imported JSON against its text", flush=True)
    results.imported_size = bench_size.run()
    print("import times", flush=True)
    results.imports = import_times(import_rounds)
    results.load.append(os.getloadavg())
    return results


def main() -> None:
    """Parse the arguments, run, print the report (and write it into the README when asked)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000], help="numbers of sessions")
    parser.add_argument(
        "--rounds", type=int, default=None, help="interleaved rounds per case (default: 9, 5 or 3 by size)"
    )
    parser.add_argument("--smoke", action="store_true", help="a tiny run in seconds that only checks the code works")
    parser.add_argument("--write-readme", action="store_true", help="put the report into benchmarks/README.md")
    parser.add_argument("--json", type=Path, help="also write the raw results to this file")
    parser.add_argument("--from-json", type=Path, help="report the results of an earlier --json run; run nothing")
    args = parser.parse_args()
    if args.from_json:
        results, sizes = load_results(args.from_json)
        text = report(results, sizes)
        print(text)
        if args.write_readme:
            write_readme(text)
        return
    if args.smoke:
        sizes, memory_sizes, stream_sizes, import_rounds = [20, 40], [20], [20, 40], 1
        rounds = {20: 1, 40: 1}
        importer_sizes = ([0.02], 1)
        stream_rss = False  # a few seconds saved; memory.py's resident path still runs, for decode
    else:
        sizes = sorted(args.sizes)
        rounds = {size: args.rounds or (9 if size <= 1_000 else 5 if size <= 10_000 else 3) for size in sizes}
        middle = [size for size in sizes if size == 10_000] or [sizes[0]]
        memory_sizes = middle
        stream_sizes = sorted({sizes[0], sizes[-1]}) if len(sizes) > 1 else sizes
        import_rounds = 15
        importer_sizes = ([2.0, 8.0], 3)
        stream_rss = True
    started = time.monotonic()
    results = run(
        sizes,
        rounds=rounds,
        memory_sizes=memory_sizes,
        stream_sizes=stream_sizes,
        import_rounds=import_rounds,
        importer_sizes=importer_sizes,
        stream_rss=stream_rss,
    )
    text = report(results, sizes)
    print()
    print(text)
    print(f"\n(benchmark run took {time.monotonic() - started:.0f} s)")
    if args.smoke:
        import bench_compare

        bench_compare.run([10, 20], 1)  # the comparison engineer's scaling script, kept working
    if args.json:
        args.json.write_text(json.dumps(dump_results(results, sizes), indent=2))
    if args.write_readme and not args.smoke:
        write_readme(text)
    assert govrecords.__version__  # the package under test is the one imported


if __name__ == "__main__":
    main()
