from .repos import *  # noqa: F401,F403
from .user import *  # noqa: F401,F403
