"""A household app (kitchenowl's shape): every model shares a mixin whose `checkAuthorized()`
raises unless the caller belongs to the record's household, and handlers call it on the record
they loaded (or on its parent) before changing it."""
from flask import Flask, jsonify, request
from flask_jwt_extended import JWTManager, current_user, jwt_required
from flask_sqlalchemy import SQLAlchemy
from werkzeug.exceptions import Forbidden

app = Flask(__name__)
app.config.from_prefixed_env()
app.config["JWT_DECODE_AUDIENCE"] = "kitchen"
db = SQLAlchemy(app)
jwt = JWTManager(app)


class AuthorizeMixin:
    def checkAuthorized(self):
        if not any(m.user_id == current_user.id for m in self.household.members):
            raise Forbidden()


class Household(db.Model):
    id = db.Column(db.Integer, primary_key=True)


class Shoppinglist(db.Model, AuthorizeMixin):
    id = db.Column(db.Integer, primary_key=True)
    household_id = db.Column(db.Integer, db.ForeignKey("household.id"))


class ListItem(db.Model, AuthorizeMixin):
    id = db.Column(db.Integer, primary_key=True)
    description = db.Column(db.String)
    created_by = db.Column(db.Integer, db.ForeignKey("user.id"))
    shoppinglist_id = db.Column(db.Integer, db.ForeignKey("shoppinglist.id"))
    shoppinglist = db.relationship("Shoppinglist")


class Expense(db.Model, AuthorizeMixin):
    id = db.Column(db.Integer, primary_key=True)
    amount = db.Column(db.Integer)
    paid_by_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    household_id = db.Column(db.Integer, db.ForeignKey("household.id"))


@app.delete("/api/expense/<int:expense_id>")
@jwt_required()
def delete_expense(expense_id):
    expense = Expense.query.get_or_404(expense_id)
    expense.checkAuthorized()
    db.session.delete(expense)
    db.session.commit()
    return jsonify(msg="DONE")


@app.put("/api/item/<int:item_id>")
@jwt_required()
def update_item(item_id):
    item = ListItem.query.get_or_404(item_id)
    item.shoppinglist.checkAuthorized()
    item.description = request.json["description"]
    db.session.commit()
    return jsonify(msg="DONE")


@app.put("/api/expense/<int:expense_id>")
@jwt_required()
def update_expense(expense_id):  # expect: FL201
    expense = Expense.query.get_or_404(expense_id)
    # A method of the record that checks something else relates nothing to the caller.
    expense.check_amount_limits()
    expense.amount = request.json["amount"]
    db.session.commit()
    return jsonify(msg="DONE")
