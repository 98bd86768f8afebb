"""payments: charges cards for the shop. A Python service with the official OpenTelemetry SDK.

    POST /charge   {"amount": 40, "currency": "USD"} -> 200 {"chargeId"} | 402 declined (amount > 10000)
    GET  /health

Server spans are made by hand: the W3C trace context is extracted from the request headers,
so the spans join the caller's trace. Spans are exported as OTLP/protobuf to
OTEL_EXPORTER_OTLP_ENDPOINT; service.name comes from OTEL_SERVICE_NAME.
"""

import json
import os
import signal
import sys
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from opentelemetry import propagate, trace
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor
from opentelemetry.trace import SpanKind, Status, StatusCode

DECLINE_ABOVE = 10000


def _setup_tracing() -> TracerProvider:
    # Resource.create() reads OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES.
    provider = TracerProvider(resource=Resource.create())
    exporter = OTLPSpanExporter()  # OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces, protobuf
    if os.environ.get("SHOP_SPAN_PROCESSOR") == "batch":
        processor = BatchSpanProcessor(exporter)  # honours OTEL_BSP_SCHEDULE_DELAY
    else:
        processor = SimpleSpanProcessor(exporter)  # exports each span as it ends
    provider.add_span_processor(processor)
    trace.set_tracer_provider(provider)
    return provider


provider = _setup_tracing()
tracer = trace.get_tracer("payments")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 - keep the service log readable
        sys.stdout.write("[payments] %s\n" % (format % args))
        sys.stdout.flush()

    def do_GET(self):
        if self.path == "/health":
            return self._send(200, {"ok": True, "service": "payments"})
        self._send(404, {"error": "not_found"})

    def do_POST(self):
        if self.path != "/charge":
            return self._send(404, {"error": "not_found"})
        parent = propagate.extract(self.headers)
        with tracer.start_as_current_span(
            "POST /charge",
            context=parent,
            kind=SpanKind.SERVER,
            attributes={
                "http.request.method": "POST",
                "http.route": "/charge",
                "url.path": self.path,
                "url.scheme": "http",
                "server.address": "127.0.0.1",
                "server.port": self.server.server_address[1],
            },
        ) as server_span:
            status, body = self._charge(self._read_json())
            server_span.set_attribute("http.response.status_code", status)
            if status >= 500:
                server_span.set_status(Status(StatusCode.ERROR))
        self._send(status, body)

    def _charge(self, body):
        amount = body.get("amount") if isinstance(body, dict) else None
        currency = body.get("currency", "USD") if isinstance(body, dict) else "USD"
        if not isinstance(amount, (int, float)) or isinstance(amount, bool) or amount <= 0:
            return 400, {"error": "bad_request", "expected": "{ amount: positive number }"}
        with tracer.start_as_current_span(
            "charge", attributes={"payment.amount": amount, "payment.currency": currency}
        ) as span:
            if amount > DECLINE_ABOVE:
                span.set_status(Status(StatusCode.ERROR, "card declined: amount over limit"))
                return 402, {"error": "declined"}
            charge_id = "ch_" + uuid.uuid4().hex[:8]
            span.set_attribute("payment.charge_id", charge_id)
            return 200, {"chargeId": charge_id}

    def _read_json(self):
        length = int(self.headers.get("content-length") or 0)
        if length == 0:
            return None
        try:
            return json.loads(self.rfile.read(length))
        except ValueError:
            return None

    def _send(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def _stop(*_):
    provider.shutdown()  # flushes spans still waiting in the processor
    os._exit(0)


def _exit_with_parent():
    # The test runner holds our stdin open; when it goes away (even by SIGKILL) we leave too.
    sys.stdin.read()
    _stop()


def main():
    port = int(os.environ.get("PORT", "0"))
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    if os.environ.get("SHOP_EXIT_WITH_PARENT") == "1":
        threading.Thread(target=_exit_with_parent, daemon=True).start()
    print("[payments] listening on http://127.0.0.1:%d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
