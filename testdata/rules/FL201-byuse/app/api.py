"""flask-smorest: ids in the parsed body and in `@use_kwargs` fields."""
from flask.views import MethodView
from flask_jwt_extended import get_jwt_identity, jwt_required
from flask_smorest import Blueprint
from marshmallow import Schema, fields
from webargs.flaskparser import use_kwargs

from .extensions import db
from .models import Wallet

blp = Blueprint("wallets", __name__, url_prefix="/api")


class TopUpSchema(Schema):
    wallet_id = fields.Int(required=True)
    amount = fields.Decimal(required=True)


@blp.route("/top-up")
class TopUp(MethodView):
    @jwt_required()
    @blp.arguments(TopUpSchema)
    def post(self, args):
        wallet = db.session.get(Wallet, args["wallet_id"])  # expect: FL201(medium)
        wallet.balance += args["amount"]
        db.session.commit()
        return {"balance": str(wallet.balance)}


@blp.route("/my-top-up")
class MyTopUp(MethodView):
    @jwt_required()
    @blp.arguments(TopUpSchema)
    def post(self, args):
        wallet = Wallet.query.filter_by(id=args["wallet_id"], holder_id=get_jwt_identity()).first_or_404()
        wallet.balance += args["amount"]
        db.session.commit()
        return {"balance": str(wallet.balance)}


@blp.route("/wallets/close")
class CloseWallet(MethodView):
    # webargs `@use_kwargs` hands each field to the view by name.
    @jwt_required()
    @use_kwargs({"wallet_id": fields.Int(required=True)}, location="json")
    def post(self, wallet_id):  # expect: FL201(medium)
        db.session.delete(Wallet.query.get_or_404(wallet_id))
        db.session.commit()
        return {"closed": wallet_id}
