// worker: GET /work answers at once and keeps working in the background, inside the request's
// trace: a "background job" span whose first "step" ends (and is exported) right away, while the
// job itself ends LATE_MS (default 6000) later. Spans leave through a SimpleSpanProcessor, each
// the moment it ends, so the job's span arrives ~6 s after the request.
import { trace } from '@opentelemetry/api';
import { serve } from '../../shop/services/lib/serve.mjs';

const tracer = trace.getTracer('worker');
const lateMs = Number(process.env.LATE_MS ?? 6000);

serve('worker', [
  [
    'GET',
    '/work',
    async () => {
      tracer.startActiveSpan('background job', (job) => {
        tracer.startActiveSpan('step', (step) => step.end());
        setTimeout(() => job.end(), lateMs);
      });
      return { status: 202, json: { accepted: true } };
    },
  ],
]);
