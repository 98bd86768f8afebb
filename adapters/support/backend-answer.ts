/** One HTTP answer whose body was read; `json` is `undefined` when the body is not JSON. */
export interface BackendAnswer {
  readonly status: number;
  readonly url: string;
  readonly text: string;
  readonly json: unknown;
}
