# The module the app imports: a bracketed blank here is no template's, it is the key every
# install signs with until someone edits the file. (In a `.env` template, FL302/.env, the
# same blank stays low.)
APP_SECRET_KEY = "<CHANGE ME SF>"  # expect: FL302(high)
