from models import Job, db


def delete_job(job_id):  # expect: FL202
    db.session.delete(Job.query.get_or_404(job_id))
    db.session.commit()
    return "", 204
