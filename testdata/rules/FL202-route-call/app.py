"""Expense_Tracker_API's shape: `bp.route(...)` applied by hand to a function defined
elsewhere, which registers the route as the decorator would."""
from flask import Blueprint, Flask, jsonify
from flask_jwt_extended import JWTManager, create_access_token, get_jwt_identity, jwt_required

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = __import__("os").environ["JWT_SECRET_KEY"]
JWTManager(app)
expense_bp = Blueprint("expenses", __name__)
EXPENSES = {}


def login():
    return jsonify(token=create_access_token(identity="someone"))


@jwt_required()
def list_expenses():
    owner = get_jwt_identity()
    return jsonify([e for e in EXPENSES.values() if e["owner"] == owner])


def delete_expense(expense_id):  # expect: FL202
    EXPENSES.pop(expense_id, None)
    return "", 204


expense_bp.route("/login", methods=["POST"])(login)
expense_bp.route("/expenses", methods=["GET"])(list_expenses)
expense_bp.route("/expenses/<int:expense_id>", methods=["DELETE"])(delete_expense)
app.register_blueprint(expense_bp)
