"""queds's shape: every lookup goes through `filter_by_owner(Model)`, a project helper that
returns `Model.query.filter(Model.user_id == get_jwt_identity())`, so a row chained onto it is
the caller's. A name that holds the caller's rows in one branch and anyone's in the other
(`items`) relates nothing, and a helper returning `g.db` is not the caller."""
from flask import Flask, jsonify
from flask_jwt_extended import JWTManager, get_jwt_identity, jwt_required
from flask_sqlalchemy import SQLAlchemy

from api import filter_by_owner, get_db, owned

app = Flask(__name__)
app.config.from_prefixed_env()
app.config["JWT_DECODE_AUDIENCE"] = "portfolio"
db = SQLAlchemy(app)
JWTManager(app)


class Account(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    name = db.Column(db.String(80))


class Watchlist(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    ticker = db.Column(db.String(12))


def quotes(tickers):
    return {ticker: 0.0 for ticker in tickers}


@app.put("/accounts/<int:id>")
@jwt_required()
def rename_account(id):
    account = filter_by_owner(Account).filter(Account.id == id).one()
    account.name = "renamed"
    db.session.commit()
    return jsonify(ok=True)


@app.delete("/accounts/<int:id>")
@jwt_required()
def delete_account(id):
    account = owned(Account).filter(Account.id == id).one()
    db.session.delete(account)
    db.session.commit()
    return jsonify(ok=True)


@app.get("/watchlists/<int:id>")
@jwt_required()
def watchlist(id):  # expect: FL201
    user_id = get_jwt_identity()
    if id == 0:
        items = Watchlist.query.filter(Watchlist.user_id == user_id).all()
    else:
        items = Watchlist.query.filter(Watchlist.id == id).all()
    return jsonify(quotes([item.ticker for item in items]))


@app.delete("/watchlists/<int:id>")
@jwt_required()
def delete_watchlist(id):  # expect: FL201
    get_db()
    Watchlist.query.filter(Watchlist.id == id).delete()
    db.session.commit()
    return jsonify(ok=True)
