// bench:recs' load generator in its own process (`--driver process`, the default): autocannon sending POST
// bodies in turn, as a shop's clients would, so the API process's event loop serves requests only. The parent
// sends one job per message and gets the figures back; the process ends when the parent disconnects.
import autocannon from 'autocannon';

export interface DriveJob {
  readonly url: string;
  readonly title: string;
  readonly connections: number;
  readonly seconds: number;
  readonly headers: Record<string, string>;
  readonly bodies: readonly string[];
}

export interface Figures { rps: number; p50: number; p99: number; requests: number; errors: number; non2xx: number }

/** Drives `job` with autocannon; `beforeEach` runs before each request is sent (in this process). */
export async function drive(job: DriveJob, beforeEach?: () => void): Promise<Figures> {
  let k = 0;
  const result = await autocannon({
    url: job.url,
    title: job.title,
    connections: job.connections,
    duration: job.seconds,
    method: 'POST',
    headers: job.headers,
    requests: [{
      setupRequest: (req) => {
        beforeEach?.();
        return { ...req, body: job.bodies[k++ % job.bodies.length]! };
      },
    }],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

if (process.send !== undefined) {
  process.on('message', (job: DriveJob) => {
    drive(job).then((f) => process.send!({ ok: f }), (err: unknown) => process.send!({ error: String(err) }));
  });
  process.on('disconnect', () => process.exit(0));
}
