"""A donation site paid through a gateway that posts its answer back through the donor's
browser, encrypted with the merchant's working key. The handler that decrypts it needs no
login (the key vouches for the request); the one that trusts a plain order id does."""
from flask import Flask

app = Flask(__name__)

from shop import views  # noqa: E402,F401
