use super::*;

const SWAGGER2_YAML: &str = include_str!("../../../testdata/openapi/swagger2-petstore.yaml");
const SWAGGER2_JSON: &str = include_str!("../../../testdata/openapi/swagger2-petstore.json");
const OPENAPI3_BEARER: &str = include_str!("../../../testdata/openapi/openapi3-bearer.yaml");
const OPENAPI3_NO_SECURITY: &str =
    include_str!("../../../testdata/openapi/openapi3-no-security.json");
const OPENAPI3_SCHEMES: &str = include_str!("../../../testdata/openapi/openapi3-schemes.yaml");

const FIXTURES: [&str; 5] = [
    SWAGGER2_YAML,
    SWAGGER2_JSON,
    OPENAPI3_BEARER,
    OPENAPI3_NO_SECURITY,
    OPENAPI3_SCHEMES,
];

/// The 1-based line of the first line containing `needle` at or after line `from`.
fn line_of(text: &str, needle: &str, from: usize) -> usize {
    text.lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .find(|(_, line)| line.contains(needle))
        .map(|(index, _)| index + 1)
        .unwrap_or_else(|| panic!("`{needle}` is not in the text"))
}

fn parse(text: &str) -> Spec {
    match parse_spec(text) {
        Ok(spec) => spec,
        Err(error) => panic!("{error}"),
    }
}

fn operation<'s>(spec: &'s Spec, method: &str, spec_path: &str) -> &'s SpecOperation {
    spec.operations
        .iter()
        .find(|op| op.method == method && op.spec_path == spec_path)
        .unwrap_or_else(|| panic!("no {method} {spec_path} in {:#?}", spec.operations))
}

/// The scheme names of each requirement, for compact comparisons.
fn names(security: &EffectiveSecurity) -> Vec<Vec<&str>> {
    match security {
        EffectiveSecurity::Alternatives(requirements)
        | EffectiveSecurity::AnonymousAllowed(requirements) => requirements
            .iter()
            .map(|r| r.iter().map(|s| s.name.as_str()).collect())
            .collect(),
        _ => Vec::new(),
    }
}

fn only_scheme(security: &EffectiveSecurity) -> &SchemeUse {
    match security {
        EffectiveSecurity::Alternatives(requirements) if requirements.len() == 1 => {
            match requirements[0].as_slice() {
                [scheme] => scheme,
                other => panic!("not one scheme: {other:#?}"),
            }
        }
        other => panic!("not one requirement: {other:#?}"),
    }
}

fn has_note(spec: &Spec, fragment: &str) -> bool {
    spec.notes
        .iter()
        .any(|note| note.message.contains(fragment))
}

fn note_line(spec: &Spec, fragment: &str) -> usize {
    spec.notes
        .iter()
        .find(|note| note.message.contains(fragment))
        .map(|note| note.line)
        .unwrap_or_else(|| panic!("no note with `{fragment}` in {:#?}", spec.notes))
}

// ----- Swagger 2 ------------------------------------------------------------------------------

#[test]
fn swagger2_yaml_operations_in_order_with_lines() {
    let spec = parse(SWAGGER2_YAML);
    assert_eq!(spec.version, SpecVersion::Swagger2);
    assert_eq!(spec.base_path.as_deref(), Some("/api/v1"));
    let listed: Vec<(&str, &str, usize)> = spec
        .operations
        .iter()
        .map(|op| (op.method.as_str(), op.path.as_str(), op.line))
        .collect();
    let text = SWAGGER2_YAML;
    let pets = line_of(text, "  /pets:", 1);
    let pet = line_of(text, "  /pets/{pet_id}:", 1);
    let health = line_of(text, "  /health:", 1);
    let files = line_of(text, "  /files/{file-path}:", 1);
    assert_eq!(
        listed,
        vec![
            ("GET", "/pets", line_of(text, "    get:", pets)),
            ("POST", "/pets", line_of(text, "    post:", pets)),
            ("GET", "/pets/<int:pet_id>", line_of(text, "    get:", pet)),
            (
                "DELETE",
                "/pets/<int:pet_id>",
                line_of(text, "    delete:", pet)
            ),
            ("GET", "/health", line_of(text, "    get:", health)),
            (
                "GET",
                "/files/<path:file_path>",
                line_of(text, "    get:", files)
            ),
        ]
    );
    assert!(spec.notes.is_empty(), "{:#?}", spec.notes);
}

#[test]
fn swagger2_yaml_operation_ids_and_controllers() {
    let spec = parse(SWAGGER2_YAML);
    let list = operation(&spec, "GET", "/pets");
    assert_eq!(list.operation_id.as_deref(), Some("petshop.pets.list_pets"));
    assert_eq!(list.controller, None);
    let create = operation(&spec, "POST", "/pets");
    assert_eq!(create.raw_operation_id.as_deref(), Some("create_pet"));
    assert_eq!(create.controller.as_deref(), Some("petshop.pets"));
    assert_eq!(
        create.operation_id.as_deref(),
        Some("petshop.pets.create_pet")
    );
}

#[test]
fn swagger2_yaml_security() {
    let spec = parse(SWAGGER2_YAML);
    let text = SWAGGER2_YAML;
    let global_line = line_of(text, "security:", 1);

    // Global security applies where the operation has none.
    let list = operation(&spec, "GET", "/pets");
    assert_eq!(list.security_line, Some(global_line));
    let oauth = only_scheme(&list.security);
    assert_eq!(oauth.kind, SchemeKind::OAuth2);
    assert_eq!(oauth.info_func.as_deref(), Some("petshop.auth.token_info"));
    assert_eq!(oauth.info_env_var, Some("TOKENINFO_FUNC"));
    assert_eq!(oauth.token_info_url_env_var, Some("TOKENINFO_URL"));
    assert_eq!(oauth.scopes, vec!["pets:read"]);
    assert_eq!(oauth.line, Some(line_of(text, "  oauth2:", 1)));
    assert_eq!(
        oauth.verification(),
        Verification::Function("petshop.auth.token_info")
    );

    // The operation's own security replaces the global one.
    let create = operation(&spec, "POST", "/pets");
    assert_eq!(only_scheme(&create.security).scopes, vec!["pets:write"]);
    assert_eq!(
        create.security_line,
        Some(line_of(text, "      security:", line_of(text, "post:", 1)))
    );

    // api_key AND basic, OR oauth2.
    let delete = operation(&spec, "DELETE", "/pets/{pet_id}");
    assert_eq!(
        names(&delete.security),
        vec![vec!["api_key", "basic"], vec!["oauth2"]]
    );
    let EffectiveSecurity::Alternatives(requirements) = &delete.security else {
        panic!("{:?}", delete.security);
    };
    assert_eq!(
        requirements[0][0].kind,
        SchemeKind::ApiKey {
            location: Some("header".to_string()),
            name: Some("X-API-Key".to_string())
        }
    );
    assert_eq!(
        requirements[0][0].info_func.as_deref(),
        Some("petshop.auth.apikey_auth")
    );
    assert_eq!(requirements[0][1].kind, SchemeKind::Basic);
    assert_eq!(requirements[0][1].info_func, None);
    assert_eq!(
        requirements[0][1].verification(),
        Verification::Environment(&["BASICINFO_FUNC"])
    );

    let health = operation(&spec, "GET", "/health");
    assert_eq!(health.security, EffectiveSecurity::ExplicitlyPublic);
}

