// @vitest-environment jsdom
import { createElement } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SetupCheckItem } from '../../../../../../src/web/features/setup-check/components/setup-check-item';

afterEach(cleanup);

describe('SetupCheckItem', () => {
  it('shows a problem with its code, the fix and the facts behind it', () => {
    render(
      createElement(SetupCheckItem, {
        result: {
          id: 'storage-cors',
          title: 'CORS on storage for browser uploads',
          status: 'problem',
          code: 'CORS_RULE_MISSING',
          summary: 'Storage refuses the preflight.',
          fix: 'Add a CORS rule: allowed origins https://console.example.org.',
          details: { rule: 'allowed origins https://console.example.org' },
        },
      }),
    );
    const item = screen.getByRole('listitem', { name: 'CORS on storage for browser uploads' });
    expect(item.textContent).toContain('Problem');
    expect(item.textContent).toContain('CORS_RULE_MISSING');
    expect(item.textContent).toContain('How to fix: Add a CORS rule');
    expect(screen.getByText('rule')).toBeTruthy();
  });

  it('shows a passed check without a code or a fix', () => {
    render(
      createElement(SetupCheckItem, {
        result: {
          id: 'job-slot',
          title: "The hub's job slot",
          status: 'ok',
          code: 'OK',
          summary: 'Free.',
        },
      }),
    );
    const item = screen.getByRole('listitem', { name: "The hub's job slot" });
    expect(item.textContent).toContain('OK');
    expect(item.textContent).not.toContain('How to fix');
  });
});
