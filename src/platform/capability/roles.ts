/** A user role a capability introduces (e.g. booking's `specialist`); granted with `secretary admin grant`. */
export interface RoleDeclaration {
  name: string;
  /** One line for `secretary admin grant --help` and the admin pages. */
  description: string;
}

/** Roles the platform itself knows: everyone is a `user`; `admin` runs the place. */
export const PLATFORM_ROLES: readonly RoleDeclaration[] = [
  { name: 'user', description: 'Everyone who talks to the bot' },
  { name: 'admin', description: 'Runs this Secretary: users, roles, queues, broadcasts' },
];

const ROLE_NAME = /^[a-z][a-z0-9_-]{1,31}$/;

/** The platform's roles plus the declared ones; rejects bad names and a role declared twice. */
export function collectRoles(
  declared: ReadonlyArray<{ by: string; role: RoleDeclaration }>,
): RoleDeclaration[] {
  const roles = new Map(PLATFORM_ROLES.map((r) => [r.name, { by: 'platform', role: r }]));
  for (const entry of declared) {
    if (!ROLE_NAME.test(entry.role.name))
      throw new Error(`Role "${entry.role.name}" (${entry.by}) is not a valid name`);
    const other = roles.get(entry.role.name);
    if (other) throw new Error(`Role "${entry.role.name}" is declared by both ${other.by} and ${entry.by}`);
    roles.set(entry.role.name, entry);
  }
  return [...roles.values()].map((r) => r.role);
}
