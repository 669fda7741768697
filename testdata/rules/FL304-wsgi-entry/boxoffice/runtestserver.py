"""A test page and a debug server at the top level of a script that also adds a route
(boxoffice's `runtestserver.py`): not a bare runner, but `wsgi.py` beside it is how the app is
served, so the debugger runs where a developer starts it."""
from ticketing import app


@app.route("/testing")
def test_page():
    return "<div id='widget'></div>"


app.run("0.0.0.0", 6500, debug=True)  # expect: FL304(low)
