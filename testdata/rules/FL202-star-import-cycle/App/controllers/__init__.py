"""Every controller, starred."""
from .user import *
from .pothole import *
from .report import *
from .reported_image import *
from .vote import *
from .driver import *
from .region import *
from .comment import *
