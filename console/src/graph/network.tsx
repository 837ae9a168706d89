import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'preact/hooks';

type Elements = cytoscape.ElementDefinition[];

const STYLE: cytoscape.StylesheetJson = [
  { selector: 'node', style: { label: 'data(label)', 'font-size': 11, color: '#1b1f24', 'text-valign': 'bottom', 'text-margin-y': 3, 'background-color': '#6c8ebf', width: 22, height: 22 } },
  { selector: 'node.centre', style: { 'background-color': '#0b5cad', width: 32, height: 32, 'font-weight': 'bold' } },
  { selector: 'node.expandable', style: { 'border-width': 2, 'border-style': 'dashed', 'border-color': '#0b5cad', 'background-color': '#c9d8ee' } },
  { selector: 'node.item', style: { shape: 'round-rectangle', 'background-color': '#e8a33d', width: 18, height: 18 } },
  { selector: 'node.path-node', style: { 'background-color': '#6c8ebf' } },
  { selector: 'edge', style: { width: 1.5, 'line-color': '#9aa7b8', 'curve-style': 'bezier' } },
  { selector: 'edge.follows', style: { 'target-arrow-shape': 'triangle', 'target-arrow-color': '#5b6b80', 'line-style': 'dashed' } },
  { selector: 'edge.shared', style: { 'line-color': '#e8a33d', width: 1 } },
  { selector: 'edge[label]', style: { label: 'data(label)', 'font-size': 9, 'target-arrow-shape': 'triangle', 'text-rotation': 'autorotate' } },
];

/**
 * A Cytoscape.js network. The instance is kept on the container (`cy`) so browser tests can find where a node
 * is drawn and click it there; `onTapNode` gets the tapped node's id.
 */
export function Network({ elements, label, onTapNode }: { elements: Elements; label: string; onTapNode?: (id: string) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const tap = useRef(onTapNode);
  tap.current = onTapNode;
  useEffect(() => {
    const el = box.current;
    if (el === null) return;
    const cy = cytoscape({ container: el, style: STYLE, wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 3 });
    cy.on('tap', 'node', (e) => tap.current?.(e.target.id() as string));
    cyRef.current = cy;
    (el as HTMLDivElement & { cy?: cytoscape.Core }).cy = cy;
    return () => cy.destroy();
  }, []);
  useEffect(() => {
    const cy = cyRef.current;
    if (cy === null) return;
    cy.elements().remove();
    cy.add(elements);
    // A circle first, then the force layout from there: the same elements always get the same picture
    // (cose's own randomised start would not), so screenshots and clicks in tests are repeatable.
    cy.layout({ name: 'circle', animate: false }).run();
    cy.layout({ name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 70, padding: 20 } as cytoscape.LayoutOptions).run();
    cy.fit(undefined, 24);
  }, [JSON.stringify(elements)]);
  return <div ref={box} class="graph" role="img" aria-label={label} data-testid="network" />;
}
