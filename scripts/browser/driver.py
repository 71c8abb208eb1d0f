#!/usr/bin/env python3
"""Drives a headless Chromium, already started by scripts/browser-check.sh, through the
helpdesk page over the Chrome DevTools Protocol: real form submissions (typed text, a
mouse click on the submit button, the Enter key), checks on the answer pages, full-page
screenshots, a keyboard walk, and a record of every request the page makes.

    python3 scripts/browser/driver.py --base http://127.0.0.1:18481 \
        --devtools-port 40123 --out bench-out/browser

Exit 0 when every check passed, 1 when one failed, 2 when the browser could not be driven.
Needs the `websocket-client` package (the shell script installs it when missing).
"""

import argparse
import base64
import json
import os
import sys
import time
import urllib.parse
import urllib.request

try:
    import websocket  # websocket-client
except ImportError:  # pragma: no cover - the shell script installs it first
    sys.exit("browser-check: the Python package websocket-client is missing "
             "(python3 -m pip install websocket-client)")

# What the two cases expect. The citation is the document the rules cite for Zoom, named by
# the title and issuer its `document` statement declares, never by its file name.
CITATION = "Cadre de référence de la visio-conférence (académie de Rennes)"
TIMEOUT = 20.0


class Fatal(Exception):
    """The browser could not be driven any further."""


