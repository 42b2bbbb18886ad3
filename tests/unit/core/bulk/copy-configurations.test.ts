import { describe, expect, it } from 'vitest';
import {
  CONFIGURATION_IMPORT_MODE,
  copyConfigurations,
  readConfigurations,
} from '../../../../src/core/bulk/copy-configurations';
import { fixtureConfigurationsText } from './support/hub-export-fixture';

describe('copyConfigurations', () => {
  it('keeps what the admin wrote, PascalCase, and drops what the source hub made', () => {
    const { text, ids, problems } = copyConfigurations(fixtureConfigurationsText());
    expect(problems).toEqual([]);
    expect(ids).toEqual(['edge-baseline', 'thermo-interval']);
    const [deployment, device] = text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(Object.keys(deployment ?? {})).toEqual([
      'Id',
      'SchemaVersion',
      'Labels',
      'Content',
      'TargetCondition',
      'Priority',
      'ImportMode',
    ]);
    expect(deployment?.ImportMode).toBe(CONFIGURATION_IMPORT_MODE);
    expect(Object.keys(deployment?.Content as object)).toEqual(['ModulesContent']);
    expect(device).toEqual({
      Id: 'thermo-interval',
      SchemaVersion: '1.0',
      Labels: {},
      Content: { DeviceContent: { 'properties.desired.interval': 30 } },
      TargetCondition: "tags.kind='thermometer'",
      Priority: 5,
      Metrics: {
        Queries: {
          reporting: "SELECT deviceId FROM devices WHERE properties.reported.firmware = '2.1.0'",
        },
      },
      ImportMode: CONFIGURATION_IMPORT_MODE,
    });
  });

  it('reads camelCase lines too, and names the lines it cannot read', () => {
    const { configurations, problems } = readConfigurations(
      '{"id":"a","priority":1,"content":{"deviceContent":{}}}\r\nnope\r\n{"Labels":{}}\r\n[1]\r\n',
    );
    expect(configurations).toEqual([
      { id: 'a', line: 1, priority: 1, content: { deviceContent: {} } },
    ]);
    expect(problems).toEqual([
      { line: 2, reason: 'not valid JSON' },
      { line: 3, reason: 'no "Id"' },
      { line: 4, reason: 'not a JSON object' },
    ]);
  });
});
