"""Feeds, web pages and URLs, served by a real HTTP server on localhost (no parser is mocked)."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from briefing.cache import Cache
from briefing.engine import Engine, Settings
from briefing.settings import FetchOptions

from .conftest import DATA

WEB = DATA / "web"
QUICK = FetchOptions(timeout=0.5, retries=1, backoff=0.05, max_bytes=20_000)

Route = Callable[[BaseHTTPRequestHandler], None]


class Server:
    """A local HTTP server whose routes a test sets; it records every request."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.hits: Counter[str] = Counter()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the http.server name)
                server.requests.append((self.path, dict(self.headers)))
                server.hits[self.path] += 1
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404, "Not Found")
                else:
                    route(self)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    running = Server()
    yield running
    running.stop()


def body(data: bytes, media_type: str, status: int = 200, headers: dict[str, str] | None = None) -> Route:
    def send(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", media_type)
        handler.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(data)

    return send


def file(name: str, media_type: str) -> Route:
    return body((WEB / name).read_bytes(), media_type)


def brief(registry, urls, cache: Cache | None = None, options: FetchOptions = QUICK, **settings):
    return Engine(registry, Settings(fetch=options, grouping="folders", **settings), cache).run(urls)


def documents_of(briefing):
    return [entry.document for b in briefing.briefs for entry in b.documents]


# -- feeds ---------------------------------------------------------------------------------------


def test_rss_atom_and_rdf_entries_become_documents(registry, server):
    server.routes["/rss"] = file("harbour-news.rss", "application/rss+xml")
    server.routes["/atom"] = file("harbour-updates.atom", "application/atom+xml")
    server.routes["/rdf"] = file("harbour-notes.rdf", "application/rdf+xml")
    result = brief(registry, [server.url("/rss"), server.url("/atom"), server.url("/rdf")])
    assert not result.errors
    found = {d.title: d for d in documents_of(result)}
    assert set(found) == {
        "Ferry timetable changes for the winter",
        "Fish market moves indoors",
        "Breakwater repairs reach the halfway mark",
        "Lighthouse lamp replaced",
    }
    ferry = found["Ferry timetable changes for the winter"]
    assert (ferry.link, ferry.date, ferry.author) == (
        "http://gazette.example/ferry-winter",
        "2026-11-02 08:30",
        "Mara Lindqvist",
    )
    assert ferry.origin == server.url("/rss") + "#1"
    assert "every ninety minutes" in ferry.text and "<p>" not in ferry.text
    assert len(ferry.sentences) == 4  # paragraphs of the HTML summary kept apart
    breakwater = found["Breakwater repairs reach the halfway mark"]
    assert (breakwater.author, breakwater.link) == ("Ines Carvalho", "http://works.example/breakwater")
    assert found["Lighthouse lamp replaced"].date == "2026-11-05 09:00"


def test_feed_files_load_too(engine):
    documents, problems = engine.load([str(WEB / "harbour-news.rss"), str(WEB / "harbour-updates.atom")])
    assert not problems
    assert [d.title for d in documents][:1] == ["Ferry timetable changes for the winter"]
    assert len(documents) == 3


LEGACY = """<?xml version="1.0" encoding="{encoding}"?>
<rss version="2.0"><channel><title>{title}</title>
<item><title>{title}</title><link>http://legacy.example/1</link>
<description>{text}</description></item></channel></rss>"""

LEGACY_CASES = [
    (
        "iso-8859-1",
        "Café am Übersee-Kai",
        "Die Fähre fährt über den Fjord, naïve Grüße à la carte. Das Wetter ist schön.",
    ),
    ("windows-1252", "Harbour prices – €12 a day", "Mooring now costs €12 “per day” – up from €9… Owners complained."),
    ("shift_jis", "港の新しいフェリー", "新しいフェリーが来週から運航します。港の人々は喜んでいます。"),
    ("utf-16", "Fähre nach Übersee", "Die neue Fähre fährt ab Montag. Alle Plätze sind bereits gebucht."),
]


@pytest.mark.parametrize("encoding, title, text", LEGACY_CASES, ids=[c[0] for c in LEGACY_CASES])
@pytest.mark.parametrize("declared_by_server", [False, True], ids=["xml-declaration", "http-header"])
def test_feeds_in_legacy_encodings_are_not_garbled(registry, server, encoding, title, text, declared_by_server):
    data = LEGACY.format(encoding=encoding, title=title, text=text).encode(encoding)
    media_type = f"application/rss+xml; charset={encoding}" if declared_by_server else "application/rss+xml"
    server.routes["/legacy"] = body(data, media_type)
    result = brief(registry, [server.url("/legacy")])
    [document] = documents_of(result)
    assert document.title == title
    assert document.text == text
    # Sentences hold all the text (Japanese puts no space between them: compare without spaces).
    assert "".join(s.text for s in document.sentences).replace(" ", "") == text.replace("…", "...").replace(" ", "")


def test_an_ill_formed_feed_gives_what_can_be_recovered_and_a_warning(registry, server):
    server.routes["/broken"] = file("broken.rss", "application/rss+xml")
    result = brief(registry, [server.url("/broken")])
    titles = [d.title for d in documents_of(result)]
    assert titles[0] == "Crane inspection passed"
    warning, empty = [w for w in result.warnings if w.source == server.url("/broken")]
    assert "1 of the feed's 2 entries has neither title nor text" in empty.message  # said, not dropped silently
    assert "the feed is not well-formed (line" in warning.message
    assert "could be recovered" in warning.message
    assert not result.errors


def test_xml_that_is_no_feed_is_a_clean_error(engine):
    documents, [problem] = engine.load([str(WEB / "not-a-feed.xml")])
    assert documents == []
    assert problem.message.startswith("not a feed: no RSS, RDF or Atom entries found")


# -- fetching ------------------------------------------------------------------------------------


def test_a_slow_server_times_out_and_the_rest_go_on(registry, server):
    def slow(handler):
        time.sleep(1.5)
        body(b"late", "text/plain")(handler)

    server.routes["/slow"] = slow
    server.routes["/rss"] = file("harbour-news.rss", "application/rss+xml")
    result = brief(registry, [server.url("/slow"), server.url("/rss")], options=FetchOptions(timeout=0.3, retries=0))
    [problem] = result.errors
    assert problem.source == server.url("/slow")
    assert problem.message == "cannot fetch: no answer within 0.3 s (fetch_timeout)"
    assert len(documents_of(result)) == 2


def test_a_404_is_reported_with_its_url_and_not_retried(registry, server):
    server.routes["/rss"] = file("harbour-news.rss", "application/rss+xml")
    result = brief(registry, [server.url("/gone"), server.url("/rss")])
    [problem] = result.errors
    assert (problem.source, problem.message) == (server.url("/gone"), "cannot fetch: HTTP 404 Not Found")
    assert server.hits["/gone"] == 1
    assert len(documents_of(result)) == 2


def test_a_500_is_retried_with_back_off_until_it_succeeds(registry, server):
    def flaky(handler):
        if server.hits["/flaky"] == 1:
            handler.send_error(500, "Internal Server Error")
        else:
            file("harbour-updates.atom", "application/atom+xml")(handler)

    server.routes["/flaky"] = flaky
    result = brief(registry, [server.url("/flaky")])
    assert not result.errors
    assert server.hits["/flaky"] == 2
    assert [d.title for d in documents_of(result)] == ["Breakwater repairs reach the halfway mark"]


def test_a_server_that_keeps_failing_is_reported_after_the_retries(registry, server):
    server.routes["/down"] = lambda handler: handler.send_error(503, "Service Unavailable")
    result = brief(registry, [server.url("/down")], options=FetchOptions(timeout=0.5, retries=2, backoff=0.01))
    [problem] = result.errors
    assert problem.message == "cannot fetch: HTTP 503 Service Unavailable (after 3 tries)"
    assert server.hits["/down"] == 3


def test_an_oversized_body_is_refused(registry, server):
    big = b"<html><body>" + b"<p>Ships and more ships in the harbour today.</p>" * 2000 + b"</body></html>"

    def streamed(handler):  # no Content-Length: the limit must hold while reading
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        handler.wfile.write(big)

    server.routes["/declared"] = body(big, "text/html")
    server.routes["/streamed"] = streamed
    result = brief(registry, [server.url("/declared"), server.url("/streamed")])
    messages = {p.source: p.message for p in result.errors}
    assert messages[server.url("/declared")].endswith("bytes is more than the 20,000-byte limit (fetch_max_mb)")
    assert "more than the 20,000-byte limit (fetch_max_mb); stopped reading" in messages[server.url("/streamed")]


def test_redirects_are_followed_and_the_user_agent_says_who_asks(registry, server):
    def moved(handler):
        handler.send_response(301)
        handler.send_header("Location", "/rss")
        handler.end_headers()

    server.routes["/old-feed"] = moved
    server.routes["/rss"] = file("harbour-news.rss", "application/rss+xml")
    result = brief(registry, [server.url("/old-feed")])
    assert len(documents_of(result)) == 2
    assert [path for path, _ in server.requests] == ["/old-feed", "/rss"]
    assert all(headers["User-Agent"].startswith("briefing/") for _, headers in server.requests)


def test_urls_are_fetched_concurrently(registry, server):
    in_flight, most = 0, 0
    lock = threading.Lock()
    both_arrived = threading.Barrier(2, timeout=3)

    def meeting(handler):
        nonlocal in_flight, most
        with lock:
            in_flight += 1
            most = max(most, in_flight)
        try:
            both_arrived.wait()  # only returns when a second request is in flight at the same time
        except threading.BrokenBarrierError:
            pass
        with lock:
            in_flight -= 1
        file("harbour-updates.atom", "application/atom+xml")(handler)

    server.routes["/a"] = server.routes["/b"] = meeting
    result = brief(registry, [server.url("/a"), server.url("/b")], options=FetchOptions(timeout=5))
    assert not result.errors
    assert most == 2


def test_a_second_run_asks_if_modified_and_works_offline(registry, server, tmp_path):
    data = (WEB / "harbour-news.rss").read_bytes()

    def conditional(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            handler.send_response(304)
            handler.end_headers()
        else:
            body(
                data, "application/rss+xml", headers={"ETag": '"v1"', "Last-Modified": "Mon, 02 Nov 2026 09:00:00 GMT"}
            )(handler)

    server.routes["/rss"] = conditional
    url = server.url("/rss")
    first = brief(registry, [url], Cache(tmp_path / "cache"))
    second = brief(registry, [url], Cache(tmp_path / "cache"))
    assert server.requests[1][1]["If-None-Match"] == '"v1"'
    assert server.requests[1][1]["If-Modified-Since"] == "Mon, 02 Nov 2026 09:00:00 GMT"
    assert documents_of(second) == documents_of(first)
    server.stop()
    offline = brief(registry, [url], Cache(tmp_path / "cache"))
    assert documents_of(offline) == documents_of(first)
    assert not offline.errors
    [warning] = offline.warnings
    assert warning.source == url
    assert "using the copy kept from an earlier run" in warning.message
    server.stop = lambda: None  # stopped already


def test_teaser_entries_can_be_completed_from_their_links(registry, server):
    teaser = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>
    <item><title>Ferry timetable changes for the winter</title><link>{server.url("/ferry")}</link>
    <description>The island ferry will run less often this winter. Read more...</description></item>
    </channel></rss>""".encode()
    server.routes["/teasers"] = body(teaser, "application/rss+xml")
    server.routes["/ferry"] = file("harbour-article.html", "text/html; charset=utf-8")
    plain = brief(registry, [server.url("/teasers")])
    assert documents_of(plain)[0].text.startswith("The island ferry will run less often")
    settings = {"feed": {"full_articles": True}}
    # The link leads to this machine: refused, the teaser kept, unless the reader allows it.
    guarded = brief(registry, [server.url("/teasers")], plugin_settings=settings)
    assert documents_of(guarded)[0].text.startswith("The island ferry will run less often")
    [warning] = guarded.warnings
    assert "kept the teaser; cannot fetch: 127.0.0.1 is a loopback, private or link-local address" in warning.message
    assert server.hits["/ferry"] == 0
    allowed = replace(QUICK, private=True)
    full = brief(registry, [server.url("/teasers")], options=allowed, plugin_settings=settings)
    [document] = documents_of(full)
    assert "saves about a fifth of the fuel" in document.text
    assert "Gazette home" not in document.text and "Read next" not in document.text
    assert document.link == server.url("/ferry")


# -- web pages -----------------------------------------------------------------------------------

PAGES = {
    "news-article.html": (
        [
            "began feeding electricity into the regional grid",
            "no drop in catches",
            "the tides can be forecast decades ahead",
            "a second array of turbines by 2030",
        ],
        [
            "We use cookies",
            "Accept all",
            "Politics",
            "Search Coastline Daily",
            "Related articles",
            "Offshore wind farm delayed",
            "Who pays for the maintenance",
            "Subscribe to our newsletter",
            "All rights reserved",
        ],
    ),
    "garden-blog.html": (
        [
            "connected three rainwater barrels to the shed roof",
            "storage is cheap but roofs are small",
            "mulch the beds with straw",
        ],
        [
            "This site uses cookies",
            "Seed shop",
            "Share this post",
            "Popular posts",
            "Ten squash recipes",
            "Join 4,000 gardeners",
            "Straw mulch brought slugs",
            "Leave a reply",
            "Powered by a very old laptop",
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pages_keep_their_article_and_lose_the_furniture(registry, server, name):
    wanted, unwanted = PAGES[name]
    server.routes["/story?id=7"] = file(name, "text/html; charset=utf-8")  # no suffix: the media type decides
    from_url = documents_of(brief(registry, [server.url("/story?id=7")]))
    from_file = documents_of(brief(registry, [str(WEB / name)]))
    for [document] in (from_url, from_file):
        for phrase in wanted:
            assert phrase in document.text, phrase
        for phrase in unwanted:
            assert phrase not in document.text, phrase
    assert from_file[0].author in ("Selma Arendt", "Theo Marsh")
    assert from_file[0].date.startswith("2026-")


def test_an_answer_no_loader_takes_is_reported(registry, server):
    server.routes["/logo"] = body(b"\x89PNG\r\n\x1a\n", "image/png")
    result = brief(registry, [server.url("/logo")])
    [problem] = result.errors
    assert problem.message == "no loader for this image/png answer"


def test_url_topics_are_named_by_host(registry, server):
    server.routes["/rss"] = file("harbour-news.rss", "application/rss+xml")
    result = brief(registry, [server.url("/rss")])
    assert [b.topic for b in result.briefs] == ["127.0.0.1"]


def test_a_feed_in_the_config_sources(cli, server, tmp_path: Path):
    server.routes["/rss"] = file("harbour-news.rss", "application/rss+xml")
    (tmp_path / "briefing.toml").write_text(
        f'sources = ["{server.url("/rss")}"]\nfetch_timeout = 2\nfetch_retries = 0\n', encoding="utf-8"
    )
    code, out, err = cli("brief", "--grouping", "folders", cwd=tmp_path)
    assert code == 0, err
    assert "Ferry timetable changes for the winter" in out
    assert "http://gazette.example/ferry-winter" in out


TEASER_FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>
<item><title>Ferry timetable changes for the winter</title><link>{link}</link>
<description>The island ferry will run less often this winter. Read more...</description></item>
</channel></rss>"""


def test_full_articles_use_the_runs_fetcher_and_cache(cli, server, tmp_path: Path, monkeypatch):
    """The feed loader fetches linked pages with the run's services: --no-cache writes no cache,
    and the fetch_* settings and user agent apply to those pages too."""
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(cache_dir))
    server.routes["/teasers"] = body(TEASER_FEED.format(link=server.url("/ferry")).encode(), "application/rss+xml")
    server.routes["/ferry"] = file("harbour-article.html", "text/html; charset=utf-8")
    # The server is this machine: the reader allows links to lead there.
    (tmp_path / "briefing.toml").write_text(
        "fetch_private = true\n[settings.feed]\nfull_articles = true\n", encoding="utf-8"
    )
    code, out, err = cli(
        "brief", server.url("/teasers"), "--no-cache", "--format", "json", "--ratio", "1", cwd=tmp_path
    )
    assert code == 0, err
    [document] = json.loads(out)["topics"][0]["documents"]
    assert server.hits["/ferry"] == 1 and any("saves about a fifth" in s["text"] for s in document["summary"])
    assert not cache_dir.exists()  # nothing written anywhere: neither the feed nor the linked page
    [(_, headers)] = [r for r in server.requests if r[0] == "/ferry"]
    assert headers["User-Agent"].startswith("briefing/")

    # With the cache on, the linked page is kept in the run's cache folder (cache_dir), not the default.
    (tmp_path / "briefing.toml").write_text(
        f'cache_dir = "{tmp_path / "mine"}"\nfetch_private = true\n[settings.feed]\nfull_articles = true\n',
        encoding="utf-8",
    )
    assert cli("brief", server.url("/teasers"), "--format", "json", cwd=tmp_path)[0] == 0
    assert not cache_dir.exists() and (tmp_path / "mine" / "results.sqlite").exists()
    http_keys = sqlite3.connect(tmp_path / "mine" / "results.sqlite").execute(
        "SELECT COUNT(*) FROM results WHERE key LIKE 'http:%'"
    )
    assert http_keys.fetchone()[0] == 2  # the feed and the linked page

    # fetch_max_mb applies to the linked page: too big, so the teaser is kept with a warning.
    server.routes["/ferry"] = body(b"<html><body><p>" + b"word " * 300_000 + b"</p></body></html>", "text/html")
    (tmp_path / "briefing.toml").write_text(
        "fetch_max_mb = 1\nfetch_retries = 0\nfetch_private = true\n[settings.feed]\nfull_articles = true\n",
        encoding="utf-8",
    )
    code, out, err = cli(
        "brief", server.url("/teasers"), "--no-cache", "--format", "json", "--ratio", "1", cwd=tmp_path
    )
    assert code == 0
    [document] = json.loads(out)["topics"][0]["documents"]
    assert document["summary"][0]["text"].startswith("The island ferry will run less often")
    assert "kept the teaser" in err and "fetch_max_mb" in err


def test_a_page_declared_latin1_but_sent_as_utf8_reads_right_with_a_warning(registry, server):
    page = (
        "<html><head><title>Größere Häfen</title></head><body><article>"
        "<p>Die größeren Häfen an der Küste wachsen schneller als erwartet, sagen die Behörden.</p>"
        "<p>Vor allem die Fähren über die Förde bringen mehr Fahrgäste als je zuvor.</p>"
        "</article></body></html>"
    )
    server.routes["/page"] = body(page.encode("utf-8"), "text/html; charset=ISO-8859-1")
    result = brief(registry, [server.url("/page")])
    [document] = documents_of(result)
    text = " ".join(s.text for s in document.sentences)
    assert "größeren Häfen an der Küste" in text and "Ã" not in text
    assert any("declared as iso-8859-1, but the bytes are utf-8" in w.message.lower() for w in result.warnings), (
        result.warnings
    )


def test_a_server_that_trickles_bytes_is_stopped_at_the_deadline(registry, server):
    def trickle(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        try:
            for _ in range(600):  # a byte every 50 ms: never silent for the 0.5 s read timeout
                handler.wfile.write(b" ")
                handler.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass  # the client gave up, as it should

    server.routes["/trickle"] = trickle
    server.routes["/fine"] = file("harbour-updates.atom", "application/atom+xml")
    options = FetchOptions(timeout=0.5, retries=1, backoff=0.05, deadline=1.0)
    result = brief(registry, [server.url("/trickle"), server.url("/fine")], options=options)
    [problem] = result.errors
    assert problem.source == server.url("/trickle")
    assert problem.message.startswith("cannot fetch: not done within 1 s (fetch_deadline); stopped after")
    assert "\n" not in problem.message
    assert [d.title for d in documents_of(result)] == ["Breakwater repairs reach the halfway mark"]


def test_retry_after_is_honoured(registry, server):
    seen: list[float] = []

    def busy(handler):
        seen.append(time.monotonic())
        if len(seen) == 1:
            handler.send_response(503)
            handler.send_header("Retry-After", "1")
            handler.send_header("Content-Length", "0")
            handler.end_headers()
        else:
            file("harbour-updates.atom", "application/atom+xml")(handler)

    server.routes["/busy"] = busy
    result = brief(registry, [server.url("/busy")], options=FetchOptions(timeout=2, retries=1, backoff=0.01))
    assert not result.errors and len(seen) == 2
    assert seen[1] - seen[0] >= 0.9  # the server's second, not the 0.01 s back-off


def test_fetch_deadline_in_the_config(tmp_path):
    from briefing.config import ConfigError, load_config

    (tmp_path / "briefing.toml").write_text("fetch_deadline = 5\n", encoding="utf-8")
    assert load_config(tmp_path / "briefing.toml").settings.fetch.deadline == 5.0
    (tmp_path / "briefing.toml").write_text("fetch_deadline = 0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="fetch_deadline"):
        load_config(tmp_path / "briefing.toml")


# -- subscriptions (OPML) ------------------------------------------------------------------------


def subscriptions(tmp_path: Path, *outlines: str) -> Path:
    path = tmp_path / "subscriptions.opml"
    body_ = "\n".join(outlines)
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0"><head><title>My feeds</title></head>\n'
        f"<body>{body_}</body></opml>\n",
        encoding="utf-8",
    )
    return path


def test_an_opml_file_stands_for_the_feeds_it_names(registry, server, tmp_path, cli):
    server.routes["/rss"] = file("harbour-news.rss", "application/rss+xml")
    server.routes["/atom"] = file("harbour-updates.atom", "application/atom+xml")
    (tmp_path / "local.rdf").write_bytes((WEB / "harbour-notes.rdf").read_bytes())
    path = subscriptions(
        tmp_path,
        f'<outline text="Harbour"><outline type="rss" text="News" xmlUrl="{server.url("/rss")}"/>',
        f'<outline type="rss" text="Updates" xmlUrl="{server.url("/atom")}"/></outline>',
        f'<outline type="rss" text="News again" xmlUrl="{server.url("/rss")}"/>',  # read once
        '<outline type="rss" text="Notes" xmlUrl="local.rdf"/>',  # relative to the OPML file
        f'<outline type="rss" text="Gone" xmlUrl="{server.url("/gone")}"/>',
        '<outline text="A folder with no feed"/>',
    )
    result = brief(registry, [str(path)])
    titles = {d.title for d in documents_of(result)}
    assert {"Ferry timetable changes for the winter", "Breakwater repairs reach the halfway mark"} <= titles
    assert "Lighthouse lamp replaced" in titles
    assert server.hits["/rss"] == 1
    assert [e.source for e in result.errors] == [server.url("/gone")]  # the rest go on
    code, out, err = cli("brief", str(path), "--format", "text")
    assert "Ferry timetable changes for the winter" in out and server.url("/gone") in err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<opml><body><outline xmlUrl='x'></body></opml>", "not an OPML file: line 1, column 35: mismatched tag"),
        ("<rss><channel/></rss>", "not an OPML file: its root element is <rss>, not <opml>"),
        ("<opml><body><outline text='empty'/></body></opml>", "no feeds in this OPML file"),
    ],
)
def test_a_broken_opml_file_is_a_clear_error(registry, tmp_path, text, message):
    path = tmp_path / "bad.opml"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "note.txt").write_text("The harbour opens at six every morning this week.", encoding="utf-8")
    result = brief(registry, [str(path), str(tmp_path / "note.txt")])
    assert [(e.source, e.message[: len(message)]) for e in result.errors] == [(str(path), message)]
    assert [d.title for d in documents_of(result)] == ["Note"]


