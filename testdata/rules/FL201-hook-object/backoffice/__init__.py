from flask import Flask

from .members import bp as members_bp
from .public import bp as public_bp

app = Flask(__name__)
app.register_blueprint(members_bp)
app.register_blueprint(public_bp)
