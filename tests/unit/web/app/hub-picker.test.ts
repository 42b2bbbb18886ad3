// @vitest-environment jsdom
import { createElement } from 'react';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HubPicker } from '../../../../src/web/app/hub-picker';
import { CurrentHubContext } from '../../../../src/web/lib/hubs/current-hub';
import type { ConsoleHub } from '../../../../src/web/lib/hubs/console-hub';

afterEach(cleanup);

const hubs: ConsoleHub[] = [
  {
    id: 'hub-a',
    displayName: 'Local hub A',
    hostName: 'hub-a.local',
    role: 'admin',
    apiBase: '/api/hubs/hub-a',
  },
  {
    id: 'hub-b',
    displayName: 'Local hub B',
    hostName: 'hub-b.local',
    role: 'support',
    apiBase: '/api/hubs/hub-b',
  },
];

function renderPicker(switchHub: (hubId: string) => void) {
  const [current] = hubs;
  if (!current) throw new Error('no hub');
  return render(
    createElement(
      CurrentHubContext,
      { value: { hub: current, hubs, switchHub } },
      createElement(HubPicker),
    ),
  );
}

describe('HubPicker', () => {
  it('names the current hub by display name and host', () => {
    renderPicker(vi.fn());
    const button = screen.getByRole('button', {
      name: /^Local hub A\s*hub-a\.local\s*, change hub$/,
    });
    expect(button.textContent).toContain('Local hub A');
    expect(button.textContent).toContain('hub-a.local');
  });

  it('lists every hub offered with its host and the user’s role on it', () => {
    renderPicker(vi.fn());
    fireEvent.click(screen.getByRole('button', { name: /change hub$/ }));
    const items = within(screen.getByRole('menu')).getAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Local hub Ahub-a.localAdmin',
      'Local hub Bhub-b.localSupport',
    ]);
  });

  it('switches to the hub picked, and not to the one already shown', () => {
    const switchHub = vi.fn();
    renderPicker(switchHub);
    fireEvent.click(screen.getByRole('button', { name: /change hub$/ }));
    fireEvent.click(screen.getByRole('menuitem', { name: /Local hub A/ }));
    expect(switchHub).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: /change hub$/ }));
    fireEvent.click(screen.getByRole('menuitem', { name: /Local hub B/ }));
    expect(switchHub).toHaveBeenCalledWith('hub-b');
  });
});
