"""A blueprint-wide `before_request` hook decorated with Eve's authentication
(`if not app.auth.authorized(...): return app.auth.authenticate()`): its routes are
authenticated. A blueprint without it is not."""
from eve import Eve
from flask import Blueprint, jsonify

from .decorator import blueprint_auth

app = Eve()
assets_bp = Blueprint("assets", __name__)
legacy_bp = Blueprint("legacy", __name__)
ASSETS = {}


@assets_bp.before_request
@blueprint_auth()
def before_request():
    pass


@assets_bp.route("/sams/assets/<asset_id>", methods=["DELETE"])
def delete_asset(asset_id):
    ASSETS.pop(asset_id, None)
    return jsonify(ok=True)


@legacy_bp.route("/legacy/assets/<asset_id>", methods=["DELETE"])
def delete_legacy_asset(asset_id):  # expect: FL202
    ASSETS.pop(asset_id, None)
    return jsonify(ok=True)


app.register_blueprint(assets_bp)
app.register_blueprint(legacy_bp)
