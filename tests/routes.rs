//! `flasklint routes`: the route model as users see it, on the fixture apps.

use std::process::Command;

fn routes_json(path: &str) -> Vec<serde_json::Value> {
    let output = Command::new(env!("CARGO_BIN_EXE_flasklint"))
        .args(["routes", "--format", "json", path])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON array")
}

fn find<'r>(routes: &'r [serde_json::Value], handler: &str) -> &'r serde_json::Value {
    routes
        .iter()
        .find(|r| r["handler"] == handler)
        .unwrap_or_else(|| panic!("no route handled by {handler}"))
}

#[test]
fn blueprint_prefixes_class_views_and_resources_are_mapped() {
    let routes = routes_json("testdata/rules/FL201");
    let profile = find(&routes, "get_profile");
    assert_eq!(profile["rule"], "/api/users/<int:user_id>/profile");
    assert_eq!(profile["methods"], serde_json::json!(["GET"]));
    assert_eq!(profile["path"], "testdata/rules/FL201/shop/api.py");
    assert_eq!(profile["line"], 15);
    assert_eq!(profile["authentication"], "@jwt_required()");
    assert_eq!(profile["identity"], "get_jwt_identity()");
    assert_eq!(profile["findings"], serde_json::json!(["FL201"]));

    let note = find(&routes, "read_note");
    assert_eq!(
        note["authentication"],
        "@token_required (testdata/rules/FL201/shop/security.py:23 verifies a token)"
    );
    assert_eq!(note["identity"], "g.user_id");

    let view = find(&routes, "OrderAPI.delete");
    assert_eq!(view["rule"], "/shop/orders/<int:order_id>");
    assert_eq!(view["methods"], serde_json::json!(["DELETE"]));
    assert_eq!(view["authentication"], "@jwt_required()");
    assert_eq!(view["findings"], serde_json::json!([]));

    let resource = find(&routes, "PaymentResource.get");
    // `Api(orders_bp)`: flask-restful registers the resources on the blueprint, under its prefix.
    assert_eq!(resource["rule"], "/shop/payments/<int:payment_id>");
    assert_eq!(resource["findings"], serde_json::json!(["FL201"]));

    let public = find(&routes, "not_authenticated");
    assert_eq!(public["authentication"], serde_json::Value::Null);
}

#[test]
fn hooks_and_role_checks_are_shown() {
    let routes = routes_json("testdata/rules/FL202/hooked");
    let record = find(&routes, "delete_record");
    assert!(
        record["authentication"]
            .as_str()
            .is_some_and(|a| a.starts_with("the before_request hook authenticate")),
        "{record}"
    );
    let admin = routes_json("testdata/rules/FL204");
    assert_eq!(
        find(&admin, "stats")["authorization"],
        "@require_role(\"admin\")"
    );
    assert_eq!(find(&admin, "audit")["authorization"], "@staff_only");
    assert_eq!(
        find(&admin, "list_all_users")["authorization"],
        serde_json::Value::Null
    );
    assert_eq!(
        find(&admin, "list_all_users")["findings"],
        serde_json::json!(["FL204"])
    );
}

#[test]
fn text_table_lists_every_route_even_when_nothing_is_wrong() {
    let output = Command::new(env!("CARGO_BIN_EXE_flasklint"))
        .args(["routes", "testdata/rules/FL204"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("METHODS  RULE"), "{text}");
    assert!(text.contains("GET      /api/notes"), "{text}");
    assert!(
        text.ends_with("27 routes, 6 without authentication.\n"),
        "{text}"
    );
}

#[test]
fn connexion_routes_come_from_the_spec_with_its_security() {
    let routes = routes_json("testdata/rules/FL202-connexion3");
    let get = routes
        .iter()
        .find(|r| r["rule"] == "/v2/users/<int:user_id>" && r["methods"][0] == "GET")
        .expect("RestyResolver's GET /users/{user_id} -> api.users.get, under base_path /v2");
    assert_eq!(get["handler"], "get");
    assert!(
        get["authentication"]
            .as_str()
            .is_some_and(|a| a.contains("bearerAuth") && a.contains("app.verify")),
        "{get}"
    );
    assert!(
        get["declared_in"]
            .as_str()
            .is_some_and(|d| d.ends_with("FL202-connexion3/openapi.yaml:33")),
        "{get}"
    );
    let delete = routes
        .iter()
        .find(|r| r["methods"][0] == "DELETE")
        .expect("the DELETE operation");
    assert!(delete["authentication"].is_null(), "{delete}");
    assert_eq!(delete["findings"], serde_json::json!(["FL202"]));
}

#[test]
fn a_malformed_spec_is_reported_with_its_line_and_the_rest_is_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::write(
        root.join("app.py"),
        "import connexion\nimport jwt\n\napp = connexion.App(__name__)\napp.add_api(\"openapi.yaml\")\n\ndef read(token, key):\n    return jwt.decode(token, key)\n",
    )
    .expect("write");
    std::fs::write(
        root.join("openapi.yaml"),
        "openapi: 3.0.0\ninfo: {title: x, version: '1'}\npaths:\n  /a:\n    get: [unclosed\n",
    )
    .expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_flasklint"))
        .args(["check", "--format", "json", "."])
        .current_dir(root)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let errors = report["errors"].as_array().expect("errors");
    assert!(
        errors.iter().any(|e| e["path"] == "openapi.yaml"
            && e["line"].as_u64().is_some_and(|l| l >= 5)
            && e["message"]
                .as_str()
                .is_some_and(|m| m.contains("not a spec connexion can load"))),
        "{errors:?}"
    );
    let rules: Vec<&str> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert!(rules.contains(&"FL101"), "{rules:?}");
}

