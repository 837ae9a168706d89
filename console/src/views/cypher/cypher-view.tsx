import { useState } from 'preact/hooks';
import { gql } from '../../api/client.ts';
import { asApiError, useGql } from '../../api/use-gql.ts';
import { Network } from '../../graph/network.tsx';
import { cellText, resultElements } from '../../lib/result-graph.ts';
import { Await, Card, ErrorNote } from '../parts.tsx';

const FILES = '{ cypherFiles { name kind description text params { name literal } } }';
const RUN = `query Run($file: String, $query: String, $params: [CypherParamInput!], $maxRows: Int) {
  runCypher(file: $file, query: $query, params: $params, maxRows: $maxRows) { columns rows truncated maxRows elapsedMs } }`;

interface CypherFile { name: string; kind: string; description: string; text: string; params: { name: string; literal: string }[] }
interface Result { columns: string[]; rows: unknown[][]; truncated: boolean; maxRows: number; elapsedMs: number }

const AD_HOC = '';

/** Runs a file of the cypher/ library (its `:param` lines as a form) or an ad-hoc read-only query. */
export function CypherView() {
  const files = useGql<{ cypherFiles: CypherFile[] }>(FILES, {}, 'files');
  return (
    <section>
      <h1>Cypher</h1>
      <p class="muted">Read-only: the API plans each statement first and refuses writes, schema changes, LOAD CSV and procedures outside db.*;
        it runs in a read transaction with a 10 s timeout and returns at most the row cap.</p>
      <Await loaded={files}>{({ cypherFiles }) => <Runner files={cypherFiles.filter((f) => f.kind === 'read')} />}</Await>
    </section>
  );
}

function Runner({ files }: { files: readonly CypherFile[] }) {
  const [fileName, setFileName] = useState(files[0]?.name ?? AD_HOC);
  const [literals, setLiterals] = useState<Record<string, string>>({});
  const [query, setQuery] = useState('MATCH (u:User)-[f:FRIEND]-(v:User) RETURN u, f, v LIMIT 25');
  const [maxRows, setMaxRows] = useState(200);
  const [outcome, setOutcome] = useState<{ result?: Result; error?: { code: string; message: string } } | null>(null);
  const [busy, setBusy] = useState(false);
  const file = files.find((f) => f.name === fileName);
  const groups = [...new Set(files.map((f) => f.name.split('/')[0] ?? ''))];
  const choose = (name: string) => {
    setFileName(name);
    setLiterals({});
    setOutcome(null);
  };
  const run = () => {
    setBusy(true);
    const vars = file === undefined
      ? { query, maxRows }
      : { file: file.name, maxRows, params: file.params.map((p) => ({ name: p.name, literal: literals[p.name] ?? p.literal })) };
    gql<{ runCypher: Result }>(RUN, vars)
      .then((d) => setOutcome({ result: d.runCypher }))
      .catch((err: unknown) => setOutcome({ error: asApiError(err) }))
      .finally(() => setBusy(false));
  };
  return (
    <div class="grid">
      <Card title="Statement" wide>
        <form onSubmit={(e) => { e.preventDefault(); run(); }} aria-label="Cypher statement">
          <label for="cy-file">File of the cypher/ library</label>
          <select id="cy-file" value={fileName} onChange={(e) => choose(e.currentTarget.value)}>
            <option value={AD_HOC}>Ad-hoc query…</option>
            {groups.map((g) => (
              <optgroup key={g} label={g}>{files.filter((f) => f.name.startsWith(`${g}/`)).map((f) => <option key={f.name} value={f.name}>{f.name}</option>)}</optgroup>
            ))}
          </select>
          {file === undefined ? (
            <>
              <label for="cy-query">Query</label>
              <textarea id="cy-query" rows={5} value={query} onInput={(e) => setQuery(e.currentTarget.value)} spellcheck={false} />
            </>
          ) : (
            <>
              <p data-testid="cy-description">{file.description}</p>
              {file.params.length > 0 ? (
                <fieldset class="inline-form"><legend>Parameters (Cypher literals, as <code>:param</code> takes them)</legend>
                  {file.params.map((p) => (
                    <div class="field" key={p.name}><label for={`cy-p-${p.name}`}>${p.name}</label>
                      <input id={`cy-p-${p.name}`} value={literals[p.name] ?? p.literal} spellcheck={false}
                        onInput={(e) => setLiterals({ ...literals, [p.name]: e.currentTarget.value })} /></div>
                  ))}
                </fieldset>
              ) : <p class="muted">No parameters.</p>}
              <details><summary>Text of cypher/{file.name}.cypher</summary><pre class="cypher-text">{file.text}</pre></details>
            </>
          )}
          <div class="inline-form">
            <div class="field"><label for="cy-max">Row cap</label>
              <input id="cy-max" type="number" min={1} max={1000} value={maxRows} onInput={(e) => setMaxRows(Number(e.currentTarget.value))} /></div>
            <button type="submit" disabled={busy}>{busy ? 'Running…' : 'Run'}</button>
          </div>
        </form>
      </Card>
      {outcome?.error !== undefined ? <Card title="Error" wide><ErrorNote code={outcome.error.code} message={outcome.error.message} /></Card> : null}
      {outcome?.result !== undefined ? <ResultCards result={outcome.result} /> : null}
    </div>
  );
}

function ResultCards({ result }: { result: Result }) {
  const elements = resultElements(result.rows);
  return (
    <>
      <Card title="Result" wide>
        <p data-testid="cy-summary">{result.rows.length} rows in {result.elapsedMs} ms{result.truncated ? ` (capped at ${result.maxRows}; more rows were not fetched)` : ''}.</p>
        <div class="table-wrap"><table data-testid="cy-table">
          <thead><tr>{result.columns.map((c) => <th key={c}>{c}</th>)}</tr></thead>
          <tbody>{result.rows.map((row, i) => <tr key={i}>{row.map((v, j) => <td key={j}>{cellText(v)}</td>)}</tr>)}</tbody>
        </table></div>
      </Card>
      {elements.length > 0 ? (
        <Card title="As a graph" wide>
          <Network elements={elements as never} label={`Result graph: ${elements.filter((e) => e.group === 'nodes').length} nodes`} />
        </Card>
      ) : null}
    </>
  );
}
