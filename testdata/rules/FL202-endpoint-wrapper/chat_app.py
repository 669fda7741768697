"""A2rchi's chat service: a class whose `add_endpoint` wraps `add_url_rule`, called with views
wrapped by hand (`login_required(self.index)`). The wrapped routes are authenticated; the one
registered bare changes the bot's configuration for anyone."""
from flask import Flask, jsonify, request
from flask_login import LoginManager, login_required, login_user

from store import Documents, Settings, Users


class ChatApp:
    def __init__(self):
        self.app = Flask(__name__)
        self.app.secret_key = Settings.load("secret_key")
        LoginManager(self.app)
        self.add_endpoint("/", "index", login_required(self.index))
        self.add_endpoint("/login", "login", self.login, methods=["POST"])
        self.add_endpoint("/api/update_config", "update_config", self.update_config, methods=["POST"])
        self.add_endpoint(
            "/api/documents/<doc_id>", "delete_document", login_required(self.delete_document), methods=["DELETE"]
        )

    def add_endpoint(self, endpoint=None, endpoint_name=None, handler=None, methods=["GET"], *args, **kwargs):
        self.app.add_url_rule(endpoint, endpoint_name, handler, methods=methods, *args, **kwargs)

    def index(self):
        return jsonify(documents=Documents.titles())

    def login(self):
        user = Users.check(request.form["username"], request.form["password"])
        if user is None:
            return jsonify(error="bad login"), 401
        login_user(user)
        return jsonify(ok=True)

    def update_config(self):  # expect: FL202
        Settings.save("prompt", request.json["prompt"])
        return jsonify(ok=True)

    def delete_document(self, doc_id):  # expect: FL201
        Documents.delete(doc_id)
        return jsonify(deleted=doc_id)
