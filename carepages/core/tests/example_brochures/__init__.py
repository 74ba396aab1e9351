"""A page type added the way docs/developers.md describes: brochures, for the tests only.

Installed by the test settings alone. It touches no other app: its kind is
registered in its own models.py, and search, the API's search and the
sitemap find its pages (carepages/core/tests/test_page_kinds.py).
"""
