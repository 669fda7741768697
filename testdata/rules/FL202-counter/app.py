from flask import Flask, jsonify, request
from flask_jwt_extended import jwt_required

from models import Click, Url, db

app = Flask(__name__)


@app.post("/links")
@jwt_required()
def create_link():
    db.session.add(Url(target=request.get_json()["target"]))
    db.session.commit()
    return "", 201


@app.put("/links/<key>/click")
def count_click(key):  # expect: FL202(low)
    url = Url.query.filter_by(key=key).first_or_404()
    url.clicks += 1
    db.session.commit()
    return jsonify(clicks=url.clicks)


@app.put("/links/<key>/visit")
def record_visit(key):  # expect: FL202(high)
    url = Url.query.filter_by(key=key).first_or_404()
    url.clicks += 1
    url.last_referrer = request.referrer
    db.session.commit()
    return "", 204


@app.post("/links/<key>/clicks")
def log_click(key):  # expect: FL202(high)
    url = Url.query.filter_by(key=key).first_or_404()
    url.clicks += 1
    db.session.add(Click(url_id=url.id))
    db.session.commit()
    return "", 201
