"""What the benchmark scripts share: one HTTP call to the API (JSON or a raw body) and a percentile. Standard library only."""
import json, urllib.error, urllib.request

def request(base, method, path, body=None, token=None, content_type="application/json", timeout=900):
    """Answers (status, parsed JSON body or None, Location header); HTTP errors are answers, not exceptions."""
    data = body if isinstance(body, bytes) else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(base + path, data=data, method=method)
    if data is not None: req.add_header("Content-Type", content_type)
    if token: req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null"), response.headers.get("Location")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null"), None

def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]
