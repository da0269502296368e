"""The same record model in msgspec and in pydantic v2, for side-by-side runs.

Both mirror govrecords' JSON exactly: the same keys, the envelope around the
record, unknown keys refused, enums read by value, strings not coerced from
numbers, tuples for lists, fields at their default left out when writing. Checks
govrecords makes in its record classes are made here with each library's own
constraints where it has one (non-empty text, ISO country codes, the date's text
form, spans of two whole numbers), so no library is timed doing less validation
than the others would need to accept the same documents. Each library's fastest
documented path is used: ``msgspec.json.Decoder``/``Encoder`` with a typed Struct,
pydantic's ``TypeAdapter.validate_json`` / ``dump_json`` (Rust core, strict mode).

Importing this module needs msgspec and pydantic; ``run.py`` imports it only when
they are installed.
"""

# The text forms govrecords reads for partial dates and ranges (EDTF); the calendar
# check (no 30 February) is govrecords' alone and is left out here.
DATE = r"^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?)?)?$"
WHEN = r"^(\d{4}[-0-9T:+Z]*)?(/(\d{4}[-0-9T:+Z]*)?)?$"
COUNTRY = r"^[A-Z]{2}$"