#[test]
fn swagger2_json_with_lines_and_token_info_url() {
    let spec = parse(SWAGGER2_JSON);
    assert_eq!(spec.version, SpecVersion::Swagger2);
    assert_eq!(spec.base_path.as_deref(), Some("/api"));
    let get = operation(&spec, "GET", "/pets/{petId}");
    assert_eq!(get.path, "/pets/<float:petId>");
    assert_eq!(get.line, line_of(SWAGGER2_JSON, "\"get\"", 1));
    let oauth = only_scheme(&get.security);
    assert_eq!(oauth.info_func, None);
    assert_eq!(
        oauth.token_info_url.as_deref(),
        Some("https://auth.example.com/tokeninfo")
    );
    assert_eq!(
        oauth.verification(),
        Verification::TokenInfoUrl("https://auth.example.com/tokeninfo")
    );
    assert_eq!(oauth.scopes, vec!["uid"]);

    let put = operation(&spec, "PUT", "/pets/{petId}");
    assert_eq!(put.line, line_of(SWAGGER2_JSON, "\"put\"", 1));
    assert_eq!(put.operation_id.as_deref(), Some("petshop.pets.update_pet"));
    assert_eq!(put.security, EffectiveSecurity::NotRequired);
}

// ----- OpenAPI 3 ------------------------------------------------------------------------------

#[test]
fn openapi3_yaml_bearer_spec() {
    let spec = parse(OPENAPI3_BEARER);
    let text = OPENAPI3_BEARER;
    assert_eq!(spec.version, SpecVersion::OpenApi3);
    // servers[0] only, variables filled in, host dropped, trailing slash removed.
    assert_eq!(spec.base_path.as_deref(), Some("/api/v2"));

    let list = operation(&spec, "GET", "/notes");
    let EffectiveSecurity::AnonymousAllowed(requirements) = &list.security else {
        panic!("{:?}", list.security);
    };
    assert_eq!(requirements.len(), 1);
    assert_eq!(requirements[0][0].kind, SchemeKind::Bearer);
    assert_eq!(
        requirements[0][0].info_func.as_deref(),
        Some("notes.auth.decode_token")
    );
    assert_eq!(requirements[0][0].info_env_var, Some("BEARERINFO_FUNC"));

    let create = operation(&spec, "POST", "/notes");
    assert_eq!(
        create.operation_id.as_deref(),
        Some("notes.api.create_note")
    );
    assert_eq!(names(&create.security), vec![vec!["bearerAuth"]]);
    assert_eq!(create.security_line, Some(line_of(text, "security:", 1)));

    // A `$ref` parameter whose schema is a `$ref` too.
    let get = operation(&spec, "GET", "/notes/{note_id}");
    assert_eq!(get.path, "/notes/<int:note_id>");
    assert_eq!(
        get.line,
        line_of(text, "    get:", line_of(text, "/notes/{note_id}:", 1))
    );

    assert_eq!(
        operation(&spec, "POST", "/login").security,
        EffectiveSecurity::ExplicitlyPublic
    );
    assert_eq!(
        operation(&spec, "GET", "/status").security,
        EffectiveSecurity::ExplicitlyPublic
    );
}

#[test]
fn openapi3_path_item_ref_and_scheme_ref() {
    let spec = parse(OPENAPI3_BEARER);
    let text = OPENAPI3_BEARER;
    let share = operation(&spec, "POST", "/notes/{note_id}/share");
    // The operation's line is where it is written: under `x-shared-paths`.
    assert_eq!(
        share.line,
        line_of(text, "    post:", line_of(text, "x-shared-paths:", 1))
    );
    assert_eq!(share.path, "/notes/<int:note_id>/share");
    assert_eq!(share.controller.as_deref(), Some("notes.sharing"));
    assert_eq!(
        share.operation_id.as_deref(),
        Some("notes.sharing.share_note")
    );
    let scheme = only_scheme(&share.security);
    assert_eq!(scheme.name, "legacyBearer");
    assert_eq!(scheme.kind, SchemeKind::Bearer);
    assert_eq!(scheme.info_func.as_deref(), Some("notes.auth.decode_token"));
    assert_eq!(scheme.scopes, vec!["notes:share"]);
    // The router controller on the path item is not connexion's.
    assert_eq!(
        note_line(&spec, "on the path item is ignored"),
        line_of(text, "x-openapi-router-controller: notes.ignored", 1)
    );
    assert_eq!(spec.notes.len(), 1, "{:#?}", spec.notes);
}

#[test]
fn openapi3_json_without_security_or_operation_ids() {
    let spec = parse(OPENAPI3_NO_SECURITY);
    assert_eq!(spec.version, SpecVersion::OpenApi3);
    assert_eq!(spec.base_path.as_deref(), Some("/v1"));
    assert_eq!(spec.operations.len(), 6);
    for op in &spec.operations {
        assert_eq!(op.security, EffectiveSecurity::NotRequired, "{op:?}");
        assert_eq!(op.security_line, None);
        assert_eq!(op.operation_id, None);
        assert_eq!(op.handler(&Resolver::Default), None);
    }
    assert_eq!(
        operation(&spec, "DELETE", "/pets/{petId}").path,
        "/pets/<int:petId>"
    );
    assert_eq!(
        operation(&spec, "GET", "/pets/{petId}/vet-visits").line,
        line_of(
            OPENAPI3_NO_SECURITY,
            "\"get\"",
            line_of(OPENAPI3_NO_SECURITY, "vet-visits", 1)
        )
    );
    let resty = Resolver::Resty {
        default_module: "api",
        collection_endpoint_name: DEFAULT_COLLECTION_ENDPOINT_NAME,
    };
    let handlers: Vec<(String, Option<String>)> = spec
        .operations
        .iter()
        .map(|op| {
            (
                format!("{} {}", op.method, op.spec_path),
                op.handler(&resty),
            )
        })
        .collect();
    let expected = [
        ("GET /pets", "api.pets.search"),
        ("POST /pets", "api.pets.post"),
        ("GET /pets/{petId}", "api.pets.get"),
        ("DELETE /pets/{petId}", "api.pets.delete"),
        ("GET /pets/{petId}/vet-visits", "api.pets.vet_visits.search"),
        ("GET /", "api.get"),
    ];
    assert_eq!(
        handlers,
        expected
            .iter()
            .map(|(op, handler)| (op.to_string(), Some(handler.to_string())))
            .collect::<Vec<_>>()
    );
}

