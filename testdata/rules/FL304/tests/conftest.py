from app import app


def configured():
    app.config["DEBUG"] = True
    app.run(debug=True)
    return app
