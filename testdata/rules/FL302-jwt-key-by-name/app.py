from flask import Flask

from tokens import bp

app = Flask(__name__)
app.config.from_prefixed_env()
app.register_blueprint(bp)
