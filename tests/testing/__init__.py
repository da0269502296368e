"""Tests of govrecords.testing, laid out as the subpackage is."""
