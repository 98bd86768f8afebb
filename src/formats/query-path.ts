/** Path prefix of the receiver's query API, on its OTLP/HTTP port. */
export const QUERY_PATH = '/traceproof/v1';
