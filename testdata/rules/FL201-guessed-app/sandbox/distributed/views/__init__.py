import os

blueprints = []

for fname in os.listdir(os.path.dirname(__file__)):
    if fname.endswith(".py") and not fname.startswith("__init__"):
        view = __import__("sandbox.distributed.views.%s" % fname[:-3], globals(), locals(), ["blueprint", "routes"])
        blueprints.append((view.blueprint, view.routes))
