import hmac

from flask import abort, current_app, request


def requires_admin_auth():
    token = request.headers.get("Authorization", "")
    if not hmac.compare_digest(token, current_app.config["ADMIN_CLIENT_SECRET"]):
        abort(401)


def requires_authentication(module="main"):
    token = request.headers.get("Authorization")
    if token is None:
        abort(401)
    if not token_is_valid(token, module):
        abort(403)


def token_is_valid(token, module):
    return token in allowed_tokens_from_config(current_app.config, module)


def allowed_tokens_from_config(config, module):
    # Services' bearer tokens, one list per blueprint: whoever holds one is a service.
    return config.get(f"{module.upper()}_API_TOKENS", "").split(":")
