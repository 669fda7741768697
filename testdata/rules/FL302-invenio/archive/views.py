from flask import Blueprint, session

blueprint = Blueprint("archive", __name__)


@blueprint.route("/visits")
def visits():
    session["visits"] = session.get("visits", 0) + 1
    return {"visits": session["visits"]}
