"""FL306 medium: tokens from an identity provider, verified with its public key."""
from flask import Flask
from flask_jwt_extended import JWTManager, jwt_required

app = Flask(__name__)
app.config["JWT_ALGORITHM"] = "RS256"
app.config["JWT_PUBLIC_KEY"] = open("keys/idp-public.pem").read()
jwt = JWTManager(app)  # expect: FL306(medium)


@app.get("/reports")
@jwt_required()
def reports():
    return {"reports": []}