def test_what_is_new_in_my_feeds_since_i_last_read_is_one_command(registry, server, tmp_path, cli):
    from briefing.read_state import ReadState

    server.routes["/rss"] = file("harbour-news.rss", "application/rss+xml")
    path = subscriptions(tmp_path, f'<outline type="rss" text="News" xmlUrl="{server.url("/rss")}"/>')
    every = {d.title: d for d in documents_of(brief(registry, [str(path)]))}
    ReadState().mark(every["Ferry timetable changes for the winter"])  # read in the reading room
    code, out, _ = cli("brief", str(path), "--unread", "--format", "json")
    titles = {d["title"] for t in json.loads(out)["topics"] for d in t["documents"]}
    assert code == 0 and "Ferry timetable changes for the winter" not in titles
    assert titles == set(every) - {"Ferry timetable changes for the winter"}


# -- what a fetch may do on the network ----------------------------------------------------------


def test_one_deadline_covers_headers_sent_slowly(registry, server):
    """A server that sends its headers a byte at a time, never silent for the read timeout:
    the deadline ends it (urllib's timeout alone waited for ever)."""

    def slow_headers(handler):
        try:
            handler.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
            for _ in range(600):
                handler.wfile.write(b"a")
                handler.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass  # the client gave up, as it should

    server.routes["/slow-headers"] = slow_headers
    options = FetchOptions(timeout=0.5, retries=0, deadline=1.0)
    started = time.monotonic()
    result = brief(registry, [server.url("/slow-headers")], options=options)
    assert time.monotonic() - started < 10
    [problem] = result.errors
    assert problem.message.startswith("cannot fetch: not done within 1 s (fetch_deadline)")


def test_redirects_go_to_http_and_https_only(registry, server):
    def away(handler):
        handler.send_response(302)
        handler.send_header("Location", "ftp://files.example.org/pub/notes.txt")
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    server.routes["/away"] = away
    [problem] = brief(registry, [server.url("/away")]).errors
    assert "a redirect to a ftp address was not followed (only http and https are)" in problem.message


def test_credentials_in_a_url_are_refused_and_never_printed(cli, server, tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    server.routes["/private"] = file("harbour-updates.atom", "application/atom+xml")
    port = server.httpd.server_address[1]
    secret = f"http://reader:hunter2@127.0.0.1:{port}/private"
    code, out, err = cli("brief", "--format", "json", secret, str(DATA / "web" / "harbour-updates.atom"))
    assert "hunter2" not in out and "hunter2" not in err and "reader:" not in out + err
    assert f"http://***@127.0.0.1:{port}/private: a user name or password in a URL is not sent" in err
    assert server.hits["/private"] == 0
    assert json.loads(out)["about"]["sources"][0] == f"http://***@127.0.0.1:{port}/private"
