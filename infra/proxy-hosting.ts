import * as pulumi from '@pulumi/pulumi';
import * as app from '@pulumi/azure-native/app/index.js';
import * as operationalinsights from '@pulumi/azure-native/operationalinsights/index.js';
import { PROXY_LISTEN_PORT, type ContainerEnvVar } from './proxy-environment';

// The proxy (with the built SPA) on Azure Container Apps. At least two replicas: the proxy keeps no
// state of its own (the hub, blob metadata, the operations table and the queue hold it), so a
// replica can be replaced mid-job and another one carries on.

export interface ProxyHostingArgs {
  resourceGroupName: pulumi.Input<string>;
  location: pulumi.Input<string>;
  namePrefix: string;
  image: string;
  registryServer: string | undefined;
  identityId: pulumi.Input<string>;
  environment: ContainerEnvVar[];
  secrets: { name: string; value: pulumi.Input<string> }[];
  replicas: { min: number; max: number };
}

export function defineProxyHosting(args: ProxyHostingArgs) {
  const workspace = new operationalinsights.Workspace('logs', {
    resourceGroupName: args.resourceGroupName,
    location: args.location,
    sku: { name: operationalinsights.WorkspaceSkuNameEnum.PerGB2018 },
    retentionInDays: 30,
  });
  const workspaceKeys = operationalinsights.getSharedKeysOutput({
    resourceGroupName: args.resourceGroupName,
    workspaceName: workspace.name,
  });

  const environment = new app.ManagedEnvironment('apps', {
    resourceGroupName: args.resourceGroupName,
    location: args.location,
    appLogsConfiguration: {
      destination: 'log-analytics',
      logAnalyticsConfiguration: {
        customerId: workspace.customerId,
        sharedKey: pulumi.secret(workspaceKeys.apply((keys) => keys.primarySharedKey ?? '')),
      },
    },
  });

  const probe = (type: 'Liveness' | 'Readiness', path: string) => ({
    type,
    httpGet: { path, port: PROXY_LISTEN_PORT },
    periodSeconds: 10,
    failureThreshold: 3,
  });

  const proxy = new app.ContainerApp('proxy', {
    containerAppName: `${args.namePrefix}-console`,
    resourceGroupName: args.resourceGroupName,
    location: args.location,
    managedEnvironmentId: environment.id,
    identity: {
      type: app.ManagedServiceIdentityType.UserAssigned,
      userAssignedIdentities: [args.identityId],
    },
    configuration: {
      ingress: {
        external: true,
        targetPort: PROXY_LISTEN_PORT,
        transport: app.IngressTransportMethod.Auto,
        allowInsecure: false,
      },
      secrets: args.secrets,
      registries: args.registryServer
        ? [{ server: args.registryServer, identity: args.identityId }]
        : undefined,
    },
    template: {
      containers: [
        {
          name: 'proxy',
          image: args.image,
          env: args.environment,
          resources: { cpu: 0.5, memory: '1Gi' },
          probes: [probe('Liveness', '/healthz'), probe('Readiness', '/readyz')],
        },
      ],
      scale: {
        minReplicas: args.replicas.min,
        maxReplicas: args.replicas.max,
        rules: [{ name: 'http', http: { metadata: { concurrentRequests: '50' } } }],
      },
    },
  });

  const origin = proxy.configuration.apply((configuration) =>
    configuration?.ingress?.fqdn ? `https://${configuration.ingress.fqdn}` : '',
  );
  return { workspace, environment, proxy, origin };
}
