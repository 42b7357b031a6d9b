"""web stage: the web app and JSON API over a store (`factfinder serve`, docs/web.md).

``factfinder.web.app.create_app(db)`` builds the ASGI app; nothing heavy is
imported here, so the CLI stays fast. Modules: app (wiring, auth middleware,
errors), security (sessions, CSRF, rate limit), filters (URL -> EventFilter),
queries (read SQL), pages / api / review_routes (handlers), jobs and uploads
(web ingest), highlight (evidence segments), render (templates).
"""
