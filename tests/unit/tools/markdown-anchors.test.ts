import { describe, expect, it } from 'vitest';
import { markdownAnchors, slugOf } from '../../../tools/markdown-anchors';

describe('the anchors of Markdown headings', () => {
  it.each([
    ['Backup and undo files', 'backup-and-undo-files'],
    ['`POST /jobs/create`: create a job', 'post-jobscreate-create-a-job'],
    ['What support can and cannot see', 'what-support-can-and-cannot-see'],
    ['Keys, thumbprints & twins', 'keys-thumbprints--twins'],
  ])('slugs "%s" as GitHub does: %s', (heading, slug) => {
    expect(slugOf(heading)).toBe(slug);
  });

  it('numbers a repeated heading and ignores headings in code blocks', () => {
    const markdown = ['# Notes', '## Limits', '```', '# not a heading', '```', '## Limits'].join(
      '\n',
    );
    expect([...markdownAnchors(markdown)]).toEqual(['notes', 'limits', 'limits-1']);
  });
});
