class URI:
    path = "/"


class PasteURI(URI):
    path = "/paste/<paste_id>"


class PasteDeleteURI(URI):
    path = "/paste/<paste_id>/delete"


class SettingsURI(URI):
    path = "/settings"