// ----- base paths -----------------------------------------------------------------------------

fn base_path_of(text: &str) -> Option<String> {
    parse(text).base_path
}

#[test]
fn base_paths() {
    let swagger = |base: &str| format!("swagger: '2.0'\nbasePath: {base}\npaths: {{}}\n");
    assert_eq!(base_path_of(&swagger("/v1")), Some("/v1".to_string()));
    assert_eq!(base_path_of(&swagger("/v1//")), Some("/v1".to_string()));
    assert_eq!(base_path_of(&swagger("/")), None);
    assert_eq!(base_path_of("swagger: '2.0'\npaths: {}\n"), None);

    let openapi = |url: &str| format!("openapi: 3.0.0\nservers:\n  - url: '{url}'\npaths: {{}}\n");
    assert_eq!(base_path_of(&openapi("/api")), Some("/api".to_string()));
    assert_eq!(
        base_path_of(&openapi("https://example.com:8443/api/v3/?x=1#top")),
        Some("/api/v3".to_string())
    );
    assert_eq!(base_path_of(&openapi("http://localhost:8080")), None);
    assert_eq!(base_path_of(&openapi("http://localhost:8080/")), None);
    assert_eq!(
        base_path_of(&openapi("//cdn.example.com/v2")),
        Some("/v2".to_string())
    );
    // urlsplit reads `localhost:` as a scheme; connexion's base path is then "8080/api".
    assert_eq!(
        base_path_of(&openapi("localhost:8080/api")),
        Some("8080/api".to_string())
    );
    assert_eq!(
        base_path_of(&openapi("{{literal}}/x")),
        Some("{literal}/x".to_string())
    );
    assert_eq!(base_path_of("openapi: 3.0.0\npaths: {}\n"), None);
    assert_eq!(
        base_path_of("openapi: 3.0.0\nservers: []\npaths: {}\n"),
        None
    );

    let missing = parse(&openapi("/{missing}/x"));
    assert_eq!(missing.base_path.as_deref(), Some("/{missing}/x"));
    assert!(has_note(&missing, "has no default"), "{:#?}", missing.notes);
}

#[test]
fn base_path_helpers() {
    assert_eq!(canonical_base_path("/api/"), "/api");
    assert_eq!(canonical_base_path("/"), "");
    assert_eq!(join_rule("/api", "/pets/<int:id>"), "/api/pets/<int:id>");
    assert_eq!(join_rule("", "/pets"), "/pets");
    assert_eq!(join_rule("/api/", "pets"), "/api/pets");
}

// ----- router controllers, operation ids, resolvers ------------------------------------------

#[test]
fn router_controllers_by_version_and_place() {
    let spec = parse(
        "openapi: 3.0.0
paths:
  /a:
    x-openapi-router-controller: ignored.on.path
    get:
      operationId: get_a
      x-openapi-router-controller: api.a
    post:
      operationId: post_a
      x-swagger-router-controller: api.wrong_version
    put:
      x-openapi-router-controller: api.a
",
    );
    let get = operation(&spec, "GET", "/a");
    assert_eq!(get.operation_id.as_deref(), Some("api.a.get_a"));
    let post = operation(&spec, "POST", "/a");
    assert_eq!(post.controller, None);
    assert_eq!(post.operation_id.as_deref(), Some("post_a"));
    assert_eq!(note_line(&spec, "ignored in this spec version"), 10);
    assert_eq!(note_line(&spec, "on the path item is ignored"), 4);
    let put = operation(&spec, "PUT", "/a");
    assert_eq!(put.operation_id, None);
    assert_eq!(put.controller.as_deref(), Some("api.a"));
    // RestyResolver: the controller replaces `<module>.<resource>`.
    assert_eq!(
        put.handler(&Resolver::Resty {
            default_module: "api",
            collection_endpoint_name: "search"
        })
        .as_deref(),
        Some("api.a.put")
    );

    let swagger = parse(
        "swagger: '2.0'
paths:
  /b:
    get:
      operationId: get_b
      x-swagger-router-controller: api.b
",
    );
    assert_eq!(
        swagger.operations[0].operation_id.as_deref(),
        Some("api.b.get_b")
    );
}

#[test]
fn resty_names() {
    let resty = |method: &str, path: &str| resty_operation_id("api", None, method, path, "search");
    assert_eq!(resty("GET", "/pets"), "api.pets.search");
    assert_eq!(resty("GET", "/pets/{petId}"), "api.pets.get");
    assert_eq!(resty("POST", "/pets"), "api.pets.post");
    assert_eq!(resty("PUT", "/pets/{petId}"), "api.pets.put");
    assert_eq!(resty("GET", "/pets/{petId}/toys"), "api.pets.toys.search");
    assert_eq!(
        resty("GET", "/pets/{petId}/toys/{toyId}"),
        "api.pets.toys.get"
    );
    assert_eq!(resty("GET", "/pet-owners/"), "api.pet_owners.search");
    assert_eq!(resty("GET", "/"), "api.get");
    assert_eq!(resty("GET", "/{id}"), "api.get");
    assert_eq!(
        resty_operation_id("api", None, "GET", "/pets", "list_all"),
        "api.pets.list_all"
    );
    assert_eq!(
        resty_operation_id("api", Some("ctl.pets"), "GET", "/pets", "search"),
        "ctl.pets.search"
    );
    assert_eq!(
        resty_operation_id("api", Some(""), "GET", "/pets", "search"),
        "api.pets.search"
    );
}

