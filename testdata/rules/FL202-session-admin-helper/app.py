"""petpal's admin pages: `if not admin_required(): return 401`, where the helper reads the
administrator's login from the session (`session.get("admin_id")`). Nobody anonymous holds
it, so the handler authenticates itself. A helper reading a setting from the session does
not."""
from flask import Flask, jsonify, session
from flask_login import LoginManager, login_required

app = Flask(__name__)
login_manager = LoginManager(app)
ANIMALS = {}


def admin_required():
    return bool(session.get("admin_id"))


def dark_mode():
    return bool(session.get("theme"))


@app.get("/shelter/animals")
@login_required
def shelter_animals():
    return jsonify(list(ANIMALS))


@app.post("/animals/<int:animal_id>/delete")
def delete_animal(animal_id):
    if not admin_required():
        return jsonify({"error": "Unauthorized"}), 401
    ANIMALS.pop(animal_id, None)
    return jsonify({"message": "Animal deleted"}), 200


@app.post("/animals/<int:animal_id>/archive")
def archive_animal(animal_id):  # expect: FL202
    if not dark_mode():
        return jsonify({"error": "Unauthorized"}), 401
    ANIMALS.pop(animal_id, None)
    return jsonify({"message": "Animal archived"}), 200
