from flask import Blueprint, Flask
from flask_restful import Api

from auth import login_token
from config import Config
from resources.user import User

app = Flask(__name__)
app.config.from_object(Config)
api = Api(app)
api.add_resource(User, "/authors/<int:user_id>")

moderation = Blueprint("moderation", __name__, url_prefix="/moderation")


@moderation.route("/comments/<int:comment_id>", methods=["DELETE"])
def remove_comment(comment_id):  # expect: FL202
    return {"removed": comment_id}


@app.route("/posts", methods=["POST"])
@login_token
def create_post(author):
    return {"author": author}, 201


app.register_blueprint(moderation)
