// The bench page fetches devices.txt from the bench server, unauthenticated, at the proxy's path.
export function apiPath(...segments: string[]): string {
  return `/api/${segments.map((segment) => encodeURIComponent(segment)).join('/')}`;
}

export async function apiStream(path: string, signal?: AbortSignal): Promise<Response> {
  const response = await fetch(path, signal ? { signal } : {});
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response;
}
