"""A public service with an admin login (lookyloo): most of its 20 or more routes are open by
design, so an open route that submits something is reported low, with the reason. A route that deletes, or that
takes the id of something owned, is still a finding at the rule's severity."""
from flask import Flask, request
from flask_login import login_required

app = Flask(__name__)
CAPTURES = {}


def enqueue_capture(url):
    CAPTURES[len(CAPTURES)] = url
    return len(CAPTURES) - 1


@app.get("/")
def index():
    return "lookup service"


@app.get("/captures")
def captures():
    return {"captures": list(CAPTURES)}


@app.get("/capture/<int:capture_id>/tree")
def tree(capture_id):
    return {"url": CAPTURES.get(capture_id)}


@app.get("/stats")
def stats():
    return {"count": len(CAPTURES)}


@app.get("/about")
def about():
    return "about"


@app.get("/rendered/<int:capture_id>")
def rendered(capture_id):
    return str(CAPTURES.get(capture_id))


@app.get("/faq")
def faq_page():
    return "faq"


@app.get("/contact")
def contact_page():
    return "contact"


@app.get("/legal")
def legal_page():
    return "legal"


@app.get("/privacy")
def privacy_page():
    return "privacy"


@app.get("/search")
def search_page():
    return "search"


@app.get("/recent")
def recent_page():
    return "recent"


@app.get("/popular")
def popular_page():
    return "popular"


@app.get("/tags")
def tags_page():
    return "tags"


@app.get("/export")
def export_page():
    return "export"


@app.get("/feeds")
def feeds_page():
    return "feeds"


@app.get("/api_docs")
def api_docs_page():
    return "api_docs"


@app.post("/admin/rebuild")
@login_required
def rebuild():  # expect: FL204(low)
    CAPTURES.clear()
    return "", 204


@app.route("/submit", methods=["GET", "POST"])
def submit():  # expect: FL202(low)
    return {"id": enqueue_capture(request.form["url"])}


@app.delete("/capture/<int:capture_id>")
def remove_capture(capture_id):  # expect: FL202(high)
    CAPTURES.pop(capture_id, None)
    return "", 204


@app.post("/users/<int:user_id>/notes")
def add_user_note(user_id):  # expect: FL202(high)
    enqueue_capture(request.form["text"])
    return "", 201
