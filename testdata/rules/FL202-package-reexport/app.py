"""Blueprints re-exported by their package and registered as `shop.orders`, with rules written
without a leading slash under `url_prefix="/"` (taipei-day-trip): the routes exist, and the open
one that deletes is the finding."""
from flask import Flask

import shop

app = Flask(__name__)
app.register_blueprint(shop.orders, url_prefix="/")