#[test]
fn handlers_for_each_resolver() {
    let spec = parse(
        "openapi: 3.0.0
paths:
  /foo-bar:
    get: {}
    post:
      operationId: create
  /foo-bar/{id}:
    get:
      operationId: views.ThingView.fetch
    delete:
      operationId: create
      x-openapi-router-controller: ctl
",
    );
    let collection = operation(&spec, "GET", "/foo-bar");
    let create = operation(&spec, "POST", "/foo-bar");
    let view_id = operation(&spec, "GET", "/foo-bar/{id}");
    let controlled = operation(&spec, "DELETE", "/foo-bar/{id}");

    assert_eq!(
        create.handler(&Resolver::Default).as_deref(),
        Some("create")
    );
    assert_eq!(
        controlled.handler(&Resolver::Default).as_deref(),
        Some("ctl.create")
    );

    let relative = Resolver::Relative { root: "app.api" };
    assert_eq!(create.handler(&relative).as_deref(), Some("app.api.create"));
    assert_eq!(controlled.handler(&relative).as_deref(), Some("ctl.create"));
    assert_eq!(collection.handler(&relative), None);

    let method = Resolver::Method {
        default_module: "api",
        collection_endpoint_name: "search",
    };
    assert_eq!(
        collection.handler(&method).as_deref(),
        Some("api.FooBarView.search")
    );
    // `create` has no module part: MethodResolver cannot split it.
    assert_eq!(create.handler(&method), None);
    assert_eq!(
        view_id.handler(&method).as_deref(),
        Some("views.ThingView.fetch")
    );

    let method_view = Resolver::MethodView {
        default_module: "api",
    };
    assert_eq!(
        collection.handler(&method_view).as_deref(),
        Some("api.FooBarView.get")
    );
    assert_eq!(
        view_id.handler(&method_view).as_deref(),
        Some("views.ThingView.get")
    );
}

#[test]
fn camelize_follows_inflection() {
    assert_eq!(camelize("foo_bar"), "FooBar");
    assert_eq!(camelize("pets"), "Pets");
    assert_eq!(camelize("foo__bar"), "Foo_bar");
    assert_eq!(camelize("_foo"), "_foo");
    assert_eq!(camelize(""), "");
}

#[test]
fn missing_or_empty_operation_id() {
    let spec = parse(
        "swagger: '2.0'
paths:
  /a:
    get:
      x-swagger-router-controller: api.a
    post:
      operationId: ''
",
    );
    for op in &spec.operations {
        assert_eq!(op.operation_id, None);
        assert_eq!(op.raw_operation_id, None);
    }
}

// ----- path parameters ------------------------------------------------------------------------

#[test]
fn path_parameter_converters() {
    let spec = parse(
        "openapi: 3.0.0
paths:
  /items/{item-id}/{ratio}/{rest}/{plain}/{untyped}:
    parameters:
      - {name: ratio, in: path, required: true, schema: {type: number}}
    get:
      parameters:
        - {name: item-id, in: path, required: true, schema: {type: integer}}
        - {name: ratio, in: path, required: true, schema: {type: integer}}
        - {name: rest, in: path, required: true, schema: {type: string, format: path}}
        - {name: plain, in: path, required: true, schema: {type: string}}
        - {name: untyped, in: path, required: true}
        - {name: limit, in: query, schema: {type: integer}}
",
    );
    // The path item's `ratio` comes after the operation's in connexion's list, so it wins.
    assert_eq!(
        spec.operations[0].path,
        "/items/<int:item_id>/<float:ratio>/<path:rest>/<plain>/<untyped>"
    );
    assert_eq!(
        spec.operations[0].spec_path,
        "/items/{item-id}/{ratio}/{rest}/{plain}/{untyped}"
    );
}

#[test]
fn flaskify_edge_cases() {
    let none = HashMap::default();
    assert_eq!(flaskify_path("/a/{b}/c", &none), "/a/<b>/c");
    assert_eq!(flaskify_path("/a/{unclosed", &none), "/a/{unclosed");
    assert_eq!(flaskify_path("/{a{b}", &none), "/<a{b>");
    assert_eq!(flaskify_path("/{}", &none), "/<>");
    assert_eq!(flaskify_path("/x.{ext}", &none), "/x.<ext>");
}

// ----- security -------------------------------------------------------------------------------

#[test]
fn global_and_operation_security() {
    let spec = parse(
        "openapi: 3.0.0
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Key, x-apikeyInfoFunc: app.check}
    jwt: {type: http, scheme: bearer, x-bearerInfoFunc: app.jwt}
security:
  - key: []
paths:
  /inherits:
    get: {}
  /own:
    get:
      security:
        - jwt: []
  /empty:
    get:
      security: []
  /empty-object:
    get:
      security: [{}]
  /null:
    get:
      security:
  /optional:
    get:
      security:
        - jwt: []
        - {}
  /or-and:
    get:
      security:
        - key: []
          jwt: [admin]
        - jwt: []
",
    );
    assert_eq!(
        names(&operation(&spec, "GET", "/inherits").security),
        vec![vec!["key"]]
    );
    assert_eq!(operation(&spec, "GET", "/inherits").security_line, Some(6));
    assert_eq!(
        names(&operation(&spec, "GET", "/own").security),
        vec![vec!["jwt"]]
    );
    assert_eq!(operation(&spec, "GET", "/own").security_line, Some(13));
    for public in ["/empty", "/empty-object", "/null"] {
        assert_eq!(
            operation(&spec, "GET", public).security,
            EffectiveSecurity::ExplicitlyPublic,
            "{public}"
        );
    }
    assert!(has_note(&spec, "`security` is null"));
    let optional = &operation(&spec, "GET", "/optional").security;
    assert!(matches!(optional, EffectiveSecurity::AnonymousAllowed(_)));
    assert_eq!(names(optional), vec![vec!["jwt"]]);
    let or_and = &operation(&spec, "GET", "/or-and").security;
    assert!(matches!(or_and, EffectiveSecurity::Alternatives(_)));
    assert_eq!(names(or_and), vec![vec!["key", "jwt"], vec!["jwt"]]);
    let EffectiveSecurity::Alternatives(requirements) = or_and else {
        return;
    };
    assert_eq!(requirements[0][1].scopes, vec!["admin"]);
}

#[test]
fn global_public_security() {
    let spec = parse("swagger: '2.0'\nsecurity: []\npaths:\n  /a:\n    get: {}\n");
    assert_eq!(
        spec.operations[0].security,
        EffectiveSecurity::ExplicitlyPublic
    );
}

