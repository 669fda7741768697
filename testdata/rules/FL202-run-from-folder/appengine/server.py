"""An App Engine app run from its own folder, itself a regular package (clusterfuzz's
`src/appengine`): `from handlers import ...` finds the sibling package, and so must flasklint,
or none of these routes exist for it."""
from flask import Flask
from handlers import admin, home, reports

app = Flask(__name__)
app.add_url_rule("/", view_func=home.index)
app.add_url_rule("/account", view_func=home.account)
app.add_url_rule("/account/email", view_func=home.change_email, methods=["POST"])
app.add_url_rule("/jobs/<job_id>", view_func=admin.delete_job, methods=["DELETE"])
app.add_url_rule("/reports/<report_id>", view_func=reports.delete_report, methods=["DELETE"])
