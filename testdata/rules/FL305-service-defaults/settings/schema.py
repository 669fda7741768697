"""quay's configuration schema: the strings of an entry under a credential's name describe the
setting; they are not the credential."""
CONFIG_SCHEMA = {
    "LDAP_ADMIN_PASSWD": {
        "type": "string",
        "description": "LDAP_ADMIN_PASSWD.",
        "x-example": "",
    },
    "MAIL_PASSWORD": {"type": "string", "description": "Password for the SMTP server."},
}
