from flask import Flask
from flask_restful import Api

from auth import token_required
from config import Config
from resources.user import User

app = Flask(__name__)
app.config.from_object(Config)
api = Api(app)
api.add_resource(User, "/users/<int:user_id>")


@app.route("/orders/<int:order_id>", methods=["DELETE"])
def delete_order(order_id):  # expect: FL202
    return {"deleted": order_id}


@app.route("/orders", methods=["POST"])
@token_required
def create_order(customer_id):
    return {"owner": customer_id}, 201
