from flask import Flask
from flask_jwt import JWT, jwt_required  # expect: FL502
from flask_jwt_extended import create_access_token
from itsdangerous import TimedJSONWebSignatureSerializer as Serializer  # expect: FL502
from itsdangerous import URLSafeTimedSerializer

import flask_jwt  # expect: FL502
import flask_jwt_extended

app = Flask(__name__)


def reset_serializer():
    # Imported late, still an import of the removed class.
    from itsdangerous.jws import JSONWebSignatureSerializer  # expect: FL502

    return JSONWebSignatureSerializer(app.config["SECRET_KEY"])


def link_serializer():
    return URLSafeTimedSerializer(app.config["SECRET_KEY"])


__all__ = ["create_access_token", "JWT", "jwt_required", "Serializer", "flask_jwt", "flask_jwt_extended"]


def legacy_serializer():
    import itsdangerous

    # Known miss: the removed class reached through the module's attribute.
    return itsdangerous.TimedJSONWebSignatureSerializer("k")  # todo: FL502
