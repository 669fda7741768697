from flask import Blueprint, request

blueprint = Blueprint("search", __name__)


@blueprint.route("/search")
def search():
    return {"q": request.args.get("q", "")}
