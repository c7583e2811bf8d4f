"""Opens a Hasila report in headless Chromium through the DevTools protocol (over
--remote-debugging-pipe, so the standard library suffices) and checks it as a reader sees it:

  * every record of the records file has exactly one element in the rendered DOM, and each
    highlighted span's text (textContent, as the browser decoded it) equals the record's text;
  * opening report.html#<percent-encoded id> shows that record's document, marks the record as
    current, focuses it and fills the record panel;
  * the category filter "(null category)" dims exactly the figures that have a category;
  * the page asked for nothing over the network.

Then it saves screenshots of the overview and of one reviewed document.
Usage: check.py CHROMIUM REPORT.html RECORDS.jsonl SCREENSHOT_PREFIX
"""
import base64, fcntl, json, os, shutil, tempfile, subprocess, sys, time, urllib.parse

chromium, report, records_path, prefix = sys.argv[1:5]
records = [json.loads(line) for line in open(records_path, encoding="utf-8") if line.strip()]
records = [r for r in records if r.get("kind") in ("figure", "date")]
url = "file://" + os.path.abspath(report)

# Chromium reads commands from fd 3 and writes answers to fd 4, each a JSON text ended by NUL.
to_chrome_r, to_chrome_w = os.pipe()
from_chrome_r, from_chrome_w = os.pipe()
# Moved above 4 first, so that putting them at 3 and 4 never overwrites one with the other, and
# dup2 (unlike a pipe end that is already 3) clears close-on-exec.
to_chrome_r, from_chrome_w = os.dup(to_chrome_r) if to_chrome_r < 10 else to_chrome_r, os.dup(from_chrome_w) if from_chrome_w < 10 else from_chrome_w
to_chrome_r = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD_CLOEXEC, 10)
from_chrome_w = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD_CLOEXEC, 10)
def child_fds():
    os.dup2(to_chrome_r, 3)
    os.dup2(from_chrome_w, 4)
profile = tempfile.mkdtemp(prefix="hasila-chromium-")
process = subprocess.Popen(
    [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--remote-debugging-pipe",
     "--user-data-dir=" + profile, "--no-first-run", "--lang=en-US", "about:blank"],
    preexec_fn=child_fds, close_fds=False,
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(to_chrome_r)
os.close(from_chrome_w)
writer = os.fdopen(to_chrome_w, "wb", buffering=0)
reader = os.fdopen(from_chrome_r, "rb", buffering=0)
pending = b""
events = []
next_id = 0
requests = []

def receive():
    global pending
    while b"\0" not in pending:
        chunk = reader.read(65536)
        if not chunk:
            raise SystemExit("chromium closed the pipe")
        pending += chunk
    message, pending = pending.split(b"\0", 1)
    return json.loads(message)

def send(method, params=None, session=None):
    global next_id
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    writer.write(json.dumps(message).encode() + b"\0")
    while True:
        answer = receive()
        if answer.get("id") == next_id:
            if "error" in answer:
                raise SystemExit(f"{method}: {answer['error']}")
            return answer.get("result", {})
        events.append(answer)

def wait_for(event, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        for index, e in enumerate(events):
            if e.get("method") == event:
                del events[index]
                return e
        events.append(receive())
    raise SystemExit(f"timed out waiting for {event}")

def evaluate(session, expression):
    result = send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True}, session)
    if "exceptionDetails" in result:
        raise SystemExit(f"script error: {result['exceptionDetails']}")
    return result["result"].get("value")

def open_page(session, address):
    # A new fragment of the page already open would navigate within it, with no load event.
    send("Page.navigate", {"url": "about:blank"}, session)
    wait_for("Page.loadEventFired")
    events.clear()
    send("Page.navigate", {"url": address}, session)
    wait_for("Page.loadEventFired")
    time.sleep(0.3)

def screenshot(session, path):
    data = send("Page.captureScreenshot", {"format": "png"}, session)["data"]
    with open(path, "wb") as f:
        f.write(base64.b64decode(data))
    print(f"[browser] screenshot {path}")

