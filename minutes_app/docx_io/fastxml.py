"""The former name of the markup half of ``xml``: kept while code written against it is merged."""

from __future__ import annotations

from minutes_app.docx_io.xml import *  # noqa: F403
