import * as pulumi from '@pulumi/pulumi';
import * as authorization from '@pulumi/azure-native/authorization/index.js';
import { roleDefinitionId, type BuiltInRole } from './role-definitions';

// Who may do what, as data-plane roles only (docs/deploy.md, "Identities and roles"):
// - the proxy's identity: blobs (containers, metadata, leases, user-delegation SAS), the queue and
//   the operations table on the storage account, and the hub's service API;
// - the hub's own identity: blobs, so identity-based import/export jobs can read and write the
//   operation containers.

export interface RoleGrant {
  /** Unique per grant: the resource's logical name. */
  name: string;
  principalId: pulumi.Input<string>;
  role: BuiltInRole;
  scope: pulumi.Input<string>;
}

export function grantRoles(subscriptionId: pulumi.Input<string>, grants: RoleGrant[]) {
  return grants.map(
    (grant) =>
      new authorization.RoleAssignment(grant.name, {
        principalId: grant.principalId,
        // Service principals of managed identities: saying so avoids the replication race in which
        // a fresh identity is not yet visible to the role assignment API.
        principalType: authorization.PrincipalType.ServicePrincipal,
        roleDefinitionId: pulumi
          .output(subscriptionId)
          .apply((subscription) => roleDefinitionId(subscription, grant.role)),
        scope: grant.scope,
      }),
  );
}
