"""WSGI middleware (arXiv's auth middleware): `environ` is the request's, so a token read from
`HTTP_AUTHORIZATION` and logged at debug level is a caller's token in a debug log (low), not a
configured one the deployment chose to print."""
import logging

import jwt

logger = logging.getLogger(__name__)


class AuthMiddleware:
    def __init__(self, wsgi_app, secret):
        self.wsgi_app = wsgi_app
        self.secret = secret

    def __call__(self, environ, start_response):
        token = environ.get("HTTP_AUTHORIZATION")
        try:
            claims = jwt.decode(token, self.secret, algorithms=["HS256"])  # expect: FL105(low)
            environ["auth"] = claims["sub"]
        except KeyError:
            logger.debug(f"Auth token not valid: {token}")  # expect: FL403(low)
            environ["auth"] = None
        return self.wsgi_app(environ, start_response)