#[test]
fn routes_are_found_wherever_the_app_assembles_them() {
    let routes = routes_json("testdata/rules/FL202-assembly");
    let mut listed: Vec<String> = routes
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                r["methods"][0].as_str().unwrap_or(""),
                r["rule"].as_str().unwrap_or(""),
                r["handler"].as_str().unwrap_or("")
            )
        })
        .collect();
    listed.sort();
    assert_eq!(
        listed,
        [
            // `Api(app, prefix="/api")` and a resource named by dotted reference.
            "DELETE /api/accounts/<int:account_id> Account.delete",
            // `add_url_rule(rule, endpoint, views.discard_draft)`: a module's function.
            "DELETE /drafts/<int:draft_id> discard_draft",
            // A project helper that calls `add_url_rule` on its parameters.
            "DELETE /exports/<int:export_id> ExportView.delete",
            // A blueprint nested in another: both prefixes.
            "DELETE /outer/inner/items/<int:item_id> delete_item",
            // Resources authenticated through a base class's `method_decorators`, and one whose
            // own empty list replaces it.
            "DELETE /reports-api/reports/<int:report_id>/archive ReportArchive.delete",
            "DELETE /reports-api/reports/<int:report_id>/mirror ReportMirror.delete",
            "GET /api/accounts AccountList.get",
            // A loop over a literal table of resources, on an `Api` with its own prefix.
            "GET /reports-api/reports ReportList.get",
            // flask-restx `add_namespace(ns, path=...)` inside the factory.
            "GET /v2/users/<int:user_id> User.get",
            // A loop over a literal table of (view, rule) pairs.
            "POST /archive/<int:note_id> archive",
            "POST /ping ping",
            "PUT /reports-api/reports/<int:report_id> ReportItem.put",
        ]
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
    );
    let archive = routes
        .iter()
        .find(|r| r["handler"] == "archive")
        .expect("archive");
    assert!(
        archive["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("service/views.py")),
        "the handler lives where it is defined: {archive}"
    );
}

#[test]
fn views_wrapped_by_hand_through_a_method_helper_keep_their_decorators() {
    // A2rchi: `self.add_endpoint(rule, name, login_required(self.index))`, where the class's
    // `add_endpoint` calls `self.app.add_url_rule`.
    let routes = routes_json("testdata/rules/FL202-endpoint-wrapper");
    assert_eq!(routes.len(), 4, "{routes:?}");
    assert_eq!(find(&routes, "index")["authentication"], "@login_required");
    assert_eq!(
        find(&routes, "delete_document")["methods"],
        serde_json::json!(["DELETE"])
    );
    assert_eq!(
        find(&routes, "update_config")["authentication"],
        serde_json::Value::Null
    );
}

#[test]
fn a_handler_that_mints_a_token_is_a_login_not_a_verifier() {
    let routes = routes_json("testdata/rules/FL202-login");
    // Basic credentials for a token, with the token written into a response header.
    assert_eq!(
        find(&routes, "login")["authentication"],
        serde_json::Value::Null
    );
    // An identity provider's token decoded, and an outgoing `Authorization` header written.
    assert_eq!(
        find(&routes, "sso_callback")["authentication"],
        serde_json::Value::Null
    );
    // A refresh checks the token its caller sent.
    assert_eq!(
        find(&routes, "renew")["authentication"],
        "renew verifies a token itself"
    );
}

