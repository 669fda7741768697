from flask import Flask

from models import Note, db
from settings import Settings

app = Flask(__name__)
app.config.from_object(Settings)
db.init_app(app)


@app.route("/notes/count")
def count():
    return {"notes": Note.query.count()}
