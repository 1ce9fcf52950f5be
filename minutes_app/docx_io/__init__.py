"""DOCX export and import; the only user of python-docx."""
