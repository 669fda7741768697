"""A script named for development (debug-server.py): reported, at low severity, never silenced."""
from flask import Flask

app = Flask(__name__)
app.debug = True  # expect: FL304(low)
app.run(host="0.0.0.0", debug=True)  # expect: FL304(low)
