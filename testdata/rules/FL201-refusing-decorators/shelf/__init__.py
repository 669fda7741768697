"""Project decorators that authenticate by refusing, in the shapes real apps write them:
delegating at call time to a vendored Flask-Login (calibre-web), answering 401 when a token
lookup fails (calibre-web's Kobo API), raising a project exception that carries the status
(picoCTF, imported through a package re-export), and a role decorator that refuses anonymous
callers too (OpenOversight)."""
from flask import Flask

app = Flask(__name__)

from shelf import views  # noqa: E402,F401
