import { isMap, isScalar, type Node, type Scalar } from 'yaml';
import { type ComposeFile, get, items, isInterpolated, type ResourceSection, type Service, text } from './model';

/** A service named by another one: in `depends_on`, `links` or `extends`. */
export interface ServiceReference {
  name: string;
  /** The scalar naming it (for `links: [db:database]`, the whole item). */
  node: Scalar;
  /** The service that refers. */
  from: Service;
  via: 'depends_on' | 'links' | 'extends';
  /** `depends_on` long form with `required: false`: `docker compose` accepts a missing service. */
  optional?: boolean;
}

/** A network, volume, secret or config named by a service. */
export interface ResourceReference {
  section: ResourceSection;
  name: string;
  node: Scalar;
  from: Service;
}

/** A named volume, as `docker compose` tells it from a host path: no `.`, `/` or `~` in front, a Docker volume name. */
const VOLUME_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

function dependsOn(service: Service): ServiceReference[] {
  const node = get(service.node, 'depends_on');
  if (isMap(node)) {
    return node.items.flatMap((pair) => {
      const name = text(pair.key);
      if (name === undefined || name === '<<' || !isScalar(pair.key)) return [];
      const optional = text(get(pair.value, 'required')) === 'false';
      return [{ name, node: pair.key, from: service, via: 'depends_on' as const, ...(optional ? { optional } : {}) }];
    });
  }
  return items(node).flatMap((item) =>
    isScalar(item) && text(item) !== undefined ? [{ name: text(item) as string, node: item, from: service, via: 'depends_on' as const }] : [],
  );
}

function links(service: Service): ServiceReference[] {
  return items(get(service.node, 'links')).flatMap((item) => {
    const value = text(item);
    return isScalar(item) && value !== undefined ? [{ name: value.split(':')[0], node: item, from: service, via: 'links' as const }] : [];
  });
}

function extendsOf(service: Service): ServiceReference[] {
  const node = get(service.node, 'extends');
  // `extends: { file: other.yml, service: x }` names a service of another file.
  if (isMap(node) && get(node, 'file') !== undefined) return [];
  const target = isMap(node) ? get(node, 'service') : node;
  const name = text(target);
  return isScalar(target) && name !== undefined ? [{ name, node: target, from: service, via: 'extends' }] : [];
}

/** Every service another service names, in file order per service. */
export function serviceReferences(file: ComposeFile): ServiceReference[] {
  return file.services.flatMap((s) => [...dependsOn(s), ...links(s), ...extendsOf(s)]).filter((r) => !isInterpolated(r.name));
}

/** `networks: [a]` or `networks: { a: {...} }`. */
function networks(service: Service): Array<{ name: string; node: Scalar }> {
  const node = get(service.node, 'networks');
  // A `<<` merge brings the networks of an anchor, checked where the anchor is written.
  if (isMap(node))
    return node.items.flatMap((p) =>
      isScalar(p.key) && text(p.key) !== undefined && text(p.key) !== '<<' ? [{ name: text(p.key) as string, node: p.key }] : [],
    );
  return items(node).flatMap((i) => (isScalar(i) && text(i) !== undefined ? [{ name: text(i) as string, node: i }] : []));
}

/** The named volumes of `volumes:` (short `name:/path[:mode]`, or long `{ type: volume, source }`). */
function volumes(service: Service): Array<{ name: string; node: Scalar }> {
  return items(get(service.node, 'volumes')).flatMap((item) => {
    if (isScalar(item)) {
      const value = text(item) ?? '';
      const parts = value.split(':');
      // `C:\data:/data` is a Windows host path, not the volume `C`.
      const windowsPath = /^[A-Za-z]:[\\/]/.test(value);
      return parts.length >= 2 && !windowsPath && VOLUME_NAME.test(parts[0]) ? [{ name: parts[0], node: item }] : [];
    }
    const source = get(item, 'source');
    const type = text(get(item, 'type'));
    return type === 'volume' && isScalar(source) && text(source) !== undefined ? [{ name: text(source) as string, node: source }] : [];
  });
}

/** `secrets: [a]` / `configs: [a]`, or `[{ source: a, target: … }]`. */
function sources(service: Service, key: 'secrets' | 'configs'): Array<{ name: string; node: Scalar }> {
  return items(get(service.node, key)).flatMap((item) => {
    const node = isMap(item) ? get(item, 'source') : item;
    return isScalar(node) && text(node) !== undefined ? [{ name: text(node) as string, node }] : [];
  });
}

/** Every network, named volume, secret and config the services name. */
export function resourceReferences(file: ComposeFile): ResourceReference[] {
  const found: ResourceReference[] = [];
  for (const from of file.services) {
    const add = (section: ResourceSection, refs: Array<{ name: string; node: Scalar }>) => {
      for (const r of refs) if (!isInterpolated(r.name)) found.push({ section, ...r, from });
    };
    add('networks', networks(from));
    add('volumes', volumes(from));
    add('secrets', sources(from, 'secrets'));
    add('configs', sources(from, 'configs'));
  }
  return found;
}

/** Whether a node holds an offset (its end included, where the cursor sits after typing). */
export function holds(node: Node, offset: number): boolean {
  return !!node.range && node.range[0] <= offset && offset <= node.range[1];
}
