"""swingmusic's shape: the app-wide hook verifies the JWT unless a helper says the request needs
none. The helper builds its allow-list in locals and tests the path with
`any(request.path.startswith(url) for url in urls)`; the routes it lists are open by the hook's
own code (FL202 medium when they change state), the others are authenticated by the hook.
`/onboarding/guest` only looks like a listed path."""
from flask import Flask, jsonify, request
from flask_jwt_extended import JWTManager, get_jwt_identity, verify_jwt_in_request

app = Flask(__name__)
app.config.from_prefixed_env()
app.config["JWT_DECODE_AUDIENCE"] = "swing"
JWTManager(app)
USERS = {}
PLAYLISTS = {}


def client_extensions():
    return (".js", ".css")


def check_auth_need() -> bool:
    """Routes that don't need authentication."""
    urls = (
        "/auth/login",
        "/onboarding-data",
        "/docs",
    )
    files = (".webp", ".jpg", *client_extensions())

    if request.path == "/" or request.path.endswith(files):
        return True

    if any(request.path.startswith(url) for url in urls):
        return True

    return False


@app.before_request
def verify_auth():
    if check_auth_need():
        return

    verify_jwt_in_request()


@app.post("/onboarding-data")
def save_onboarding():  # expect: FL202(medium)
    USERS["settings"] = request.json
    return jsonify(ok=True)


@app.post("/onboarding/guest")
def create_guest():
    USERS["guest"] = {"owner": get_jwt_identity()}
    return jsonify(ok=True)


@app.delete("/playlists/<int:playlist_id>")
def delete_playlist(playlist_id):
    if PLAYLISTS.get(playlist_id, {}).get("owner") != get_jwt_identity():
        return jsonify(error="not yours"), 403
    PLAYLISTS.pop(playlist_id, None)
    return jsonify(ok=True)