#[test]
fn a_hook_authenticates_only_the_routes_it_does_not_let_through() {
    let hook =
        "the before_request hook setup_g (testdata/rules/FL201-hook-scope/newsroom/__init__.py:16)";
    let routes = routes_json("testdata/rules/FL201-hook-scope");
    // Listed in `_insecure_views` / `_insecure_api_views` by endpoint: public.
    for public in ["login", "get_token", "get_endpoints"] {
        assert_eq!(
            find(&routes, public)["authentication"],
            serde_json::Value::Null,
            "{public}"
        );
    }
    // The factory's blueprints, the API one under `/api/v1` through `api_blueprint = ...`.
    let api = find(&routes, "delete_notes");
    assert_eq!(api["rule"], "/api/v1/users/<user_id>/notes");
    assert_eq!(api["authentication"], hook);
    assert_eq!(find(&routes, "index")["authentication"], hook);
    // The hook's 403 refuses callers without a session: authentication, not a role check.
    assert_eq!(
        find(&routes, "admin_update_config")["authorization"],
        serde_json::Value::Null
    );
    assert_eq!(
        find(&routes, "reset_two_factor")["authorization"],
        "@admin_required"
    );

    let routes = routes_json("testdata/rules/FL201-hook-paths");
    for public in ["login", "api_login", "avatar"] {
        assert_eq!(
            find(&routes, public)["authentication"],
            serde_json::Value::Null,
            "{public}"
        );
    }
    assert_eq!(
        find(&routes, "delete_notes")["authentication"],
        "the before_request hook check_perms (testdata/rules/FL201-hook-paths/app.py:14)"
    );

    // A hook in another module than the routes, on an app object the package re-exports.
    let routes = routes_json("testdata/rules/FL201-hook-elsewhere");
    assert_eq!(
        find(&routes, "UserAPI.put")["authentication"],
        "the before_request hook check_valid_login (testdata/rules/FL201-hook-elsewhere/flexapp/auth.py:12)"
    );
    assert_eq!(
        find(&routes, "PublicProfile.get")["authentication"],
        serde_json::Value::Null
    );
    assert_eq!(
        find(&routes, "LoginAPI.post")["authentication"],
        serde_json::Value::Null
    );
}

#[test]
fn an_api_key_decorator_answering_403_authenticates() {
    let routes = routes_json("testdata/rules/FL202-api-key");
    assert_eq!(
        find(&routes, "delete_watch")["authentication"],
        "@auth_check (testdata/rules/FL202-api-key/app.py:17 answers 401 or 403 unless its credential check passes)"
    );
    // A 403 on a header that carries no credential refuses nobody who lacks one.
    assert_eq!(
        find(&routes, "delete_watch_from_page")["authentication"],
        serde_json::Value::Null
    );
    // `abort(make_response(jsonify(...), 401))` in the helper the wrapper calls refuses too.
    assert_eq!(
        find(&routes, "mute_watch")["authentication"],
        "@authorize (testdata/rules/FL202-api-key/app.py:112 answers 401 or 403 unless its credential check passes)"
    );
}

#[test]
fn a_loopback_guard_is_listed_as_one() {
    let routes = routes_json("testdata/rules/FL202-api-key");
    assert_eq!(
        find(&routes, "add_package")["authentication"],
        "@local_check (testdata/rules/FL202-api-key/app.py:66 refuses callers that are not on this machine (loopback only))"
    );
}

#[test]
fn a_dispatch_request_that_refuses_authenticates_its_class_under_an_api_subclass_prefix() {
    let routes = routes_json("testdata/rules/FL202-dispatch");
    let app = find(&routes, "AppView.delete");
    // `class ApiController(Api)` with `prefix="/api/0"`, resources imported inside the
    // function that registers them.
    assert_eq!(app["rule"], "/api/0/apps/<app_id>/");
    assert_eq!(
        app["authentication"],
        "dispatch_request (testdata/rules/FL202-dispatch/shipit/base.py:15 answers 401 or 403 before any method of the class runs, unless its credential check passes)"
    );
    // A `dispatch_request` that only logs refuses nobody.
    assert_eq!(
        find(&routes, "AuditedHookView.delete")["authentication"],
        serde_json::Value::Null
    );
}

