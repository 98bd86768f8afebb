import { buildTrace } from '../helpers/build-trace';

/** The e-commerce trace of Tracetest's selector documentation, one span name per id. */
export const shopTrace = buildTrace(`
cart-api 1 close order {"http.method": "POST"}
  product-api 2 is product available {"http.method": "GET"}
    product-api 3 get product information {"db.system": "postgresql", "db.statement": "SELECT * FROM products"}
    auth-api 4 get user can access {"http.method": "GET"}
      auth-api 5 get user auth information {"db.system": "postgresql", "db.statement": "SELECT * FROM users"}
  cart-api 6 purchase products {"http.method": "POST"}
    auth-api 7 get user can access {"http.method": "GET"}
      auth-api 8 get user auth information {"db.system": "postgresql", "db.statement": "SELECT * FROM users"}
    notification-api 9 notify user {"http.method": "POST"}
      notification-api 10 send message to kafka {"messaging.system": "kafka"}
        external-service 11 send message to users {"messaging.system": "kafka"}
`);

/** The leading number of each span's name: its id in the documentation's diagrams. */
export function ids(spans: readonly { name: string }[]): number[] {
  return spans.map((span) => Number(span.name.split(' ')[0]));
}
