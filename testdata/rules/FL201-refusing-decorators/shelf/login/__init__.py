"""A vendored copy of Flask-Login's `login_required`, re-exported by the package."""
from .utils import login_required  # noqa: F401
