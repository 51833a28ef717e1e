import { SwitchboardError } from '../errors';

/** The part of a plugin definition that ordering looks at. */
interface Node {
  readonly name: string;
  readonly dependsOn?: readonly string[];
}

/** The first dependency cycle among `nodes`, as names with the first repeated at the end. */
function findCycle(
  nodes: readonly Node[],
  byName: ReadonlyMap<string, Node>,
): string[] | undefined {
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  const visit = (node: Node): string[] | undefined => {
    if (onPath.has(node.name)) return [...path.slice(path.indexOf(node.name)), node.name];
    if (done.has(node.name)) return undefined;
    path.push(node.name);
    onPath.add(node.name);
    for (const dependency of node.dependsOn ?? []) {
      const next = byName.get(dependency);
      const cycle = next === undefined ? undefined : visit(next);
      if (cycle !== undefined) return cycle;
    }
    path.pop();
    onPath.delete(node.name);
    done.add(node.name);
    return undefined;
  };
  for (const node of nodes) {
    const cycle = visit(node);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}

/**
 * Checks a batch of plugins against each other and the `loaded` names, and returns the batch's
 * indexes in setup order: dependencies first, otherwise in the given order (a stable
 * topological sort that always takes the earliest plugin whose dependencies are placed).
 *
 * @throws {@link SwitchboardError} `PLUGIN_DUPLICATE`, `PLUGIN_MISSING_DEPENDENCY` (details list
 * every missing pair) or `PLUGIN_DEPENDENCY_CYCLE` (details give the cycle).
 * @internal
 */
export function orderPlugins(nodes: readonly Node[], loaded: ReadonlySet<string>): number[] {
  const byName = new Map<string, Node>();
  for (const node of nodes) {
    if (byName.has(node.name) || loaded.has(node.name)) {
      throw new SwitchboardError('PLUGIN_DUPLICATE', `Plugin "${node.name}" is loaded twice.`, {
        details: { plugin: node.name, alreadyLoaded: loaded.has(node.name) },
      });
    }
    byName.set(node.name, node);
  }

  const missing = nodes.flatMap((node) =>
    (node.dependsOn ?? [])
      .filter((dependency) => !byName.has(dependency) && !loaded.has(dependency))
      .map((dependency) => ({ plugin: node.name, dependency })),
  );
  const [first] = missing;
  if (first !== undefined) {
    throw new SwitchboardError(
      'PLUGIN_MISSING_DEPENDENCY',
      `Plugin "${first.plugin}" depends on "${first.dependency}", which is not loaded.`,
      { details: { ...first, missing } },
    );
  }

  const cycle = findCycle(nodes, byName);
  if (cycle !== undefined) {
    throw new SwitchboardError(
      'PLUGIN_DEPENDENCY_CYCLE',
      `Plugin dependencies form a cycle: ${cycle.join(' -> ')}.`,
      { details: { cycle } },
    );
  }

  const placed = new Set<string>();
  const order: number[] = [];
  while (order.length < nodes.length) {
    const index = nodes.findIndex(
      (node) =>
        !placed.has(node.name) &&
        (node.dependsOn ?? []).every(
          (dependency) => placed.has(dependency) || !byName.has(dependency),
        ),
    );
    const node = nodes[index];
    /* v8 ignore next -- unreachable: cycles were rejected above */
    if (node === undefined) break;
    placed.add(node.name);
    order.push(index);
  }
  return order;
}
