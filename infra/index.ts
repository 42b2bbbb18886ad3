import * as pulumi from '@pulumi/pulumi';
import { defineConsoleInfrastructure } from './console-infrastructure';
import { readConsoleSettings } from './settings';

// `pulumi up` entry point (infra/Pulumi.yaml). Settings come from the stack's configuration
// (`pulumi config set --path console.entra.tenantId <guid>` and so on; docs/deploy.md).

const config = new pulumi.Config();
const azureConfig = new pulumi.Config('azure-native');
const settings = readConsoleSettings({
  location: azureConfig.require('location'),
  ...config.requireObject<Record<string, unknown>>('console'),
});
const deployed = defineConsoleInfrastructure(settings);

export const consoleUrl = deployed.consoleUrl;
export const hubHostName = deployed.hubHostName;
export const storageAccountName = deployed.storageAccountName;
export const proxyIdentityClientId = deployed.proxyIdentityClientId;
