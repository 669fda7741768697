"""FL306 low: this service mints nothing, and verifies what the authentication service beside it
mints with the same literal secret: the system's own issuer. (`verify_only/` reads its secret
from its own environment, which says nothing of who else holds it: medium.)"""
from flask import Flask
from flask_jwt_extended import JWTManager, jwt_required

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = "9f1c2e7b4a8d6035e1b7c9a2f4d8e6b0"  # expect: FL301
JWTManager(app)


@app.get("/elections")
@jwt_required()
def elections():
    return {"elections": []}