class CDP:
    """A minimal DevTools client: commands by id, events kept in a list until consumed."""

    def __init__(self, ws_url):
        # suppress_origin: Chromium refuses DevTools websockets whose Origin it does not allow.
        self.ws = websocket.create_connection(ws_url, timeout=TIMEOUT, suppress_origin=True,
                                              enable_multithread=False)
        self.next_id = 0
        self.events = []

    def close(self):
        try:
            self.ws.close()
        except Exception:
            pass

    def _receive(self, deadline):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        self.ws.settimeout(remaining)
        try:
            return json.loads(self.ws.recv())
        except websocket.WebSocketTimeoutException:
            return None

    def send(self, method, **params):
        self.next_id += 1
        ident = self.next_id
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self._receive(deadline)
            if message is None:
                raise Fatal(f"no answer from Chromium to {method} within {TIMEOUT:.0f} s")
            if message.get("id") == ident:
                if "error" in message:
                    raise Fatal(f"{method} failed: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_event(self, method, predicate=lambda params: True, timeout=TIMEOUT):
        """The first pending or incoming event `method` whose params satisfy `predicate`;
        the events before it stay recorded (for the network log) but are marked seen."""
        deadline = time.monotonic() + timeout
        start = 0
        while True:
            for index in range(start, len(self.events)):
                event = self.events[index]
                if event["method"] == method and not event.get("_seen") and predicate(event.get("params", {})):
                    event["_seen"] = True
                    return event["params"]
            start = len(self.events)
            message = self._receive(deadline)
            if message is None:
                raise Fatal(f"{method} did not come within {timeout:.0f} s")
            if "method" in message:
                self.events.append(message)

    def mark_all_seen(self):
        for event in self.events:
            event["_seen"] = True

    def drain(self, seconds=0.3):
        """Collect the events that arrive in the next moment (late network requests)."""
        deadline = time.monotonic() + seconds
        while (message := self._receive(deadline)) is not None:
            if "method" in message:
                self.events.append(message)

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise Fatal(f"page script failed: {text}\n  in: {expression[:200]}")
        return result.get("result", {}).get("value")


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = []

    def check(self, condition, what, detail=""):
        if condition:
            self.passed += 1
            print(f"  ok    {what}")
        else:
            self.failed.append(what + (f" — {detail}" if detail else ""))
            print(f"  FAIL  {what}" + (f"\n        {detail}" if detail else ""))
        return condition


def page_target(devtools_port):
    """The websocket URL of the browser's first page."""
    deadline = time.monotonic() + TIMEOUT
    last_error = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{devtools_port}/json/list", timeout=5) as answer:
                targets = json.load(answer)
            pages = [t for t in targets if t.get("type") == "page" and t.get("webSocketDebuggerUrl")]
            if pages:
                return pages[0]["webSocketDebuggerUrl"]
        except OSError as error:
            last_error = error
        time.sleep(0.2)
    raise Fatal(f"no page target on the DevTools port {devtools_port} ({last_error})")


# MARK: Page actions

def navigate(cdp, url):
    cdp.mark_all_seen()
    result = cdp.send("Page.navigate", url=url)
    if result.get("errorText"):
        raise Fatal(f"navigating to {url}: {result['errorText']}")
    cdp.wait_event("Page.loadEventFired")


def type_into(cdp, selector, text):
    """Focus a field and type into it as a keyboard would (Input.insertText)."""
    focused = cdp.evaluate(f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
                           " if (!e) return false; e.focus(); e.value = ''; return document.activeElement === e; })()")
    if not focused:
        raise Fatal(f"cannot focus {selector}")
    cdp.send("Input.insertText", text=text)


def choose(cdp, name, value):
    """Pick an option of the select `name` (or tick the checkbox name=value)."""
    script = f"""(() => {{
      const name = {json.dumps(name)}, value = {json.dumps(value)};
      const select = document.querySelector(`select[name="${{name}}"]`);
      if (select) {{
        select.value = value;
        select.dispatchEvent(new Event('input', {{bubbles: true}}));
        select.dispatchEvent(new Event('change', {{bubbles: true}}));
        return select.value === value;
      }}
      const box = document.querySelector(`input[type=checkbox][name="${{name}}"][value="${{value}}"]`);
      if (box) {{ box.click(); return box.checked; }}
      return false;
    }})()"""
    if not cdp.evaluate(script):
        raise Fatal(f"the form has no choice {value!r} for {name}")


def click(cdp, selector):
    """A real mouse click in the middle of the element, after scrolling it into view."""
    box = cdp.evaluate(f"""(() => {{
      const e = document.querySelector({json.dumps(selector)});
      if (!e) return null;
      e.scrollIntoView({{block: 'center'}});
      const r = e.getBoundingClientRect();
      return {{x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height}};
    }})()""")
    if not box or box["w"] == 0 or box["h"] == 0:
        raise Fatal(f"{selector} is missing or not visible")
    hit = cdp.evaluate(f"document.elementFromPoint({box['x']}, {box['y']})?.closest({json.dumps(selector)}) !== null")
    if not hit:
        raise Fatal(f"something covers {selector}: a click would not reach it")
    for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
        extra = {"button": "left", "clickCount": 1} if kind != "mouseMoved" else {}
        cdp.send("Input.dispatchMouseEvent", type=kind, x=box["x"], y=box["y"], **extra)


def press(cdp, key):
    """A key press through the browser's input pipeline (Tab, Enter)."""
    codes = {"Tab": (9, None), "Enter": (13, "\r")}
    code, text = codes[key]
    down = {"type": "rawKeyDown" if text is None else "keyDown", "key": key, "code": key,
            "windowsVirtualKeyCode": code, "nativeVirtualKeyCode": code}
    if text is not None:
        down["text"] = text
        down["unmodifiedText"] = text
    cdp.send("Input.dispatchKeyEvent", **down)
    cdp.send("Input.dispatchKeyEvent", type="keyUp", key=key, code=key,
             windowsVirtualKeyCode=code, nativeVirtualKeyCode=code)


def active_element(cdp):
    return cdp.evaluate("""(() => { const e = document.activeElement;
      if (!e || e === document.body) return null;
      return {tag: e.tagName.toLowerCase(), id: e.id, name: e.getAttribute('name'), type: e.getAttribute('type'),
              cls: e.className || '',
              text: (e.innerText || '').trim().slice(0, 40),
              outline: getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth}; })()""")


def describe(element):
    if element is None:
        return "(body)"
    name = f"#{element['id']}" if element["id"] else (f"[name={element['name']}]" if element["name"] else "")
    text = f" “{element['text']}”" if element["text"] and element["tag"] not in ("select", "textarea") else ""
    return f"{element['tag']}{name}{text}"


def wait_for_submission(cdp, base):
    """The POST the form sent, and the page it led to, once loaded."""
    post = cdp.wait_event("Network.requestWillBeSent",
                          lambda p: p.get("type") == "Document" and p["request"]["method"] == "POST")
    cdp.wait_event("Page.loadEventFired")
    response = cdp.wait_event("Network.responseReceived", lambda p: p.get("requestId") == post["requestId"])
    return post, response


def screenshot(cdp, path):
    """A PNG of the whole page, not just the window."""
    metrics = cdp.send("Page.getLayoutMetrics")
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    shot = cdp.send("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                    clip={"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1})
    with open(path, "wb") as out:
        out.write(base64.b64decode(shot["data"]))
    return int(size["width"]), int(size["height"])


# MARK: Checks shared by every page

