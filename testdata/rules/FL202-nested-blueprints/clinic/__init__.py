"""A clinic site (Clinic_03): an admin API in blueprints nested under `admin_main`, whose
`before_request` hook verifies the JWT for every nested blueprint (Flask >= 2.0.1 runs a parent
blueprint's hooks for its children), except the login it names by its nested endpoint. The
public site books appointments without a login by design: reported low, with the reason."""
from flask import Blueprint, Flask
from flask_jwt_extended import JWTManager

from .admin import admin_blueprint
from .public import public_blueprint

app = Flask(__name__)
app.config.from_prefixed_env()
JWTManager(app)

clinic_blueprint = Blueprint("clinic", __name__)
clinic_blueprint.register_blueprint(admin_blueprint, url_prefix="/admin")
clinic_blueprint.register_blueprint(public_blueprint)
app.register_blueprint(clinic_blueprint)
