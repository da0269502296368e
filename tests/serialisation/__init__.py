"""Tests of govrecords.serialisation, laid out as the subpackage is."""
