"""FL202: parameters a decorator injects are not always an identity, and an optional token is no
authentication."""
from functools import wraps

from flask import Flask
from flask.views import MethodView
from flask_login import current_user
from flask_pydantic import validate
from flask_jwt_extended import JWTManager, get_jwt_identity, jwt_required
from flask_smorest import Api, Blueprint

app = Flask(__name__)
jwt = JWTManager(app)  # expect: FL306
blp = Blueprint("items", __name__)


@blp.route("/items/<int:item_id>")
class Item(MethodView):
    @jwt_required()
    def get(self, item_id):
        if item_id != get_jwt_identity():
            return {}, 403
        return {}

    # flask-smorest injects the parsed body as `item_data`: not who the caller is.
    @blp.arguments(dict)
    def put(self, item_data, item_id):  # expect: FL202
        return item_data


@app.delete("/notes/<int:note_id>")
@jwt_required(optional=True)
def delete_note(note_id):  # expect: FL202
    return {"deleted": note_id}


# Trap: a required token, with the identity it injects through `get_jwt_identity()`.
@app.put("/notes/<int:note_id>")
@jwt_required()
def update_note(note_id):
    if note_id != get_jwt_identity():
        return {}, 403
    return {}


@blp.route("/orders/<int:order_id>/lines")
class OrderLines(MethodView):
    # `@blp.paginate()` injects `pagination_parameters` by name: request data, not the caller.
    @blp.paginate()
    def delete(self, order_id, pagination_parameters):  # expect: FL202
        return {"page": pagination_parameters.page, "order": order_id}


# flask-pydantic's `@validate()` injects the parsed `body`.
@app.post("/carts/<int:cart_id>")
@validate()
def update_cart(cart_id, body):  # expect: FL202
    return {"cart": cart_id, "items": body}


def with_user(view):
    # A project decorator that passes the logged-in user to the view: an injected identity.
    @wraps(view)
    def wrapper(*args, **kwargs):
        return view(current_user, *args, **kwargs)

    return wrapper


# Trap: the handler reads the identity its project decorator injects.
@app.delete("/baskets/<int:basket_id>")
@with_user
def delete_basket(user, basket_id):
    if basket_id != user.basket_id:
        return {}, 403
    return {}


Api(app).register_blueprint(blp)
