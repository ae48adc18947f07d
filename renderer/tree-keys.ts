/** What the keys need of a tree node: its id, its label (type-ahead) and whether it has children. */
export interface KeyNode {
  readonly id: string;
  readonly label: string;
  readonly children: readonly KeyNode[];
}

/** One row of a tree as drawn: the node, its depth (1 at the top) and its parent's id. */
export interface VisibleItem<N extends KeyNode = KeyNode> {
  readonly node: N;
  readonly level: number;
  readonly parent: string | null;
}

/** The rows a reader can reach, top to bottom, given which nodes are collapsed. */
export function visibleItems<N extends KeyNode & { readonly children: readonly N[] }>(
  roots: readonly N[],
  collapsed: ReadonlySet<string>,
): VisibleItem<N>[] {
  const out: VisibleItem<N>[] = [];
  const walk = (nodes: readonly N[], level: number, parent: string | null) => {
    for (const node of nodes) {
      out.push({ node, level, parent });
      if (node.children.length && !collapsed.has(node.id)) walk(node.children, level + 1, node.id);
    }
  };
  walk(roots, 1, null);
  return out;
}

/** What a key press on a tree item asks for; null when the tree does not handle the key. */
export type TreeCommand =
  | { readonly focus: string }
  | { readonly expand: readonly string[] }
  | { readonly collapse: string }
  | { readonly activate: string };

/**
 * The WAI-ARIA tree view keys: ↑/↓ move, → opens or enters, ← closes or goes to the parent,
 * Home/End, * opens all siblings, Enter/Space open/close a container or activate a leaf, and
 * typing a letter moves to the next item that starts with it.
 */
export function treeKey(key: string, items: readonly VisibleItem[], current: string, collapsed: ReadonlySet<string>): TreeCommand | null {
  const index = items.findIndex((i) => i.node.id === current);
  const item = items[index];
  if (!item) return items[0] ? { focus: items[0].node.id } : null;
  const parentNode = item.node.children.length > 0;
  const open = parentNode && !collapsed.has(item.node.id);
  const focus = (i: number | undefined) => {
    const target = i === undefined ? undefined : items[i];
    return target ? { focus: target.node.id } : null;
  };

  switch (key) {
    case 'ArrowDown':
      return focus(index + 1);
    case 'ArrowUp':
      return focus(index - 1);
    case 'Home':
      return focus(0);
    case 'End':
      return focus(items.length - 1);
    case 'ArrowRight':
      if (!parentNode) return null;
      return open ? focus(index + 1) : { expand: [item.node.id] };
    case 'ArrowLeft':
      if (open) return { collapse: item.node.id };
      return item.parent ? { focus: item.parent } : null;
    case 'Enter':
    case ' ':
      if (!parentNode) return { activate: item.node.id };
      return open ? { collapse: item.node.id } : { expand: [item.node.id] };
    case '*':
      return {
        expand: items.filter((i) => i.parent === item.parent && i.node.children.length > 0).map((i) => i.node.id),
      };
    default:
      return typeAhead(key, items, index);
  }
}

function typeAhead(key: string, items: readonly VisibleItem[], index: number): TreeCommand | null {
  if (key.length !== 1 || !/\S/.test(key)) return null;
  const letter = key.toLocaleLowerCase();
  for (let step = 1; step <= items.length; step++) {
    const candidate = items[(index + step) % items.length];
    if (candidate?.node.label.toLocaleLowerCase().startsWith(letter)) return { focus: candidate.node.id };
  }
  return null;
}
