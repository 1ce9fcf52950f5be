"""The dialogs: meeting details, annexes, glossary, export, find and replace, identity, help
and the start page."""
