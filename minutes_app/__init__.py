"""minutes_app: drafting, negotiating and signing bilingual agreed minutes."""

__version__ = "0.1.0"
