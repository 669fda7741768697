from functools import wraps

import jwt
from flask import Flask, abort, jsonify, request
from marshmallow import fields
from flask_jwt_extended import jwt_required
from flask_login import current_user

app = Flask(__name__)
KEY = "unused-in-this-fixture"  # expect: FL302
NOTES = {}


def require_token(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        token = request.headers.get("Authorization", "")[7:]
        jwt.decode(token, KEY, algorithms=["HS256"], audience="api", issuer="auth")
        return view(*args, **kwargs)

    return wrapper


@app.route("/notes", methods=["GET"])
@jwt_required()
def list_notes():
    return jsonify([])


@app.route("/notes", methods=["POST"])
@require_token
def create_note():
    return jsonify({}), 201


# --- hits ----------------------------------------------------------------------------------


@app.route("/notes/<int:note_id>", methods=["DELETE"])
def delete_note(note_id):  # expect: FL202
    return "", 204


@app.route("/users/<int:user_id>/orders")
def user_orders(user_id):  # expect: FL202
    return jsonify([])


@app.put("/settings")
def save_settings():  # expect: FL202
    return jsonify(saved=True)


# --- traps: public by design, or authenticated another way ---------------------------------


@app.route("/auth/login", methods=["POST"])
def login():
    return jsonify(access_token="...")


@app.route("/register", methods=["POST"])
def register():
    return jsonify({}), 201


@app.route("/token/refresh", methods=["POST"])
def refresh():
    return jsonify({})


@app.route("/health")
def health():
    return "ok"


@app.route("/products/<int:product_id>")
def product(product_id):
    return jsonify({"id": product_id})


@app.route("/password/forgot", methods=["POST"])
def forgot():
    return "", 202


@app.route("/profile", methods=["PATCH"])
def update_profile():
    # Session-based: flask_login's current_user is only there after authentication.
    if not current_user.is_authenticated:
        abort(401)
    return jsonify(updated=True)


@app.route("/notes/<int:note_id>/share", methods=["POST"])
def share_note(note_id):  # expect: FL201
    # Verifies the token itself.
    jwt.decode(request.headers["Authorization"][7:], KEY, algorithms=["HS256"], audience="api", issuer="auth")
    return jsonify(shared=NOTES[note_id])


class RBAC:
    """An access-control extension from another package: flasklint cannot see into it."""

    def allow(self, roles, methods):
        def decorator(view):
            return view

        return decorator


rbac = RBAC()


@app.route("/accounts/<int:account_id>", methods=["DELETE"])
@rbac.allow(["Admin"], ["DELETE"])
def delete_account(account_id):
    # Guarded by an access-control object named for it (security_monkey's `rbac.allow`).
    return "", 204


# A read-only collection: reported only because its authentication was switched off.
@app.route("/users")
#@jwt_required()
def list_users():  # expect: FL202
    return jsonify([{"email": "a@example.com", "password_hash": "..."}])


# A read whose decorator was switched off: medium (high if what it returns is private).
#  @require_token
@app.get("/reports")
def list_reports():  # expect: FL202(medium)
    return jsonify(load_reports())


def load_reports():
    return []


# A note about the route, not a decorator: stays silent.
# @see docs/api.md for the format
@app.get("/catalogue")
def catalogue():
    return jsonify([])


# A write whose decorator was switched off keeps the rule's severity.
@app.route("/reports", methods=["DELETE"])
# @require_token
def clear_reports():  # expect: FL202
    DB.reports.clear()
    return "", 204


# auction-website: seeding the account table (an admin among the sample accounts) is no
# sign-up, whatever the URL ends with.
@app.route("/seed/users", methods=["POST"])
def seed_users():  # expect: FL202
    DB.users.extend([{"name": "admin0", "role": "admin", "password": "password0"}])
    return "", 201


# Registration opened on purpose: the commented-out decorator is not evidence here.
@app.route("/signup", methods=["POST"])
# @jwt_required()
def signup():
    return jsonify(ok=True), 201


class Account:
    query = None

    def to_dict(self):
        return {"id": 1, "email": "a@example.com", "password_hash": "..."}


class MemberSchema:
    name = "fields.String()"
    password = fields.String(load_only=True)


class ProfileSchema:
    email = "fields.Email()"


@app.get("/accounts")
def list_accounts():  # expect: FL202
    return jsonify([a.to_dict() for a in Account.query.all()])


@app.get("/members")
def list_members():
    # The schema dumps only the name: `password` is load_only.
    return jsonify(MemberSchema(many=True).dump([]))


@app.get("/profiles")
def list_profiles():  # expect: FL202
    return jsonify(ProfileSchema(many=True).dump([]))


@app.get("/products")
def list_products():
    # A public catalogue: not people, whatever its fields.
    return jsonify([{"name": "tea", "email": "shop@example.com"}])


class FakeDatabase:
    def drop_all(self):
        pass

    def create_all(self):
        pass


db = FakeDatabase()


# A GET that drops and recreates the database changes everything (VAmPI's `/createdb`).
@app.get("/createdb")
def populate_db():  # expect: FL202
    db.drop_all()
    db.create_all()
    return jsonify(message="Database populated.")


def initialize():
    db.drop_all()
    db.create_all()


# The same through a project function (COMP3613A2's `GET /init` calls `initialize()`).
@app.get("/init")
def init():  # expect: FL202
    initialize()
    return jsonify(message="db initialized!")


def count_products():
    return 3


@app.get("/stats")
def stats():
    # Trap: a GET whose helper only reads.
    return jsonify(products=count_products())


# Trap: a command, not a route, may reset the database.
@app.cli.command("reset-db")
def reset_db():
    db.drop_all()
    db.create_all()
