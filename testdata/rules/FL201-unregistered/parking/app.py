"""vehicle-parking-app's shape: the app registers the user blueprint and never the API one, and
the user package never imports one of its route modules. Routes that exist only in the source
are low; the registered one is reported as usual."""
from flask import Flask

from parking.routes.user import user_bp

app = Flask(__name__)
app.register_blueprint(user_bp, url_prefix="/user")
