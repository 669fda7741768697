import jwt
from flask import Flask, abort, g, request


def create_app():
    app = Flask(__name__)
    from .views import bp

    app.register_blueprint(bp, url_prefix="/api")

    @app.before_request
    def authenticate():
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        try:
            g.claims = jwt.decode(
                token,
                app.config["GATEWAY_KEY"],
                algorithms=["HS256"],
                audience="gateway",
                issuer="gateway",
            )
        except jwt.InvalidTokenError:
            abort(401)

    return app
