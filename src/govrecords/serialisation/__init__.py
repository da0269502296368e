"""Serialisation: records as JSON and JSON Lines, their JSON Schema, input limits and format migrations."""
