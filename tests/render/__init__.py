"""Tests of govrecords.render, laid out as the subpackage is."""
