"""Tests of govrecords.taxonomy, laid out as the subpackage is."""
