"""Tests of govrecords.importers, laid out as the subpackage is."""