#[test]
fn project_login_decorators_are_followed_through_helpers_factories_and_api_methods() {
    let routes = routes_json("testdata/rules/FL202-project-login");
    // pagure: `elif not authenticated(): return redirect(...)`.
    assert_eq!(
        find(&routes, "delete_repo")["authentication"],
        "@login_required (testdata/rules/FL202-project-login/app.py:24 refuses requests without a logged-in user)"
    );
    // reana: a decorator factory whose wrapper answers 401.
    assert_eq!(
        find(&routes, "delete_workflow")["authentication"],
        "@signin_required() (testdata/rules/FL202-project-login/app.py:36 answers 401 or 403 unless its credential check passes)"
    );
    // reana: a helper comparing a header with the secret returns a 401 its handler returns.
    assert_eq!(
        find(&routes, "revoke_token")["authentication"],
        "revoke_token answers 401 or 403 unless its credential check passes itself"
    );
    // udata: `@api.secure`, a method of the project's `Api` subclass reached through
    // `self._apply_secure(...)`, with `api` imported from the module that builds it.
    let routes = routes_json("testdata/rules/FL204-api-method");
    assert_eq!(
        find(&routes, "OrganizationListAPI.post")["authentication"],
        "@api.secure (testdata/rules/FL204-api-method/portal/api.py:14 refuses requests without a logged-in user)"
    );
    // Flask-Principal's `org.permissions["members"].test()` is a permission check.
    assert_eq!(
        find(&routes, "MemberInviteAPI.post")["authorization"],
        "a check in post"
    );
}

/// `bp.before_request(check)` with `check` imported from another module, reached through a
/// module attribute, or wrapped in `functools.partial`, authenticates the blueprint; the hook
/// registered on an imported blueprint in the factory covers it under its prefix.
#[test]
fn hooks_imported_from_another_module_authenticate() {
    let routes = routes_json("testdata/rules/FL202-imported-hook");
    for (handler, hook) in [
        ("delete_service", "requires_admin_auth"),
        ("delete_supplier", "requires_authentication"),
        ("notify_callback", "requires_authentication"),
    ] {
        let route = find(&routes, handler);
        assert!(
            route["authentication"]
                .as_str()
                .is_some_and(|a| a.starts_with(&format!("the before_request hook {hook} "))),
            "{route}"
        );
    }
    assert_eq!(
        find(&routes, "delete_draft")["authentication"],
        serde_json::Value::Null
    );
}

/// Blueprints no application reaches, in a package holding two applications, may be either's:
/// the API application's hook authenticates its own routes, not theirs.
#[test]
fn a_hook_does_not_authenticate_routes_whose_application_is_a_guess() {
    let routes = routes_json("testdata/rules/FL201-guessed-app");
    assert!(
        find(&routes, "delete_task")["authentication"]
            .as_str()
            .is_some_and(|a| a.starts_with("the before_request hook check_authentication")),
    );
    assert_eq!(
        find(&routes, "user_delete")["authentication"],
        serde_json::Value::Null
    );
}

#[test]
fn forced_basic_auth_and_lastuser_authenticate() {
    // Flask-BasicAuth's `BASIC_AUTH_FORCE = True` puts every route behind the account.
    let routes = routes_json("testdata/rules/FL202-basic-auth-force");
    assert_eq!(
        find(&routes, "list_jobs")["authentication"],
        "@basic_auth.required"
    );
    for handler in ["delete_job", "run_job"] {
        let route = find(&routes, handler);
        assert_eq!(
            route["authentication"],
            "Flask-BasicAuth's BASIC_AUTH_FORCE = True (testdata/rules/FL202-basic-auth-force/config.py:6), which checks the configured account before every request",
            "{handler}"
        );
    }
    // flask-lastuser's decorators, as methods of the object the package constructs.
    let routes = routes_json("testdata/rules/FL202-open-flow");
    assert_eq!(
        find(&routes, "list_orders")["authentication"],
        "@lastuser.requires_login"
    );
    assert_eq!(
        find(&routes, "capture_payment")["authentication"],
        serde_json::Value::Null
    );
}

#[test]
fn a_hook_that_lets_anonymous_callers_through_authenticates_nobody() {
    let routes = routes_json("testdata/rules/FL202-refuses-nothing");
    // A token checked only when one is sent (aleph's `setup_request`), also leaving early
    // without one; a CSRF check that waives requests carrying a token (CTFd's `csrf`).
    for handler in ["show_paper", "show_paper_v2", "show_paper_form"] {
        assert_eq!(
            find(&routes, handler)["authentication"],
            serde_json::Value::Null,
            "{handler}"
        );
    }
    // The listing says which hook was considered and why it does not count.
    assert_eq!(
        find(&routes, "show_paper")["optional_authentication"],
        "the before_request hook setup_request (testdata/rules/FL202-refuses-nothing/app.py:163), which checks a credential only when one is sent"
    );
    assert_eq!(
        find(&routes, "show_paper_v2")["optional_authentication"],
        "the before_request hook maybe_load_caller (testdata/rules/FL202-refuses-nothing/app.py:181), which checks a credential only when one is sent"
    );
    assert_eq!(
        find(&routes, "show_paper_form")["optional_authentication"],
        serde_json::Value::Null
    );
    let review = find(&routes, "show_review");
    assert_eq!(
        review["authentication"],
        "the before_request hook require_caller (testdata/rules/FL202-refuses-nothing/app.py:198)"
    );
    assert_eq!(review["findings"], serde_json::json!(["FL201"]));
}

