"""The per-type JSON Schemas work alone in a validator of another language: Ajv, on Node.js.

``govrecords schema --type TYPE -o FILE`` writes the schema of one record type. This
test writes each with the command line, then has Ajv (JSON Schema draft 2020-12, in
strict mode) compile it and validate documents: the bundled examples pass, and broken
ones fail at the path of the broken value, as a user of another language would see.

Ajv is installed from the npm registry into a cache folder outside the repository
(``GOVRECORDS_NODE_CACHE``, default ``~/.cache/govrecords/ajv-VERSION``), once.

Where Node.js is not installed the Ajv half cannot run. Under CI (``CI`` set) that is
a failure: the project's machines have Node.js, and a green run must mean Ajv ran.
Elsewhere the test still checks, in Python, what makes a schema usable alone (every
``$ref`` resolves inside the file), and says in a warning that Ajv did not run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import warnings
from pathlib import Path
from typing import Any

import pytest

from govrecords import dumps, examples
from govrecords.cli import main
from govrecords.serialisation.registry import record_types

AJV = "ajv@8.17.1"
NODE = shutil.which("node")
NPM = shutil.which("npm")

# Reads jobs (a JSON file named on the command line: a list of [schema file, documents]),
# compiles each schema and prints, per job, one verdict per document: whether it is
# valid, and the instance path and keyword of each error. One process for every job.
SCRIPT = """
const fs = require("fs");
const Ajv2020 = require("ajv/dist/2020");
const jobs = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
console.log(JSON.stringify(jobs.map(([schema, documents]) => {
  const ajv = new Ajv2020({strict: true, allowUnionTypes: true, allErrors: true});
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schema, "utf8")));
  return documents.map((document) => {
    const valid = validate(document);
    return {valid, errors: (validate.errors || []).map((e) => [e.instancePath, e.keyword])};
  });
})));
"""


def _ajv_folder() -> Path:
    default = Path.home() / ".cache" / "govrecords" / AJV.replace("@", "-")
    folder = Path(os.environ.get("GOVRECORDS_NODE_CACHE", default))
    if not (folder / "node_modules" / "ajv" / "package.json").exists():
        assert NPM is not None, "npm is needed to install Ajv"
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [NPM, "install", "--no-save", "--no-audit", "--no-fund", "--no-package-lock", "--prefix", str(folder), AJV],
            check=True,
            capture_output=True,
            timeout=600,
        )
    return folder


def _write_schema(tmp_path: Path, tag: str) -> Path:
    out = tmp_path / f"{tag}.schema.json"
    assert main(["schema", "--type", tag, "-o", str(out)]) == 0
    return out


def _ajv(tmp_path: Path, jobs: list[tuple[Path, list[Any]]]) -> list[list[dict[str, Any]]]:
    """Ajv's verdicts on each job's documents, under that job's schema."""
    folder = _ajv_folder()
    script = folder / "validate.js"
    script.write_text(SCRIPT, encoding="utf-8")
    batch = tmp_path / "jobs.json"
    batch.write_text(json.dumps([[str(schema), documents] for schema, documents in jobs]), encoding="utf-8")
    done = subprocess.run([str(NODE), str(script), str(batch)], capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    verdicts: list[list[dict[str, Any]]] = json.loads(done.stdout)
    return verdicts


def _session_documents() -> tuple[list[Any], list[list[list[str]] | None]]:
    """Session documents, and for each the [instance path, keyword] errors it must get (None: valid)."""
    forum = json.loads(dumps(examples.load("future-of-internet")))
    session = {"format_version": 3, "type": "session", "record": forum["record"]["sessions"][0]}
    no_title = json.loads(json.dumps(session))
    del no_title["record"]["title"]
    lower_country = json.loads(json.dumps(session))
    lower_country["record"]["place"] = {"country": "az"}
    unknown_key = json.loads(json.dumps(session))
    unknown_key["record"]["titel"] = "x"
    wrong_type = json.loads(json.dumps(session))
    wrong_type["type"] = "workshop"
    documents = [session, no_title, lower_country, unknown_key, wrong_type]
    expected = [
        None,
        [["/record", "required"]],
        [["/record/place/country", "pattern"]],
        [["/record", "additionalProperties"]],
        [["/type", "const"]],
    ]
    return documents, expected


def _refs_resolve(schema: dict[str, Any]) -> list[str]:
    """The $refs of *schema* that do not point into its own $defs."""
    found: list[str] = []
    stack: list[object] = [schema]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str) and not (ref.startswith("#/$defs/") and ref[8:] in schema["$defs"]):
                found.append(ref)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def test_per_type_schemas_stand_alone_in_ajv(tmp_path: Path) -> None:
    """Ajv compiles each type's schema in strict mode; the session schema judges like the library."""
    schemas = {tag: _write_schema(tmp_path, tag) for tag in record_types()}
    for tag, path in schemas.items():
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert _refs_resolve(schema) == [], tag
    if NODE is None or NPM is None:
        assert not os.environ.get("CI"), "CI must have Node.js and npm: the Ajv half of this test did not run"
        warnings.warn("Node.js or npm not found: the schemas were not tried in Ajv", stacklevel=1)
        return
    documents, expected = _session_documents()
    forum = json.loads(dumps(examples.load("future-of-internet")))
    other = json.loads(dumps(examples.load("enhanced-cooperation-bali-2013")))
    others = sorted(set(schemas) - {"session", "forum"})
    jobs = [(schemas["session"], documents), (schemas["forum"], [forum, other])]
    jobs += [(schemas[tag], [forum]) for tag in others]
    sessions, forums, *rest = _ajv(tmp_path, jobs)
    assert [verdict["valid"] for verdict in sessions] == [paths is None for paths in expected]
    for verdict, paths in zip(sessions, expected, strict=True):
        if paths is not None:  # the broken value's path and keyword are among Ajv's errors
            assert all(path in verdict["errors"] for path in paths), verdict
    assert [verdict["valid"] for verdict in forums] == [True, True]
    for tag, [verdict] in zip(others, rest, strict=True):  # each compiles, and takes only its own type
        assert not verdict["valid"], tag
        assert ["/type", "const"] in verdict["errors"], tag


@pytest.mark.parametrize("tag", ["session"])
def test_schema_command_writes_one_type(tmp_path: Path, tag: str) -> None:
    """`schema --type session -o FILE` writes the session type alone, with no other record type in it."""
    schema = json.loads(_write_schema(tmp_path, tag).read_text(encoding="utf-8"))
    assert schema["properties"]["type"] == {"const": tag}
    assert "oneOf" not in schema
    assert "Comparison" not in schema["$defs"]
