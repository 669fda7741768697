# The production settings beside them are reported.
SECRET_KEY = "9c1f5b7e3a2d48f6b0e4c8a1d7f3b5e2"  # expect: FL301
