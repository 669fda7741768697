"""Sign-ups written in SQL: the columns of an `INSERT` into the accounts table take the
parameters in order, so a `role_id` taken from the request is a role the visitor chooses.
A role written into the statement itself, or a role column of another table, grants nothing
the visitor picks."""
import sqlite3

from flask import Blueprint, jsonify, request
from werkzeug.security import check_password_hash, generate_password_hash

auth_bp = Blueprint("auth", __name__, url_prefix="/api/auth")


def get_db():
    return sqlite3.connect("crm.db")


@auth_bp.route("/register", methods=["POST"])
def register():  # expect: FL204(critical)
    data = request.get_json()
    email = data.get("email")
    password = data.get("password")
    tenant_id = data.get("tenant_id")
    role_id = data.get("role_id", 2)
    cur = get_db().cursor()
    cur.execute(
        "INSERT INTO users (email, password, role_id, tenant_id) VALUES (%s, %s, %s, %s)",
        (email, generate_password_hash(password), role_id, tenant_id),
    )
    return jsonify(msg="registered"), 201


@auth_bp.route("/register-seller", methods=["POST"])
def register_seller():
    data = request.get_json()
    cur = get_db().cursor()
    cur.execute(
        "INSERT INTO users (email, password, role_id) VALUES (?, ?, 2)",
        (data.get("email"), generate_password_hash(data.get("password"))),
    )
    return jsonify(msg="registered"), 201


@auth_bp.route("/invitations", methods=["POST"])
def invite():
    data = request.get_json()
    cur = get_db().cursor()
    cur.execute(
        "INSERT INTO invitations (email, role) VALUES (?, ?)",
        (data.get("email"), data.get("role")),
    )
    return jsonify(msg="invited"), 201


@auth_bp.route("/login", methods=["POST"])
def login():
    data = request.get_json()
    row = get_db().execute("SELECT password FROM users WHERE email = ?", (data.get("email"),)).fetchone()
    if row is None or not check_password_hash(row[0], data.get("password")):
        return jsonify(msg="invalid"), 401
    return jsonify(msg="welcome")
