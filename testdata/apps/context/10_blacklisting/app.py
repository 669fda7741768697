from flask import Flask

app = Flask(__name__)
app.config["SECRET_KEY"] = "jose"  # expect: FL302(low)
