/**
 * Failure messages over the {@link shop} and {@link declined} traces, colours stripped, pinned
 * whole: a message is a tested output. Vitest and Jest print the same text for string selectors
 * (object selectors are printed by each runner's own `printExpected`).
 */

/** The trace part of a message over `shop`, without highlights. */
const shopTree = (mark: (name: string) => '› ' | '  ' = () => '  '): string =>
  `Trace 0af7651916cd43dd8448eb211c80319c · 6 spans · snapshot
${mark('POST /orders')}gateway  POST /orders  (40ms server, at +0µs)
${mark('reserve')}├─ inventory  reserve  (12ms, at +1ms)
${mark('charge')}├─ payments  charge  (20ms, at +14ms)
${mark('authorize')}│  └─ bank  authorize  (10ms client, at +15ms)
${mark('INSERT orders')}├─ orders  INSERT orders  (2ms, at +35ms)
${mark('INSERT orders')}└─ orders  INSERT orders  (2ms, at +37ms)`;

const highlighting =
  (...names: string[]) =>
  (name: string): '› ' | '  ' =>
    names.includes(name) ? '› ' : '  ';

/** `expect(shop).toHaveSpanCount(3)` */
export const spanCountMessage = `expect(trace).toHaveSpanCount(count)

Expected: 3 spans
Received: 6 spans

${shopTree()}`;

/** `expect(declined).not.toHaveErrors()` */
export const notErrorsMessage = `expect(trace).not.toHaveErrors()

Expected: no span with error status
Received: 2 spans with error status
  payments  charge  CardDeclinedError: card declined
  bank  authorize: do not honor

Trace 0af7651916cd43dd8448eb211c80319c · 6 spans · snapshot
  gateway  POST /orders  (40ms server, at +0µs)
  ├─ inventory  reserve  (12ms, at +1ms)
› ├─ payments  charge  (20ms, at +14ms)  ✗ error
› │  └─ bank  authorize  (10ms client, at +15ms)  ✗ error: do not honor
  ├─ orders  INSERT orders  (2ms, at +35ms)
  └─ orders  INSERT orders  (2ms, at +37ms)`;

/** `expect(shop).toHaveErrors('span[service.name="payment"]')`: a typo in the selector. */
export const errorsUnmatchedSelectorMessage = `expect(trace).toHaveErrors(selector)

Expected: a span with error status among spans matching span[service.name="payment"]
Received: 0 spans with error status (no span matches the selector)

Closest spans:
  gateway  POST /orders
      service.name: expected = "payment", got "gateway"
  inventory  reserve
      service.name: expected = "payment", got "inventory"
  payments  charge
      service.name: expected = "payment", got "payments"

${shopTree()}`;

/** `expect(shop).toHaveChildSpan('span[name="reserve"]', 'span[name="authorize"]')` */
export const childSpanMessage = `expect(trace).toHaveChildSpan(parent, child)

Expected: a span matching span[name="authorize"]
          as a direct child of a span matching span[name="reserve"]
Received: 1 parent candidate(s), 1 child candidate(s), 0 matching pair(s)
Child candidates and their actual parents:
  bank  authorize  ← parent: payments  charge

${shopTree(highlighting('reserve', 'authorize'))}`;

/** `expect(shop).toHaveSpanBefore('span[name="charge"]', 'span[name="reserve"]')` */
export const spanBeforeMessage = `expect(trace).toHaveSpanBefore(first, second)

Expected: spans matching span[name="charge"]
          to end before spans matching span[name="reserve"] start
Received: the first ended 33ms after the second started

${shopTree(highlighting('reserve', 'charge'))}`;

/** `expect(shop).toMatchTraceShape(…)` with the bank's span and one insert left out. */
export const traceShapeMessage = `expect(trace).toMatchTraceShape(shape)

Expected shape:
gateway POST /orders
  payments charge
  inventory reserve
  orders INSERT orders
Received shape:
gateway POST /orders
  inventory reserve
  payments charge
    bank authorize
  orders INSERT orders
  orders INSERT orders

${shopTree()}`;

/** `expect(shop).toHaveSpan('span[service.name="payments" name="refund"]')` */
export const spanMessage = `expect(trace).toHaveSpan(selector)

Expected: at least 1 span matching span[service.name="payments" name="refund"]
Received: 0 matching spans

Closest spans:
  payments  charge
      name: expected = "refund", got "charge"
  gateway  POST /orders
      service.name: expected = "payments", got "gateway"
      name: expected = "refund", got "POST /orders"
  inventory  reserve
      service.name: expected = "payments", got "inventory"
      name: expected = "refund", got "reserve"

${shopTree()}`;

/** The shape given to {@link traceShapeMessage}. */
export const incompleteShape = `
  gateway POST /orders
    payments charge
    inventory reserve
    orders INSERT orders
`;
