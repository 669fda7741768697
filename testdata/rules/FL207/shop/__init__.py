"""A shop whose API requires a login and whose Flask-Admin panel does not (after
flask-rest-ALM-admin): the views set up inside `setup_admin` are Flask-Admin's own `ModelView`
or subclasses that only configure columns. `secure_admin` registers its views through a base
class with `is_accessible`, and a project page of its own (`BaseView`) checks access itself."""
from flask import Flask
from flask_login import LoginManager, login_required

from shop.admin import setup_admin
from shop.secure_admin import setup_secure_admin

app = Flask(__name__)
login_manager = LoginManager(app)
setup_admin(app)
setup_secure_admin(app)


@app.route("/orders")
@login_required
def orders():
    return {"orders": []}
