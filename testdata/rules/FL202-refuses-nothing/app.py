"""Code that looks at credentials but refuses nobody is not authentication: a hook that only
logs and stores the `Authorization` header, and a decorator built on
`verify_jwt_in_request(optional=True)` or on Flask-JWT-Extended 3's
`verify_jwt_in_request_optional()` (CodeGra.de's logging hook); a hook that verifies a token
only when one is sent and lets everyone else in as anonymous (aleph's `setup_request`); and
`@jwt_required("admin")`, whose first parameter is `optional`, not a role."""
import logging
import os
from functools import wraps

import jwt as pyjwt
from flask import Blueprint, Flask, abort, g, request, session
from flask_sqlalchemy import SQLAlchemy
from werkzeug.exceptions import TooManyRequests
from flask_jwt_extended import (
    JWTManager,
    current_user,
    get_jwt_identity,
    jwt_required,
    verify_jwt_in_request,
    verify_jwt_in_request_optional,
)

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
jwt = JWTManager(app)  # expect: FL306
db = SQLAlchemy(app)
log = logging.getLogger(__name__)
NOTES = {}
USERS = []


class Draft(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, db.ForeignKey("user.id"))


notes = Blueprint("notes", __name__)


@notes.before_request
def remember_caller():
    header = request.headers.get("Authorization")
    g.raw_authorization = header
    log.info("request with authorization %s", header)  # expect: FL403


def with_optional_user(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        verify_jwt_in_request(optional=True)
        g.viewer = get_jwt_identity()
        return view(*args, **kwargs)

    return wrapper


def with_user_if_any(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        verify_jwt_in_request_optional()
        g.viewer = get_jwt_identity()
        return view(*args, **kwargs)

    return wrapper


def user_active(user):
    return user is not None and user.is_active


def _raise_login_exception():
    raise PermissionError("No user was logged in.")


def ensure_logged_in():
    if not user_active(current_user):
        _raise_login_exception()


# CodeGra.de's own `login_required` (renamed here, so that only its body can say it refuses):
# the helper it calls raises when no active user is logged in.
def logged_in_only(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        ensure_logged_in()
        return view(*args, **kwargs)

    return wrapper


@app.get("/me/notes")
@jwt_required()
def my_notes():
    return {"notes": NOTES.get(get_jwt_identity(), [])}


# The hook is not authentication, so this is not "authenticated by the hook" (FL201); whether
# it is missing authentication is not asserted while a hook covers it.
@notes.delete("/notes/<note_id>")
def delete_note(note_id):  # todo: FL202
    NOTES.pop(note_id, None)
    return "", 204


# `optional=True` lets anonymous callers in: the route has no authentication.
@app.put("/notes/<note_id>")
@with_optional_user
def update_note(note_id):  # expect: FL202
    NOTES[note_id] = request.json
    return "", 204


@app.patch("/notes/<note_id>")
@with_user_if_any
def rename_note(note_id):  # expect: FL202
    NOTES[note_id]["title"] = request.json["title"]
    return "", 204


@app.post("/notes")
@logged_in_only
def create_note():
    NOTES[str(len(NOTES))] = request.json
    return "", 201


# A logging hook that reads the caller's token if there is one (CodeGra.de's `_create_logger`)
# authenticates nobody: no route of this blueprint is "authenticated by the hook" (FL201).
drafts = Blueprint("drafts", __name__)


@drafts.before_request
def log_caller():
    verify_jwt_in_request_optional()
    log.info("request from %s", get_jwt_identity())


@drafts.get("/drafts/<int:draft_id>")
def show_draft(draft_id):
    return Draft.query.get_or_404(draft_id).to_dict()


class Paper(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, db.ForeignKey("user.id"))


def load_session(credential):
    return pyjwt.decode(credential, app.config["JWT_SECRET_KEY"], algorithms=["HS256"])  # expect: FL105(low)


def too_many(address):
    return False


# A forged token is refused, a missing one is not: anonymous callers reach every route, and
# the rate limit's 429 refuses nobody for who they are. No route here is "authenticated by the
# hook" (FL201).
papers = Blueprint("papers", __name__)


@papers.before_request
def setup_request():
    g.caller = None
    if "Authorization" in request.headers:
        g.caller = load_session(request.headers["Authorization"])
    if too_many(request.remote_addr):
        raise TooManyRequests("slow down")


@papers.get("/papers/<int:paper_id>")
def show_paper(paper_id):
    return Paper.query.get_or_404(paper_id).to_dict()


# The same, leaving early when no token is sent.
drafts_v2 = Blueprint("drafts_v2", __name__)


@drafts_v2.before_request
def maybe_load_caller():
    token = request.headers.get("Authorization")
    if not token:
        return
    g.caller = load_session(token)


@drafts_v2.get("/v2/papers/<int:paper_id>")
def show_paper_v2(paper_id):
    return Paper.query.get_or_404(paper_id).to_dict()


# A hook that refuses the missing token authenticates: reading a paper by its id alone is FL201.
reviews = Blueprint("reviews", __name__)


@reviews.before_request
def require_caller():
    token = request.headers.get("Authorization")
    if not token:
        abort(401)
    g.caller = load_session(token)


@reviews.get("/reviews/<int:paper_id>")
def show_review(paper_id):  # expect: FL201
    return Paper.query.get_or_404(paper_id).to_dict()


# A CSRF check that leaves requests with a token to the token check (CTFd's `csrf` hook): its
# 403 is about the form's nonce, not the caller. Not "authenticated by the hook" (FL201).
forms = Blueprint("forms", __name__)


@forms.before_request
def csrf():
    if request.headers.get("Authorization"):
        return
    if not session.get("nonce"):
        session["nonce"] = os.urandom(16).hex()
    if request.method != "GET":
        if session["nonce"] != request.form.get("nonce"):
            abort(403)


@forms.get("/forms/papers/<int:paper_id>")
def show_paper_form(paper_id):
    return Paper.query.get_or_404(paper_id).to_dict()


app.register_blueprint(notes)
app.register_blueprint(drafts)
app.register_blueprint(forms)
app.register_blueprint(papers)
app.register_blueprint(drafts_v2)
app.register_blueprint(reviews)


# Vehicle_Parking's `@jwt_required("admin")`, meant as a role: the first parameter of
# Flask-JWT-Extended's `jwt_required` is `optional`, so anyone lists the users.
@app.get("/admin/users")
@jwt_required("admin")
def list_users():  # expect: FL202
    return {"users": [{"email": u.email, "password": u.password} for u in USERS]}


@app.delete("/admin/users/<int:user_id>")
@jwt_required(False)
def delete_user(user_id):  # expect: FL201, FL204
    USERS.pop(user_id)
    return "", 204
