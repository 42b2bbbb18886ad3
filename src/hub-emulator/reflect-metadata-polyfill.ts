// Copy of src/dev-stack/reflect-metadata-polyfill.ts: hub-emulator may not import dev-stack, and
// main.ts needs it before src/local-ca loads (should move into src/local-ca; see the report).
// @peculiar/x509 (used by src/local-ca) loads tsyringe, which throws at import time unless the
// Reflect metadata API exists ("tsyringe requires a reflect polyfill"). No polyfill package is
// installed, so this provides the five functions tsyringe and tslib's __metadata call. It must be
// imported before anything that imports src/local-ca.

type MetadataTarget = object;
type MetadataMap = Map<unknown, unknown>;

interface ReflectMetadata {
  defineMetadata(key: unknown, value: unknown, target: MetadataTarget): void;
  getOwnMetadata(key: unknown, target: MetadataTarget): unknown;
  getMetadata(key: unknown, target: MetadataTarget): unknown;
  hasMetadata(key: unknown, target: MetadataTarget): boolean;
  metadata(key: unknown, value: unknown): (target: MetadataTarget) => void;
}

const reflect = Reflect as typeof Reflect & Partial<ReflectMetadata>;

if (typeof reflect.getMetadata !== 'function') {
  const store = new WeakMap<MetadataTarget, MetadataMap>();
  const own = (target: MetadataTarget): MetadataMap | undefined => store.get(target);
  const lookup = (key: unknown, target: MetadataTarget): { found: boolean; value: unknown } => {
    for (let current: MetadataTarget | null = target; current; current = Object.getPrototypeOf(current) as MetadataTarget | null) {
      const map = own(current);
      if (map?.has(key)) return { found: true, value: map.get(key) };
    }
    return { found: false, value: undefined };
  };
  const polyfill: ReflectMetadata = {
    defineMetadata(key, value, target) {
      const map = own(target) ?? new Map<unknown, unknown>();
      map.set(key, value);
      store.set(target, map);
    },
    getOwnMetadata: (key, target) => own(target)?.get(key),
    getMetadata: (key, target) => lookup(key, target).value,
    hasMetadata: (key, target) => lookup(key, target).found,
    metadata: (key, value) => (target) => polyfill.defineMetadata(key, value, target),
  };
  Object.assign(Reflect, polyfill);
}

export {};