PAGE_FACTS = """(() => {
  const origin = location.origin;
  const outside = [];
  const links = [];
  for (const e of document.querySelectorAll('[src],[href],[action],[srcset],[poster],[data]')) {
    for (const attr of ['src', 'href', 'action', 'srcset', 'poster', 'data']) {
      const raw = e.getAttribute(attr);
      if (raw === null) continue;
      let url;
      try { url = new URL(raw.split(/\\s+/)[0], location.href); } catch (_) { outside.push(raw); continue; }
      if (url.origin === origin) continue;
      // A link the reader may follow (the helpdesk's address) loads nothing into the page.
      if (e.tagName === 'A' && attr === 'href' && (url.protocol === 'https:' || url.protocol === 'http:')) {
        links.push(raw);
      } else {
        outside.push(`<${e.tagName.toLowerCase()} ${attr}="${raw}">`);
      }
    }
  }
  for (const s of document.querySelectorAll('style')) {
    for (const m of s.textContent.matchAll(/url\\(([^)]*)\\)|@import/g)) outside.push('style: ' + m[0]);
  }
  const fields = [...document.querySelectorAll('input:not([type=hidden]),select,textarea')];
  const unlabelled = fields.filter(f => !(f.labels && f.labels.length) && !f.getAttribute('aria-labelledby')
                                       && !f.getAttribute('aria-label')).map(f => f.id || f.name);
  const inlineHandlers = [...document.querySelectorAll('*')].filter(e =>
      [...e.attributes].some(a => a.name.startsWith('on'))).map(e => e.tagName.toLowerCase());
  const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
  return {
    scripts: document.querySelectorAll('script').length,
    inlineHandlers,
    javascriptUrls: [...document.querySelectorAll('[href^="javascript:" i],[src^="javascript:" i]')].length,
    outside,
    links,
    lang: document.documentElement.lang,
    title: document.title,
    unlabelled,
    duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i),
    h1: document.querySelectorAll('h1').length,
    horizontalOverflow: document.documentElement.scrollWidth > document.documentElement.clientWidth,
  };
})()"""


