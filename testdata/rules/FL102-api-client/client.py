"""An API's client reads the token its server issued it (vantage6's `NodeClient`): nothing it
decides is anyone else's access, and the server verifies the token on every call. A database
model of an OAuth server's registered clients is server code."""
import time

import jwt
import requests
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
REFRESH_BEFORE_SECONDS = 60


class NodeClient:
    def __init__(self, server):
        self.server = server
        self.token = requests.post(f"{server}/token/node", timeout=5).json()["access_token"]

    def node_id(self):
        return jwt.decode(self.token, options={"verify_signature": False})["sub"]  # expect: FL102(low)

    def needs_refresh(self):
        expiry = jwt.decode(self.token, options={"verify_signature": False})["exp"]  # expect: FL102(low)
        if expiry - time.time() < REFRESH_BEFORE_SECONDS:  # expect: FL203(low)
            return True
        return False


class OAuth2Client(db.Model):
    id = db.Column(db.Integer, primary_key=True)

    def owner_of(self, token):
        return jwt.decode(token, options={"verify_signature": False})["sub"]  # expect: FL102(critical)
