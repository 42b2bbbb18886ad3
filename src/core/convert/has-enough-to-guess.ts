const GUESS_HARD_LIMIT = 1024 * 1024;

/**
 * Guessing needs the first lines whole: at least `min` characters and two line breaks (or a lot of
 * text).
 */
export function hasEnoughToGuess(text: string, min: number): boolean {
  if (text.length >= GUESS_HARD_LIMIT) return true;
  if (text.length < min) return false;
  const first = text.indexOf('\n');
  return first !== -1 && text.indexOf('\n', first + 1) !== -1;
}
