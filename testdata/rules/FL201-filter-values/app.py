"""iforge's print queue: `/jobs/status/<status>` lists the jobs in one state. A state, a kind or
a page filters rows; it selects no record another user owns: silent. The job read by id beside
it still is one."""
from flask import Flask, jsonify
from flask_login import LoginManager, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)
LoginManager(app)


class PrintJob(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    status = db.Column(db.String(20))

    @classmethod
    def get_print_jobs_by_status(cls, status):
        return cls.query.filter_by(status=status).all()


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)


@app.get("/jobs/status/<string:status>")
@login_required
def jobs_by_status(status):
    return jsonify([job.id for job in PrintJob.get_print_jobs_by_status(status)])


@app.get("/jobs/<int:job_id>")
@login_required
def job(job_id):  # expect: FL201
    return jsonify(id=PrintJob.query.get_or_404(job_id).id)