#[test]
fn malformed_security_values() {
    let spec = parse(
        "swagger: '2.0'
securityDefinitions:
  key: {type: apiKey, in: query, name: k}
paths:
  /mapping:
    get:
      security: {key: []}
  /strings:
    get:
      security: [key]
",
    );
    assert_eq!(
        operation(&spec, "GET", "/mapping").security,
        EffectiveSecurity::Alternatives(Vec::new())
    );
    assert!(has_note(&spec, "not a list of requirements"));
    // Unreadable requirements are not read as "no security".
    assert_eq!(
        operation(&spec, "GET", "/strings").security,
        EffectiveSecurity::Alternatives(Vec::new())
    );
    assert!(has_note(&spec, "requirement that is not a mapping"));
}

#[test]
fn every_scheme_kind() {
    let spec = parse(OPENAPI3_SCHEMES);
    let scheme_of = |path: &str| only_scheme(&operation(&spec, "GET", path).security).clone();

    let basic = scheme_of("/basic-func");
    assert_eq!(basic.kind, SchemeKind::Basic);
    assert_eq!(basic.info_func.as_deref(), Some("app.auth.check_basic"));
    assert_eq!(basic.info_env_var, Some("BASICINFO_FUNC"));
    assert_eq!(basic.token_info_url_env_var, None);

    let basic_env = scheme_of("/basic-env");
    assert_eq!(basic_env.kind, SchemeKind::Basic);
    assert_eq!(
        basic_env.verification(),
        Verification::Environment(&["BASICINFO_FUNC"])
    );

    let bearer_env = scheme_of("/bearer-env");
    assert_eq!(bearer_env.kind, SchemeKind::Bearer);
    assert_eq!(
        bearer_env.verification(),
        Verification::Environment(&["BEARERINFO_FUNC"])
    );

    let api_key = scheme_of("/apikey");
    assert_eq!(
        api_key.kind,
        SchemeKind::ApiKey {
            location: Some("query".to_string()),
            name: Some("key".to_string())
        }
    );
    assert_eq!(
        api_key.verification(),
        Verification::Function("app.auth.check_key")
    );
    assert_eq!(api_key.info_env_var, Some("APIKEYINFO_FUNC"));

    let api_key_bearer = scheme_of("/apikey-bearer");
    assert_eq!(api_key_bearer.kind, SchemeKind::Bearer);
    assert_eq!(
        api_key_bearer.info_func.as_deref(),
        Some("app.auth.check_bearer")
    );

    let oauth_func = scheme_of("/oauth-func");
    assert_eq!(oauth_func.kind, SchemeKind::OAuth2);
    assert_eq!(oauth_func.scopes, vec!["read", "write"]);
    // A named function comes before the URL.
    assert_eq!(
        oauth_func.verification(),
        Verification::Function("app.auth.token_info")
    );

    let oauth_url = scheme_of("/oauth-url");
    assert_eq!(
        oauth_url.verification(),
        Verification::TokenInfoUrl("https://auth.example.com/tokeninfo")
    );
    let oauth_env = scheme_of("/oauth-env");
    assert_eq!(
        oauth_env.verification(),
        Verification::Environment(&["TOKENINFO_FUNC", "TOKENINFO_URL"])
    );
    assert_eq!(oauth_env.info_env_var, Some("TOKENINFO_FUNC"));
    assert_eq!(oauth_env.token_info_url_env_var, Some("TOKENINFO_URL"));

    let oidc = scheme_of("/oidc");
    assert_eq!(oidc.kind, SchemeKind::OpenIdConnect);
    assert_eq!(oidc.scopes, vec!["openid"]);
    assert_eq!(oidc.verification(), Verification::NoHandler);
    assert_eq!(oidc.info_env_var, None);

    let digest = scheme_of("/digest");
    assert_eq!(
        digest.kind,
        SchemeKind::UnsupportedHttp("digest".to_string())
    );
    assert_eq!(digest.verification(), Verification::NoHandler);

    let mtls = scheme_of("/mtls");
    assert_eq!(mtls.kind, SchemeKind::Unknown("mutualTLS".to_string()));
    assert!(!mtls.kind.has_builtin_handler());

    let undefined = scheme_of("/undefined");
    assert_eq!(undefined.kind, SchemeKind::Undefined);
    assert_eq!(undefined.line, None);
    assert_eq!(
        note_line(&spec, "`nowhere` is not defined"),
        line_of(OPENAPI3_SCHEMES, "nowhere", 1)
    );

    assert_eq!(
        names(&operation(&spec, "GET", "/two-oauth").security),
        vec![vec!["oauthWithFunc", "oauthWithUrl"]]
    );
    assert_eq!(
        note_line(&spec, "two OAuth2 schemes"),
        line_of(
            OPENAPI3_SCHEMES,
            "security: [{oauthWithFunc: [], oauthWithUrl",
            1
        )
    );
}

#[test]
fn swagger2_scheme_kinds_and_env_fallbacks() {
    let spec = parse(
        "swagger: '2.0'
securityDefinitions:
  basic: {type: basic}
  key: {type: apiKey, in: header, name: X-Key}
  oauth: {type: oauth2, flow: implicit, authorizationUrl: 'https://x/a'}
  # `http` is an OpenAPI 3 type, but connexion does not check which spec it is reading.
  bearer: {type: http, scheme: bearer, x-bearerInfoFunc: app.bearer}
paths:
  /a:
    get:
      security: [{basic: []}, {key: []}, {oauth: [s]}, {bearer: []}]
",
    );
    let EffectiveSecurity::Alternatives(requirements) = &spec.operations[0].security else {
        panic!("{:?}", spec.operations[0].security);
    };
    let verifications: Vec<Verification<'_>> =
        requirements.iter().map(|r| r[0].verification()).collect();
    assert_eq!(
        verifications,
        vec![
            Verification::Environment(&["BASICINFO_FUNC"]),
            Verification::Environment(&["APIKEYINFO_FUNC"]),
            Verification::Environment(&["TOKENINFO_FUNC", "TOKENINFO_URL"]),
            Verification::Function("app.bearer"),
        ]
    );
}

#[test]
fn empty_info_function_falls_back_to_the_environment() {
    // connexion writes `definition.get(key) or os.environ.get(VAR)`: an empty name falls back.
    let spec = parse(
        "swagger: '2.0'
securityDefinitions:
  basic: {type: basic, x-basicInfoFunc: ''}
security: [{basic: []}]
paths: {/a: {get: {}}}
",
    );
    assert_eq!(
        only_scheme(&spec.operations[0].security).verification(),
        Verification::Environment(&["BASICINFO_FUNC"])
    );
}

