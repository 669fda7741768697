"""Answers the API gives: texts named for what they say, not credentials. A name's words that
say nothing is wrong are a password, however they are spelled."""

EMPTY_PASSWORD = "empty password"
INCORRECT_PASSWORD = "incorrect password"
WEAK_PASSWORD = "weak password"
INVALID_TOKEN = "invalid token"
ADMIN_PASSWORD = "admin password"  # expect: FL305


class OppleoSystemConfig:
    """Names of the INI file's options: the file holds the values."""

    __INI_MQTT_USERNAME = "homeassistant_mqtt_username"
    __INI_MQTT_PASSWORD = "homeassistant_mqtt_password"
    __OPTION_SMTP_PASSWORD = "smtp_password"
