import { Blob, File } from 'node:buffer';

// jsdom's Blob and File can be neither structured-cloned (the worker pipe clones every message,
// as postMessage does) nor streamed, and Node's fetch does not send them as a body. A browser's
// are all three, so the hooks run here with Node's, which behave as a browser's do.
Object.assign(globalThis, { Blob, File });