// ----- $ref ------------------------------------------------------------------------------------

#[test]
fn ref_siblings_are_overridden_by_the_target() {
    let spec = parse(
        "openapi: 3.0.0
paths:
  /a:
    $ref: '#/x-items/a'
    get:
      operationId: sibling.get
    put:
      operationId: sibling.put
x-items:
  a:
    $ref: '#/x-items/b'
    put:
      operationId: middle.put
  b:
    get:
      operationId: target.get
",
    );
    let ids: Vec<(&str, Option<&str>)> = spec
        .operations
        .iter()
        .map(|op| (op.method.as_str(), op.operation_id.as_deref()))
        .collect();
    assert_eq!(
        ids,
        vec![("GET", Some("target.get")), ("PUT", Some("middle.put"))]
    );
}

#[test]
fn ref_pointer_escapes_and_indices() {
    let spec = parse(
        "openapi: 3.0.0
paths:
  /real/path:
    get:
      operationId: api.real
  /alias:
    $ref: '#/paths/~1real~1path'
  /by-index:
    get:
      parameters:
        - $ref: '#/x-params/0'
      operationId: api.by_index
  /percent:
    $ref: '#/paths/%7E1real%7E1path'
x-params:
  - {name: by-index, in: path, schema: {type: integer}}
",
    );
    assert_eq!(
        operation(&spec, "GET", "/alias").operation_id.as_deref(),
        Some("api.real")
    );
    assert_eq!(
        operation(&spec, "GET", "/percent").operation_id.as_deref(),
        Some("api.real")
    );
    assert!(spec.notes.is_empty(), "{:#?}", spec.notes);
}

#[test]
fn external_and_dangling_refs_are_noted() {
    let spec = parse(
        "openapi: 3.0.0
paths:
  /external:
    $ref: 'paths.yaml#/pets'
  /dangling:
    $ref: '#/nowhere'
  /kept:
    get:
      operationId: api.kept
      parameters:
        - $ref: 'params.yaml#/id'
",
    );
    assert_eq!(spec.operations.len(), 1);
    assert_eq!(note_line(&spec, "external `$ref: paths.yaml#/pets`"), 4);
    assert_eq!(note_line(&spec, "`$ref: #/nowhere` points at nothing"), 6);
    assert_eq!(note_line(&spec, "params.yaml#/id"), 11);
}

#[test]
fn ref_cycles_terminate() {
    let spec = parse(
        "openapi: 3.0.0
components:
  securitySchemes:
    a: {$ref: '#/components/securitySchemes/b'}
    b: {$ref: '#/components/securitySchemes/a'}
    self: {$ref: '#/components/securitySchemes/self'}
paths:
  /loop:
    $ref: '#/paths/~1loop'
  /a:
    get:
      security: [{a: []}, {self: []}]
",
    );
    assert!(has_note(&spec, "leads back to itself"));
    let op = operation(&spec, "GET", "/a");
    // Defined, but as nothing connexion can use.
    assert_eq!(
        names(&op.security),
        vec![vec!["a"], vec!["self"]],
        "{:#?}",
        op.security
    );
    assert!(matches!(
        only_kind(&op.security, 0),
        SchemeKind::Unknown(kind) if kind.is_empty()
    ));
}

fn only_kind(security: &EffectiveSecurity, requirement: usize) -> &SchemeKind {
    match security {
        EffectiveSecurity::Alternatives(requirements) => &requirements[requirement][0].kind,
        other => panic!("{other:?}"),
    }
}

#[test]
fn long_ref_chains_stop() {
    let mut text = String::from("openapi: 3.0.0\npaths:\n  /a:\n    $ref: '#/x/r0'\nx:\n");
    for index in 0..100 {
        text.push_str(&format!("  r{index}: {{$ref: '#/x/r{}'}}\n", index + 1));
    }
    text.push_str("  r100: {get: {operationId: api.end}}\n");
    let spec = parse(&text);
    assert!(spec.operations.is_empty());
    assert!(has_note(&spec, "`$ref`s in a row"));
}

// ----- YAML: aliases, merge keys, limits -----------------------------------------------------

#[test]
fn aliases_and_merge_keys() {
    let spec = parse(
        "openapi: 3.0.0
x-defaults:
  secured: &secured
    security:
      - jwt: [read]
    operationId: api.default
components:
  securitySchemes:
    jwt: {type: http, scheme: bearer, x-bearerInfoFunc: app.jwt}
paths:
  /a:
    get:
      <<: *secured
      operationId: api.a
  /b:
    get: *secured
  /c:
    get:
      '<<': *secured
",
    );
    let a = operation(&spec, "GET", "/a");
    assert_eq!(a.operation_id.as_deref(), Some("api.a"));
    assert_eq!(names(&a.security), vec![vec!["jwt"]]);
    let b = operation(&spec, "GET", "/b");
    assert_eq!(b.operation_id.as_deref(), Some("api.default"));
    // The alias's operation is reported at its method key, where this path uses it.
    assert_eq!(b.line, 16);
    // A quoted `<<` is an ordinary key.
    let c = operation(&spec, "GET", "/c");
    assert_eq!(c.operation_id, None);
    assert_eq!(c.security, EffectiveSecurity::NotRequired);
}

#[test]
fn merge_key_lists_prefer_earlier_sources() {
    let spec = parse(
        "swagger: '2.0'
x-one: &one {operationId: one, x-swagger-router-controller: ctl.one}
x-two: &two {operationId: two, x-swagger-router-controller: ctl.two, summary: s}
paths:
  /a:
    get:
      <<: [*one, *two]
      x-swagger-router-controller: ctl.own
",
    );
    assert_eq!(
        spec.operations[0].operation_id.as_deref(),
        Some("ctl.own.one")
    );
}

#[test]
fn duplicate_keys_take_the_last_value() {
    let spec = parse(
        "swagger: '2.0'
paths:
  /a:
    get:
      operationId: first
      operationId: second
",
    );
    assert_eq!(spec.operations[0].operation_id.as_deref(), Some("second"));
}

/// The classic billion laughs: ten levels of ten aliases, 10^10 nodes if expanded.
fn laughs(levels: usize) -> String {
    let mut text =
        String::from("x-lol:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..levels {
        let previous = format!("*l{}", level - 1);
        text.push_str(&format!(
            "  l{level}: &l{level} [{}]\n",
            [previous.as_str(); 10].join(", ")
        ));
    }
    text
}

