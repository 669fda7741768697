"""An API that authenticates with bearer tokens only (Flask-JWT-Extended reads the
`Authorization` header: JWT_TOKEN_LOCATION defaults to headers). A page on another origin
gets no credentials the browser adds by itself, so credentialed CORS from any origin is low
until the app starts keeping a login in a cookie."""
import requests
from flask import Flask
from flask_cors import CORS
from flask_jwt_extended import JWTManager, jwt_required

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = __import__("os").environ["JWT_SECRET_KEY"]
JWTManager(app)  # expect: FL306
CORS(app, supports_credentials=True)  # expect: FL404(low)


@app.get("/me")
@jwt_required()
def me():
    # An HTTP client's `cookies=` argument is not a cookie this app sets.
    upstream = requests.get("https://upstream.example.com/status", cookies=None, timeout=5)
    return {"upstream": upstream.status_code}
