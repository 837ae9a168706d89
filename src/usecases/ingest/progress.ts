import cliProgress from 'cli-progress';

/**
 * A progress reporter for long loads: a bar with rate and ETA on a terminal, one line every few seconds
 * otherwise (CI logs, pipes). Returns the callback ingestSource expects and a `stop`.
 */
export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr, unit = 'rows') {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} |{bar}| {percentage}% {value}/{total} ${unit} | {rate} ${unit}/s | ETA {eta_formatted}`,
        stream,
        etaBuffer: 50,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    const t0 = Date.now();
    return {
      update(rows: number, total: number | undefined) {
        const rate = Math.round(rows / Math.max((Date.now() - t0) / 1000, 1e-3));
        if (!started) {
          bar.start(total ?? rows, rows, { rate });
          started = true;
        }
        if (total === undefined || rows > total) bar.setTotal(rows);
        bar.update(rows, { rate });
      },
      stop: () => started && bar.stop(),
    };
  }
  let last = 0;
  const t0 = Date.now();
  return {
    update(rows: number, total: number | undefined) {
      const now = Date.now();
      if (now - last < 5000) return;
      last = now;
      const secs = (now - t0) / 1000;
      const rate = rows / Math.max(secs, 1e-3);
      const eta = total !== undefined && total > rows ? ` ETA ${Math.round((total - rows) / rate)} s` : '';
      stream.write(`${label}: ${rows}${total !== undefined ? `/${total}` : ''} ${unit}, ${Math.round(rate)} ${unit}/s${eta}\n`);
    },
    stop: () => undefined,
  };
}
