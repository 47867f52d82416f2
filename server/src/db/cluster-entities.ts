import { EntitySchema } from '@mikro-orm/core';

/**
 * A queued deploy claimed by one control plane (issue 16, several replicas on one PostgreSQL): the replica
 * running it and how long its claim holds unless renewed. A row exists only while the deploy waits to
 * start on that replica or runs there; the deploy's primary key makes a second claim impossible.
 */
export interface DeployClaim {
  deployId: string;
  /** `<host>/<pid>/<random>` of the claiming process. */
  owner: string;
  /** The owner renews this while it runs the deploy; once past, the owner counts as gone. */
  leaseUntil: Date;
}

export const DeployClaimEntity = new EntitySchema<DeployClaim>({
  name: 'DeployClaim',
  tableName: 'deploy_claims',
  indexes: [{ properties: ['owner'] }, { properties: ['leaseUntil'] }],
  properties: {
    deployId: {
      kind: 'm:1',
      entity: 'Deploy',
      mapToPk: true,
      primary: true,
      fieldName: 'deploy_id',
      deleteRule: 'cascade',
      // The primary key's own index serves lookups by deploy.
      index: false,
    },
    owner: { type: 'string', length: 80 },
    leaseUntil: { type: 'datetime' },
  },
});

export const clusterEntities = [DeployClaimEntity];
