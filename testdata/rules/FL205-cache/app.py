"""CodeGrader's shape: a response cache written above the access check returns the stored
response on a hit without running the check, so after one authorized request anyone gets the
answer until the entry expires. A cache written below the check, or on a public page, is fine."""
from flask import Flask, jsonify
from flask_caching import Cache
from flask_login import LoginManager, login_required

app = Flask(__name__)
app.config.from_prefixed_env()
cache = Cache(app)
login_manager = LoginManager(app)
USERS = {}


@app.route("/users/<int:user_id>")
@cache.memoize(60)  # expect: FL205(high)
@login_required
def get_user(user_id):  # expect: FL201(high)
    return jsonify(USERS.get(user_id))


@app.route("/reports")
@login_required
@cache.cached(timeout=60)
def reports():
    return jsonify(sorted(USERS))


@app.route("/public/stats")
@cache.cached(timeout=300)
def stats():
    return jsonify(count=len(USERS))


@app.route("/answer")
@cache.cached(timeout=60)  # expect: FL205(low)
@login_required
def answer():
    response = {"response": "42"}
    return response
