"""Flask-BasicAuth with `BASIC_AUTH_FORCE = True`: every route is behind the configured
account, so none is missing authentication, whichever carry `@basic_auth.required` too."""
from flask import Flask, jsonify
from flask_basicauth import BasicAuth

import config

app = Flask(__name__)
app.config.from_object(config)
basic_auth = BasicAuth(app)
JOBS = {}


@app.get("/jobs")
@basic_auth.required
def list_jobs():
    return jsonify(sorted(JOBS))


@app.delete("/jobs/<job_id>")
def delete_job(job_id):
    JOBS.pop(job_id, None)
    return "", 204


@app.post("/jobs/<job_id>/run")
def run_job(job_id):
    JOBS[job_id] = "running"
    return "", 202
