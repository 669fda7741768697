from portal.views import accounts  # noqa: F401
