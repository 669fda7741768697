import flask

from vpn import app, auth

LINKS = {}
USERS = {}


@app.route("/server/<server_id>", methods=["DELETE"])
@auth.checked
def server_delete(server_id):
    return flask.jsonify({"deleted": server_id})


@app.route("/server/<server_id>/host", methods=["PUT"])
@auth.checked
def server_host_put(server_id):
    return flask.jsonify({"server": server_id})


@app.route("/organization/<org_id>", methods=["DELETE"])
def organization_delete(org_id):  # expect: FL202
    return flask.jsonify({"deleted": org_id})


@app.route("/host/<host_id>", methods=["DELETE"])
@auth.audited_check
def host_delete(host_id):  # expect: FL202
    return flask.jsonify({"deleted": host_id})


@app.route("/k/<short_code>", methods=["DELETE"])
@auth.open_auth
def key_link_delete(short_code):
    # Trap: the project marked the page public; the short code is the capability.
    LINKS.pop(short_code, None)
    return flask.jsonify({})


@app.route("/user/<user_id>", methods=["DELETE"])
@auth.checked
def user_delete(user_id):  # expect: FL201(low)
    # Administrators manage every account: the console admits nobody else.
    USERS.pop(user_id)
    return flask.jsonify({"deleted": user_id})
