# This is a example of configuration.
# Copy it to instance/config.py and edit it (EnvSensingServer's root `config.py`: the
# application loads `instance/config.py`, which git ignores).

SECRET_KEY = "CHANGE ME TO A LONG RANDOM STRING"  # expect: FL302(low)
