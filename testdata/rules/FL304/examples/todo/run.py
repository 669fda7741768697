"""An example app shipped beside the library: development-only code, so its debug server is low."""
from flask import Flask

app = Flask(__name__)
app.config["DEBUG"] = True  # expect: FL304(low)

app.run(debug=True)  # expect: FL304(low)
