"""Mailu's shape: the permission decorators are made by a decorator (`@permissions_wrapper def
global_admin(...)`), and what that factory hands back wraps each view in
`flask_login.login_required`. A view under `@access.global_admin` needs a login; a view under
`@access.audited`, made by a factory that only logs, needs nothing. `@access.owner(Fetch,
"fetch_id")` is told which URL variable holds the record and relates it to the caller (no FL201);
`@access.exists(Fetch, "fetch_id")` only checks that the record is there (FL201)."""
from flask import Flask

app = Flask(__name__)

from mailhost import views  # noqa: E402,F401
