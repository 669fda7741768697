from flask_restful import Api


class ApiExt(Api):
    def add_org_resource(self, resource, *urls, **kwargs):
        return self.add_resource(resource, *urls, **kwargs)
