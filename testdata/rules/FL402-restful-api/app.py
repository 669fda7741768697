"""lemur's shape: every route but one page is a flask-restful resource, and the app-wide
`@app.errorhandler(Exception)` answers with `str(e)`. flask-restful's `Api.error_router` answers
its resources' exceptions with a generic "Internal Server Error" before Flask's handlers run, so
the handler shows only werkzeug's HTTP errors and the failures of the one plain route: low (it
is medium where plain routes serve the app, FL402-audience). A handler for Flask-JWT-Extended's
exceptions answers with their fixed client messages and is not reported."""
from flask import Flask, jsonify, request
from flask_jwt_extended import JWTManager, jwt_required
from flask_jwt_extended.exceptions import JWTExtendedException
from flask_restful import Api, Resource

app = Flask(__name__)
app.config.from_prefixed_env()
app.config["JWT_DECODE_AUDIENCE"] = "certificates"
JWTManager(app)
api = Api(app)
CERTIFICATES = {}


class Certificates(Resource):
    method_decorators = [jwt_required()]

    def get(self):
        return list(CERTIFICATES.values())

    def post(self):
        CERTIFICATES[request.json["name"]] = request.json
        return request.json, 201


class Certificate(Resource):
    method_decorators = [jwt_required()]

    def get(self, name):
        return CERTIFICATES[name]

    def delete(self, name):
        CERTIFICATES.pop(name, None)
        return {}, 204


class Authorities(Resource):
    method_decorators = [jwt_required()]

    def get(self):
        return []


api.add_resource(Certificates, "/certificates")
api.add_resource(Certificate, "/certificates/<name>")
api.add_resource(Authorities, "/authorities")


@app.get("/about")
def about():
    return "Certificate manager"


@app.errorhandler(Exception)
def handle_error(e):
    app.logger.exception(e)
    return jsonify(error=str(e)), 500  # expect: FL402(low)


@app.errorhandler(JWTExtendedException)
def handle_jwt_error(error):
    """Flask-JWT-Extended's messages are written for clients (queds, JARR)."""
    return {"message": str(error)}, getattr(error, "code", 401)
