"""fuxi: the configuration class holds a literal key, and the factory replaces it with a random
one right after loading the class, so the literal never signs a session: low."""


class BaseConfig:
    SECRET_KEY = "B10ySw1nPL8JBo6z"  # expect: FL302(low)
    # Another key the factory leaves alone is still reported.
    JWT_SECRET_KEY = "kS8x2Qw7Fh3Lm9PzR4tY6uV1bN5cX0aZ"  # expect: FL301
