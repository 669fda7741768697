import subprocess


class NeuronInstaller:
    def __init__(self, url):
        self.url = url

    def install(self):
        subprocess.run(["git", "clone", self.url, "/opt/neurons"], check=True)