#[test]
fn the_identity_is_what_the_credential_check_returned_not_a_trace_id() {
    let routes = routes_json("testdata/rules/FL201-trace-hook");
    assert_eq!(find(&routes, "get_search")["identity"], "g.jwt");
}

#[test]
fn inherited_decorator_lists_and_401_answers_authenticate() {
    let routes = routes_json("testdata/rules/FL202-logged-in-hook");
    // `decorators = TargetActionView.decorators + [templated]`: the base's `login_required`.
    assert_eq!(
        find(&routes, "TargetLeadsView.post")["authentication"],
        "@login_required"
    );
    // A 401 for an unknown session named by the form.
    assert!(
        find(&routes, "submit_listens")["authentication"]
            .as_str()
            .is_some_and(|how| how.starts_with("submit_listens ")),
        "{}",
        find(&routes, "submit_listens")
    );
    // The hook redirects logged-in users only: it authenticates nothing.
    assert_eq!(
        find(&routes, "add_target")["authentication"],
        serde_json::Value::Null
    );
}

#[test]
fn a_package_of_the_folder_the_app_runs_from_is_found_from_deeper_modules() {
    let routes = routes_json("testdata/rules/FL202-run-from-folder");
    assert_eq!(
        find(&routes, "delete_report")["authentication"],
        "@token_required (testdata/rules/FL202-run-from-folder/appengine/utils/auth.py:7 verifies a token)"
    );
}

#[test]
fn a_redirect_to_the_login_page_for_a_missing_session_value_is_a_login_check() {
    let routes = routes_json("testdata/rules/FL202-guard-shapes");
    assert!(
        find(&routes, "clear_scans")["authentication"]
            .as_str()
            .is_some_and(|how| how.starts_with("@session_required")),
        "{}",
        find(&routes, "clear_scans")
    );
}

#[test]
fn star_imported_views_and_restful_resource_decorators_are_routes() {
    let routes = routes_json("testdata/rules/FL202-restful-decorator");
    assert_eq!(find(&routes, "purge_notices")["rule"], "/notices/purge");
    let mut rules: Vec<&str> = routes
        .iter()
        .filter(|r| r["handler"] == "NoticeItem.delete")
        .filter_map(|r| r["rule"].as_str())
        .collect();
    rules.sort_unstable();
    assert_eq!(rules, ["/board/<notice_id>", "/notices/<notice_id>"]);
    assert_eq!(
        find(&routes, "NoticeList.post")["authentication"],
        "@jwt_required()"
    );
}

#[test]
fn a_middleware_class_hook_covers_what_its_exemption_predicate_does_not_name() {
    let routes = routes_json("testdata/rules/FL202-middleware-exempt");
    assert!(
        find(&routes, "delete_item")["authentication"]
            .as_str()
            .is_some_and(|how| how.starts_with("the before_request hook before_request")),
        "{}",
        find(&routes, "delete_item")
    );
    for public in ["login", "health", "reset_probes"] {
        assert_eq!(
            find(&routes, public)["authentication"],
            serde_json::Value::Null,
            "{public}"
        );
    }
}

#[test]
fn views_a_decorator_marks_are_the_ones_a_hook_reading_the_mark_lets_through() {
    let routes = routes_json("testdata/rules/FL202-view-marks");
    assert!(
        find(&routes, "login")["authentication"].is_null(),
        "{}",
        find(&routes, "login")
    );
    assert!(
        find(&routes, "logout")["authentication"]
            .as_str()
            .is_some_and(|how| how.starts_with("the before_request hook before ")),
        "{}",
        find(&routes, "logout")
    );
}

#[test]
fn flask_jwt_checks_in_project_decorators_and_the_refresh_guard_authenticate() {
    let routes = routes_json("testdata/rules/FL202-flask-jwt-checks");
    assert!(
        find(&routes, "CourseItem.delete")["authentication"]
            .as_str()
            .is_some_and(|how| how.starts_with("@auth_required(roles=\"admin\")")),
        "{}",
        find(&routes, "CourseItem.delete")
    );
    assert_eq!(
        find(&routes, "Refresh.post")["authentication"],
        "@jwt_refresh_token_required"
    );
    assert!(find(&routes, "CourseImport.post")["authentication"].is_null());
}
