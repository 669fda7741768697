"""CORS opened with credentials on `/api/*` only, where every route takes a Flask-JWT-Extended
token from the Authorization header; the Flask-Login pages under `/admin` are outside it
(RecipeRaven): a page on another origin reads only what its own request carried (low)."""
import os

from flask import Flask
from flask_cors import CORS
from flask_jwt_extended import JWTManager, get_jwt_identity, jwt_required
from flask_login import LoginManager, login_required

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
jwt = JWTManager(app)  # expect: FL306
login_manager = LoginManager(app)
CORS(app, resources={r"/api/*": {"origins": "*"}}, supports_credentials=True)  # expect: FL404(low)
FAVORITES = {}


@app.get("/api/favorites")
@jwt_required()
def favorites():
    current_user = get_jwt_identity()
    return {"favorites": FAVORITES.get(current_user, [])}


@app.get("/api/recipes")
def recipes():
    return {"recipes": []}


@app.get("/admin/")
@login_required
def admin_home():  # expect: FL204(low)
    return {"uploads": len(os.listdir("/srv/uploads"))}
