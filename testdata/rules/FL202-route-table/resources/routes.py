from resources.homes import HomeResource, HomesResource, LoginResource, MeetingResource

routes = (
    (LoginResource, "/login"),
    (HomeResource, "/home"),
    (HomesResource, "/homes"),
    (MeetingResource, "/meeting"),
)
