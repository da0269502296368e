"""One memory measurement, in a process of its own (``run.py`` starts one per measurement).

A fresh process per measurement keeps measurements from polluting each other: what
one library's run left allocated, cached or fragmented cannot count against the next.

    python benchmarks/memory.py decode govrecords FILE        # peak and retained while decoding
    python benchmarks/memory.py jsonl-read govrecords FILE    # peak while streaming a JSON Lines file
    python benchmarks/memory.py jsonl-copy govrecords FILE    # peak while streaming it into another file

Each prints one JSON object: ``traced_peak`` and ``traced_retained`` (bytes, from
:mod:`tracemalloc`, which sees every Python allocation: exact, but it slows the run)
or, with ``--rss``, ``rss_peak`` and ``rss_retained`` (bytes of resident memory above
what the process held once the input was read: what the operating system sees,
including allocators tracemalloc does not, but coarser).
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import resource
import sys
import tempfile
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))


def _rss() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _reset_peak_rss() -> bool:
    # Linux: writing 5 to clear_refs resets the high-water mark (VmHWM) to the current size.
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")
    except OSError:
        return False
    return True


def _peak_rss() -> int:
    try:
        status = Path("/proc/self/status").read_text()
        return int(status.split("VmHWM:")[1].split()[0]) * 1024
    except (OSError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux


def _decoder(library: str) -> Callable[[bytes], Any]:
    if library in ("govrecords", "govrecords-stdlib"):
        from govrecords import Forum, Limits, loads
        from govrecords.serialisation import _fastpath

        if library == "govrecords-stdlib":
            _fastpath.orjson = None
        limits = Limits(max_bytes=2**40)
        return functools.partial(loads, cls=Forum, limits=limits)
    if library == "msgspec":
        import models_msgspec

        decoder = models_msgspec.TYPES["forum_decoder"]
        return decoder.decode  # type: ignore[no-any-return]
    if library == "pydantic":
        import models_pydantic

        adapter = models_pydantic.TYPES["forum_adapter"]
        return adapter.validate_json  # type: ignore[no-any-return]
    if library == "orjson":
        import orjson

        return orjson.loads
    raise SystemExit(f"unknown library {library!r}")


def _streamer(what: str, library: str, path: Path) -> Callable[[], Any]:
    from govrecords import iter_jsonl, write_jsonl
    from govrecords.serialisation import _fastpath

    if library == "govrecords-stdlib":
        _fastpath.orjson = None
    if what == "jsonl-read":
        return lambda: sum(1 for _ in iter_jsonl(path))
    out = Path(tempfile.mkdtemp()) / "copy.jsonl"
    return lambda: write_jsonl(iter_jsonl(path), out)


def measure(what: str, library: str, path: Path, *, rss: bool) -> dict[str, Any]:
    """Run one measurement and return its figures."""
    if what == "decode":
        data = path.read_bytes()
        decode = _decoder(library)
        work: Callable[[], Any] = lambda: decode(data)  # noqa: E731 -- named for the one call below
    else:
        work = _streamer(what, library, path)
    gc.collect()
    if rss:
        if not _reset_peak_rss():
            return {}
        base = _rss()
        result = work()
        peak = _peak_rss() - base
        gc.collect()
        retained = _rss() - base if what == "decode" else 0
        del result
        return {"rss_peak": peak, "rss_retained": retained}
    tracemalloc.start()
    result = work()
    gc.collect()
    retained, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    return {"traced_peak": peak, "traced_retained": retained if what == "decode" else 0}


def main() -> None:
    """Parse the arguments, measure, print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["decode", "jsonl-read", "jsonl-copy"])
    parser.add_argument("library", choices=["govrecords", "govrecords-stdlib", "msgspec", "pydantic", "orjson"])
    parser.add_argument("path", type=Path)
    parser.add_argument("--rss", action="store_true", help="resident memory instead of tracemalloc")
    args = parser.parse_args()
    print(json.dumps(measure(args.what, args.library, args.path, rss=args.rss)))


if __name__ == "__main__":
    main()
