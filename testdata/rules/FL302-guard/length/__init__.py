from flask import Flask

from . import config
from .manager import AsyncQueryManager

app = Flask(__name__)
app.config.from_object(config)
AsyncQueryManager().init_app(app)
