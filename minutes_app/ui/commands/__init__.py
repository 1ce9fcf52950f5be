"""The window's commands and menus: files, negotiation, printing, and the file watch."""
