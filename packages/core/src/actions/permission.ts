/**
 * A plugin permission: `<domain>:read` or `<domain>:write`, where the domain is the text before the
 * first dot of an event or action name (`contact.offered` -> `contact`). `state:read` lets a plugin
 * read the desk's state. A `write` permission does not imply `read`.
 *
 * | a plugin wants to                                  | it needs                                        |
 * |----------------------------------------------------|-------------------------------------------------|
 * | subscribe to event `contact.offered`               | `contact:read`                                  |
 * | emit event `contact.offered`                       | `contact:write`                                 |
 * | invoke, hook, replace or register action `X`       | `X`'s declared `permission`, else `<domain>:write` |
 * | read the state (`ctx.state`)                       | `state:read`                                    |
 * | use events and actions named `<pluginName>.*`      | nothing: its own namespace                      |
 * | use `ctx.storage`                                  | nothing: it is namespaced to the plugin         |
 */
export type Permission = `${string}:read` | `${string}:write` | 'state:read';

/** The domain of a dot-namespaced name: the text before its first dot (or the whole name). */
export function domainOf(name: string): string {
  const dot = name.indexOf('.');
  return dot === -1 ? name : name.slice(0, dot);
}

/**
 * The permission a plugin needs to invoke, hook, replace or register action `name`: the
 * action's declared `permission`, else `<domain>:write`.
 */
export function actionPermission(name: string, declared?: Permission): Permission {
  return declared ?? `${domainOf(name)}:write`;
}
