"""A handler module two folders below the folder the app runs from imports a package of that
folder by its bare name (tesla-trip's `from utils.auth_tool import AuthTool` in
`src/controllers/`): the decorator is the project's own, which authenticates."""
from models import Report, db
from utils.auth import token_required


@token_required
def delete_report(report_id):
    db.session.delete(Report.query.get_or_404(report_id))
    db.session.commit()
    return "", 204
