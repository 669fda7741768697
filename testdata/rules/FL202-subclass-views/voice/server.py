from flask import Flask

from voice.views import SynapsesView


class Server(Flask):
    """A project subclass of Flask constructed under a name that does not say so."""


server = Server(__name__)
server.register_blueprint(SynapsesView("synapses", __name__))
