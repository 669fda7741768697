"""The application object is re-exported by the package, and the hook that authenticates its
routes lives in another module than the routes (FlexGet's API): it still covers them, except
the paths it lets through."""
from .app import api, api_app  # noqa: F401
from . import auth, users  # noqa: F401