#[test]
fn alias_bomb_where_nothing_reads_it() {
    let text = format!(
        "openapi: 3.0.0\n{}paths:\n  /a:\n    get: {{}}\n",
        laughs(10)
    );
    let spec = parse(&text);
    assert_eq!(spec.operations.len(), 1);
}

#[test]
fn alias_bomb_where_the_walk_reads_it() {
    // A few kilobytes whose operations would hold 4 * 1000 * 1000 * 1000 scopes if expanded.
    let many = |alias: &str| vec![alias; 1000].join(", ");
    let mut text = String::from(
        "openapi: 3.0.0\ncomponents:\n  securitySchemes:\n    k: {type: apiKey, in: query, name: k}\nx:\n",
    );
    text.push_str(&format!("  scopes: &scopes [{}]\n", many("s")));
    text.push_str("  requirement: &requirement {k: *scopes}\n");
    text.push_str(&format!(
        "  security: &security [{}]\n",
        many("*requirement")
    ));
    text.push_str("  operation: &operation {security: *security}\n");
    text.push_str(
        "  item: &item {get: *operation, put: *operation, post: *operation, delete: *operation}\n",
    );
    text.push_str("paths:\n");
    for index in 0..1000 {
        text.push_str(&format!("  /p{index}: *item\n"));
    }
    let error = match parse_spec(&text) {
        Err(error) => error,
        Ok(spec) => panic!("read {} operations", spec.operations.len()),
    };
    assert!(error.message.contains("expands too far"), "{error}");
}

#[test]
fn long_text_copied_into_many_operations_is_paid_for() {
    // A 100 kB operationId in 4,000 operations: 400 MB of handler names if copied freely.
    let mut text = format!(
        "openapi: 3.0.0\nx:\n  id: &id {}\n  operation: &operation {{operationId: *id}}\n",
        "a".repeat(100_000)
    );
    text.push_str(
        "  item: &item {get: *operation, put: *operation, post: *operation, delete: *operation}\n",
    );
    text.push_str("paths:\n");
    for index in 0..1000 {
        text.push_str(&format!("  /p{index}: *item\n"));
    }
    let error = match parse_spec(&text) {
        Err(error) => error,
        Ok(spec) => panic!("read {} operations", spec.operations.len()),
    };
    assert!(error.message.contains("expands too far"), "{error}");
}

#[test]
fn long_refs_are_not_followed() {
    let text = format!(
        "openapi: 3.0.0\npaths:\n  /a:\n    $ref: '#/{}'\n",
        "x/".repeat(5000)
    );
    let spec = parse(&text);
    assert!(spec.operations.is_empty());
    assert_eq!(note_line(&spec, "longer than 2048 bytes"), 4);
}

#[test]
fn alias_bomb_through_paths_and_merges() {
    // Every path item merges the one before it: quadratic copying if unbounded.
    let mut text = String::from("swagger: '2.0'\nx:\n  p0: &p0 {get: {operationId: a}}\n");
    for index in 1..3000 {
        text.push_str(&format!(
            "  p{index}: &p{index} {{<<: *p{}, k{index}: {{}}}}\n",
            index - 1
        ));
    }
    text.push_str("paths: {}\n");
    assert!(parse_spec(&text).is_err());
}

#[test]
fn a_large_ordinary_spec_stays_within_the_budget() {
    // 10,000 operations, each with `$ref` parameters, scopes and a merge key.
    let mut text = String::from(
        "openapi: 3.0.0
x-common: &common {responses: {'200': {description: ok}}, tags: [a, b, c]}
components:
  securitySchemes:
    jwt: {type: http, scheme: bearer, x-bearerInfoFunc: app.jwt}
  parameters:
    Id: {name: id, in: path, required: true, schema: {type: integer}}
    Limit: {name: limit, in: query, schema: {type: integer}}
security: [{jwt: [read]}]
paths:
",
    );
    for index in 0..2500 {
        text.push_str(&format!(
            "  /r{index}/{{id}}:\n    parameters: [{{$ref: '#/components/parameters/Id'}}]\n"
        ));
        for method in ["get", "put", "post", "delete"] {
            text.push_str(&format!(
                "    {method}:\n      <<: *common\n      operationId: api.r{index}.{method}\n      \
                 parameters: [{{$ref: '#/components/parameters/Limit'}}]\n      \
                 security: [{{jwt: [read, write]}}, {{}}]\n"
            ));
        }
    }
    let spec = parse(&text);
    assert_eq!(spec.operations.len(), 10_000);
    assert_eq!(spec.operations[9_999].path, "/r2499/<int:id>");
}

#[test]
fn deep_block_nesting_is_refused() {
    let mut text = String::from("openapi: 3.0.0\nx:\n");
    for depth in 0..2000 {
        text.push_str(&" ".repeat(depth + 2));
        text.push_str("a:\n");
    }
    let error = match parse_spec(&text) {
        Err(error) => error,
        Ok(_) => panic!("2000 levels accepted"),
    };
    assert!(error.message.contains("nested deeper"), "{error}");
    assert_eq!(error.line, 2 + MAX_NESTING);
}

#[test]
fn deep_flow_nesting_is_refused() {
    let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(parse_spec(&text).is_err());
    let text = format!("{}{}", "{a: ".repeat(100_000), "}".repeat(100_000));
    assert!(parse_spec(&text).is_err());
}

#[test]
fn nesting_through_aliases_is_counted() {
    // Each anchor holds 200 levels and the previous anchor: a tree 200 * 50 levels deep.
    let mut text = String::from("openapi: 3.0.0\n");
    let level = |inner: &str| format!("{}{inner}{}", "[".repeat(200), "]".repeat(200));
    text.push_str(&format!("a0: &a0 {}\n", level("x")));
    for index in 1..50 {
        text.push_str(&format!(
            "a{index}: &a{index} {}\n",
            level(&format!("*a{}", index - 1))
        ));
    }
    let error = match parse_spec(&text) {
        Err(error) => error,
        Ok(_) => panic!("accepted"),
    };
    assert!(error.message.contains("nested deeper"), "{error}");
}

#[test]
fn recursive_alias_is_refused() {
    let error = match parse_spec("openapi: 3.0.0\na: &a [1, *a]\n") {
        Err(error) => error,
        Ok(_) => panic!("accepted"),
    };
    assert_eq!(error.line, 2, "{error}");
}

// ----- malformed input ------------------------------------------------------------------------

