"""The docked panels: the paragraph panel, the Changes panel and its reviewing list, and
Ready to sign?."""
