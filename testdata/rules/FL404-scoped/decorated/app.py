"""A gym API (zyadwael2009/gym's shapes): the open `/api/*` resource holds routes behind a
project decorator that verifies the JWT from the `Authorization` header and passes the user in
as `current_user`; Flask's session is used only by `/test` pages outside the resource. A page on
another origin reads only what its own request carried: low."""
import functools
import os

from flask import Flask, session
from flask_cors import CORS
from flask_jwt_extended import JWTManager, create_access_token, get_jwt_identity, verify_jwt_in_request

from models import User

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
app.secret_key = os.environ["SECRET_KEY"]
JWTManager(app)
CORS(app, resources={r"/api/*": {"origins": "*", "supports_credentials": True}})  # expect: FL404(low)


def require_staff():
    def decorator(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            verify_jwt_in_request()
            return view(*args, current_user=User.get(get_jwt_identity()), **kwargs)

        return wrapper

    return decorator


@app.get("/api/branches")
@require_staff()
def list_branches(current_user):
    return {"branches": current_user.branches()}


@app.post("/test/login")
def test_login():
    session["token"] = create_access_token(identity="1")
    return {"ok": True}
