from flask import Flask, jsonify
from flask_jwt_extended import JWTManager, get_jwt_identity, jwt_required

from config import Config

application = Flask(__name__)
application.config.from_object(Config)
JWTManager(application)  # expect: FL306


@application.get("/me")
@jwt_required()
def me():
    return jsonify(user=get_jwt_identity())
