/** A person's browser, reduced to what the API needs: the session cookie and the CSRF token. */
export class ApiClient {
  private cookie: string | null = null;
  private csrf: string | null = null;
  private bearer: string | null = null;

  constructor(readonly baseUrl: string) {}

  static withToken(baseUrl: string, token: string): ApiClient {
    const client = new ApiClient(baseUrl);
    client.bearer = token;
    return client;
  }

  async login(email: string, password: string): Promise<Response> {
    const response = await fetch(`${this.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (response.ok) {
      const setCookie = response.headers.get('set-cookie') ?? '';
      this.cookie = setCookie.split(';')[0] ?? null;
      this.csrf = ((await response.clone().json()) as { csrfToken: string }).csrfToken;
    }
    return response;
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const all: Record<string, string> = { ...headers };
    if (this.cookie) all.cookie = this.cookie;
    if (this.csrf && method !== 'GET') all['x-csrf-token'] = this.csrf;
    if (this.bearer) all.authorization = `Bearer ${this.bearer}`;
    let payload: string | Buffer | undefined;
    if (typeof body === 'string' || Buffer.isBuffer(body)) payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      all['content-type'] = 'application/json';
    }
    return fetch(`${this.baseUrl}${path}`, { method, headers: all, body: payload });
  }

  /** The JSON body, failing the test with the server's message when the status is not the one expected. */
  async json<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    expected = method === 'POST' ? 201 : 200,
  ): Promise<T> {
    const response = await this.request(method, path, body);
    const text = await response.text();
    if (response.status !== expected)
      throw new Error(`${method} ${path}: expected ${expected}, got ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  get(path: string) {
    return this.json('GET', path);
  }
}
