"""foi-docreviewer's timer around a token request: `start_token = time.time()` is a clock
reading, and the log line prints seconds. The token the request returns, logged, is one."""
import logging
import time

import requests
from flask import Flask, jsonify

app = Flask(__name__)


@app.post("/documents/pdf")
def generate_pdf():
    start_token = time.time()
    access_token = requests.post("https://sso.example.org/token", timeout=5).json()["access_token"]
    logging.info(f"[PERF] get_access_token elapsed={time.time() - start_token:.3f}s")
    logging.info("token %s", access_token)  # expect: FL403
    return jsonify(ok=True)
