from api.tests.conftest import _fast_hasher, api_as  # noqa: F401  (the API tests' token client)
