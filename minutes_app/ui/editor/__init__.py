"""The aligned editor: its view and item model, the cell editor, inline markup, the outline,
spelling, find, and the structural edits made from the cursor."""
