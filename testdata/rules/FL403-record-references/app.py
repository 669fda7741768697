"""beryllium's broker: every record carries a `token` column, the reference its messages show
customers ("Your deposit {token} is now ..."), so logging `deposit.token`, or a `token` the
function looks a `PayoutGroup` up by, logs a record's name (low). A `KycRequest` is opened by
its token on a route that asks for no login: that token is a capability, and logging it stays
medium. So does the token of an app's only `ApiToken` table (see api_tokens/)."""
import logging
import secrets

from flask import Flask, jsonify, request
from flask_login import LoginManager, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)
LoginManager(app)
logger = logging.getLogger(__name__)


class FromTokenMixin:
    @classmethod
    def from_token(cls, session, token):
        return session.query(cls).filter(cls.token == token).first()


class BalanceUpdate(db.Model, FromTokenMixin):
    id = db.Column(db.Integer, primary_key=True)
    token = db.Column(db.String(255), unique=True, nullable=False)
    status = db.Column(db.String(20))


class BrokerOrder(db.Model, FromTokenMixin):
    id = db.Column(db.Integer, primary_key=True)
    token = db.Column(db.String(255), unique=True, nullable=False)


class PayoutGroup(db.Model, FromTokenMixin):
    id = db.Column(db.Integer, primary_key=True)
    token = db.Column(db.String(255), unique=True, nullable=False)


class KycRequest(db.Model, FromTokenMixin):
    id = db.Column(db.Integer, primary_key=True)
    token = db.Column(db.String(255), unique=True, nullable=False)
    status = db.Column(db.String(20))


def deposit_update(deposit):
    logger.info("processing deposit %s (%s)", deposit.token, deposit.status)  # expect: FL403(low)
    return f"Your deposit {deposit.token} is now {deposit.status}"


@app.post("/payout_group_process")
@login_required
def payout_group_process():
    token = request.form["token"]
    logger.info("looking for %s", token)  # expect: FL403(low)
    group = PayoutGroup.from_token(db.session, token)
    return jsonify(found=group is not None)


@app.get("/kyc/request/<token>")
def kyc_request(token):
    req = KycRequest.from_token(db.session, token)
    return jsonify(status=req.status if req else None)


@app.post("/kyc/webhook")
def kyc_webhook():
    reference = request.get_json()["reference"]
    req = KycRequest.from_token(db.session, reference)
    logger.info("kyc request %s completed", req.token)  # expect: FL403(medium)
    req.status = "completed"
    db.session.commit()
    return "ok"


@app.post("/orders")
@login_required
def create_order():
    order = BrokerOrder(token=secrets.token_urlsafe(8))
    db.session.add(order)
    db.session.commit()
    return jsonify(token=order.token)


@app.post("/deposits/refresh")
@login_required
def refresh_deposits():
    pending = BalanceUpdate.query.filter_by(status="pending").all()
    return jsonify(messages=[deposit_update(deposit) for deposit in pending])
