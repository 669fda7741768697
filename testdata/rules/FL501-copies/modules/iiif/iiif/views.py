from flask import Blueprint

blueprint = Blueprint("iiif", __name__)


@blueprint.route("/iiif/<uuid>")
def manifest(uuid):
    return {"id": uuid}
