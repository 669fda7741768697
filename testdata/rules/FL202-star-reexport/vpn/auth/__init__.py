# The package re-exports its modules' names, as pritunl's `auth/__init__.py` does.
from vpn.auth.checks import *
from vpn.auth.audit import *
