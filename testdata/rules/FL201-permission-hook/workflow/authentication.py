import jwt
from flask import abort, current_app, g, request

from workflow.authorization import AuthorizationService


def omni_auth():
    claims = verify_token()
    AuthorizationService.check_for_permission(claims)


def verify_token():
    token = request.headers.get("Authorization", "").removeprefix("Bearer ")
    try:
        claims = jwt.decode(
            token, current_app.config["JWT_SECRET"], algorithms=["HS256"], audience="workflow", issuer="workflow"
        )
    except jwt.InvalidTokenError:
        abort(401)
    g.user = claims["sub"]
    return claims
