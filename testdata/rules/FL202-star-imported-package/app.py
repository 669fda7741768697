"""gennis's layout again: `app.py` star-imports packages. A star import of the tasks package
of administrators runs an empty `__init__.py` and loads none of the package's modules, so the
routes beside it are never registered; the teachers' routes are imported only by a module
nothing imports. Other modules compare roles with the package's last name as a string, which
loads nothing. The reports package's `__init__.py` imports its routes and the exports
package lists its module in `__all__`: a star import of either registers them."""
import os

from flask import Flask
from flask_jwt_extended import JWTManager

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
jwt = JWTManager(app)  # expect: FL306

from backend.roles.checks import *
from backend.tasks.admin import *
from backend.tasks.teacher import *
from backend.reports import *
from backend.exports import *
