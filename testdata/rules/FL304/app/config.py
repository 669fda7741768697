import os


class Config:
    DEBUG = False


class ProductionConfig(Config):
    DEBUG = True  # expect: FL304(high)


class StagingConfig(Config):
    DEBUG = os.getenv("STAGING_DEBUG", "0") == "1"


class DevelopmentConfig(Config):
    DEBUG = True


class TestingConfig(Config):
    DEBUG = True
    TESTING = True


class LocalConfig(DevelopmentConfig):
    pass


class BaseSettings:
    # Every subclass overrides it: the base is only used through them.
    DEBUG = True


class ProdSettings(BaseSettings):
    DEBUG = False


class DevSettings(BaseSettings):
    pass


class SharedConfig:
    # Inherited unchanged by a production class: reported here, once.
    DEBUG = True  # expect: FL304(high)


class DevSharedConfig(SharedConfig):
    pass


class LiveConfig(SharedConfig):
    pass


class DefaultConfig:
    # Its only subclass is a test config: production uses this class itself.
    DEBUG = True  # expect: FL304(high)


class UnitTestConfig(DefaultConfig):
    pass


class ComplianceConfig(Config):
    """
    Configuration used for compliance testing.
    """

    # Documented as a test configuration (ga4gh-server's): production never selects it.
    DEBUG = True


class GoogleConfig(Config):
    """
    Configuration that is a good basis for production deployments, tested against Google.
    """

    DEBUG = True  # expect: FL304(high)
