"""The young person's app fixtures and the event builder, shared with participation's tests."""

from participation.tests.conftest import (  # noqa: F401 (fixtures)
    _fast_hasher,
    access,
    app_client,
    app_sign_in,
    hub,
    make_event,
    other,
    other_access,
    staff_client,
    yp,
)
