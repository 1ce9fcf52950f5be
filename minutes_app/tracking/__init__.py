"""Pure-Python change tracking between delegations: revisions, rounds, brackets."""
