from flask import Blueprint, jsonify, request

from voice.auth import requires_auth, user_needed
from voice.installer import NeuronInstaller


class SynapsesView(Blueprint):
    """Registers its own methods as views: they are routes of this blueprint."""

    def __init__(self, name, import_name):
        super().__init__(name, import_name)
        self.add_url_rule("/synapses", view_func=self.get_synapses, methods=["GET"])
        self.add_url_rule("/synapses/run", view_func=self.run_synapse, methods=["POST"])
        self.add_url_rule("/neurons/install", view_func=self.install_neuron, methods=["POST"])
        self.add_url_rule("/profile", view_func=self.profile, methods=["POST"])

    @requires_auth
    def get_synapses(self):
        return jsonify([])

    @requires_auth
    def run_synapse(self):
        return jsonify(ok=True)

    @staticmethod
    def install_neuron():  # expect: FL202
        # Clones the git URL it is given and runs its installer: with no authentication.
        url = request.json["git_url"]
        NeuronInstaller(url).install()
        return jsonify(installed=url)

    @user_needed
    def profile(self):
        return jsonify(saved=True)
