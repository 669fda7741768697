"""A profile the project serializes through a model it named public (after mentorship-backend's
`marshal(user, public_user_api_model)`): any logged-in user may see another's public profile by
design. The same lookup through the full model is another user's data."""
import os

from flask import Flask
from flask_jwt_extended import JWTManager, jwt_required
from flask_restx import Api, Resource, fields, marshal
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
JWTManager(app)  # expect: FL306(medium)
db = SQLAlchemy(app)
api = Api(app)

public_user_model = api.model("PublicUser", {"id": fields.Integer, "name": fields.String})
full_user_model = api.model("User", {"id": fields.Integer, "email": fields.String})


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String)
    email = db.Column(db.String)


@api.route("/users/<int:user_id>")
class OtherUser(Resource):
    # Trap: the public view of a profile, by design.
    @jwt_required()
    def get(self, user_id):
        return marshal(User.query.get_or_404(user_id), public_user_model)


@api.route("/accounts/<int:user_id>")
class Account(Resource):
    @jwt_required()
    def get(self, user_id):  # expect: FL201
        return marshal(User.query.get_or_404(user_id), full_user_model)
