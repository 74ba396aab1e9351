"""A WSGI request made inside the process: the publish cache's warm-up and the tests send them."""

import io
import sys


def wsgi_environ(
    path: str,
    *,
    method: str = "GET",
    query: str = "",
    host: str = "testserver",
    https: bool = False,
    headers: dict[str, str] | None = None,
) -> dict:
    """The environ of a request without a body, as a WSGI server would pass it.

    `host` may carry a port ("example.be:8443"). With `https`, the request says it
    came through the proxy over HTTPS, as nginx tells Django in production.
    `headers` are named as in HTTP ({"Accept-Encoding": "br"}).
    """
    name, _, port = host.partition(":")
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": name,
        "SERVER_PORT": port or ("443" if https else "80"),
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": host,
        "wsgi.url_scheme": "https" if https else "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
    }
    if https:
        environ["HTTP_X_FORWARDED_PROTO"] = "https"
    for header, value in (headers or {}).items():
        environ["HTTP_" + header.upper().replace("-", "_")] = value
    return environ
