"""FL106: tokens without `exp` that wrap a database record whose own expiry the app checks."""
from flask import Flask

app = Flask(__name__)

from . import views  # noqa: E402,F401
