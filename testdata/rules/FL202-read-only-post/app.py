"""POST is also how forms ask for results: a POST handler that changes nothing (FlaskBB's public
search, knowledge-repo's group list, cve-search's data fetches) is no state change left open.
A POST handler that writes, itself or in a project function it calls, still is; PUT, PATCH and
DELETE say what they do whatever the handler shows. An image saved into an in-memory buffer
the handler sends back (a QR code) is the answer, not a write."""
from flask import Flask, render_template, request
from flask_login import login_required

app = Flask(__name__)
NOTES = {}


class db:
    class session:
        @staticmethod
        def add(row):
            return row


def search_posts(query):
    return [note for note in NOTES.values() if query in note]


def store_note(text):
    NOTES[len(NOTES)] = text


@app.get("/account")
@login_required
def account():
    return render_template("account.html")


@app.post("/search")
def search():
    results = search_posts(request.form["q"])
    return render_template("results.html", results=results)


@app.route("/groups", methods=["GET", "POST"])
def all_groups():
    groups = {"names": sorted(NOTES)}
    groups["count"] = len(NOTES)
    return groups


@app.post("/notes")
def create_note():  # expect: FL202
    db.session.add(request.form["text"])
    return "", 201


@app.route("/quick-notes", methods=["GET", "POST"])
def quick_note():  # expect: FL202
    store_note(request.form["text"])
    return "", 201


@app.delete("/notes/<int:note_id>")
def delete_note(note_id):  # expect: FL202
    return "", 204


def search_results(query):
    results = {"data": []}
    with open("index.txt") as index:
        for line in index:
            if query in line:
                results["data"].append(line)
    return results


@app.post("/fetch_search_data")
def fetch_search_data():
    # Trap: reading a file, joining strings and filling its own answer change nothing.
    found = search_results(request.values.get("search", ""))
    return {"data": ", ".join(found["data"])}


def hash_occurrences(body_hash, *, with_nodes=False, limit=20):
    meta: dict = {"limit": limit, "total": len(NOTES)}
    if len(NOTES) < limit:
        meta["warning"] = "some entries are not cached"
    found: dict = {"meta": meta, "response": []}
    for key, note in NOTES.items():
        entry: dict = {"key": key, "title": note}
        if with_nodes:
            entry["nodes"] = list(note)
        found["response"].append(entry)
    return found


@app.post("/json/hash_info")
def hash_info():
    # Trap (lookyloo's JSON API): `pop` on the request's own parsed body and a helper that fills
    # in dicts it built itself, even inside a loop, change nothing outside the request.
    to_query: dict = request.get_json(force=True)
    return hash_occurrences(to_query.pop("body_hash"), **to_query)


@app.route("/tree/<uuid:tree_uuid>/ressource", methods=["GET", "POST"])
def get_ressource(tree_uuid):
    # Trap: the form only says which resource to send back.
    if request.method == "POST":
        wanted = request.form.get("ressource_hash")
    else:
        wanted = request.args.get("h")
    options = request.form.to_dict()
    options.pop("csrf_token", None)
    return {"tree": str(tree_uuid), "hash": wanted, "options": options}


class ReleaseQuery:
    def __init__(self, text):
        self.text = text
        self.container_id = None

    @classmethod
    def from_args(cls, args):
        return cls(args.get("q", ""))


class ChartStyle:
    colors = ()


def fetch_metadata(ids):
    return {i: {"recording": {"mediums": []}} for i in ids}


class Search:
    def execute(self):
        return []


def text(sql):
    return sql


class conn:
    @staticmethod
    def execute(statement):
        return statement


@app.route("/container/<ident>/search", methods=["GET", "POST"])
def container_search(ident):
    # Trap (fatcat's searches): setting the fields of a query object the handler makes, styling a
    # chart class and running a search object change nothing stored.
    query = ReleaseQuery.from_args(request.args)
    query.container_id = ident
    ChartStyle.colors = ("red", "green")
    return {"query": query.text, "found": Search().execute()}


@app.post("/album/<mbid>/")
def album_props(mbid):
    # Trap (ListenBrainz's page props): parts of fetched data popped, filled in and appended to
    # before they are sent; a read written out as SQL inside `text(...)`.
    metadata = fetch_metadata([mbid])
    release_group = metadata[mbid]
    recording_data = release_group.pop("recording")
    for medium in recording_data["mediums"]:
        medium["seen"] = True
    rows = conn.execute(text("SELECT name FROM artist LIMIT 1"))
    return {"recordings": recording_data, "rows": rows}


class Note:
    query = None


@app.post("/notes/<int:note_id>/title")
def retitle_note(note_id):  # expect: FL202
    # A record fetched from the store and changed: a write, even without a commit in sight.
    note = Note.query.get(note_id)
    note.title = request.form["title"]
    return "", 204


def create_success_response(message, data=None, status_code=200):
    """Saarthi's helper: what it creates is the answer, not a record."""
    response = {"success": True, "message": message}
    if data is not None:
        response["data"] = data
    return response, status_code


@app.post("/contact")
def contact_api():
    """A contact form that only echoes what it was sent."""
    data = request.get_json()
    submitted = {"name": data["name"], "message": data["message"]}
    return create_success_response("Contact form submitted", submitted, status_code=201)


@app.post("/subscribers")
def add_subscriber():  # expect: FL202
    """`create_subscriber` still names a write."""
    create_subscriber(request.form["email"])
    return create_success_response("Subscribed")


def create_subscriber(email):
    NOTES[email] = "subscriber"


class QRCode:
    def make_image(self):
        return self


@app.post("/links/<key>/qrcode")
def link_qrcode(key):
    # Trap (a URL shortener's QR codes): data added to a QR code object the handler made, the
    # image saved into an in-memory file it made and sent back; nothing is stored.
    import io

    import qrcode
    from flask import send_file

    qr = qrcode.QRCode(version=1)
    qr.add_data(f"https://sho.rt/{key}")
    img = qr.make_image()
    buffer = io.BytesIO()
    img.save(buffer)
    buffer.seek(0)
    return send_file(buffer, mimetype="image/png")


@app.post("/links/<key>/archive")
def archive_link(key):  # expect: FL202
    """Saved to a file on disk: a write."""
    img = QRCode().make_image()
    img.save(f"/srv/qr/{key}.png")
    return "", 204
