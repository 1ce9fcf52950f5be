"""The negotiation's history in the window: the compare bar, the paragraph timeline and who
proposed each word."""
