"""swingmusic's shape: a server-sent events stream echoes the caller's origin with
credentials. The stream requires no authentication and reads no caller, so a page reading it
with the visitor's cookies learns nothing it could not fetch itself: low. The same headers on a
route that answers with the logged-in user's data are high."""
from flask import Flask, Response, jsonify, request
from flask_login import LoginManager, current_user, login_required

app = Flask(__name__)
app.config.from_prefixed_env()
login_manager = LoginManager(app)
EVENTS = []


@app.get("/events/stream")
def stream_events():
    origin = request.headers.get("Origin", "*")

    def event_stream():
        for event in EVENTS:
            yield f"data: {event}\n\n"

    return Response(
        event_stream(),
        mimetype="text/event-stream",
        headers={
            "Access-Control-Allow-Origin": origin,  # expect: FL404(low)
            "Access-Control-Allow-Credentials": "true",
        },
    )


@app.get("/me/playlists")
@login_required
def my_playlists():
    origin = request.headers.get("Origin", "*")
    response = jsonify(owner=current_user.id, playlists=[])
    response.headers["Access-Control-Allow-Origin"] = origin  # expect: FL404(high)
    response.headers["Access-Control-Allow-Credentials"] = "true"
    return response


@app.get("/recent")
def recent():
    origin = request.headers.get("Origin", "*")
    response = jsonify(user=current_user.get_id(), recent=EVENTS[-10:])
    response.headers["Access-Control-Allow-Origin"] = origin  # expect: FL404(high)
    response.headers["Access-Control-Allow-Credentials"] = "true"
    return response
