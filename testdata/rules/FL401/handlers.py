import logging
from functools import wraps

import jwt
from flask import abort, current_app, g, jsonify, request
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from jose import JWTError
from jose import jwt as jose_jwt
from jose.exceptions import ExpiredSignatureError as JoseExpired

log = logging.getLogger(__name__)
KEY = "k" * 40


class AuthError(Exception):
    def __init__(self, error, status_code):
        super().__init__(error)
        self.error = error
        self.status_code = status_code


def require_auth(f):
    @wraps(f)
    def decorated(*args, **kwargs):
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        try:
            g.claims = jwt.decode(token, KEY, algorithms=["HS256"], audience="api", issuer="me")
        except jwt.ExpiredSignatureError:  # expect: FL401
            return jsonify({"error": "Token expired"}), 401
        except jwt.InvalidTokenError:
            return jsonify({"error": "Invalid token"}), 401
        return f(*args, **kwargs)

    return decorated


def require_auth_status(f):
    # Different status codes are different answers too; a bare `except:` catches the rest.
    @wraps(f)
    def decorated(*args, **kwargs):
        token = request.headers.get("Authorization", "")
        try:
            g.claims = jwt.decode(token, KEY, algorithms=["HS256"], audience="api", issuer="me")
        except jwt.ExpiredSignatureError:  # expect: FL401
            return jsonify({"error_message": "Access token is Expired !!"}), 408
        except:  # noqa: E722
            return jsonify({"error_message": "Access token is Invalid !!"}), 406
        return f(*args, **kwargs)

    return decorated


def require_auth_abort(f):
    @wraps(f)
    def decorated(*args, **kwargs):
        try:
            g.claims = jose_jwt.decode(request.headers["Authorization"], KEY, algorithms=["HS256"], audience="api", issuer="me")
        except JoseExpired:  # expect: FL401
            abort(401, "token expired")
        except JWTError:
            abort(401, "token invalid")
        return f(*args, **kwargs)

    return decorated


def verify(token):
    # A helper raising errors that become responses: expired vs bad signature vs malformed.
    try:
        return jwt.decode(token, KEY, algorithms=["HS256"], audience="api", issuer="me")
    except jwt.ExpiredSignatureError:  # expect: FL401
        log.info("expired token")
        raise AuthError({"code": "token_expired", "description": "token has expired"}, 401)
    except jwt.InvalidSignatureError:
        raise AuthError({"code": "invalid_signature", "description": "bad signature"}, 401)
    except jwt.DecodeError:
        raise AuthError({"code": "invalid_header", "description": "malformed token"}, 401)


def confirm(token):
    serializer = URLSafeTimedSerializer(current_app.config["SECRET_KEY"])
    try:
        return serializer.loads(token, max_age=3600)
    except SignatureExpired:  # expect: FL401
        return jsonify(message="The confirmation link has expired"), 400
    except BadSignature:
        return jsonify(message="The confirmation link is invalid"), 400


# Traps below: these must stay silent.


def same_answer(f):
    # One generic 401 in every branch; only the server-side log says why.
    @wraps(f)
    def decorated(*args, **kwargs):
        try:
            g.claims = jwt.decode(request.headers["Authorization"], KEY, algorithms=["HS256"], audience="api", issuer="me")
        except jwt.ExpiredSignatureError:
            log.info("token expired for %s", request.remote_addr)
            return jsonify({"error": "Unauthorized"}), 401
        except jwt.InvalidTokenError:
            log.warning("invalid token")
            return jsonify({"error": "Unauthorized"}), 401
        return f(*args, **kwargs)

    return decorated


def one_branch(f):
    @wraps(f)
    def decorated(*args, **kwargs):
        try:
            g.claims = jwt.decode(request.headers["Authorization"], KEY, algorithms=["HS256"], audience="api", issuer="me")
        except (jwt.ExpiredSignatureError, jwt.InvalidTokenError):
            return jsonify({"error": "Invalid or expired token"}), 401
        return f(*args, **kwargs)

    return decorated


def token_and_database(f):
    # The token branches agree; `except Exception` handles the database, and may differ.
    @wraps(f)
    def decorated(*args, **kwargs):
        try:
            g.claims = jwt.decode(request.headers["Authorization"], KEY, algorithms=["HS256"], audience="api", issuer="me")
            g.user = load_user(g.claims["sub"])
        except jwt.ExpiredSignatureError:
            return jsonify({"error": "Unauthorized"}), 401
        except jwt.InvalidTokenError:
            return jsonify({"error": "Unauthorized"}), 401
        except Exception:
            return jsonify({"error": "Server error"}), 500
        return f(*args, **kwargs)

    return decorated


def refresh_on_expiry(f):
    # Expiry starts a refresh instead of answering: not two answers.
    @wraps(f)
    def decorated(*args, **kwargs):
        try:
            g.claims = jwt.decode(request.headers["Authorization"], KEY, algorithms=["HS256"], audience="api", issuer="me")
        except jwt.ExpiredSignatureError:
            return refresh_session()
        except jwt.InvalidTokenError:
            return jsonify({"error": "Unauthorized"}), 401
        return f(*args, **kwargs)

    return decorated


def helper_none(token):
    # A helper returning the same sentinel for every failure.
    try:
        return jwt.decode(token, KEY, algorithms=["HS256"], audience="api", issuer="me")
    except jwt.ExpiredSignatureError:
        return None
    except jwt.InvalidTokenError:
        return None


def parse_int(value):
    # Not a token check at all.
    try:
        return int(value)
    except ValueError:
        return jsonify(error="not a number"), 400
    except TypeError:
        return jsonify(error="missing"), 400


def load_user(user_id):
    return user_id


def refresh_session():
    return jsonify({"error": "refresh"}), 401


def message_from_library(f):
    # One branch, but the library's message differs per failure.
    @wraps(f)
    def decorated(*args, **kwargs):
        try:
            g.claims = jwt.decode(request.headers["Authorization"], KEY, algorithms=["HS256"], audience="api", issuer="me")
        except jwt.InvalidTokenError as e:
            return jsonify({"error": f"Invalid token: {e}"}), 401  # expect: FL401
        return f(*args, **kwargs)

    return decorated


def every_leaking_answer(f):
    # One finding per response that carries the library's reason.
    @wraps(f)
    def decorated(*args, **kwargs):
        try:
            g.claims = jwt.decode(request.headers["Authorization"], KEY, algorithms=["HS256"], audience="api", issuer="me")
        except jwt.InvalidTokenError as e:
            if request.is_json:
                return jsonify({"error": str(e)}), 401  # expect: FL401
            return f"invalid token: {e}", 401  # expect: FL401
        return f(*args, **kwargs)

    return decorated


def differing_and_leaking(f):
    # The branch that differs is one finding (its fix removes it); the general branch that
    # sends the reason is another.
    @wraps(f)
    def decorated(*args, **kwargs):
        try:
            g.claims = jwt.decode(request.headers["Authorization"], KEY, algorithms=["HS256"], audience="api", issuer="me")
        except jwt.ExpiredSignatureError:  # expect: FL401
            return jsonify({"error": "expired"}), 401
        except jwt.InvalidTokenError as e:
            return jsonify({"error": repr(e)}), 401  # expect: FL401
        return f(*args, **kwargs)

    return decorated
