from flask import Flask

app = Flask(__name__)

from vpn import handlers  # noqa: E402,F401
