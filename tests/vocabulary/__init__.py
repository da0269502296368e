"""Tests of govrecords.vocabulary, laid out as the subpackage is."""
