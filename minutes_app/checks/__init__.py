"""Conformity findings between the languages of the minutes."""
