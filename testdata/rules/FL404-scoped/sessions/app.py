"""The same CORS scope over a route that Flask-Login's cookie authenticates: any page can read
it with the user's cookie (the rule's severity)."""
from flask import Flask
from flask_cors import CORS
from flask_login import LoginManager, current_user, login_required

app = Flask(__name__)
login_manager = LoginManager(app)
CORS(app, resources={r"/api/*": {"origins": "*"}}, supports_credentials=True)  # expect: FL404


@app.get("/api/profile")
@login_required
def profile():
    return {"email": current_user.email}