failures = []
try:
    target = send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    send("Page.enable", session=session)
    send("Runtime.enable", session=session)
    send("Network.enable", session=session)
    send("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 1000, "deviceScaleFactor": 1, "mobile": False}, session)
    started = time.time()
    open_page(session, url)
    print(f"[browser] {report}: loaded in {time.time() - started:.2f} s")

    # 1. Every record once, each highlight's text the record's text.
    found = evaluate(session, """
        Array.from(document.querySelectorAll('[data-v][id]')).map(e => [e.id, e.tagName, e.textContent, e.classList.contains('flagged')])
    """)
    by_id = {}
    for element_id, tag, text, flagged in found:
        by_id.setdefault(element_id, []).append((tag, text, flagged))
    highlighted = flagged_count = 0
    for record in records:
        elements = by_id.get(record["id"], [])
        if len(elements) != 1:
            failures.append(f"{record['id']}: {len(elements)} elements")
            continue
        tag, text, flagged = elements[0]
        if flagged:
            flagged_count += 1
        elif tag != "MARK" or text != record["text"]:
            failures.append(f"{record['id']}: highlighted text {text!r} is not the record's {record['text']!r}")
        else:
            highlighted += 1
    if len(found) != len(records):
        failures.append(f"{len(found)} record elements in the page, {len(records)} records")
    print(f"[browser] {highlighted} highlights equal their record's text, {flagged_count} records flagged, of {len(records)}")

    # 2. Screenshot of the overview, in a window tall enough for both charts.
    send("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 2600, "deviceScaleFactor": 1, "mobile": False}, session)
    evaluate(session, "window.scrollTo(0, 0)")
    time.sleep(0.3)
    screenshot(session, prefix + "-overview.png")
    send("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 1000, "deviceScaleFactor": 1, "mobile": False}, session)

    # Responsiveness: a filter over every highlight, and a page turn, timed in the page.
    timing = evaluate(session, """(() => {
        const s = document.getElementById('hasila-category');
        let t = performance.now();
        s.value = '(null)'; s.dispatchEvent(new Event('change'));
        const filter = performance.now() - t;
        s.value = ''; s.dispatchEvent(new Event('change'));
        t = performance.now();
        const next = document.querySelector('#hasila-pager button:last-child');
        if (!next.disabled) next.click();
        document.body.getBoundingClientRect();
        const turn = performance.now() - t;
        return {filter: filter, turn: turn, marks: document.querySelectorAll('mark').length};
    })()""")
    print(f"[browser] {timing['marks']} highlights: the category filter took {timing['filter']:.0f} ms, a page turn {timing['turn']:.0f} ms")
    if timing["filter"] > 2000 or timing["turn"] > 2000:
        failures.append(f"not responsive: {timing}")

    # 3. Open at a figure by its fragment: a breakdown, so its parent link shows, in a later page if there is one.
    figures = [r for r in records if r["kind"] == "figure" and by_id.get(r["id"]) and not by_id[r["id"]][0][2]]
    # A breakdown (its panel links its total) near the top of a document past the first page, if any.
    order = {}
    for r in records:
        order.setdefault(r["doc"], len(order))
    breakdowns = [r for r in figures if r.get("parent")] or figures
    later = [r for r in breakdowns if order[r["doc"]] >= 20] or breakdowns
    chosen = min(later, key=lambda r: (r["start"], -order[r["doc"]])) if later else None
    if chosen:
        fragment = urllib.parse.quote(chosen["id"], safe="")
        open_page(session, url + "#" + fragment)
        state = evaluate(session, """(() => {
            const id = decodeURIComponent(location.hash.slice(1));
            const e = document.getElementById(id), a = e.closest('article.doc');
            const r = e.getBoundingClientRect();
            return {hidden: a.hidden, current: e.classList.contains('current'), focused: document.activeElement === e,
                    panel: document.getElementById('hasila-panel').textContent, inView: r.top >= 0 && r.bottom <= innerHeight,
                    shown: document.querySelectorAll('article.doc:not([hidden])').length};
        })()""")
        if state["hidden"] or not state["current"] or not state["focused"] or not state["inView"]:
            failures.append(f"#{fragment} did not open at its figure: {state}")
        if chosen["id"] not in state["panel"] or chosen["text"] not in state["panel"]:
            failures.append(f"the panel does not show {chosen['id']}: {state['panel'][:200]}")
        if chosen.get("parent") and chosen["parent"] not in state["panel"]:
            failures.append(f"the panel does not link the parent {chosen['parent']}")
        if state["shown"] > 20:
            failures.append(f"{state['shown']} documents shown at once; a page holds 20")
        print(f"[browser] #{fragment} opens at {chosen['id']} ({state['shown']} documents on its page)")
        screenshot(session, prefix + "-review.png")
        if chosen.get("parent"):
            # Following the parent link highlights the total.
            evaluate(session, "document.querySelector('#hasila-panel a').click()")
            time.sleep(0.3)
            current = evaluate(session, "Array.from(document.querySelectorAll('.current')).map(e => e.id)")
            if current != [chosen["parent"]]:
                failures.append(f"the parent link highlights {current}, not {chosen['parent']}")

    # The overview's links to documents open their page too.
    last_doc = evaluate(session, "(() => { const a = document.querySelectorAll('article.doc'); return a.length ? a[a.length - 1].id : null; })()")
    if last_doc:
        open_page(session, url + "#" + last_doc)
        shown = evaluate(session, f"!document.getElementById('{last_doc}').hidden")
        if not shown:
            failures.append(f"#{last_doc} does not show its document")

    # 4. The "(null category)" filter dims exactly the figures with a category.
    dimmed = evaluate(session, """(() => {
        const s = document.getElementById('hasila-category');
        s.value = '(null)'; s.dispatchEvent(new Event('change'));
        const figs = Array.from(document.querySelectorAll('mark.fig'));
        return figs.filter(m => m.classList.contains('dim') !== (m.dataset.cat !== '')).length;
    })()""")
    if dimmed:
        failures.append(f"{dimmed} figures dimmed wrongly by the null-category filter")
    # "next figure" steps through the figures the filter lets through: here, those without a category.
    visited = []
    for _ in range(3):
        evaluate(session, "document.getElementById('hasila-next-match').click()")
        time.sleep(0.2)
        visited.append(evaluate(session, "(() => { const c = document.querySelector('.text .current'); return c ? [c.id, c.dataset.cat, !c.closest('article').hidden] : null; })()"))
    expected_nulls = [r["id"] for r in records if r["kind"] == "figure" and r["category"] is None
                      and by_id.get(r["id"]) and not by_id[r["id"]][0][2]]
    if expected_nulls and [v[0] if v else None for v in visited] != (expected_nulls * 3)[:3]:
        failures.append(f"next figure visits {visited}, not {expected_nulls[:3]}")
    if any(v and (v[1] != "" or not v[2]) for v in visited):
        failures.append(f"next figure stopped at a figure with a category or on a hidden page: {visited}")

    # 5. Nothing asked of the network.
    remote = [e["params"]["request"]["url"] for e in events if e.get("method") == "Network.requestWillBeSent"
              and not e["params"]["request"]["url"].startswith(("file:", "data:", "about:"))]
    if remote:
        failures.append(f"network requests: {remote[:5]}")
finally:
    try:
        send("Browser.close")
    except BaseException:
        pass
    process.wait(timeout=30)
    shutil.rmtree(profile, ignore_errors=True)

for failure in failures[:30]:
    print("[browser] FAIL", failure)
if failures:
    sys.exit(f"[browser] {len(failures)} failures for {report}")
print(f"[browser] {report}: all checks passed")
