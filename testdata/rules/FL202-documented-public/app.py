"""A listings API: the author documents which open routes are public (low), a sign-up through a
camelCase helper is no missing login, and an open write that merely mentions the word `public`
is still reported."""
import os

from flask import Flask, jsonify, request
from flask_jwt_extended import JWTManager, create_access_token, jwt_required

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
JWTManager(app)
LISTINGS = {}
INQUIRIES = []
USERS = {}


@app.post("/login")
def login():
    return jsonify(token=create_access_token(identity=request.json["email"]))


class Database:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def insert(self, table, row):
        return {"table": table, "row": row}


def createUser(email, password):
    with Database() as db:
        return db.insert("users", {"email": email, "password": password})


@app.post("/listings")
@jwt_required()
def create_listing():
    LISTINGS[len(LISTINGS)] = request.get_json()
    return jsonify(created=True), 201


@app.delete("/listings/<int:listing_id>")
@jwt_required()
def delete_listing(listing_id):
    LISTINGS.pop(listing_id, None)
    return "", 204


@app.post("/inquiries")
def send_inquiry():  # expect: FL202(low)
    """Send a message about a listing (public endpoint)."""
    INQUIRIES.append(request.get_json())
    return jsonify(sent=True), 201


@app.post("/users")
def users():
    data = request.get_json()
    user = createUser(data.get("email"), data.get("password"))
    USERS[data.get("email")] = user
    return jsonify(message="Signup success", user=user)


@app.post("/listings/featured")
def feature_listing():  # expect: FL202(high)
    """Put a listing on the public front page."""
    LISTINGS[request.json["id"]]["featured"] = True
    return jsonify(ok=True)


# The sign-up form's fields, on a route named for signing up: `POST /users` is still the
# sign-up (its handler creates the account), not an API route that forgot its login.
@app.get("/signUpForm")
def sign_up_form():
    return jsonify(fields=["email", "password"])
