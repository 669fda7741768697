from flask import Flask
from flask_restx import Api

api_app = Flask(__name__)
api = Api(api_app)
