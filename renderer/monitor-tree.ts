/**
 * The IP Security Monitor snap-in's tree for one computer (reference §6.6): Active Policy, then
 * Main Mode and Quick Mode with their five nodes each. Ids are fixed, so the selection and the
 * expanded nodes survive refreshes.
 */
export type MonitorNodeId =
  | 'host'
  | 'active-policy'
  | 'main-mode'
  | 'mm-generic'
  | 'mm-specific'
  | 'mm-policies'
  | 'mm-stats'
  | 'mm-sas'
  | 'quick-mode'
  | 'qm-generic'
  | 'qm-specific'
  | 'qm-policies'
  | 'qm-stats'
  | 'qm-sas';

export interface MonitorNode {
  readonly id: MonitorNodeId;
  readonly label: string;
  readonly children: readonly MonitorNode[];
}

const leaf = (id: MonitorNodeId, label: string): MonitorNode => ({ id, label, children: [] });

export function monitorTree(host: string): MonitorNode[] {
  return [
    {
      id: 'host',
      label: host,
      children: [
        leaf('active-policy', 'Active Policy'),
        {
          id: 'main-mode',
          label: 'Main Mode',
          children: [
            leaf('mm-generic', 'Generic Filters'),
            leaf('mm-specific', 'Specific Filters'),
            leaf('mm-policies', 'IKE Policies'),
            leaf('mm-stats', 'Statistics'),
            leaf('mm-sas', 'Security Associations'),
          ],
        },
        {
          id: 'quick-mode',
          label: 'Quick Mode',
          children: [
            leaf('qm-generic', 'Generic Filters'),
            leaf('qm-specific', 'Specific Filters'),
            leaf('qm-policies', 'Negotiation Policies'),
            leaf('qm-stats', 'Statistics'),
            leaf('qm-sas', 'Security Associations'),
          ],
        },
      ],
    },
  ];
}

/** The node and the labels above it, below the computer: `Quick Mode › Statistics`. */
export function nodePath(roots: readonly MonitorNode[], id: MonitorNodeId): { node: MonitorNode; path: string } | null {
  const find = (nodes: readonly MonitorNode[], trail: string[]): { node: MonitorNode; path: string } | null => {
    for (const node of nodes) {
      const here = node.id === 'host' ? trail : [...trail, node.label];
      if (node.id === id) return { node, path: node.id === 'host' ? node.label : here.join(' › ') };
      const found = find(node.children, here);
      if (found) return found;
    }
    return null;
  };
  return find(roots, []);
}