#[test]
fn malformed_yaml_reports_its_line() {
    let text =
        "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      operationId: x\n     bad: indentation\n";
    let error = match parse_spec(text) {
        Err(error) => error,
        Ok(spec) => panic!("{spec:#?}"),
    };
    assert_eq!(error.line, 6, "{error}");
    assert!(error.message.starts_with("not valid YAML"), "{error}");

    let error = match parse_spec("swagger: '2.0'\npaths: {\"/a\": [}\n") {
        Err(error) => error,
        Ok(spec) => panic!("{spec:#?}"),
    };
    assert_eq!(error.line, 2, "{error}");
}

#[test]
fn malformed_json_reports_its_line() {
    let text =
        "{\n  \"openapi\": \"3.0.0\",\n  \"paths\": {\n    \"/a\": {\"get\": {}},,\n  }\n}\n";
    let error = match parse_spec(text) {
        Err(error) => error,
        Ok(spec) => panic!("{spec:#?}"),
    };
    assert_eq!(error.line, 4, "{error}");
}

#[test]
fn structural_errors() {
    let error_of = |text: &str| match parse_spec(text) {
        Err(error) => error,
        Ok(spec) => panic!("{spec:#?}"),
    };
    let paths = error_of("openapi: 3.0.0\npaths:\n  - /a\n");
    assert_eq!((paths.line, paths.column), (3, 3), "{paths}");
    assert!(paths.message.contains("`paths` is not a mapping"));

    let top = error_of("- openapi: 3.0.0\n");
    assert!(top.message.contains("top level is not a mapping"), "{top}");

    let no_version = error_of("info: {title: x}\npaths: {}\n");
    assert!(
        no_version.message.contains("no `openapi` or `swagger`"),
        "{no_version}"
    );

    let bad_version = error_of("openapi: three\npaths: {}\n");
    assert_eq!(bad_version.line, 1);

    let empty = error_of("");
    assert_eq!((empty.line, empty.column), (1, 1));

    let two_documents = error_of("openapi: 3.0.0\npaths: {}\n---\nopenapi: 3.0.0\n");
    assert_eq!(two_documents.line, 3, "{two_documents}");

    let key = error_of("openapi: 3.0.0\n? [a, b]\n: c\n");
    assert!(key.message.contains("mapping key"), "{key}");
}

#[test]
fn one_bad_operation_leaves_the_others() {
    let spec = parse(
        "openapi: 3.0.0
paths:
  /good:
    get:
      operationId: api.good
  /bad-item: [get]
  /bad-operation:
    get: just a string
    post:
      operationId: api.post
    GET:
      operationId: api.upper
    parameters: []
    summary: not a method
",
    );
    let read: Vec<(&str, &str)> = spec
        .operations
        .iter()
        .map(|op| (op.method.as_str(), op.spec_path.as_str()))
        .collect();
    assert_eq!(read, vec![("GET", "/good"), ("POST", "/bad-operation")]);
    assert_eq!(note_line(&spec, "path `/bad-item` is not a mapping"), 6);
    assert_eq!(note_line(&spec, "`GET /bad-operation` is not a mapping"), 8);
    assert_eq!(note_line(&spec, "`GET` is ignored"), 11);
    assert_eq!(spec.notes.len(), 3, "{:#?}", spec.notes);
}

#[test]
fn unquoted_version_numbers_are_noted() {
    let spec = parse("swagger: 2.0\npaths: {}\n");
    assert_eq!(spec.version, SpecVersion::Swagger2);
    assert_eq!(note_line(&spec, "is a number"), 1);
    assert!(!has_note(
        &parse("openapi: 3.0.0\npaths: {}\n"),
        "is a number"
    ));
    // `openapi` is read before `swagger`, as connexion does.
    assert_eq!(
        parse("swagger: '2.0'\nopenapi: 3.0.1\npaths: {}\n").version,
        SpecVersion::OpenApi3
    );
}

#[test]
fn jinja_templates_are_noted() {
    let spec = parse("swagger: '2.0'\ninfo:\n  title: \"{{title}}\"\npaths: {}\n");
    assert_eq!(note_line(&spec, "Jinja2"), 3);
}

#[test]
fn byte_order_mark_and_crlf() {
    let spec = parse("\u{feff}openapi: 3.0.0\r\npaths:\r\n  /a:\r\n    get: {}\r\n");
    assert_eq!(spec.operations[0].line, 4);
}

#[test]
fn no_paths() {
    let spec = parse("openapi: 3.0.0\ninfo: {title: x}\n");
    assert!(spec.operations.is_empty());
    assert!(has_note(&spec, "no `paths`"));
}

#[test]
fn truncated_and_mangled_fixtures_never_panic() {
    for fixture in FIXTURES {
        let cuts: Vec<usize> = fixture
            .char_indices()
            .map(|(at, _)| at)
            .step_by(7)
            .collect();
        for cut in cuts {
            let _ = parse_spec(&fixture[..cut]);
            let mangled: String = fixture[..cut]
                .chars()
                .chain(['\t', '&', '*', '[', '{', ':', '-', '\n'])
                .chain(fixture[cut..].chars())
                .collect();
            let _ = parse_spec(&mangled);
        }
    }
}

// ----- looks_like_spec ------------------------------------------------------------------------

#[test]
fn recognises_specs() {
    for fixture in FIXTURES {
        assert!(looks_like_spec(fixture));
    }
    assert!(looks_like_spec("\"swagger\": \"2.0\"\n"));
    assert!(looks_like_spec("'openapi' : '3.1.0'\n"));
    assert!(looks_like_spec("---\nopenapi: 3.0.0\n"));
    assert!(looks_like_spec("{\"info\": {}, \"openapi\" : \"3.0.0\"}"));
}

#[test]
fn rejects_other_yaml_and_json() {
    assert!(!looks_like_spec(
        "version: '3'\nservices:\n  web:\n    image: nginx\n"
    ));
    assert!(!looks_like_spec("name: CI\non: [push]\n"));
    assert!(
        !looks_like_spec("  openapi: 3.0.0\n"),
        "indented: not top level"
    );
    assert!(
        !looks_like_spec("swagger:\n  title: docs\n"),
        "a settings section"
    );
    assert!(!looks_like_spec("openapi_version: 3\n"));
    assert!(!looks_like_spec(
        "{\"name\": \"package\", \"version\": \"1.0.0\"}"
    ));
    assert!(!looks_like_spec(""));
    // And the parser agrees that such files are not specs.
    assert!(parse_spec("name: CI\non: [push]\n").is_err());
}
