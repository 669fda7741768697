"""restmysql's shape: a rule without a leading slash under a blueprint with a `url_prefix` is a
route (Flask joins the two with one `/`: `/api/items/<int:item_id>`), and so is one under a
prefix given when the blueprint is registered (GOV.UK Notify's `/platform-stats`). Without a
prefix Flask refuses such a rule, so it is not one."""
from flask import Blueprint, Flask
from flask_jwt_extended import JWTManager, jwt_required

app = Flask(__name__)
JWTManager(app)  # expect: FL306
items = Blueprint("items", __name__, url_prefix="/api/items")
loose = Blueprint("loose", __name__)
stats = Blueprint("stats", __name__)
ITEMS = {}


@items.get("/")
@jwt_required()
def list_items():
    return {"items": list(ITEMS)}


@items.route("<int:item_id>", methods=["DELETE"])
def delete_item(item_id):  # expect: FL202
    ITEMS.pop(item_id, None)
    return "", 204


@loose.route("purge", methods=["POST"])
def purge():
    # Not a route: Flask raises "urls must start with a leading slash" when registering it.
    ITEMS.clear()
    return "", 204


@stats.route("<int:day>", methods=["DELETE"])
def drop_day(day):  # expect: FL202
    ITEMS.clear()
    return "", 204


app.register_blueprint(items)
app.register_blueprint(loose)
app.register_blueprint(stats, url_prefix="/stats")
