"""The young person's app fixtures (an invited young person and a signed-in app client), for the Local Offer's
app tests."""

from youngapp.tests.conftest import _fast_hasher, access, app_client, yp  # noqa: F401 (fixtures)
