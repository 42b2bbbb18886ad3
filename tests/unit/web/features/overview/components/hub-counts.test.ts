// @vitest-environment jsdom
import { createElement } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HubCounts } from '../../../../../../src/web/features/overview/components/hub-counts';

afterEach(cleanup);

const statistics = { totalDeviceCount: 1200, enabledDeviceCount: 1000, disabledDeviceCount: 200 };
const region = () => screen.getByRole('region', { name: 'Device counts' }).textContent;

describe('HubCounts', () => {
  it('shows edge devices, modules and the cap when the hub answered', () => {
    render(
      createElement(HubCounts, {
        statistics,
        counts: { edgeDevices: 3, modules: 1042, deviceCap: 500_000, countedAt: '' },
      }),
    );
    expect(region()).toContain('Devices1,200of 500,000 allowed');
    expect(region()).toContain('Edge devices3');
    expect(region()).toContain('Modules1,042');
  });

  it('says unknown for a count the hub refused, and leaves the cap out when not configured', () => {
    render(
      createElement(HubCounts, {
        statistics,
        counts: { edgeDevices: null, modules: 7, deviceCap: null, countedAt: '' },
      }),
    );
    expect(region()).toContain('Edge devicesunknown');
    expect(region()).toContain('Modules7');
    expect(region()).not.toContain('allowed');
  });

  it('never shows 0 while the counts load, and unknown when they could not be read', () => {
    const view = render(createElement(HubCounts, { statistics, counts: undefined }));
    expect(region()).toContain('Edge devices–');
    view.rerender(createElement(HubCounts, { statistics, counts: null }));
    expect(region()).toContain('Edge devicesunknown');
    expect(region()).toContain('Modulesunknown');
  });
});
