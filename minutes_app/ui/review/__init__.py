"""Review mode: the heads of delegation's walk through every open item."""
