"""The second build with changed rule files (tests/macros/conftest.py), for the browser tests that replace one
build with another."""

from tests.macros.conftest import gewijzigde_regels, gewijzigde_site  # noqa: F401