def check_page(checks, cdp, lang):
    facts = cdp.evaluate(PAGE_FACTS)
    checks.check(facts["scripts"] == 0, "no <script> element", f"{facts['scripts']} found")
    checks.check(not facts["inlineHandlers"] and facts["javascriptUrls"] == 0,
                 "no inline event handler or javascript: URL", f"{facts['inlineHandlers']}")
    checks.check(not facts["outside"], "every resource and form action points to this server (links aside)", "; ".join(facts["outside"]))
    checks.check(facts["lang"] == lang, f'<html lang="{lang}">', f"lang is {facts['lang']!r}")
    checks.check(not facts["unlabelled"], "every visible field has a label", f"unlabelled: {facts['unlabelled']}")
    checks.check(not facts["duplicateIds"], "no duplicate id", f"{facts['duplicateIds']}")
    checks.check(facts["h1"] == 1, "one <h1>", f"{facts['h1']} found")
    checks.check(not facts["horizontalOverflow"], "no horizontal scrolling at this width")
    return facts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the server, e.g. http://127.0.0.1:18481")
    parser.add_argument("--devtools-port", required=True, type=int)
    parser.add_argument("--out", required=True, help="where the screenshots go")
    args = parser.parse_args()
    base = args.base.rstrip("/")
    server = urllib.parse.urlsplit(base)
    os.makedirs(args.out, exist_ok=True)

    checks = Checks()
    cdp = CDP(page_target(args.devtools_port))
    try:
        for domain in ("Page", "Runtime", "Network", "Log"):
            cdp.send(f"{domain}.enable")
        cdp.send("Network.setCacheDisabled", cacheDisabled=True)
        cdp.send("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)

        # Case 1: French, Zoom installed on an administrative computer, submitted by a mouse click.
        print(f"case 1 — French form at {base}/ : Zoom, install, administrative, click on the button")
        navigate(cdp, base + "/")
        checks.check(cdp.evaluate("document.documentElement.lang") == "fr", "GET / answers in French")
        check_page(checks, cdp, "fr")
        checks.check(cdp.evaluate("document.querySelectorAll('#tools option').length") > 0,
                     "the tool field offers a datalist of tools")
        screenshot(cdp, os.path.join(args.out, "helpdesk-form-fr.png"))
        type_into(cdp, "#tool", "Zoom")
        choose(cdp, "use.mode", "install")
        choose(cdp, "use.computer", "administrative")
        cdp.mark_all_seen()
        click(cdp, "form button[type=submit]")
        post, response = wait_for_submission(cdp, base)
        headers = {k.lower(): v for k, v in post["request"].get("headers", {}).items()}
        body = post["request"].get("postData", "")
        if not body and post["request"].get("hasPostData"):
            body = cdp.send("Network.getRequestPostData", requestId=post["requestId"]).get("postData", "")
        sent = urllib.parse.parse_qs(body)
        checks.check(headers.get("content-type", "").startswith("application/x-www-form-urlencoded"),
                     "the browser POSTed the form as application/x-www-form-urlencoded", headers.get("content-type"))
        checks.check(sent.get("tool") == ["Zoom"] and sent.get("use.mode") == ["install"]
                     and sent.get("use.computer") == ["administrative"],
                     "the POST carried tool=Zoom, use.mode=install, use.computer=administrative", body)
        status = response["response"]["status"]
        checks.check(status == 200, "the answer is HTTP 200", f"HTTP {status}")
        csp = {k.lower(): v for k, v in response["response"].get("headers", {}).items()}.get("content-security-policy", "")
        checks.check("default-src 'none'" in csp, "the answer carries a Content-Security-Policy default-src 'none'", csp)
        result = cdp.evaluate(r"""(() => {
          const v = document.querySelector('#resultat p.verdict[role=status]');
          const t = document.querySelector('textarea#reponse');
          return {url: location.href, verdict: v ? v.querySelector('strong')?.textContent : null,
                  verdictClass: v ? v.className : null, verdictText: v ? v.textContent : null,
                  citations: [...document.querySelectorAll('#resultat .citations li')].map(li => li.textContent),
                  reply: t ? t.value : null, toolKept: document.querySelector('#tool')?.value,
                  title: document.title};
        })()""")
        checks.check(result["url"].endswith("/#resultat"), "the answer page is /#resultat", result["url"])
        checks.check(result["verdict"] == "REFUSÉ" and "verdict-denied" in (result["verdictClass"] or ""),
                     "verdict REFUSÉ (p.verdict.verdict-denied)", f"{result['verdict']!r} / {result['verdictClass']!r}")
        checks.check("— Zoom ·" in (result["verdictText"] or ""), "the verdict names Zoom", result["verdictText"])
        checks.check(any(CITATION in c for c in result["citations"]) and not any(".txt" in c for c in result["citations"]),
                     f"a reason cites {CITATION}, by title, not by file name",
                     f"citations: {result['citations'][:3]}")
        reply = (result["reply"] or "").replace("\u00a0", " ").replace("\u202f", " ")
        checks.check(reply.lstrip().startswith("Objet :"), "the reply textarea starts with “Objet :”",
                     repr(reply[:60]) if result["reply"] is not None else "no textarea#reponse")
        checks.check(result["toolKept"] == "Zoom", "the form keeps the tool typed", repr(result["toolKept"]))
        checks.check(result["title"].startswith("REFUSÉ"), "the window title starts with the verdict", result["title"])
        check_page(checks, cdp, "fr")
        width, height = screenshot(cdp, os.path.join(args.out, "helpdesk-fr-zoom-refuse.png"))
        print(f"  saved {os.path.join(args.out, 'helpdesk-fr-zoom-refuse.png')} ({width}×{height})")

        # Case 2: English, an unlisted tool, with the keyboard only: Tab to the field, type,
        # Tab to the button (counting the stops), Enter.
        print(f"case 2 — English form at {base}/?lang=en : “Jitsi perso”, keyboard only (Tab, type, Tab…, Enter)")
        navigate(cdp, base + "/?lang=en")
        check_page(checks, cdp, "en")
        stops = []
        for _ in range(80):
            press(cdp, "Tab")
            element = active_element(cdp)
            stops.append(element)
            if element and element["id"] == "tool":
                break
        first = stops[0] if stops else None
        checks.check(first is not None and first["tag"] == "a" and "skip" in first["cls"],
                     "the first Tab stop is the skip link", describe(first))
        checks.check(stops and stops[-1] and stops[-1]["id"] == "tool",
                     f"the tool field is reached with Tab ({len(stops)} stops)", " → ".join(map(describe, stops[:10])))
        cdp.send("Input.insertText", text="Jitsi perso")
        to_button = []
        for _ in range(80):
            press(cdp, "Tab")
            element = active_element(cdp)
            to_button.append(element)
            if element and element["tag"] == "button":
                break
        button = to_button[-1] if to_button else None
        reached = button is not None and button["tag"] == "button" and button["type"] == "submit"
        checks.check(reached, f"the submit button is reached with Tab ({len(to_button)} stops from the tool field)",
                     " → ".join(map(describe, to_button[-10:])))
        if reached:
            checks.check(button["outline"].split()[0] not in ("none", "") and not button["outline"].endswith(" 0px"),
                         "the focused button shows a focus outline", button["outline"])
        order = [describe(e) for e in stops + to_button]
        order = [d for i, d in enumerate(order) if i == 0 or d != order[i - 1]]  # a date field has 3–4 stops
        print("        Tab order: " + " → ".join(order))
        screenshot(cdp, os.path.join(args.out, "helpdesk-form-en-focus.png"))
        if not reached:
            raise Fatal("cannot submit with the keyboard: the button was never focused")
        cdp.mark_all_seen()
        press(cdp, "Enter")
        post, response = wait_for_submission(cdp, base)
        body = post["request"].get("postData", "")
        if not body and post["request"].get("hasPostData"):
            body = cdp.send("Network.getRequestPostData", requestId=post["requestId"]).get("postData", "")
        sent = urllib.parse.parse_qs(body)
        checks.check(sent.get("tool") == ["Jitsi perso"] and sent.get("lang") == ["en"],
                     "Enter on the button POSTed tool=Jitsi perso, lang=en", body)
        checks.check(response["response"]["status"] == 200, "the answer is HTTP 200",
                     f"HTTP {response['response']['status']}")
        result = cdp.evaluate(r"""(() => {
          const v = document.querySelector('#resultat p.verdict[role=status]');
          const t = document.querySelector('textarea#reponse');
          return {verdict: v ? v.querySelector('strong')?.textContent : null, verdictClass: v ? v.className : null,
                  verdictText: v ? v.textContent : null, reply: t ? t.value : null};
        })()""")
        checks.check(result["verdict"] == "REVIEW" and "verdict-review" in (result["verdictClass"] or ""),
                     "verdict REVIEW (p.verdict.verdict-review)", f"{result['verdict']!r} / {result['verdictClass']!r}")
        checks.check("Jitsi perso" in (result["verdictText"] or ""), "the verdict names the tool asked about",
                     result["verdictText"])
        checks.check(bool((result["reply"] or "").strip()), "a reply letter is in textarea#reponse")
        check_page(checks, cdp, "en")
        width, height = screenshot(cdp, os.path.join(args.out, "helpdesk-en-jitsi-review.png"))
        print(f"  saved {os.path.join(args.out, 'helpdesk-en-jitsi-review.png')} ({width}×{height})")

        # Every request the pages made, seen by the Network domain.
        cdp.drain()
        print("network — every request the browser made for the pages")
        requests = [e["params"] for e in cdp.events if e["method"] == "Network.requestWillBeSent"]
        foreign = []
        for request in requests:
            url = urllib.parse.urlsplit(request["request"]["url"])
            if url.scheme in ("data", "about"):
                continue
            if (url.scheme, url.hostname, url.port) != (server.scheme, server.hostname, server.port):
                foreign.append(request["request"]["url"])
        def shown(url):
            parts = urllib.parse.urlsplit(url)
            if parts.scheme in ("data", "about"):
                return f"{parts.scheme}:{parts.path.split(',')[0].split(';')[0]}…"
            return parts.path + (f"?{parts.query}" if parts.query else "")
        kinds = sorted({f"{r['request']['method']} {shown(r['request']['url'])} ({r.get('type')})" for r in requests})
        print("        " + "; ".join(kinds))
        checks.check(requests and not foreign, f"all {len(requests)} requests went to {server.netloc} only",
                     "elsewhere: " + ", ".join(foreign) if foreign else "no request recorded")
        violations = [e["params"]["entry"]["text"] for e in cdp.events if e["method"] == "Log.entryAdded"
                      and "Content Security Policy" in e["params"]["entry"].get("text", "")]
        checks.check(not violations, "no Content-Security-Policy violation reported by the browser",
                     "; ".join(violations))
        for entry in (e["params"]["entry"] for e in cdp.events if e["method"] == "Log.entryAdded"):
            if entry not in violations and entry.get("level") in ("error", "warning"):
                print(f"        (browser log, {entry['level']}: {entry.get('text', '')[:160]})")
    finally:
        cdp.close()

    print(f"{checks.passed} checks passed, {len(checks.failed)} failed")
    if checks.failed:
        for failure in checks.failed:
            print(f"FAIL: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Fatal as error:
        print(f"browser-check: {error}", file=sys.stderr)
        sys.exit(2)
