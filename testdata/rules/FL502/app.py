from flask import Flask
from flask_jwt import JWT, jwt_required  # expect: FL502(medium)
from flask_jwt_extended import create_access_token
from itsdangerous import TimedJSONWebSignatureSerializer as Serializer  # expect: FL502(low)
from itsdangerous import URLSafeTimedSerializer

# The same library again: one cause, one finding per app, reported at line 2 with this line named.
import flask_jwt
import flask_jwt_extended

app = Flask(__name__)


def reset_serializer():
    # Imported late, still an import of the removed JWS support: named by the finding on line 4.
    from itsdangerous.jws import JSONWebSignatureSerializer

    return JSONWebSignatureSerializer(app.config["SECRET_KEY"])


def link_serializer():
    return URLSafeTimedSerializer(app.config["SECRET_KEY"])


__all__ = ["create_access_token", "JWT", "jwt_required", "Serializer", "flask_jwt", "flask_jwt_extended"]


def legacy_serializer(key):
    import itsdangerous

    # Known miss: the removed class reached through the module's attribute.
    return itsdangerous.TimedJSONWebSignatureSerializer(key)  # todo: FL502
