from . import organizations  # noqa: F401
