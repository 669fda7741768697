"""openvpn-web-manager's `.env`: `MAIL_PASSWORD=16位授权码` ("the 16-character authorisation
code") describes the value the operator fills in, in Chinese; a password is typed in ASCII.
Silent. The Redis password beside it is a real one."""
import os

from flask import Flask

app = Flask(__name__)
app.config["MAIL_PASSWORD"] = os.environ.get("MAIL_PASSWORD")
