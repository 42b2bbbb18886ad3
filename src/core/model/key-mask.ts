// What the browser shows in place of a symmetric key it holds (import preview and mapping, the
// registry browser and its downloads, the diff's side-by-side): one mark, so a masked key reads
// the same on every page. The proxy's own mark for what it withheld is MASKED_SECRET (contracts).
export const KEY_MASK = '••••••••';
