from flask import Flask

app = Flask(__name__)


@app.get("/records/<int:record_id>")
def record(record_id):
    return {"id": record_id}
