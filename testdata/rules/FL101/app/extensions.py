from flask_jwt_extended import JWTManager

# Flask-JWT-Extended's manager, bound to the name `jwt`: its loaders are not PyJWT calls.
jwt = JWTManager()


@jwt.token_in_blocklist_loader
def token_revoked(jwt_header, jwt_payload):
    return jwt_payload["jti"] in REVOKED


REVOKED = set()
