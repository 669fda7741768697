"""Defaults every installation starts from."""
import os

SECRET_KEY = os.environ["SECRET_KEY"]
LINK_SIGNING_KEY = "link-signing-key"  # expect: FL302(high)
# --- trap: read from the environment, no default in the code
AUDIT_SIGNING_KEY = os.environ["AUDIT_SIGNING_KEY"]
