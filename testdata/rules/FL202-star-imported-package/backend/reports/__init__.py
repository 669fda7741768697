from .monthly import *
