from flask import Flask, jsonify
from flask_jwt_extended import JWTManager, create_access_token, get_jwt, jwt_required

from configuration import Configuration

application = Flask(__name__)
application.config.from_object(Configuration)
jwt = JWTManager(application)


@application.post("/login")
def login():
    return jsonify(token=create_access_token(identity="voter", additional_claims={"roles": ["voter"]}))


@application.get("/elections")
@jwt_required()
def elections():
    if "admin" not in get_jwt()["roles"]:
        return jsonify(error="forbidden"), 403
    return jsonify([])
