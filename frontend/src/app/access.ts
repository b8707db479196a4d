import type { Role } from '../shared/api/session';

/** Who may open which part of the UI; the API enforces the same, this only keeps menus honest. */
export const ACCESS = {
  workspace: ['operator', 'supervisor', 'admin'],
  clients: ['operator', 'supervisor', 'admin'],
  calls: ['operator', 'supervisor', 'admin'],
  orders: ['operator', 'supervisor', 'admin'],
  tasks: ['operator', 'supervisor', 'admin'],
  conversations: ['operator', 'supervisor', 'admin'],
  knowledge: ['supervisor', 'admin'],
  aiReview: ['supervisor', 'admin'],
  myStats: ['operator'],
  wallboard: ['supervisor', 'admin'],
  stats: ['supervisor', 'admin'],
  profile: ['operator', 'supervisor', 'admin'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Area = keyof typeof ACCESS;

export function mayOpen(role: Role, area: Area): boolean {
  return (ACCESS[area] as readonly Role[]).includes(role);
}

/** Where a user lands after signing in: operators at their workspace, the others at the wallboard. */
export function homeOf(role: Role): string {
  return role === 'operator' ? '/workspace' : '/wallboard';
}
