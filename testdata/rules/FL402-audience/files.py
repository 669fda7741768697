from flask_babel import gettext

PROCESS_NOT_FOUND = gettext("Could not find a process with the specified ID.")


def check_access(path):
    if ".." in path:
        raise PermissionError(gettext("Access denied ({0})").format(path))


def find_process(pid):
    if not pid:
        raise LookupError(PROCESS_NOT_FOUND)
    return pid
